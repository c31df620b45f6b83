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
QStringList namesOf(const CloudsConfig &config)
{
    QStringList names;
    for (const CloudProfile &cloud : config.clouds)
        names << cloud.name;
    return names;
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
        environment.insert(QStringLiteral("PILVI_CACHE"), QStringLiteral("/c"));
        const CloudsConfigPaths paths = CloudsConfigPaths::fromEnvironment(environment, QStringLiteral("/work"));
        const QStringList expected{QStringLiteral("/x/my.yaml"),
                                   QStringLiteral("/work/clouds.yaml"),
                                   QStringLiteral("/work/clouds.yml"),
                                   QStringLiteral("/work/clouds.json"),
                                   QStringLiteral("/home/u/.config/openstack/clouds.yaml"),
                                   QStringLiteral("/home/u/.config/openstack/clouds.yml"),
                                   QStringLiteral("/home/u/.config/openstack/clouds.json"),
                                   QStringLiteral("/etc/openstack/clouds.yaml"),
                                   QStringLiteral("/etc/openstack/clouds.yml"),
                                   QStringLiteral("/etc/openstack/clouds.json")};
        QCOMPARE(paths.userCandidates, expected);
        QCOMPARE(paths.sandboxFile, QStringLiteral("/c/sandbox/clouds.yaml"));
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

    void noFilesAtAll()
    {
        CloudsConfigPaths paths;
        paths.userCandidates = {QStringLiteral("/nonexistent/clouds.yaml")};
        paths.sandboxFile = QStringLiteral("/nonexistent/sandbox.yaml");
        const CloudsConfig config = loadCloudsConfig(paths);
        QVERIFY(config.userFile.isEmpty());
        QVERIFY(config.clouds.isEmpty());
        QVERIFY(config.problems.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCloudsConfig)
#include "tst_cloudsconfig.moc"
