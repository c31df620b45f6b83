// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/keychainsecretstore.h"

#include <QTest>
#include <QThread>

using namespace Pilvi;

// The real QtKeychain backend. CTest runs this through run-with-keyring.sh: a private D-Bus
// session bus with an unlocked gnome-keyring whose files live in a temporary HOME.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT
private:
    SecretResult wait(QFuture<SecretResult> future)
    {
        std::optional<SecretResult> got;
        future.then(this, [&](const SecretResult &result) { got = result; });
        // A keyring answers in milliseconds; the D-Bus activation of the first call takes longer.
        [&] { QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 20000); }();
        return got.value_or(SecretResult{SecretResult::Status::Failed, {}, QStringLiteral("no answer")});
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("PILVI_IN_KEYRING_SESSION") != u"1")
            QFAIL("run this test through tests/unit/run-with-keyring.sh (CTest does)");
    }

    void storeReadRemove()
    {
        using Status = SecretResult::Status;
        KeychainSecretStore store(QStringLiteral("pilvi-test"));
        const QString cloud = QStringLiteral("pouta");
        const QString key = QStringLiteral("application_credential_secret");

        QCOMPARE(wait(store.read(cloud, key)).status, Status::NotFound);

        const SecretResult stored = wait(store.store(cloud, key, QStringLiteral("sëcret: 'with' quotes")));
        QVERIFY2(stored.ok(), qPrintable(stored.errorString));

        const SecretResult read = wait(store.read(cloud, key));
        QVERIFY2(read.ok(), qPrintable(read.errorString));
        QCOMPARE(read.secret, QStringLiteral("sëcret: 'with' quotes"));

        // Another store object (another run of Pilvi) sees the same entry.
        KeychainSecretStore again(QStringLiteral("pilvi-test"));
        QCOMPARE(wait(again.read(cloud, key)).secret, QStringLiteral("sëcret: 'with' quotes"));

        const SecretResult removed = wait(store.remove(cloud, key));
        QVERIFY2(removed.ok(), qPrintable(removed.errorString));
        QCOMPARE(wait(store.read(cloud, key)).status, Status::NotFound);
    }

    // A call from a worker thread runs the job on the store's thread and finishes there.
    void callFromAnotherThread()
    {
        KeychainSecretStore store(QStringLiteral("pilvi-test"));
        QFuture<SecretResult> future;
        QThread *worker =
            QThread::create([&] { future = store.store(QStringLiteral("c"), QStringLiteral("token"), QStringLiteral("t")); });
        worker->start();
        QVERIFY(worker->wait(5000));
        delete worker;
        const SecretResult stored = wait(future);
        QVERIFY2(stored.ok(), qPrintable(stored.errorString));
        QCOMPARE(wait(store.read(QStringLiteral("c"), QStringLiteral("token"))).secret, QStringLiteral("t"));
        QVERIFY(wait(store.remove(QStringLiteral("c"), QStringLiteral("token"))).ok());
    }

    // A store that goes away cancels what it had not finished.
    void destroyedStoreCancels()
    {
        auto store = std::make_unique<KeychainSecretStore>(QStringLiteral("pilvi-test"));
        QFuture<SecretResult> future = store->read(QStringLiteral("x"), QStringLiteral("password"));
        store.reset();
        QTRY_VERIFY(future.isFinished());
        QVERIFY(future.isCanceled());
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
