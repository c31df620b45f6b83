// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/cloudsfile.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <functional>

using namespace Pilvi;

namespace Pilvi {
// Readable failures: QCOMPARE prints both profiles (never a real secret: test data only).
char *toString(const CloudProfile &p)
{
    const CloudAuth &a = p.auth;
    const QString text =
        QStringLiteral("{name=%1 file=%2 env=%3 type=%4 region=%5 regions=[%6] interface=%7 identity=%8 cacert=%9 verify=%10 "
                       "cert=%11 key=%12 timeout=%13 auth={url=%14 user=%15 userId=%16 password=%17 project=%18 projectId=%19 "
                       "userDomain=%20/%21 projectDomain=%22/%23 appCred=%24/%25/%26 token=%27}}")
            .arg(p.name, p.sourceFile, environmentKey(p.environment), p.authType, p.regionName, p.regions.join(u','), p.interface,
                 p.identityApiVersion, p.cacert)
            .arg(p.verify)
            .arg(p.cert, p.key)
            .arg(p.apiTimeoutSeconds)
            .arg(a.authUrl, a.username, a.userId, a.password, a.projectName, a.projectId, a.userDomainName, a.userDomainId,
                 a.projectDomainName)
            .arg(a.projectDomainId, a.applicationCredentialId, a.applicationCredentialName, a.applicationCredentialSecret,
                 a.token);
    return qstrdup(text.toUtf8().constData());
}
} // namespace Pilvi

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QFINDTESTDATA(QStringLiteral("data/config/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return file.readAll();
}

CloudProfile profile(const QString &name, const QString &file, const std::function<void(CloudProfile &)> &edit)
{
    CloudProfile p;
    p.name = name;
    p.sourceFile = file;
    edit(p);
    return p;
}

} // namespace

class TestCloudsFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsClouds_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("environments");
        QTest::addColumn<QStringList>("authUrls");

        QTest::newRow("pouta application credential")
            << QByteArray("clouds:\n"
                          "  pouta:\n"
                          "    auth_type: v3applicationcredential\n"
                          "    auth:\n"
                          "      auth_url: https://pouta.csc.fi:5001/v3\n"
                          "      application_credential_id: abc\n"
                          "      application_credential_secret: s3cret\n"
                          "    region_name: regionOne\n"
                          "    interface: public\n"
                          "    identity_api_version: 3\n")
            << QStringList{QStringLiteral("pouta")} << QStringList{QStringLiteral("development")}
            << QStringList{QStringLiteral("https://pouta.csc.fi:5001/v3")};
        QTest::newRow("environments of several clouds")
            << QByteArray("clouds:\n"
                          "  dev: {auth: {auth_url: 'http://a'}}\n"
                          "  prod:\n"
                          "    environment: production\n"
                          "    auth: {auth_url: 'http://b'}\n"
                          "  stage:\n"
                          "    environment: pre-production\n")
            << QStringList{QStringLiteral("dev"), QStringLiteral("prod"), QStringLiteral("stage")}
            << QStringList{QStringLiteral("development"), QStringLiteral("production"), QStringLiteral("preproduction")}
            << QStringList{QStringLiteral("http://a"), QStringLiteral("http://b"), QString()};
        QTest::newRow("json") << QByteArray(R"({"clouds": {"j": {"environment": "testing"}}})")
                              << QStringList{QStringLiteral("j")} << QStringList{QStringLiteral("testing")}
                              << QStringList{QString()};
        QTest::newRow("empty file") << QByteArray("") << QStringList{} << QStringList{} << QStringList{};
        QTest::newRow("no clouds key") << QByteArray("cache:\n  max_age: 3\n") << QStringList{} << QStringList{} << QStringList{};
    }
    void readsClouds()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, names);
        QFETCH(QStringList, environments);
        QFETCH(QStringList, authUrls);
        const CloudsFileContent content = parseCloudsFile(text, QStringLiteral("clouds.yaml"));
        QCOMPARE(content.problems.size(), 0);
        QStringList gotNames, gotEnvironments, gotUrls;
        for (const CloudProfile &cloud : content.clouds) {
            gotNames << cloud.name;
            gotEnvironments << environmentKey(cloud.environment);
            gotUrls << cloud.auth.authUrl;
            QCOMPARE(cloud.sourceFile, QStringLiteral("clouds.yaml"));
        }
        QCOMPARE(gotNames, names);
        QCOMPARE(gotEnvironments, environments);
        QCOMPARE(gotUrls, authUrls);
    }

    // Every key of real-world files, compared as a whole profile.
    void readsEveryKey_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<CloudProfile>("expected");

        QTest::newRow("CSC Pouta application credential")
            << QStringLiteral("pouta-appcred.yaml") << fixture(QStringLiteral("pouta-appcred.yaml"))
            << profile(QStringLiteral("pouta"), QStringLiteral("pouta-appcred.yaml"), [](CloudProfile &p) {
                   p.environment = Environment::Production;
                   p.authType = QStringLiteral("v3applicationcredential");
                   p.auth.authUrl = QStringLiteral("https://pouta.csc.fi:5001/v3");
                   p.auth.applicationCredentialId = QStringLiteral("6cb4d4b4c7e94a5a9f0d9a4cfae7c4f1");
                   p.auth.applicationCredentialSecret = QStringLiteral("rXEvA8-not-a-real-secret");
                   p.regionName = QStringLiteral("regionOne");
                   p.regions = {QStringLiteral("regionOne")};
               });
        QTest::newRow("Horizon download, password with domains")
            << QStringLiteral("clouds.yaml") << fixture(QStringLiteral("horizon-password.yaml"))
            << profile(QStringLiteral("openstack"), QStringLiteral("clouds.yaml"), [](CloudProfile &p) {
                   p.auth.authUrl = QStringLiteral("https://pouta.csc.fi:5001/v3");
                   p.auth.username = QStringLiteral("jdoe");
                   p.auth.projectId = QStringLiteral("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
                   p.auth.projectName = QStringLiteral("project_2001234");
                   p.auth.userDomainName = QStringLiteral("Default");
                   p.regionName = QStringLiteral("regionOne");
                   p.regions = {QStringLiteral("regionOne")};
               });
        QTest::newRow("token, verify no, api_timeout")
            << QStringLiteral("t.yaml") << fixture(QStringLiteral("token.yaml"))
            << profile(QStringLiteral("tok"), QStringLiteral("t.yaml"), [](CloudProfile &p) {
                   p.authType = QStringLiteral("v3token");
                   p.auth.authUrl = QStringLiteral("https://keystone.example.org:5000/v3");
                   p.auth.token = QStringLiteral("gAAAAABk-example-token");
                   p.auth.projectId = QStringLiteral("4f1e");
                   p.verify = false;
                   p.apiTimeoutSeconds = 30;
               });
        QTest::newRow("json form") << QStringLiteral("clouds.json") << fixture(QStringLiteral("clouds.json"))
                                   << profile(QStringLiteral("jsoncloud"), QStringLiteral("clouds.json"), [](CloudProfile &p) {
                                          p.environment = Environment::Testing;
                                          p.auth.authUrl = QStringLiteral("https://keystone.example.org/v3");
                                          p.auth.username = QStringLiteral("demo");
                                          p.auth.projectName = QStringLiteral("demo");
                                          p.auth.userDomainId = QStringLiteral("default");
                                          p.auth.projectDomainId = QStringLiteral("default");
                                          p.regionName = QStringLiteral("RegionOne");
                                          p.regions = {QStringLiteral("RegionOne")};
                                          p.verify = false;
                                          p.apiTimeoutSeconds = 13; // 12.5 s, rounded up
                                      });
        QTest::newRow("regions list, tenant_name alias, domain_name, vendor profile")
            << QStringLiteral("r.yaml") << fixture(QStringLiteral("regions.yaml"))
            << profile(QStringLiteral("multi"), QStringLiteral("r.yaml"), [](CloudProfile &p) {
                   p.auth.authUrl = QStringLiteral("https://identity.example.org/v3");
                   p.auth.username = QStringLiteral("ops");
                   p.auth.password = QStringLiteral("pw");
                   p.auth.projectName = QStringLiteral("legacy-project");
                   p.auth.userDomainName = QStringLiteral("ops-domain");
                   p.auth.projectDomainName = QStringLiteral("ops-domain");
                   p.regionName = QStringLiteral("north");
                   p.regions = {QStringLiteral("north"), QStringLiteral("south")};
                   p.interface = QStringLiteral("internal"); // the first region's values
                   p.cacert = QStringLiteral("/etc/ssl/example-ca.pem");
                   p.cert = QStringLiteral("/etc/ssl/client.pem");
                   p.key = QStringLiteral("/etc/ssl/client.key");
               });
        QTest::newRow("keys beside auth move into it; auth wins for plugin options")
            << QStringLiteral("c.yaml")
            << QByteArray("clouds:\n  c:\n    auth_url: http://outside\n    username: outside\n    project_name: outside\n"
                          "    auth:\n      auth_url: http://inside\n      project_name: inside\n      password: p\n")
            << profile(QStringLiteral("c"), QStringLiteral("c.yaml"), [](CloudProfile &p) {
                   p.auth.authUrl = QStringLiteral("http://inside");
                   p.auth.username = QStringLiteral("outside");
                   p.auth.password = QStringLiteral("p");
                   p.auth.projectName = QStringLiteral("outside"); // _fix_backwards_auth: the outer key wins
               });
        QTest::newRow("project_name wins over tenant_name; dashes read as underscores")
            << QStringLiteral("c.yaml")
            << QByteArray("clouds:\n  c:\n    auth:\n      tenant-name: old\n      project-name: new\n      auth-url: http://x\n"
                          "    region-name: r1, r2\n    auth_plugin: password\n")
            << profile(QStringLiteral("c"), QStringLiteral("c.yaml"), [](CloudProfile &p) {
                   p.authType = QStringLiteral("password");
                   p.auth.authUrl = QStringLiteral("http://x");
                   p.auth.projectName = QStringLiteral("new");
                   p.regionName = QStringLiteral("r1");
                   p.regions = {QStringLiteral("r1"), QStringLiteral("r2")};
               });
        QTest::newRow("token alone selects the token plugin; YAML 1.1 words; insecure")
            << QStringLiteral("c.yaml")
            << QByteArray("clouds:\n  c:\n    auth: {auth_url: 'http://x', auth_token: tok}\n    verify: YES\n    insecure: On\n"
                          "    interface: internalURL\n    identity_api_version: '3'\n")
            << profile(QStringLiteral("c"), QStringLiteral("c.yaml"), [](CloudProfile &p) {
                   p.authType = QStringLiteral("token");
                   p.auth.authUrl = QStringLiteral("http://x");
                   p.auth.token = QStringLiteral("tok");
                   p.verify = false; // insecure wins
                   p.interface = QStringLiteral("internal");
               });
        QTest::newRow("home in TLS paths") << QStringLiteral("c.yaml")
                                           << QByteArray("clouds:\n  c:\n    cacert: ~/ca.pem\n    verify: true\n")
                                           << profile(QStringLiteral("c"), QStringLiteral("c.yaml"), [](CloudProfile &p) {
                                                  p.cacert = QDir::homePath() + QStringLiteral("/ca.pem");
                                              });
    }
    void readsEveryKey()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, text);
        QFETCH(CloudProfile, expected);
        const CloudsFileContent content = parseCloudsFile(text, file);
        for (const ConfigProblem &problem : content.problems)
            qWarning("%s", qPrintable(problem.toString()));
        QVERIFY(content.problems.isEmpty());
        QVERIFY(!content.clouds.isEmpty());
        QCOMPARE(content.clouds.constFirst(), expected);
    }

    // A broken part is reported at its place as FILE:LINE:COLUMN, and the good clouds still load.
    void reportsProblemsAndKeepsTheRest_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QStringList>("stillLoaded");

        const QStringList good{QStringLiteral("good")};
        QTest::newRow("unknown environment")
            << QByteArray("clouds:\n  good: {}\n  bad:\n    environment: prodution\n")
            << QStringLiteral("f.yaml:4:18: error: unknown environment 'prodution' (use development, testing, "
                              "preproduction or production)")
            << good;
        QTest::newRow("cloud is a list")
            << QByteArray("clouds:\n  bad: [1, 2]\n  good: {}\n")
            << QStringLiteral("f.yaml:2:8: error: cloud 'bad' should be a mapping of settings, but it is a list") << good;
        QTest::newRow("cloud without settings")
            << QByteArray("clouds:\n  bad:\n  good: {}\n")
            << QStringLiteral("f.yaml:2:3: error: cloud 'bad' should be a mapping of settings, but it is empty") << good;
        QTest::newRow("auth is text") << QByteArray("clouds:\n  bad:\n    auth: http://x\n  good: {}\n")
                                      << QStringLiteral("f.yaml:3:11: error: 'auth' of cloud 'bad' should be a mapping") << good;
        QTest::newRow("auth is a list") << QByteArray("clouds:\n  good: {}\n  bad:\n    auth: [auth_url, username]\n")
                                        << QStringLiteral("f.yaml:4:11: error: 'auth' of cloud 'bad' should be a mapping")
                                        << good;
        QTest::newRow("verify maybe") << QByteArray("clouds:\n  bad:\n    verify: maybe\n  good: {}\n")
                                      << QStringLiteral(
                                             "f.yaml:3:13: error: 'verify' of cloud 'bad' should be true or false, not 'maybe'")
                                      << good;
        QTest::newRow("api_timeout soon")
            << QByteArray("clouds:\n  bad:\n    api_timeout: soon\n  good: {}\n")
            << QStringLiteral("f.yaml:3:18: error: 'api_timeout' of cloud 'bad' should be a number of seconds, not 'soon'")
            << good;
        QTest::newRow("negative api_timeout")
            << QByteArray("clouds:\n  good: {}\n  bad: {api_timeout: -5}\n")
            << QStringLiteral("f.yaml:3:22: error: 'api_timeout' of cloud 'bad' should be a number of seconds, not '-5'") << good;
        QTest::newRow("unknown auth_type")
            << QByteArray("clouds:\n  bad:\n    auth_type: v3oidcpassword\n  good: {}\n")
            << QStringLiteral("f.yaml:3:16: error: unknown auth_type 'v3oidcpassword' of cloud 'bad' (use password, "
                              "v3password, v3applicationcredential, token or v3token)")
            << good;
        QTest::newRow("unknown interface")
            << QByteArray("clouds:\n  bad:\n    interface: privat\n  good: {}\n")
            << QStringLiteral("f.yaml:3:16: error: unknown interface 'privat' of cloud 'bad' (use public, internal or admin)")
            << good;
        QTest::newRow("auth value is a mapping")
            << QByteArray("clouds:\n  bad:\n    auth:\n      password: {a: b}\n  good: {}\n")
            << QStringLiteral("f.yaml:4:17: error: 'auth.password' of cloud 'bad' should be a single value, but it is a mapping")
            << good;
        QTest::newRow("region_name is a mapping")
            << QByteArray("clouds:\n  bad:\n    region_name: {a: b}\n  good: {}\n")
            << QStringLiteral("f.yaml:3:18: error: 'region_name' of cloud 'bad' should be a single value, but it is a mapping")
            << good;
        QTest::newRow("regions is text")
            << QByteArray("clouds:\n  bad:\n    regions: north\n  good: {}\n")
            << QStringLiteral("f.yaml:3:14: error: 'regions' of cloud 'bad' should be a list of region names, but it is a "
                              "single value")
            << good;
        QTest::newRow("region entry without name")
            << QByteArray("clouds:\n  bad:\n    regions:\n      - values: {}\n  good: {}\n")
            << QStringLiteral(
                   "f.yaml:4:9: error: a region of cloud 'bad' should be a name, or a mapping with 'name' and 'values'")
            << good;
        QTest::newRow("environment is a list")
            << QByteArray("clouds:\n  bad:\n    environment: [production]\n  good: {}\n")
            << QStringLiteral("f.yaml:3:18: error: 'environment' of cloud 'bad' should be one of development, testing, "
                              "preproduction or production, but it is a list")
            << good;
        QTest::newRow("clouds is text") << QByteArray("clouds: yes\n")
                                        << QStringLiteral(
                                               "f.yaml:1:9: error: 'clouds' should be a mapping from cloud names to settings")
                                        << QStringList{};
        QTest::newRow("top level is a list")
            << QByteArray("- a\n- b\n") << QStringLiteral("f.yaml:1:1: error: the file should be a mapping with a 'clouds' key")
            << QStringList{};
    }
    void reportsProblemsAndKeepsTheRest()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, problem);
        QFETCH(QStringList, stillLoaded);
        const CloudsFileContent content = parseCloudsFile(text, QStringLiteral("f.yaml"));
        QCOMPARE(content.problems.size(), 1);
        QCOMPARE(content.problems.constFirst().toString(), problem);
        QStringList names;
        for (const CloudProfile &cloud : content.clouds)
            names << cloud.name;
        QCOMPARE(names, stillLoaded);
    }

    // The malformed fixture: every broken cloud reported, the good one kept.
    void malformedFixture()
    {
        const CloudsFileContent content = parseCloudsFile(fixture(QStringLiteral("malformed.yaml")), QStringLiteral("m.yaml"));
        QStringList problems;
        for (const ConfigProblem &problem : content.problems)
            problems << problem.toString();
        const QStringList expected{
            QStringLiteral("m.yaml:6:13: error: 'verify' of cloud 'badverify' should be true or false, not 'maybe'"),
            QStringLiteral("m.yaml:8:18: error: 'api_timeout' of cloud 'badtimeout' should be a number of seconds, not 'soon'"),
            QStringLiteral("m.yaml:10:11: error: 'auth' of cloud 'badauth' should be a mapping"),
            QStringLiteral(
                "m.yaml:12:16: error: unknown auth_type 'v3oidcpassword' of cloud 'badtype' (use password, v3password, "
                "v3applicationcredential, token or v3token)"),
        };
        QCOMPARE(problems, expected);
        QCOMPARE(content.clouds.size(), 1);
        QCOMPARE(content.clouds.constFirst().name, QStringLiteral("fine"));
    }

    void syntaxErrorHasPosition()
    {
        const CloudsFileContent content = parseCloudsFile("clouds:\n  a:\n    auth: {auth_url: x\n", QStringLiteral("c.yaml"));
        QVERIFY(content.clouds.isEmpty());
        QVERIFY(!content.problems.isEmpty());
        const ConfigProblem &problem = content.problems.constFirst();
        QCOMPARE(problem.file, QStringLiteral("c.yaml"));
        QVERIFY2(problem.line >= 3, qPrintable(problem.toString()));
        QVERIFY(problem.column >= 1);
        QVERIFY(problem.toString().startsWith(QStringLiteral("c.yaml:")));
    }

    void problemWithoutPosition()
    {
        QCOMPARE((ConfigProblem{QStringLiteral("OS_AUTH_TYPE"), 0, 0, QStringLiteral("x")}).toString(),
                 QStringLiteral("OS_AUTH_TYPE: error: x"));
    }
};

QTEST_GUILESS_MAIN(TestCloudsFile)
#include "tst_cloudsfile.moc"
