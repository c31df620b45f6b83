// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/cloudsconfig.h"
#include "config/cloudswriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Pilvi;

namespace {
QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}
CloudProfile poutaCloud(const QString &name)
{
    CloudProfile cloud;
    cloud.name = name;
    cloud.environment = Environment::Production;
    cloud.authType = QStringLiteral("v3applicationcredential");
    cloud.auth.authUrl = QStringLiteral("https://pouta.csc.fi:5001/v3");
    cloud.auth.applicationCredentialId = QStringLiteral("0123abcd");
    cloud.auth.applicationCredentialSecret = QStringLiteral("it's: a #secret");
    cloud.regionName = QStringLiteral("regionOne");
    cloud.regions = {QStringLiteral("regionOne")};
    return cloud;
}
constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
} // namespace

class TestCloudsWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entryText()
    {
        QCOMPARE(cloudEntryYaml(poutaCloud(QStringLiteral("p"))), QByteArray("auth_type: v3applicationcredential\n"
                                                                             "auth:\n"
                                                                             "  auth_url: https://pouta.csc.fi:5001/v3\n"
                                                                             "  application_credential_id: '0123abcd'\n"
                                                                             "region_name: regionOne\n"
                                                                             "interface: public\n"
                                                                             "identity_api_version: 3\n"
                                                                             "environment: production\n"));
        QCOMPARE(secretEntryYaml(secretsOf(poutaCloud(QStringLiteral("p")).auth)),
                 QByteArray("auth:\n  application_credential_secret: 'it''s: a #secret'\n"));
    }

    // Minimal edits: every byte outside the entry stays as it was.
    void setCloudEntry_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("after");

        // Each row adds the entry "auth:\n  auth_url: http://n\n" as cloud `name`.
        QTest::newRow("append after the last cloud, before trailing comments and keys")
            << QByteArray("# my clouds\nclouds:\n  a:   # first\n    auth:\n      auth_url: http://a  # keep\n\n"
                          "# about b\n  b: {auth: {auth_url: 'http://b'}}\n# end of clouds\ncache:\n  max_age: 3\n")
            << QStringLiteral("new")
            << QByteArray("# my clouds\nclouds:\n  a:   # first\n    auth:\n      auth_url: http://a  # keep\n\n"
                          "# about b\n  b: {auth: {auth_url: 'http://b'}}\n  new:\n    auth:\n      auth_url: http://n\n"
                          "# end of clouds\ncache:\n  max_age: 3\n");
        QTest::newRow("replace keeps its place")
            << QByteArray("clouds:\n  a:\n    region_name: x\n    auth:\n      auth_url: http://old\n  b: {}\n")
            << QStringLiteral("a") << QByteArray("clouds:\n  a:\n    auth:\n      auth_url: http://n\n  b: {}\n");
        QTest::newRow("four-space indentation")
            << QByteArray("clouds:\n    a:\n        region_name: x\n") << QStringLiteral("new")
            << QByteArray("clouds:\n    a:\n        region_name: x\n    new:\n        auth:\n            auth_url: http://n\n");
        QTest::newRow("no newline at the end") << QByteArray("clouds:\n  a: {}") << QStringLiteral("new")
                                               << QByteArray("clouds:\n  a: {}\n  new:\n    auth:\n      auth_url: http://n\n");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("new")
                                    << QByteArray("clouds:\n  new:\n    auth:\n      auth_url: http://n\n");
        QTest::newRow("only comments") << QByteArray("# nothing yet\n") << QStringLiteral("new")
                                       << QByteArray("# nothing yet\nclouds:\n  new:\n    auth:\n      auth_url: http://n\n");
        QTest::newRow("no clouds key") << QByteArray("cache:\n  max_age: 3\n") << QStringLiteral("new")
                                       << QByteArray(
                                              "cache:\n  max_age: 3\nclouds:\n  new:\n    auth:\n      auth_url: http://n\n");
        QTest::newRow("empty clouds") << QByteArray("clouds:\n# later\n") << QStringLiteral("new")
                                      << QByteArray("clouds:\n  new:\n    auth:\n      auth_url: http://n\n# later\n");
        QTest::newRow("a name that needs quotes")
            << QByteArray("clouds:\n  a: {}\n") << QStringLiteral("yes")
            << QByteArray("clouds:\n  a: {}\n  'yes':\n    auth:\n      auth_url: http://n\n");
    }
    void setCloudEntry()
    {
        QFETCH(QByteArray, before);
        QFETCH(QString, name);
        QFETCH(QByteArray, after);
        QString error;
        const std::optional<QByteArray> edited = ::Pilvi::setCloudEntry(before, name, "auth:\n  auth_url: http://n\n", error);
        QVERIFY2(edited, qPrintable(error));
        QCOMPARE(edited.value_or(QByteArray()), after);
        // and it reads back
        const CloudsFileContent content = parseCloudsFile(edited.value_or(QByteArray()), QStringLiteral("c.yaml"));
        QVERIFY(content.problems.isEmpty());
    }

    void cannotEdit_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QString>("error");
        QTest::newRow("json") << QByteArray(R"({"clouds": {}})")
                              << QStringLiteral("the file is not a block-style YAML mapping (JSON or flow style); Pilvi edits "
                                                "only block YAML");
        QTest::newRow("flow clouds") << QByteArray("clouds: {a: {}}\n")
                                     << QStringLiteral("'clouds' is written in flow style ({...}); Pilvi edits only block YAML");
        QTest::newRow("syntax error") << QByteArray("clouds:\n  a: [\n")
                                      << QStringLiteral("the file has YAML errors (line 3, column 1: flow sequence without a "
                                                        "closing bracket); fix them first");
    }
    void cannotEdit()
    {
        QFETCH(QByteArray, before);
        QFETCH(QString, error);
        QString got;
        QVERIFY(!::Pilvi::setCloudEntry(before, QStringLiteral("n"), "a: b\n", got));
        QCOMPARE(got, error);
    }

    void removeEntry()
    {
        QString error;
        const QByteArray text = "clouds:\n  a:\n    x: 1\n  b:\n    y: 2\n# tail\n";
        QCOMPARE(removeCloudEntry(text, QStringLiteral("a"), error).value_or(QByteArray()),
                 QByteArray("clouds:\n  b:\n    y: 2\n# tail\n"));
        QCOMPARE(removeCloudEntry(text, QStringLiteral("b"), error).value_or(QByteArray()),
                 QByteArray("clouds:\n  a:\n    x: 1\n# tail\n"));
        QCOMPARE(removeCloudEntry(text, QStringLiteral("c"), error).value_or(QByteArray()), text);
    }

    // Odd values survive the trip through the file unchanged.
    void valuesRoundTrip_data()
    {
        QTest::addColumn<QString>("value");
        for (const char *value : {"plain",     "yes",      "No",   "null",  "~",      "123",       "0x1F",        "1e3",
                                  "- dash",    "a: b",     "a #b", "'q'",   "\"dq\"", "tab\there", "line\nbreak", "ünïcödé",
                                  "trailing ", " leading", "{x}",  "*star", "@at",    "%pc",       "back\\slash", ""})
            QTest::newRow(value) << QString::fromUtf8(value);
    }
    void valuesRoundTrip()
    {
        QFETCH(QString, value);
        CloudProfile cloud;
        cloud.name = QStringLiteral("c");
        cloud.auth.authUrl = QStringLiteral("http://x");
        cloud.auth.projectName = value;
        cloud.auth.password = value;
        QString error;
        const QByteArray text = ::Pilvi::setCloudEntry({}, cloud.name, cloudEntryYaml(cloud), error).value_or(QByteArray());
        const QByteArray secure =
            ::Pilvi::setCloudEntry({}, cloud.name, secretEntryYaml(secretsOf(cloud.auth)), error).value_or(QByteArray());
        const CloudsFileContent content = parseCloudsFile(text, QStringLiteral("c.yaml"));
        const CloudsFileContent secrets = parseCloudsFile(secure, QStringLiteral("s.yaml"));
        QVERIFY(content.problems.isEmpty());
        QCOMPARE(content.clouds.constFirst().auth.projectName, value);
        if (!value.isEmpty())
            QCOMPARE(secrets.clouds.constFirst().auth.password, value);
    }

    void writesFilesWithPrivateModes()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("new/openstack"));
        const QString cloudsFile = folder + QStringLiteral("/clouds.yaml");
        const QString secureFile = folder + QStringLiteral("/secure.yaml");
        QCOMPARE(writeCloudEntry(cloudsFile, secureFile, poutaCloud(QStringLiteral("pouta")), SecretPlacement::SecureFile),
                 QString());
        QCOMPARE(QFile::permissions(secureFile) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), ownerOnly);
        QCOMPARE(QFile::permissions(folder) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
                 ownerOnly | QFileDevice::ExeOwner);
        QCOMPARE(QFile::permissions(dir.filePath(QStringLiteral("new"))) &
                     ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
                 ownerOnly | QFileDevice::ExeOwner);
        QVERIFY(!readAll(cloudsFile).contains("secret"));
        QVERIFY(readAll(secureFile).contains("secret"));

        // What was written reads back as the same cloud, secret merged from secure.yaml.
        CloudsConfigPaths paths;
        paths.userCandidates = {cloudsFile};
        paths.secureCandidates = {secureFile};
        const CloudsConfig config = loadCloudsConfig(paths);
        QVERIFY(config.problems.isEmpty());
        QCOMPARE(config.clouds.size(), 1);
        CloudProfile expected = poutaCloud(QStringLiteral("pouta"));
        expected.sourceFile = cloudsFile;
        QVERIFY(config.clouds.constFirst() == expected);
    }

    void keepsOtherEntriesByteForByte()
    {
        QTemporaryDir dir;
        const QString cloudsFile = dir.filePath(QStringLiteral("clouds.yaml"));
        const QString secureFile = dir.filePath(QStringLiteral("secure.yaml"));
        const QByteArray clouds = "# Pouta and friends\nclouds:\n  old:   # keep me\n    auth: {auth_url: \"http://old\"}\n"
                                  "    region_name: 'r'   # odd quoting\n";
        const QByteArray secure = "clouds:\n  old:\n    auth:\n      password: \"s3cret\"  # mine\n";
        writeFile(cloudsFile, clouds);
        writeFile(secureFile, secure);
        QFile::setPermissions(secureFile, ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther);

        QCOMPARE(writeCloudEntry(cloudsFile, secureFile, poutaCloud(QStringLiteral("pouta")), SecretPlacement::SecureFile),
                 QString());
        QVERIFY(readAll(cloudsFile).startsWith(clouds));
        QVERIFY(readAll(secureFile).startsWith(secure));
        QCOMPARE(QFile::permissions(secureFile) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), ownerOnly); // tightened

        // Moving the secret to the keychain takes it out of secure.yaml, and nothing else.
        QCOMPARE(writeCloudEntry(cloudsFile, secureFile, poutaCloud(QStringLiteral("pouta")), SecretPlacement::Keychain),
                 QString());
        QCOMPARE(readAll(secureFile), secure);
        QVERIFY(readAll(cloudsFile).startsWith(clouds));
    }

    void refusesJson()
    {
        QTemporaryDir dir;
        const QString cloudsFile = dir.filePath(QStringLiteral("clouds.json"));
        writeFile(cloudsFile, R"({"clouds": {}})");
        const QString error = writeCloudEntry(cloudsFile, dir.filePath(QStringLiteral("secure.yaml")),
                                              poutaCloud(QStringLiteral("p")), SecretPlacement::SecureFile);
        QVERIFY(error.startsWith(QStringLiteral("cannot add cloud 'p' to ") + cloudsFile));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("secure.yaml"))));
    }
};

QTEST_GUILESS_MAIN(TestCloudsWriter)
#include "tst_cloudswriter.moc"
