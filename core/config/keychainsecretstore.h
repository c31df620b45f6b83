// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/secretstore.h"

#include <QObject>

namespace Pilvi {

/// Secrets in the system keychain through QtKeychain (the Secret Service of GNOME Keyring or
/// KWallet on Linux), under the service name "pilvi" and the key "CLOUD/KEY". QtKeychain's
/// plain-text fallback (QSettings) is never used.
///
/// Threads: calls may come from any thread; the keychain jobs run on this object's thread, which
/// needs a running event loop, and the futures finish there.
class KeychainSecretStore final
    : public QObject
    , public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    /// `service` other than "pilvi": for tests that must not touch the user's real entries.
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    QFuture<SecretResult> store(const QString &cloud, const QString &key, const QString &secret) override;
    QFuture<SecretResult> read(const QString &cloud, const QString &key) override;
    QFuture<SecretResult> remove(const QString &cloud, const QString &key) override;

    static QString entryName(const QString &cloud, const QString &key);

private:
    enum class Operation { Store, Read, Remove };
    QFuture<SecretResult> run(Operation operation, const QString &cloud, const QString &key, const QString &secret);

    QString m_service;
};

} // namespace Pilvi
