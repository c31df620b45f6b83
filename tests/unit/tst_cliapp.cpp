// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cliapp.h"
#include "cli/resolve.h"
#include "cli/stackjobcommands.h"

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
        QTest::newRow("create without template")
            << QStringList{QStringLiteral("stack"), QStringLiteral("create"), QStringLiteral("web"), QStringLiteral("--wait")}
            << QStringLiteral("'stack create' needs a template: -t FILE");
        QTest::newRow("create without name")
            << QStringList{QStringLiteral("stack"), QStringLiteral("create"), QStringLiteral("-t"), QStringLiteral("t.yaml")}
            << QStringLiteral("'stack create' takes one stack name");
        QTest::newRow("parameter without value")
            << QStringList{QStringLiteral("stack"),  QStringLiteral("create"),      QStringLiteral("web"), QStringLiteral("-t"),
                           QStringLiteral("t.yaml"), QStringLiteral("--parameter"), QStringLiteral("size")}
            << QStringLiteral("--parameter takes KEY=VALUE, not 'size'");
        QTest::newRow("timeout not a number")
            << QStringList{QStringLiteral("stack"),  QStringLiteral("create"),    QStringLiteral("web"), QStringLiteral("-t"),
                           QStringLiteral("t.yaml"), QStringLiteral("--timeout"), QStringLiteral("soon")}
            << QStringLiteral("--timeout takes minutes, not 'soon'");
        QTest::newRow("create option on delete")
            << QStringList{QStringLiteral("stack"), QStringLiteral("delete"), QStringLiteral("web"), QStringLiteral("-t"),
                           QStringLiteral("t.yaml")}
            << QStringLiteral("unknown option '-t' for 'stack delete'");
        QTest::newRow("confirm without name")
            << QStringList{QStringLiteral("stack"), QStringLiteral("delete"), QStringLiteral("web"), QStringLiteral("--confirm")}
            << QStringLiteral("--confirm needs a value");
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

    void stackCreateOptions()
    {
        QString error;
        const std::optional<StackJobCommand> command = parseStackJobCommand(
            {QStringLiteral("stack"), QStringLiteral("create"), QStringLiteral("-t"), QStringLiteral("asg.yaml"),
             QStringLiteral("--environment=env.yaml"), QStringLiteral("--parameter"), QStringLiteral("size=3"),
             QStringLiteral("--parameter=url=http://x/?a=b"), QStringLiteral("--timeout"), QStringLiteral("15"),
             QStringLiteral("--enable-rollback"), QStringLiteral("--wait"), QStringLiteral("web")},
            &error);
        if (!command) // not QVERIFY: clang-tidy's optional check follows an explicit branch only
            QFAIL(qPrintable(error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(command->kind, StackJobCommand::Kind::Create);
        QCOMPARE(command->name, QStringLiteral("web"));
        QCOMPARE(command->templateFile, QStringLiteral("asg.yaml"));
        QCOMPARE(command->environmentFiles, QStringList{QStringLiteral("env.yaml")});
        QCOMPARE(command->parameters, (QMap<QString, QString>{{QStringLiteral("size"), QStringLiteral("3")},
                                                              {QStringLiteral("url"), QStringLiteral("http://x/?a=b")}}));
        QCOMPARE(command->timeoutMinutes, 15);
        QVERIFY(command->enableRollback);
        QVERIFY(command->wait);
        QVERIFY(!command->dryRun);
        QVERIFY(!parseStackJobCommand({QStringLiteral("stack"), QStringLiteral("list")}, &error));
    }

    void journalPath_data()
    {
        QTest::addColumn<QString>("xdgDataHome");
        QTest::addColumn<QString>("expected");
        QTest::newRow("XDG_DATA_HOME") << QStringLiteral("/data") << QStringLiteral("/data/pilvi/journal.sqlite");
        QTest::newRow("home") << QString() << QStringLiteral("/home/u/.local/share/pilvi/journal.sqlite");
    }
    void journalPath()
    {
        QFETCH(QString, xdgDataHome);
        QFETCH(QString, expected);
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), QStringLiteral("/home/u"));
        if (!xdgDataHome.isEmpty())
            environment.insert(QStringLiteral("XDG_DATA_HOME"), xdgDataHome);
        QCOMPARE(jobJournalPath(environment), expected);
    }

    void productionDeleteNeedsConfirm_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("no --confirm") << QStringList{};
        QTest::newRow("wrong name") << QStringList{QStringLiteral("--confirm"), QStringLiteral("other")};
        QTest::newRow("--yes is not enough") << QStringList{QStringLiteral("--yes"), QStringLiteral("--wait")};
    }
    void productionDeleteNeedsConfirm()
    {
        QFETCH(QStringList, extra);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("clouds.yaml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // The auth URL answers nothing: the refusal must come before any call to the cloud.
        f.write("clouds:\n  prod: {environment: production, auth: {auth_url: 'http://127.0.0.1:9/v3', username: u, password: "
                "p, project_name: x}}\n");
        f.close();
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("OS_CLIENT_CONFIG_FILE"), file);
        environment.insert(QStringLiteral("PILVI_SANDBOX_CLOUDS"), dir.filePath(QStringLiteral("none.yaml")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        const Run result =
            run(QStringList{QStringLiteral("--os-cloud"), QStringLiteral("prod"), QStringLiteral("--no-token-cache"),
                            QStringLiteral("stack"), QStringLiteral("delete"), QStringLiteral("web")} +
                    extra,
                environment);
        QCOMPARE(result.status, int(CliError));
        QCOMPARE(result.err, QStringLiteral("pilvi-cli: cloud 'prod' is production: deleting stack 'web' needs --confirm web\n"));
        QVERIFY(result.out.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("data/pilvi/journal.sqlite")))); // no job was made
    }

    void missingTemplateIsAnError()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("clouds.yaml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("clouds:\n  dev: {auth: {auth_url: 'http://127.0.0.1:9/v3', username: u, password: p, project_name: x}}\n");
        f.close();
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("OS_CLIENT_CONFIG_FILE"), file);
        environment.insert(QStringLiteral("PILVI_SANDBOX_CLOUDS"), dir.filePath(QStringLiteral("none.yaml")));
        const Run result =
            run({QStringLiteral("--os-cloud"), QStringLiteral("dev"), QStringLiteral("stack"), QStringLiteral("create"),
                 QStringLiteral("web"), QStringLiteral("-t"), dir.filePath(QStringLiteral("nope.yaml"))},
                environment);
        QCOMPARE(result.status, int(CliError));
        QVERIFY2(result.err.startsWith(QStringLiteral("pilvi-cli: cannot read the template ")), qPrintable(result.err));
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
