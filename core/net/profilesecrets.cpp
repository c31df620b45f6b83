// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/profilesecrets.h"

#include "config/secretstore.h"
#include "net/apierror.h"

#include <QPromise>

#include <memory>

namespace Pilvi {

QStringList missingSecretKeys(const CloudProfile &profile)
{
    const QString type = profile.authType;
    const CloudAuth &auth = profile.auth;
    if (type.contains(QLatin1StringView("applicationcredential")))
        return auth.applicationCredentialSecret.isEmpty() ? QStringList{QStringLiteral("application_credential_secret")}
                                                          : QStringList{};
    if (type == u"token" || type == u"v3token")
        return auth.token.isEmpty() ? QStringList{QStringLiteral("token")} : QStringList{};
    return auth.password.isEmpty() ? QStringList{QStringLiteral("password")} : QStringList{};
}

namespace {

void setSecret(CloudAuth &auth, const QString &key, const QString &value)
{
    if (key == u"password")
        auth.password = value;
    else if (key == u"application_credential_secret")
        auth.applicationCredentialSecret = value;
    else if (key == u"token")
        auth.token = value;
}

// Reads keys[index...] one after the other into the profile the promise will carry.
void readFrom(SecretStore *store, const std::shared_ptr<QPromise<CloudProfile>> &promise, const CloudProfile &profile,
              QStringList keys)
{
    if (keys.isEmpty()) {
        promise->addResult(profile);
        promise->finish();
        return;
    }
    const QString key = keys.takeFirst();
    store->read(profile.name, key)
        .then([store, promise, profile = CloudProfile(profile), keys, key](const SecretResult &result) mutable {
            if (result.ok()) {
                setSecret(profile.auth, key, result.secret);
            } else if (result.status != SecretResult::Status::NotFound) {
                promise->setException(std::make_exception_ptr(
                    ApiError(ApiError::Kind::Config,
                             QStringLiteral("the %1 of cloud %2 is kept in the keychain, which could not be read: %3")
                                 .arg(key, profile.name, result.errorString))));
                promise->finish();
                return;
            }
            readFrom(store, promise, profile, keys);
        })
        .onCanceled([promise] {
            promise->setException(std::make_exception_ptr(
                ApiError(ApiError::Kind::Cancelled, QStringLiteral("the keychain went away before it answered"))));
            promise->finish();
        });
}

} // namespace

QFuture<CloudProfile> withStoredSecrets(const CloudProfile &profile, SecretStore *store)
{
    auto promise = std::make_shared<QPromise<CloudProfile>>();
    QFuture<CloudProfile> future = promise->future();
    promise->start();
    const QStringList keys = store ? missingSecretKeys(profile) : QStringList{};
    readFrom(store, promise, profile, keys);
    return future;
}

} // namespace Pilvi
