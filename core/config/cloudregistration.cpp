// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/cloudregistration.h"

#include "config/secretstore.h"

#include <QFileInfo>
#include <QPromise>
#include <QtConcurrentRun>

#include <memory>

namespace Pilvi {

CloudFiles CloudFiles::forUser(const QString &userCloudsFile, const QString &userSecureFile,
                               const QProcessEnvironment &environment)
{
    CloudFiles files;
    const QString folder =
        userCloudsFile.isEmpty() ? defaultCloudsDirectory(environment) : QFileInfo(userCloudsFile).absolutePath();
    files.cloudsFile = userCloudsFile.isEmpty() ? folder + QStringLiteral("/clouds.yaml") : userCloudsFile;
    files.secureFile = userSecureFile.isEmpty() ? folder + QStringLiteral("/secure.yaml") : userSecureFile;
    return files;
}

namespace {

// Stores secrets[0...] one after the other; the promise ends with "" or the first failure.
void storeSecrets(SecretStore *store, const QString &cloud, QList<CloudSecret> secrets,
                  const std::shared_ptr<QPromise<QString>> &promise)
{
    if (secrets.isEmpty()) {
        promise->addResult(QString());
        promise->finish();
        return;
    }
    const CloudSecret secret = secrets.takeFirst();
    store->store(cloud, secret.key, secret.value)
        .then([store, cloud, secrets, promise, key = secret.key](const SecretResult &result) {
            if (!result.ok()) {
                promise->addResult(QStringLiteral("%1 was added to clouds.yaml, but its %2 could not be put in the keychain: %3")
                                       .arg(cloud, key, result.errorString));
                promise->finish();
                return;
            }
            storeSecrets(store, cloud, secrets, promise);
        })
        .onCanceled([promise] {
            promise->addResult(QStringLiteral("the keychain went away before it stored the secret"));
            promise->finish();
        });
}

} // namespace

QFuture<QString> registerCloud(const CloudFiles &files, const CloudProfile &cloud, SecretPlacement placement, SecretStore *store)
{
    if (placement == SecretPlacement::Keychain && !store)
        return QtFuture::makeReadyValueFuture(QStringLiteral("no keychain is available; keep the secret in secure.yaml instead"));
    const QList<CloudSecret> secrets = secretsOf(cloud.auth);
    return QtConcurrent::run(
               [files, cloud, placement] { return writeCloudEntry(files.cloudsFile, files.secureFile, cloud, placement); })
        .then(QtFuture::Launch::Sync,
              [store, cloud, placement, secrets](const QString &error) {
                  if (!error.isEmpty() || placement == SecretPlacement::SecureFile)
                      return QtFuture::makeReadyValueFuture(error);
                  auto promise = std::make_shared<QPromise<QString>>();
                  promise->start();
                  storeSecrets(store, cloud.name, secrets, promise);
                  return promise->future();
              })
        .unwrap();
}

} // namespace Pilvi
