// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cliapp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Pilvi;

namespace {
struct Run {
    int status;
    QString out;
    QString err;
};

Run run(const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    const int status = runCli(arguments, environment, QStringLiteral("/nonexistent"), outStream, errStream);
    outStream.flush();
    errStream.flush();
    return {status, out, err};
}
} // namespace

class TestCliApp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("no command given");
        QTest::newRow("unknown global option")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("unknown global option '--frobnicate'");
        QTest::newRow("cloud without name") << QStringList{QStringLiteral("--os-cloud")}
                                            << QStringLiteral("--os-cloud needs a cloud name");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("teleport")}
                                         << QStringLiteral("unknown command 'teleport'");
        QTest::newRow("bad format") << QStringList{QStringLiteral("cloud"), QStringLiteral("list"), QStringLiteral("-f"),
                                                   QStringLiteral("xml")}
                                    << QStringLiteral("--format takes table or json, not 'xml'");
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run result = run(arguments);
        QCOMPARE(result.status, int(CliUsage));
        QVERIFY(result.out.isEmpty());
        QCOMPARE(result.err, QStringLiteral("pilvi-cli: %1\nTry 'pilvi-cli --help'.\n").arg(message));
    }

    void helpAndVersion()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.status, int(CliSuccess));
        QVERIFY(help.out.startsWith(QStringLiteral("Usage: pilvi-cli")));
        QVERIFY(help.out.contains(QStringLiteral("--os-cloud NAME")));
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.status, int(CliSuccess));
        QVERIFY(version.out.startsWith(QStringLiteral("pilvi-cli 0.")));
    }

    void cloudListJsonAndTable()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("clouds.yaml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("clouds:\n  prod: {environment: production, region_name: R1, auth: {auth_url: 'https://k:5000'}}\n");
        f.close();
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("OS_CLIENT_CONFIG_FILE"), file);
        environment.insert(QStringLiteral("PILVI_SANDBOX_CLOUDS"), dir.filePath(QStringLiteral("none.yaml")));

        const Run json = run(
            {QStringLiteral("cloud"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}, environment);
        QCOMPARE(json.status, int(CliSuccess));
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].toObject().value(QStringLiteral("Name")).toString(), QStringLiteral("prod"));
        QCOMPARE(rows[0].toObject().value(QStringLiteral("Environment")).toString(), QStringLiteral("production"));
        QCOMPARE(rows[0].toObject().value(QStringLiteral("Region")).toString(), QStringLiteral("R1"));

        const Run table = run({QStringLiteral("cloud"), QStringLiteral("list")}, environment);
        QCOMPARE(table.status, int(CliSuccess));
        const QStringList lines = table.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5); // rule, header, rule, row, rule
        QVERIFY(lines[1].startsWith(QStringLiteral("| Name | Environment | Auth URL")));
        QVERIFY(lines[3].startsWith(QStringLiteral("| prod | production  | https://k:5000 |")));
    }

    void cloudListReportsBrokenFileAndFails()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("clouds.yaml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("clouds:\n  ok: {}\n  bad: {environment: prodd}\n");
        f.close();
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("OS_CLIENT_CONFIG_FILE"), file);
        environment.insert(QStringLiteral("PILVI_SANDBOX_CLOUDS"), dir.filePath(QStringLiteral("none.yaml")));
        const Run result =
            run({QStringLiteral("cloud"), QStringLiteral("list"), QStringLiteral("-f"), QStringLiteral("json")}, environment);
        QCOMPARE(result.status, int(CliError));
        QVERIFY2(result.err.startsWith(file + QStringLiteral(":3:22: error: unknown environment 'prodd'")),
                 qPrintable(result.err));
        QCOMPARE(QJsonDocument::fromJson(result.out.toUtf8()).array().size(), 1); // 'ok' still listed
    }
};

QTEST_GUILESS_MAIN(TestCliApp)
#include "tst_cliapp.moc"
