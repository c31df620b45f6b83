// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QString>

namespace Pilvi {

/// What a SecretStore call ended with.
struct SecretResult {
    enum class Status {
        Ok,
        NotFound,    ///< read or remove: there is no such secret
        Denied,      ///< the user or the system refused access (a locked keyring the user did not unlock)
        Unavailable, ///< no keychain service is running
        Failed,      ///< anything else; errorString says what
    };
    Status status = Status::Ok;
    QString secret;      ///< read: the secret (never logged)
    QString errorString; ///< for a person; never holds the secret

    bool ok() const { return status == Status::Ok; }
};

/// Secrets the user chose to keep out of files, by cloud name and clouds.yaml auth key
/// ("password", "application_credential_secret", "token").
///
/// Every call returns at once; the future finishes later, on the store's own thread's event loop.
/// Take the result with a context object, never by waiting:
///   store.read(cloud, key).then(this, [this](const SecretResult &result) { ... });
/// A future whose store was destroyed first is cancelled. Implementations never log secrets.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    SecretStore(const SecretStore &) = delete;
    SecretStore &operator=(const SecretStore &) = delete;

    virtual QFuture<SecretResult> store(const QString &cloud, const QString &key, const QString &secret) = 0;
    virtual QFuture<SecretResult> read(const QString &cloud, const QString &key) = 0;
    virtual QFuture<SecretResult> remove(const QString &cloud, const QString &key) = 0;

protected:
    SecretStore() = default;
};

} // namespace Pilvi
