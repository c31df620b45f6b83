// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/cloudsfile.h"

#include <QTest>

using namespace Pilvi;

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

    // A broken part is reported at its place as FILE:LINE:COLUMN, and the good clouds still load.
    void reportsProblemsAndKeepsTheRest_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QStringList>("stillLoaded");

        QTest::newRow("unknown environment")
            << QByteArray("clouds:\n  good: {}\n  bad:\n    environment: prodution\n")
            << QStringLiteral("f.yaml:4:18: error: unknown environment 'prodution' (use development, testing, "
                              "preproduction or production)")
            << QStringList{QStringLiteral("good")};
        QTest::newRow("cloud is a list")
            << QByteArray("clouds:\n  bad: [1, 2]\n  good: {}\n")
            << QStringLiteral("f.yaml:2:8: error: cloud 'bad' should be a mapping of settings, but it is a list")
            << QStringList{QStringLiteral("good")};
        QTest::newRow("cloud without settings")
            << QByteArray("clouds:\n  bad:\n  good: {}\n")
            << QStringLiteral("f.yaml:2:3: error: cloud 'bad' should be a mapping of settings, but it is empty")
            << QStringList{QStringLiteral("good")};
        QTest::newRow("auth is text") << QByteArray("clouds:\n  bad:\n    auth: http://x\n  good: {}\n")
                                      << QStringLiteral("f.yaml:3:11: error: 'auth' of cloud 'bad' should be a mapping")
                                      << QStringList{QStringLiteral("good")};
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
};

QTEST_GUILESS_MAIN(TestCloudsFile)
#include "tst_cloudsfile.moc"
