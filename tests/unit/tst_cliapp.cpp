// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cliapp.h"
#include "cli/resolve.h"

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

    // NAME_OR_ID as the openstack CLI resolves it: an id first, then a unique name.
    void findByNameOrId_data()
    {
        QTest::addColumn<QString>("nameOrId");
        QTest::addColumn<QString>("found"); // the id found, or the error
        QTest::newRow("by id") << QStringLiteral("id-2") << QStringLiteral("id-2");
        QTest::newRow("by unique name") << QStringLiteral("data") << QStringLiteral("id-1");
        QTest::newRow("an id wins over a name") << QStringLiteral("id-3") << QStringLiteral("id-3");
        QTest::newRow("ambiguous name") << QStringLiteral("web")
                                        << QStringLiteral("More than one volume exists with the name 'web'.");
        QTest::newRow("nothing") << QStringLiteral("nope") << QStringLiteral("No volume with a name or ID of 'nope' exists.");
        QTest::newRow("names are case-sensitive")
            << QStringLiteral("Data") << QStringLiteral("No volume with a name or ID of 'Data' exists.");
    }
    void findByNameOrId()
    {
        QFETCH(QString, nameOrId);
        QFETCH(QString, found);
        using Item = std::pair<QString, QString>; // id, name
        const QList<Item> items{{QStringLiteral("id-1"), QStringLiteral("data")},
                                {QStringLiteral("id-2"), QStringLiteral("web")},
                                {QStringLiteral("id-3"), QStringLiteral("web")},
                                {QStringLiteral("id-4"), QStringLiteral("id-3")}};
        QString result;
        try {
            result = Pilvi::findByNameOrId(
                         items, nameOrId, QStringLiteral("volume"), [](const Item &i) { return i.first; },
                         [](const Item &i) { return i.second; })
                         .first;
        } catch (const ApiError &error) {
            result = error.message();
        }
        QCOMPARE(result, found);
    }
};

QTEST_GUILESS_MAIN(TestCliApp)
#include "tst_cliapp.moc"
