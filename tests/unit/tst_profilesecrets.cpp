// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets the user kept in the keychain are read back before a session is made.
#include "config/memorysecretstore.h"
#include "net/apierror.h"
#include "net/profilesecrets.h"

#include <QTest>

using namespace Pilvi;

namespace {
CloudProfile profileWith(const QString &authType)
{
    CloudProfile cloud;
    cloud.name = QStringLiteral("pouta");
    cloud.authType = authType;
    cloud.auth.authUrl = QStringLiteral("https://pouta.csc.fi:5001/v3");
    return cloud;
}
} // namespace

class TestProfileSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingKeys_data()
    {
        QTest::addColumn<QString>("authType");
        QTest::addColumn<QString>("present");
        QTest::addColumn<QStringList>("missing");
        QTest::newRow("app credential without secret") << QStringLiteral("v3applicationcredential") << QString()
                                                       << QStringList{QStringLiteral("application_credential_secret")};
        QTest::newRow("app credential with secret")
            << QStringLiteral("v3applicationcredential") << QStringLiteral("application_credential_secret") << QStringList{};
        QTest::newRow("password without password")
            << QStringLiteral("password") << QString() << QStringList{QStringLiteral("password")};
        QTest::newRow("default type is password") << QString() << QString() << QStringList{QStringLiteral("password")};
        QTest::newRow("password given") << QStringLiteral("v3password") << QStringLiteral("password") << QStringList{};
        QTest::newRow("token missing") << QStringLiteral("v3token") << QString() << QStringList{QStringLiteral("token")};
    }
    void missingKeys()
    {
        QFETCH(QString, authType);
        QFETCH(QString, present);
        QFETCH(QStringList, missing);
        CloudProfile cloud = profileWith(authType);
        if (present == u"password")
            cloud.auth.password = QStringLiteral("x");
        if (present == u"application_credential_secret")
            cloud.auth.applicationCredentialSecret = QStringLiteral("x");
        QCOMPARE(missingSecretKeys(cloud), missing);
    }

    void fillsFromStore()
    {
        MemorySecretStore store;
        store.store(QStringLiteral("pouta"), QStringLiteral("application_credential_secret"), QStringLiteral("s3cr3t"))
            .waitForFinished();
        QFuture<CloudProfile> future = withStoredSecrets(profileWith(QStringLiteral("v3applicationcredential")), &store);
        QTRY_VERIFY(future.isFinished());
        QCOMPARE(future.result().auth.applicationCredentialSecret, QStringLiteral("s3cr3t"));
    }

    void notFoundLeavesEmpty()
    {
        MemorySecretStore store;
        QFuture<CloudProfile> future = withStoredSecrets(profileWith(QStringLiteral("password")), &store);
        QTRY_VERIFY(future.isFinished());
        QCOMPARE(future.result().auth.password, QString());
    }

    void unreachableKeychainFails()
    {
        MemorySecretStore store;
        store.setFailure(SecretResult::Status::Unavailable, QStringLiteral("no Secret Service on the session bus"));
        QFuture<CloudProfile> future = withStoredSecrets(profileWith(QStringLiteral("password")), &store);
        QTRY_VERIFY(future.isFinished());
        try {
            future.result();
            QFAIL("expected an ApiError");
        } catch (const ApiError &error) {
            QVERIFY2(error.message().contains(u"no Secret Service"), qPrintable(error.message()));
            QVERIFY(error.message().contains(u"pouta"));
        }
    }
};

QTEST_GUILESS_MAIN(TestProfileSecrets)
#include "tst_profilesecrets.moc"
