// SPDX-License-Identifier: GPL-3.0-or-later
// A cloud added from the GUI lands in clouds.yaml, its secret in secure.yaml or the keychain,
// and reads back as the same cloud.
#include "config/cloudregistration.h"
#include "config/cloudsconfig.h"
#include "config/memorysecretstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Pilvi;

namespace {
CloudProfile appCredentialCloud()
{
    CloudProfile cloud;
    cloud.name = QStringLiteral("pouta-test");
    cloud.environment = Environment::Testing;
    cloud.authType = QStringLiteral("v3applicationcredential");
    cloud.auth.authUrl = QStringLiteral("https://pouta.csc.fi:5001/v3");
    cloud.auth.applicationCredentialId = QStringLiteral("4a5b6c");
    cloud.auth.applicationCredentialSecret = QStringLiteral("s3cr3t-value");
    cloud.regionName = QStringLiteral("regionOne");
    return cloud;
}
QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
QString finished(QFuture<QString> future)
{
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 10000))
        return QStringLiteral("timed out");
    return future.result();
}
} // namespace

class TestCloudRegistration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultFolderWhenUserHasNone()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), QStringLiteral("/home/jdoe"));
        const CloudFiles files = CloudFiles::forUser({}, {}, environment);
        QCOMPARE(files.cloudsFile, QStringLiteral("/home/jdoe/.config/openstack/clouds.yaml"));
        QCOMPARE(files.secureFile, QStringLiteral("/home/jdoe/.config/openstack/secure.yaml"));
        const CloudFiles own = CloudFiles::forUser(QStringLiteral("/etc/openstack/clouds.yaml"), {}, environment);
        QCOMPARE(own.secureFile, QStringLiteral("/etc/openstack/secure.yaml"));
    }

    void placement_data()
    {
        QTest::addColumn<bool>("keychain");
        QTest::newRow("secure.yaml") << false;
        QTest::newRow("keychain") << true;
    }
    void placement()
    {
        QFETCH(bool, keychain);
        QTemporaryDir dir;
        CloudFiles files;
        files.cloudsFile = dir.filePath(QStringLiteral("new/clouds.yaml"));
        files.secureFile = dir.filePath(QStringLiteral("new/secure.yaml"));
        MemorySecretStore store;
        const QString error = finished(registerCloud(files, appCredentialCloud(),
                                                     keychain ? SecretPlacement::Keychain : SecretPlacement::SecureFile, &store));
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QVERIFY(!contentsOf(files.cloudsFile).contains("s3cr3t-value"));
        QVERIFY(contentsOf(files.cloudsFile).contains("environment: testing"));
        QFuture<SecretResult> stored = store.read(QStringLiteral("pouta-test"), QStringLiteral("application_credential_secret"));
        stored.waitForFinished();
        if (keychain) {
            QVERIFY(!QFile::exists(files.secureFile));
            QCOMPARE(stored.result().secret, QStringLiteral("s3cr3t-value"));
        } else {
            QVERIFY(contentsOf(files.secureFile).contains("s3cr3t-value"));
            const QFile::Permissions mode = QFile::permissions(files.secureFile);
            QVERIFY(mode.testFlag(QFile::ReadOwner));
            QVERIFY(!(mode & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
            QCOMPARE(stored.result().status, SecretResult::Status::NotFound);
        }

        // Read back as the openstack CLI would: the same cloud (the secret only via secure.yaml).
        CloudsConfigPaths paths;
        paths.userCandidates = {files.cloudsFile};
        paths.secureCandidates = {files.secureFile};
        const CloudsConfig config = loadCloudsConfig(paths);
        QCOMPARE(config.clouds.size(), 1);
        const CloudProfile &read = config.clouds.constFirst();
        QCOMPARE(read.environment, Environment::Testing);
        QCOMPARE(read.auth.applicationCredentialId, QStringLiteral("4a5b6c"));
        QCOMPARE(read.auth.applicationCredentialSecret, keychain ? QString() : QStringLiteral("s3cr3t-value"));
    }

    void keychainFailureIsReported()
    {
        QTemporaryDir dir;
        CloudFiles files{dir.filePath(QStringLiteral("clouds.yaml")), dir.filePath(QStringLiteral("secure.yaml"))};
        MemorySecretStore store;
        store.setFailure(SecretResult::Status::Denied, QStringLiteral("the user refused"));
        const QString error = finished(registerCloud(files, appCredentialCloud(), SecretPlacement::Keychain, &store));
        QVERIFY2(error.contains(u"could not be put in the keychain: the user refused"), qPrintable(error));
        QVERIFY(contentsOf(files.cloudsFile).contains("pouta-test"));
    }

    void unwritableFolderIsReported()
    {
        CloudFiles files{QStringLiteral("/proc/pilvi-test/clouds.yaml"), QStringLiteral("/proc/pilvi-test/secure.yaml")};
        const QString error = finished(registerCloud(files, appCredentialCloud(), SecretPlacement::SecureFile, nullptr));
        QVERIFY2(error.contains(u"/proc/pilvi-test"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCloudRegistration)
#include "tst_cloudregistration.moc"
