// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/secretstore.h"

#include <QHash>
#include <QMutex>

namespace Pilvi {

/// Secrets in memory only: for tests, and for a session that must not keep anything. Results are
/// ready at once (continuations still run queued on their context). Thread-safe.
class MemorySecretStore final : public SecretStore
{
public:
    MemorySecretStore() = default;

    QFuture<SecretResult> store(const QString &cloud, const QString &key, const QString &secret) override;
    QFuture<SecretResult> read(const QString &cloud, const QString &key) override;
    QFuture<SecretResult> remove(const QString &cloud, const QString &key) override;

    /// Makes every following call fail with `status` (Ok: work again), to test callers' error paths.
    void setFailure(SecretResult::Status status, const QString &errorString = {});

private:
    QMutex m_mutex;
    QHash<QString, QString> m_secrets; // guarded by m_mutex
    SecretResult m_failure;            // guarded by m_mutex
};

} // namespace Pilvi
