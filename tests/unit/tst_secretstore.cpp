// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/memorysecretstore.h"

#include <QTest>
#include <QThread>

using namespace Pilvi;

// The SecretStore contract, on the in-memory store: results arrive through continuations on a
// context object, never by a blocking wait.
class TestSecretStore : public QObject
{
    Q_OBJECT
private:
    template<typename Call>
    SecretResult resultOf(Call &&call)
    {
        std::optional<SecretResult> got;
        QThread *thread = nullptr;
        call().then(this, [&](const SecretResult &result) {
            got = result;
            thread = QThread::currentThread();
        });
        [&] { QTRY_VERIFY(got.has_value()); }();
        [&] { QCOMPARE(thread, this->thread()); }();
        return got.value_or(SecretResult{SecretResult::Status::Failed, {}, QStringLiteral("no result")});
    }

private Q_SLOTS:
    void storeReadRemove()
    {
        MemorySecretStore store;
        using Status = SecretResult::Status;
        QCOMPARE(resultOf([&] { return store.read(QStringLiteral("pouta"), QStringLiteral("password")); }).status,
                 Status::NotFound);
        QVERIFY(resultOf([&] {
                    return store.store(QStringLiteral("pouta"), QStringLiteral("password"), QStringLiteral("pw"));
                }).ok());
        QVERIFY(
            resultOf([&] { return store.store(QStringLiteral("other"), QStringLiteral("password"), QStringLiteral("x")); }).ok());
        const SecretResult read = resultOf([&] { return store.read(QStringLiteral("pouta"), QStringLiteral("password")); });
        QVERIFY(read.ok());
        QCOMPARE(read.secret, QStringLiteral("pw"));
        QCOMPARE(resultOf([&] { return store.read(QStringLiteral("pouta"), QStringLiteral("token")); }).status, Status::NotFound);
        QVERIFY(resultOf([&] { return store.remove(QStringLiteral("pouta"), QStringLiteral("password")); }).ok());
        QCOMPARE(resultOf([&] { return store.remove(QStringLiteral("pouta"), QStringLiteral("password")); }).status,
                 Status::NotFound);
        QCOMPARE(resultOf([&] { return store.read(QStringLiteral("other"), QStringLiteral("password")); }).secret,
                 QStringLiteral("x"));
    }

    void failuresReachTheCaller()
    {
        MemorySecretStore store;
        store.setFailure(SecretResult::Status::Unavailable, QStringLiteral("no keyring"));
        const SecretResult result = resultOf([&] { return store.read(QStringLiteral("a"), QStringLiteral("password")); });
        QCOMPARE(result.status, SecretResult::Status::Unavailable);
        QCOMPARE(result.errorString, QStringLiteral("no keyring"));
        store.setFailure(SecretResult::Status::Ok);
        QVERIFY(resultOf([&] { return store.store(QStringLiteral("a"), QStringLiteral("password"), QStringLiteral("p")); }).ok());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
