// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/cloudsconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Pilvi;

namespace {
void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}
QByteArray fixture(const QString &name)
{
    QFile file(QFINDTESTDATA(QStringLiteral("data/config/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return file.readAll();
}
QStringList namesOf(const CloudsConfig &config)
{
    QStringList names;
    for (const CloudProfile &cloud : config.clouds)
        names << cloud.name;
    return names;
}
QStringList problemsOf(const QList<ConfigProblem> &problems)
{
    QStringList lines;
    for (const ConfigProblem &problem : problems)
        lines << problem.toString();
    return lines;
}
QProcessEnvironment environmentOf(const QStringList &assignments)
{
    QProcessEnvironment environment;
    for (const QString &assignment : assignments)
        environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    return environment;
}
using Variables = QStringList;

// What the openrc file of CSC Pouta (Horizon's "OpenStack RC File") exports.
Variables poutaOpenrc()
{
    return {
        QStringLiteral("OS_AUTH_URL=https://pouta.csc.fi:5001/v3"),
        QStringLiteral("OS_PROJECT_ID=0a1b2c3d"),
        QStringLiteral("OS_PROJECT_NAME=project_2001234"),
        QStringLiteral("OS_USER_DOMAIN_NAME=Default"),
        QStringLiteral("OS_PROJECT_DOMAIN_ID=default"),
        QStringLiteral("OS_USERNAME=jdoe"),
        QStringLiteral("OS_PASSWORD=typed-at-the-prompt"),
        QStringLiteral("OS_REGION_NAME=regionOne"),
        QStringLiteral("OS_INTERFACE=public"),
        QStringLiteral("OS_IDENTITY_API_VERSION=3"),
    };
}
} // namespace

class TestCloudsConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void searchOrderFollowsOpenstacksdk()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), QStringLiteral("/home/u"));
        environment.insert(QStringLiteral("OS_CLIENT_CONFIG_FILE"), QStringLiteral("/x/my.yaml"));
        environment.insert(QStringLiteral("OS_CLIENT_SECURE_FILE"), QStringLiteral("rel/sec.yaml"));
        environment.insert(QStringLiteral("PILVI_CACHE"), QStringLiteral("/c"));
        const CloudsConfigPaths paths = CloudsConfigPaths::fromEnvironment(environment, QStringLiteral("/work"));
        const auto candidates = [](const QString &first, const QString &base) {
            QStringList files{first};
            for (const char *dir : {"/work", "/home/u/.config/openstack", "/etc/xdg/openstack", "/etc/openstack"}) {
                for (const char *suffix : {".yaml", ".yml", ".json"})
                    files << QLatin1StringView(dir) + u'/' + base + QLatin1StringView(suffix);
            }
            return files;
        };
        QCOMPARE(paths.userCandidates, candidates(QStringLiteral("/x/my.yaml"), QStringLiteral("clouds")));
        // A relative OS_CLIENT_SECURE_FILE is relative to the working folder.
        QCOMPARE(paths.secureCandidates, candidates(QStringLiteral("/work/rel/sec.yaml"), QStringLiteral("secure")));
        QCOMPARE(paths.sandboxFile, QStringLiteral("/c/sandbox/clouds.yaml"));
    }

    void xdgFoldersComeBeforeTheHomeDefault()
    {
        const QProcessEnvironment environment = environmentOf(
            {QStringLiteral("HOME=/h"), QStringLiteral("XDG_CONFIG_HOME=/xdg"), QStringLiteral("XDG_CONFIG_DIRS=/s1:/s2")});
        const CloudsConfigPaths paths = CloudsConfigPaths::fromEnvironment(environment, QStringLiteral("/w"));
        QStringList dirs;
        for (const QString &file : paths.secureCandidates) {
            if (file.endsWith(u"secure.yaml"))
                dirs << QFileInfo(file).path();
        }
        QCOMPARE(dirs, (QStringList{QStringLiteral("/w"), QStringLiteral("/xdg/openstack"),
                                    QStringLiteral("/h/.config/openstack"), QStringLiteral("/s1/openstack"),
                                    QStringLiteral("/s2/openstack"), QStringLiteral("/etc/openstack")}));
    }

    void firstExistingFileWinsAndSandboxIsBeside()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CloudsConfigPaths paths;
        paths.userCandidates = {dir.filePath(QStringLiteral("missing.yaml")), dir.filePath(QStringLiteral("a/clouds.yaml")),
                                dir.filePath(QStringLiteral("b/clouds.yaml"))};
        paths.sandboxFile = dir.filePath(QStringLiteral("sandbox/clouds.yaml"));
        writeFile(paths.userCandidates[1], "clouds:\n  mine: {environment: production}\n  sandbox: {}\n");
        writeFile(paths.userCandidates[2], "clouds:\n  ignored: {}\n");
        writeFile(paths.sandboxFile, "clouds:\n  sandbox: {}\n  sandbox-admin: {}\n");

        const CloudsConfig config = loadCloudsConfig(paths);
        QCOMPARE(config.userFile, paths.userCandidates[1]);
        // The user's own 'sandbox' wins over the sandbox cloud's entry of the same name.
        QCOMPARE(namesOf(config),
                 (QStringList{QStringLiteral("mine"), QStringLiteral("sandbox"), QStringLiteral("sandbox-admin")}));
        QCOMPARE(config.clouds[1].sourceFile, paths.userCandidates[1]);
        QCOMPARE(config.clouds[2].sourceFile, paths.sandboxFile);
        QVERIFY(config.problems.isEmpty());
    }

    void brokenUserFileKeepsSandbox()
    {
        QTemporaryDir dir;
        CloudsConfigPaths paths;
        paths.userCandidates = {dir.filePath(QStringLiteral("clouds.yaml"))};
        paths.sandboxFile = dir.filePath(QStringLiteral("sandbox.yaml"));
        writeFile(paths.userCandidates[0], "clouds:\n  a: [\n");
        writeFile(paths.sandboxFile, "clouds:\n  sandbox: {}\n");
        const CloudsConfig config = loadCloudsConfig(paths);
        QCOMPARE(namesOf(config), QStringList{QStringLiteral("sandbox")});
        QVERIFY(!config.problems.isEmpty());
        QCOMPARE(config.problems.constFirst().file, paths.userCandidates[0]);
    }

    // openstacksdk skips a file it cannot parse and reads the next candidate.
    void unparsableFileFallsThroughToTheNext()
    {
        QTemporaryDir dir;
        CloudsConfigPaths paths;
        paths.userCandidates = {dir.filePath(QStringLiteral("a/clouds.yaml")), dir.filePath(QStringLiteral("b/clouds.yaml"))};
        writeFile(paths.userCandidates[0], "clouds:\n  a: {\n");
        writeFile(paths.userCandidates[1], "clouds:\n  b: {}\n");
        const CloudsConfig config = loadCloudsConfig(paths);
        QCOMPARE(config.userFile, paths.userCandidates[1]);
        QCOMPARE(namesOf(config), QStringList{QStringLiteral("b")});
        QCOMPARE(config.problems.size(), 1);
        QCOMPARE(config.problems.constFirst().file, paths.userCandidates[0]);
    }

    void noFilesAtAll()
    {
        CloudsConfigPaths paths;
        paths.userCandidates = {QStringLiteral("/nonexistent/clouds.yaml")};
        paths.secureCandidates = {QStringLiteral("/nonexistent/secure.yaml")};
        paths.sandboxFile = QStringLiteral("/nonexistent/sandbox.yaml");
        const CloudsConfig config = loadCloudsConfig(paths);
        QVERIFY(config.userFile.isEmpty());
        QVERIFY(config.secureFile.isEmpty());
        QVERIFY(config.clouds.isEmpty());
        QVERIFY(config.problems.isEmpty());
        const CloudSelection selection = ::Pilvi::selectCloud(config, QStringLiteral("x"), {});
        QCOMPARE(selection.error, QStringLiteral("cloud 'x' is not defined: no clouds.yaml was found"));
    }

    // secure.yaml lies over clouds.yaml: per cloud, the auth block key by key.
    void secureFileMergesKeyByKey()
    {
        QTemporaryDir dir;
        CloudsConfigPaths paths;
        paths.userCandidates = {dir.filePath(QStringLiteral("clouds.yaml"))};
        paths.secureCandidates = {dir.filePath(QStringLiteral("none/secure.yaml")), dir.filePath(QStringLiteral("secure.yml"))};
        writeFile(paths.userCandidates[0], fixture(QStringLiteral("horizon-password.yaml")));
        writeFile(paths.secureCandidates[1], fixture(QStringLiteral("horizon-secure.yaml")));
        const CloudsConfig config = loadCloudsConfig(paths);
        QVERIFY2(config.problems.isEmpty(), qPrintable(problemsOf(config.problems).join(u'\n')));
        QCOMPARE(config.secureFile, paths.secureCandidates[1]);
        QCOMPARE(namesOf(config), (QStringList{QStringLiteral("openstack"), QStringLiteral("secret-only")}));
        const CloudProfile &merged = config.clouds[0];
        QCOMPARE(merged.sourceFile, paths.userCandidates[0]);
        QCOMPARE(merged.auth.password, QStringLiteral("correct horse battery staple"));
        QCOMPARE(merged.auth.username, QStringLiteral("jdoe")); // still from clouds.yaml
        QCOMPARE(merged.auth.authUrl, QStringLiteral("https://pouta.csc.fi:5001/v3"));
        QCOMPARE(merged.auth.userDomainName, QStringLiteral("Default"));
        QCOMPARE(config.clouds[1].sourceFile, paths.secureCandidates[1]);
        QCOMPARE(config.clouds[1].authType, QStringLiteral("token"));
    }

    void secureFileProblemsPointIntoIt()
    {
        QTemporaryDir dir;
        CloudsConfigPaths paths;
        paths.userCandidates = {dir.filePath(QStringLiteral("clouds.yaml"))};
        paths.secureCandidates = {dir.filePath(QStringLiteral("secure.yaml"))};
        writeFile(paths.userCandidates[0], "clouds:\n  a:\n    auth: {auth_url: 'http://a'}\n  b: {}\n");
        writeFile(paths.secureCandidates[0], "clouds:\n  a:\n    verify: perhaps\n  b:\n    auth: [x]\n");
        const CloudsConfig config = loadCloudsConfig(paths);
        QCOMPARE(
            problemsOf(config.problems),
            (QStringList{paths.secureCandidates[0] +
                             QStringLiteral(":3:13: error: 'verify' of cloud 'a' should be true or false, not 'perhaps'"),
                         paths.secureCandidates[0] + QStringLiteral(":5:11: error: 'auth' of cloud 'b' should be a mapping")}));
        QVERIFY(config.clouds.isEmpty());
    }

    void selectCloud_data()
    {
        QTest::addColumn<QByteArray>("clouds");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<Variables>("variables");
        QTest::addColumn<QString>("name");   // of the selected cloud, empty: none
        QTest::addColumn<QString>("detail"); // "field=value" checks, ';'-separated
        QTest::addColumn<QStringList>("overriddenBy");
        QTest::addColumn<QString>("error"); // with FILE standing for the clouds.yaml path

        const QByteArray two = "clouds:\n"
                               "  a:\n    auth: {auth_url: 'http://a', username: ua, password: pa}\n    region_name: r1\n"
                               "  b:\n    auth: {auth_url: 'http://b'}\n    regions: [north, south]\n";
        QTest::newRow("--os-cloud wins over OS_CLOUD")
            << two << QStringLiteral("a") << Variables{QStringLiteral("OS_CLOUD=b")} << QStringLiteral("a")
            << QStringLiteral("authUrl=http://a") << QStringList{} << QString();
        QTest::newRow("OS_CLOUD") << two << QString() << Variables{QStringLiteral("OS_CLOUD=b")} << QStringLiteral("b")
                                  << QStringLiteral("region=north") << QStringList{} << QString();
        // The openstack CLI: the openrc's region is not one of cloud a's, so the mix is refused.
        QTest::newRow("OS_CLOUD wins over an openrc")
            << two << QString() << (Variables{QStringLiteral("OS_CLOUD=a")} + poutaOpenrc()) << QString() << QString()
            << QStringList{} << QStringLiteral("region 'regionOne' (OS_REGION_NAME) is not a region of cloud 'a' (known: r1)");
        QTest::newRow("OS_CLOUD with an openrc mixes them, as the openstack CLI does")
            << two << QString()
            << (Variables{QStringLiteral("OS_CLOUD=b"), QStringLiteral("OS_REGION_NAME=north")} + poutaOpenrc().mid(0, 7))
            << QStringLiteral("b")
            << QStringLiteral("authUrl=https://pouta.csc.fi:5001/v3;password=typed-at-the-prompt;region=north")
            << QStringList{QStringLiteral("OS_AUTH_URL"),         QStringLiteral("OS_USERNAME"),
                           QStringLiteral("OS_PASSWORD"),         QStringLiteral("OS_PROJECT_NAME"),
                           QStringLiteral("OS_PROJECT_ID"),       QStringLiteral("OS_USER_DOMAIN_NAME"),
                           QStringLiteral("OS_PROJECT_DOMAIN_ID")}
            << QString();
        QTest::newRow("OS_* override single values of a named cloud, as the openstack CLI")
            << two << QStringLiteral("a")
            << Variables{QStringLiteral("OS_PASSWORD=fromenv"), QStringLiteral("OS_INTERFACE=internal"),
                         QStringLiteral("OS_USERNAME=ua"), QStringLiteral("OS_TENANT_NAME=legacy")}
            << QStringLiteral("a") << QStringLiteral("password=fromenv;username=ua;interface=internal;project=legacy")
            << QStringList{QStringLiteral("OS_PASSWORD"), QStringLiteral("OS_TENANT_NAME"), QStringLiteral("OS_INTERFACE")}
            << QString();
        QTest::newRow("OS_REGION_NAME picks one of the regions")
            << two << QStringLiteral("b") << Variables{QStringLiteral("OS_REGION_NAME=south")} << QStringLiteral("b")
            << QStringLiteral("region=south") << QStringList{QStringLiteral("OS_REGION_NAME")} << QString();
        QTest::newRow("OS_REGION_NAME outside the regions")
            << two << QStringLiteral("b") << Variables{QStringLiteral("OS_REGION_NAME=west")} << QString() << QString()
            << QStringList{}
            << QStringLiteral("region 'west' (OS_REGION_NAME) is not a region of cloud 'b' (known: north, south)");
        QTest::newRow("wrong OS_AUTH_TYPE")
            << two << QStringLiteral("a") << Variables{QStringLiteral("OS_AUTH_TYPE=saml")} << QString() << QString()
            << QStringList{}
            << QStringLiteral("OS_AUTH_TYPE: error: unknown auth_type 'saml' of cloud 'a' (use password, v3password, "
                              "v3applicationcredential, token or v3token)");
        QTest::newRow("unknown cloud") << two << QStringLiteral("x") << Variables{} << QString() << QString() << QStringList{}
                                       << QStringLiteral("cloud 'x' is not in FILE (known: a, b)");
        QTest::newRow("unknown cloud from OS_CLOUD")
            << two << QString() << Variables{QStringLiteral("OS_CLOUD=x")} << QString() << QString() << QStringList{}
            << QStringLiteral("cloud 'x' (OS_CLOUD) is not in FILE (known: a, b)");
        QTest::newRow("envvars when nothing names a cloud")
            << two << QString() << poutaOpenrc() << QStringLiteral("envvars")
            << QStringLiteral("authUrl=https://pouta.csc.fi:5001/v3;region=regionOne;password=typed-at-the-prompt")
            << QStringList{} << QString();
        QTest::newRow("envvars by name") << two << QStringLiteral("envvars") << poutaOpenrc() << QStringLiteral("envvars")
                                         << QStringLiteral("username=jdoe") << QStringList{} << QString();
        QTest::newRow("no cloud given") << two << QString() << Variables{QStringLiteral("OS_REGION_NAME=r1")} << QString()
                                        << QString() << QStringList{}
                                        << QStringLiteral(
                                               "no cloud given: use --os-cloud NAME, set OS_CLOUD, or source an openrc file");
        QTest::newRow("the only cloud is the default")
            << QByteArray("clouds:\n  only: {auth: {auth_url: 'http://o'}}\n") << QString() << Variables{}
            << QStringLiteral("only") << QStringLiteral("authUrl=http://o") << QStringList{} << QString();
        QTest::newRow("a broken cloud says why")
            << QByteArray("clouds:\n  ok: {}\n  bad:\n    verify: maybe\n") << QStringLiteral("bad") << Variables{} << QString()
            << QString() << QStringList{}
            << QStringLiteral("cloud 'bad' in FILE cannot be used: FILE:4:13: error: 'verify' of cloud 'bad' should be true or "
                              "false, not 'maybe'");
    }
    void selectCloud()
    {
        QFETCH(QByteArray, clouds);
        QFETCH(QString, requested);
        QFETCH(Variables, variables);
        QFETCH(QString, name);
        QFETCH(QString, detail);
        QFETCH(QStringList, overriddenBy);
        QFETCH(QString, error);

        QTemporaryDir dir;
        CloudsConfigPaths paths;
        paths.userCandidates = {dir.filePath(QStringLiteral("clouds.yaml"))};
        writeFile(paths.userCandidates[0], clouds);
        const CloudsConfig config = loadCloudsConfig(paths);
        const CloudSelection selection = ::Pilvi::selectCloud(config, requested, environmentOf(variables));

        QCOMPARE(selection.error, QString(error).replace(QStringLiteral("FILE"), paths.userCandidates[0]));
        QCOMPARE(selection.cloud.has_value(), !name.isEmpty());
        if (!selection.cloud)
            return;
        const CloudProfile &cloud = *selection.cloud;
        QCOMPARE(cloud.name, name);
        QCOMPARE(selection.overriddenBy, overriddenBy);
        const QStringList checks = detail.split(u';', Qt::SkipEmptyParts);
        for (const QString &check : checks) {
            const QString field = check.section(u'=', 0, 0);
            const QString value = check.section(u'=', 1);
            const QHash<QString, QString> actual{
                {QStringLiteral("authUrl"), cloud.auth.authUrl},   {QStringLiteral("username"), cloud.auth.username},
                {QStringLiteral("password"), cloud.auth.password}, {QStringLiteral("project"), cloud.auth.projectName},
                {QStringLiteral("region"), cloud.regionName},      {QStringLiteral("interface"), cloud.interface},
            };
            QVERIFY2(actual.contains(field), qPrintable(field));
            QCOMPARE(actual.value(field), value);
        }
    }

    // The `envvars` cloud from what openrc files export.
    void cloudFromEnvironment_data()
    {
        QTest::addColumn<Variables>("variables");
        QTest::addColumn<bool>("exists");
        QTest::addColumn<CloudProfile>("expected");
        QTest::addColumn<QStringList>("problems");

        CloudProfile pouta;
        pouta.name = QStringLiteral("envvars");
        pouta.auth.authUrl = QStringLiteral("https://pouta.csc.fi:5001/v3");
        pouta.auth.projectId = QStringLiteral("0a1b2c3d");
        pouta.auth.projectName = QStringLiteral("project_2001234");
        pouta.auth.userDomainName = QStringLiteral("Default");
        pouta.auth.projectDomainId = QStringLiteral("default");
        pouta.auth.username = QStringLiteral("jdoe");
        pouta.auth.password = QStringLiteral("typed-at-the-prompt");
        pouta.regionName = QStringLiteral("regionOne");
        QTest::newRow("CSC Pouta openrc") << poutaOpenrc() << true << pouta << QStringList{};

        CloudProfile appcred;
        appcred.name = QStringLiteral("envvars");
        appcred.authType = QStringLiteral("v3applicationcredential");
        appcred.auth.authUrl = QStringLiteral("https://pouta.csc.fi:5001/v3");
        appcred.auth.applicationCredentialId = QStringLiteral("id1");
        appcred.auth.applicationCredentialSecret = QStringLiteral("sec1");
        appcred.interface = QStringLiteral("internal");
        appcred.cacert = QStringLiteral("/ca.pem");
        appcred.cert = QStringLiteral("/c.pem");
        appcred.key = QStringLiteral("/k.pem");
        appcred.verify = false;
        appcred.apiTimeoutSeconds = 60;
        QTest::newRow("application credential openrc, TLS, insecure")
            << Variables{QStringLiteral("OS_AUTH_TYPE=v3applicationcredential"),
                         QStringLiteral("OS_AUTH_URL=https://pouta.csc.fi:5001/v3"),
                         QStringLiteral("OS_APPLICATION_CREDENTIAL_ID=id1"),
                         QStringLiteral("OS_APPLICATION_CREDENTIAL_SECRET=sec1"),
                         QStringLiteral("OS_INTERFACE=internal"),
                         QStringLiteral("OS_CACERT=/ca.pem"),
                         QStringLiteral("OS_CERT=/c.pem"),
                         QStringLiteral("OS_KEY=/k.pem"),
                         QStringLiteral("OS_INSECURE=True"),
                         QStringLiteral("OS_API_TIMEOUT=60")}
            << true << appcred << QStringList{};

        CloudProfile legacy;
        legacy.name = QStringLiteral("envvars");
        legacy.auth.authUrl = QStringLiteral("http://old:5000/v2.0");
        legacy.auth.username = QStringLiteral("admin");
        legacy.auth.projectName = QStringLiteral("admin-tenant");
        legacy.auth.projectId = QStringLiteral("t1");
        legacy.auth.userDomainName = QStringLiteral("D");
        legacy.auth.projectDomainName = QStringLiteral("D");
        legacy.identityApiVersion = QStringLiteral("2.0");
        QTest::newRow("tenant variables and OS_DOMAIN_NAME; OS_INSECURE=1 is not true for openstacksdk")
            << Variables{QStringLiteral("OS_AUTH_URL=http://old:5000/v2.0"),
                         QStringLiteral("OS_USERNAME=admin"),
                         QStringLiteral("OS_TENANT_NAME=admin-tenant"),
                         QStringLiteral("OS_TENANT_ID=t1"),
                         QStringLiteral("OS_DOMAIN_NAME=D"),
                         QStringLiteral("OS_IDENTITY_API_VERSION=2.0"),
                         QStringLiteral("OS_INSECURE=1")}
            << true << legacy << QStringList{};

        CloudProfile token;
        token.name = QStringLiteral("envvars");
        token.authType = QStringLiteral("token");
        token.auth.authUrl = QStringLiteral("http://k/v3");
        token.auth.token = QStringLiteral("gAAAA");
        token.auth.projectId = QStringLiteral("p");
        QTest::newRow("token only") << Variables{QStringLiteral("OS_AUTH_URL=http://k/v3"), QStringLiteral("OS_TOKEN=gAAAA"),
                                                 QStringLiteral("OS_PROJECT_ID=p")}
                                    << true << token << QStringList{};

        QTest::newRow("no OS_AUTH_URL, no cloud") << Variables{QStringLiteral("OS_USERNAME=u"), QStringLiteral("OS_CLOUD=x")}
                                                  << false << CloudProfile{} << QStringList{};
        QTest::newRow("wrong values")
            << Variables{QStringLiteral("OS_AUTH_URL=http://k"), QStringLiteral("OS_INTERFACE=private"),
                         QStringLiteral("OS_API_TIMEOUT=soon")}
            << false << CloudProfile{}
            << QStringList{
                   QStringLiteral("OS_INTERFACE: error: unknown interface 'private' of cloud 'envvars' (use public, internal "
                                  "or admin)"),
                   QStringLiteral("OS_API_TIMEOUT: error: 'api_timeout' of cloud 'envvars' should be a number of seconds, "
                                  "not 'soon'")};
    }
    void cloudFromEnvironment()
    {
        QFETCH(Variables, variables);
        QFETCH(bool, exists);
        QFETCH(CloudProfile, expected);
        QFETCH(QStringList, problems);
        QList<ConfigProblem> found;
        const std::optional<CloudProfile> cloud = ::Pilvi::cloudFromEnvironment(environmentOf(variables), &found);
        QCOMPARE(problemsOf(found), problems);
        QCOMPARE(cloud.has_value(), exists);
        if (cloud)
            QVERIFY(*cloud == expected);
    }
};

QTEST_GUILESS_MAIN(TestCloudsConfig)
#include "tst_cloudsconfig.moc"
