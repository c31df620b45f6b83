// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/keychainsecretstore.h"

#include <QPromise>
#include <qt6keychain/keychain.h>

#include <memory>

namespace Pilvi {

namespace {

SecretResult resultOf(const QKeychain::Job &job)
{
    using Status = SecretResult::Status;
    switch (job.error()) {
    case QKeychain::NoError: return {};
    case QKeychain::EntryNotFound: return {Status::NotFound, {}, job.errorString()};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser: return {Status::Denied, {}, job.errorString()};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented: return {Status::Unavailable, {}, job.errorString()};
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError: break;
    }
    return {Status::Failed, {}, job.errorString()};
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(QStringLiteral("pilvi"), parent)
{}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

// Unfinished jobs are children and go with this object; their promises are then destroyed
// unfinished, which cancels the futures.
KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::entryName(const QString &cloud, const QString &key)
{
    return cloud + u'/' + key;
}

QFuture<SecretResult> KeychainSecretStore::store(const QString &cloud, const QString &key, const QString &secret)
{
    return run(Operation::Store, cloud, key, secret);
}

QFuture<SecretResult> KeychainSecretStore::read(const QString &cloud, const QString &key)
{
    return run(Operation::Read, cloud, key, {});
}

QFuture<SecretResult> KeychainSecretStore::remove(const QString &cloud, const QString &key)
{
    return run(Operation::Remove, cloud, key, {});
}

QFuture<SecretResult> KeychainSecretStore::run(Operation operation, const QString &cloud, const QString &key,
                                               const QString &secret)
{
    auto promise = std::make_shared<QPromise<SecretResult>>();
    QFuture<SecretResult> future = promise->future();
    promise->start();
    // The job is made and started on this object's thread (directly when the caller is on it).
    QMetaObject::invokeMethod(
        this,
        [this, operation, promise, name = entryName(cloud, key), secret] {
            QKeychain::Job *job = nullptr;
            switch (operation) {
            case Operation::Store: {
                auto *write = new QKeychain::WritePasswordJob(m_service, this);
                write->setTextData(secret);
                job = write;
                break;
            }
            case Operation::Read: job = new QKeychain::ReadPasswordJob(m_service, this); break;
            case Operation::Remove: job = new QKeychain::DeletePasswordJob(m_service, this); break;
            }
            job->setKey(name);
            job->setInsecureFallback(false); // never a plain-text copy in QSettings
            job->setAutoDelete(true);
            connect(job, &QKeychain::Job::finished, this, [promise, operation](QKeychain::Job *finished) {
                SecretResult result = resultOf(*finished);
                if (result.ok() && operation == Operation::Read)
                    result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
                promise->addResult(std::move(result));
                promise->finish();
            });
            job->start();
        },
        Qt::AutoConnection);
    return future;
}

} // namespace Pilvi
