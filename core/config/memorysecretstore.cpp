// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/memorysecretstore.h"

#include <QMutexLocker>

namespace Pilvi {

namespace {
QString entryName(const QString &cloud, const QString &key)
{
    return cloud + u'\n' + key; // a newline is in neither a cloud name nor a key
}
} // namespace

QFuture<SecretResult> MemorySecretStore::store(const QString &cloud, const QString &key, const QString &secret)
{
    const QMutexLocker locker(&m_mutex);
    if (!m_failure.ok())
        return QtFuture::makeReadyValueFuture(m_failure);
    m_secrets.insert(entryName(cloud, key), secret);
    return QtFuture::makeReadyValueFuture(SecretResult{});
}

QFuture<SecretResult> MemorySecretStore::read(const QString &cloud, const QString &key)
{
    const QMutexLocker locker(&m_mutex);
    if (!m_failure.ok())
        return QtFuture::makeReadyValueFuture(m_failure);
    const auto found = m_secrets.constFind(entryName(cloud, key));
    if (found == m_secrets.constEnd())
        return QtFuture::makeReadyValueFuture(SecretResult{SecretResult::Status::NotFound, {}, QStringLiteral("no such secret")});
    return QtFuture::makeReadyValueFuture(SecretResult{SecretResult::Status::Ok, *found, {}});
}

QFuture<SecretResult> MemorySecretStore::remove(const QString &cloud, const QString &key)
{
    const QMutexLocker locker(&m_mutex);
    if (!m_failure.ok())
        return QtFuture::makeReadyValueFuture(m_failure);
    if (m_secrets.remove(entryName(cloud, key)) == 0)
        return QtFuture::makeReadyValueFuture(SecretResult{SecretResult::Status::NotFound, {}, QStringLiteral("no such secret")});
    return QtFuture::makeReadyValueFuture(SecretResult{});
}

void MemorySecretStore::setFailure(SecretResult::Status status, const QString &errorString)
{
    const QMutexLocker locker(&m_mutex);
    m_failure = {status, {}, errorString};
}

} // namespace Pilvi
