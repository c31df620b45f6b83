// SPDX-License-Identifier: GPL-3.0-or-later
// What goes to Heat with a template (the files map as heatclient builds it), where Heat's own
// validation messages land in the text, and `pilvi-cli template validate`.
#include "cli/cliapp.h"
#include "template/heaterrorpath.h"
#include "template/heattemplate.h"
#include "template/templatebundle.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTextStream>
#include <QUrl>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

QString dataDir()
{
    return QStringLiteral(PILVI_TEST_DATA "/templates");
}

QString urlOf(const QString &relative)
{
    return QUrl::fromLocalFile(QDir::cleanPath(dataDir() + u'/' + relative)).toString();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing %s", qPrintable(path));
    return file.readAll();
}

struct Run {
    int status;
    QString out;
    QString err;
};

Run runCliIn(const QStringList &arguments)
{
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    const int status = runCli(arguments, {}, dataDir(), outStream, errStream);
    outStream.flush();
    errStream.flush();
    return {status, out, err};
}

} // namespace

class TestTemplateBundle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void getFileBecomesUrl()
    {
        const TemplateBundle bundle = buildTemplateBundle(dataDir() + u"/good/software_config.yaml"_s, {});
        QVERIFY2(bundle.problems.isEmpty(), qPrintable(bundle.problems.value(0).message));
        const QString script = urlOf(u"good/scripts/configure.sh"_s);
        QCOMPARE(bundle.files.keys(), QStringList{script});
        QCOMPARE(bundle.files.value(script).toString().toUtf8(), readFile(dataDir() + u"/good/scripts/configure.sh"_s));
        const QJsonObject config = bundle.templateJson.value("resources"_L1).toObject().value("greeting_config"_L1).toObject();
        QCOMPARE(config.value("properties"_L1).toObject().value("config"_L1).toObject().value("get_file"_L1).toString(), script);
        // YAML 1.1 typing as Heat's loader: the version date stays a string.
        QCOMPARE(bundle.templateJson.value("heat_template_version"_L1).toString(), u"2018-03-02"_s);
        QVERIFY(bundle.isValid());
    }

    void environmentAndNestedTemplates()
    {
        const TemplateBundle bundle =
            buildTemplateBundle(dataDir() + u"/good/nested_env.yaml"_s, {dataDir() + u"/good/env/registry.yaml"_s});
        QVERIFY2(bundle.problems.isEmpty(), qPrintable(bundle.problems.value(0).message));
        const QString nested = urlOf(u"good/lib/app_server.yaml"_s);
        const QString script = urlOf(u"good/scripts/configure.sh"_s);
        const QString env = urlOf(u"good/env/registry.yaml"_s);
        QStringList keys{nested, script, env};
        keys.sort();
        QCOMPARE(bundle.files.keys(), keys);
        QCOMPARE(bundle.environmentFiles, QStringList{env});
        // The type naming a .yaml file is replaced by its URL, as heatclient does.
        QCOMPARE(bundle.templateJson.value("resources"_L1).toObject().value("app_two"_L1).toObject().value("type"_L1).toString(),
                 nested);
        // A nested template is stored as JSON, with its own get_file resolved relative to it.
        const QJsonObject nestedJson = QJsonDocument::fromJson(bundle.files.value(nested).toString().toUtf8()).object();
        const QJsonObject server = nestedJson.value("resources"_L1).toObject().value("server"_L1).toObject();
        QCOMPARE(server.value("properties"_L1).toObject().value("user_data"_L1).toObject().value("get_file"_L1).toString(),
                 script);
        // The registry entry names the template by URL, in the merged environment and in its file.
        const QJsonObject registry = bundle.environment.value("resource_registry"_L1).toObject();
        QCOMPARE(registry.value("My::AppServer"_L1).toString(), nested);
        const QJsonObject envJson = QJsonDocument::fromJson(bundle.files.value(env).toString().toUtf8()).object();
        QCOMPARE(envJson.value("resource_registry"_L1).toObject().value("My::AppServer"_L1).toString(), nested);
        QCOMPARE(bundle.environment.value("parameters"_L1).toObject().value("image"_L1).toString(), u"debian-13"_s);
        const QJsonObject fields = bundle.requestFields();
        QCOMPARE(fields.value("environment_files"_L1).toArray().size(), 1);
        QVERIFY(fields.value("template"_L1).isObject());
    }

    void missingFileAtItsLine()
    {
        const TemplateBundle bundle = buildTemplateBundle(dataDir() + u"/bad/missing_get_file.yaml"_s, {});
        QCOMPARE(bundle.problems.size(), 1);
        QCOMPARE(bundle.problems[0].range.start.line, 7);
        QCOMPARE(bundle.problems[0].range.start.column, 26);
        QCOMPARE(bundle.problems[0].message, u"Could not fetch contents for "_s + urlOf(u"bad/scripts/missing.sh"_s));
        QVERIFY(!bundle.isValid());
    }

    void yamlToJsonTypes()
    {
        const YamlParseResult parsed = parseYaml("a: yes\nb: 0x10\nc: 1.5\nd: 1e3\ne: '5'\nf: ~\ng: 2021-04-16\nh: [1, off]\n");
        if (!parsed.root) // not QVERIFY: clang-tidy's optional check follows an explicit branch only
            QFAIL("no YAML root");
        const QJsonObject json = yamlToJson(*parsed.root).toObject();
        QCOMPARE(json.value("a"_L1), QJsonValue(true));
        QCOMPARE(json.value("b"_L1), QJsonValue(16));
        QCOMPARE(json.value("c"_L1), QJsonValue(1.5));
        QCOMPARE(json.value("d"_L1), QJsonValue(u"1e3"_s));
        QCOMPARE(json.value("e"_L1), QJsonValue(u"5"_s));
        QVERIFY(json.value("f"_L1).isNull());
        QCOMPARE(json.value("g"_L1), QJsonValue(u"2021-04-16"_s));
        QCOMPARE(json.value("h"_L1).toArray(), (QJsonArray{1, false}));
    }

    void heatErrorPaths_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        // Messages as Heat's template validate returns them (Heat 24).
        QTest::newRow("property value")
            << u"Property error: resources.server.properties.flavor: Error validating value 'm1.huge': The Flavor ID (m1.huge) could not be found."_s
            << 83 << 15;
        QTest::newRow("missing key: the deepest key the template has")
            << u"Failed to validate: resources.data_volume.condition: Invalid condition \"x\""_s << 96 << 3;
        QTest::newRow("list item, bracket form")
            << u"Property error: resources.server.properties.networks[0].port: The Port could not be found."_s << 86 << 17;
        QTest::newRow("list item, dotted form")
            << u"Property error: resources.server.properties.networks.0.port: The Port could not be found."_s << 86 << 17;
        QTest::newRow("output value") << u"Output validation error: outputs.floating_ip.value: bad"_s << 121 << 12;
        QTest::newRow("unknown property, deepest known node")
            << u"Property error: resources.data_volume.properties.sise: Unknown Property sise"_s << 98 << 5;
        QTest::newRow("no path: the type named") << u"The Resource Type (OS::Cinder::Volume) could not be found."_s << 97 << 11;
        QTest::newRow("no path at all") << u"Something went wrong."_s << 1 << 1;
    }
    void heatErrorPaths()
    {
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        const HeatTemplate tmpl = HeatTemplate::parse(readFile(dataDir() + u"/good/server_volume.yaml"_s));
        const TemplateProblem problem = problemFromHeatError(tmpl, u"server_volume.yaml"_s, message);
        QCOMPARE(problem.message, message);
        QCOMPARE(problem.range.start.line, line);
        QCOMPARE(problem.range.start.column, column);
    }

    void realHeatMessages_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        // What the sandbox's Heat 24 answered to template validate for files of the bad corpus.
        QTest::newRow("condition") << u"bad/condition_undeclared.yaml"_s
                                   << u"resources.extra.condition: Invalid condition \"is_production\""_s << 7 << 16;
        QTest::newRow("function in conditions")
            << u"bad/condition_function_context.yaml"_s
            << u"conditions.is_prod.equals[1].get_resource: The function \"get_resource\" is invalid in this context"_s << 7
            << 55;
        QTest::newRow("get_attr in an output")
            << u"bad/get_attr_unknown_attribute.yaml"_s
            << u"outputs.status.value.get_attr: The specified reference \"volum\" (in unknown) is incorrect."_s << 11 << 23;
        QTest::newRow("unknown property") << u"bad/unknown_property.yaml"_s
                                          << u"Property error: resources.volume.properties: Unknown Property sise"_s << 6 << 7;
        QTest::newRow("output without value")
            << u"bad/output_problems.yaml"_s
            << u"Output validation error: outputs.no_value: Each output definition must contain a value key."_s << 7 << 5;
        QTest::newRow("removed function")
            << u"bad/function_removed.yaml"_s
            << u"resources.value.properties.value.Fn::Join: The template version is invalid: The function Fn::Join is not supported in this version of HOT."_s
            << 6 << 25;
        QTest::newRow("section") << u"bad/unknown_section.yaml"_s << u"The template section is invalid: resource"_s << 3 << 1;
        QTest::newRow("type") << u"bad/unknown_type.yaml"_s << u"The Resource Type (OS::Nova::Sever) could not be found."_s << 4
                              << 11;
    }
    void realHeatMessages()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        const HeatTemplate tmpl = HeatTemplate::parse(readFile(dataDir() + u'/' + file));
        const TemplateProblem problem = problemFromHeatError(tmpl, file, message);
        QCOMPARE(problem.range.start.line, line);
        QCOMPARE(problem.range.start.column, column);
        QVERIFY(problem.isError());
    }

    void cliValidate_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("out");
        QTest::newRow("good") << QStringList{u"template"_s, u"validate"_s, u"good/autoscaling.yaml"_s} << int(CliSuccess)
                              << QString();
        QTest::newRow("good with environment")
            << QStringList{u"template"_s, u"validate"_s, u"good/nested_env.yaml"_s, u"-e"_s, u"good/env/registry.yaml"_s}
            << int(CliSuccess) << QString();
        QTest::newRow("one error") << QStringList{u"template"_s, u"validate"_s, u"bad/scaling_adjustment_word.yaml"_s}
                                   << int(CliError)
                                   << dataDir() +
                                          u"/bad/scaling_adjustment_word.yaml:15:27: error: Value 'one' is not a number\n"_s;
        QTest::newRow("global option first")
            << QStringList{u"--os-cloud"_s, u"none"_s, u"template"_s, u"validate"_s, u"good/conditions.yaml"_s} << int(CliSuccess)
            << QString();
    }
    void cliValidate()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, status);
        QFETCH(QString, out);
        const Run result = runCliIn(arguments);
        QCOMPARE(result.out, out);
        QCOMPARE(result.err, QString());
        QCOMPARE(result.status, status);
    }

    void cliWarningsDoNotFail()
    {
        const QString file = QDir::temp().filePath(u"pilvi-warning-%1.yaml"_s.arg(QCoreApplication::applicationPid()));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("heat_template_version: 2018-08-31\n"
                  "resources:\n"
                  "  server:\n"
                  "    type: OS::Nova::Server\n"
                  "    properties: {image: x, flavor: y}\n"
                  "outputs:\n"
                  "  ip:\n"
                  "    value: {get_attr: [server, first_address]}\n");
        out.close();
        const Run result = runCliIn({u"template"_s, u"validate"_s, file});
        QFile::remove(file);
        QCOMPARE(result.status, int(CliSuccess));
        QVERIFY2(result.out.startsWith(file + u":8:32: warning: "_s), qPrintable(result.out));
    }

    void cliJson()
    {
        const Run result = runCliIn({u"template"_s, u"validate"_s, u"bad/get_param_undeclared.yaml"_s, u"--format"_s, u"json"_s});
        QCOMPARE(result.status, int(CliError));
        const QJsonArray list = QJsonDocument::fromJson(result.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        const QJsonObject problem = list[0].toObject();
        QCOMPARE(problem.value("line"_L1).toInt(), 10);
        QCOMPARE(problem.value("column"_L1).toInt(), 27);
        QCOMPARE(problem.value("severity"_L1).toString(), u"error"_s);
        QVERIFY(problem.value("message"_L1).toString().startsWith("The Parameter (flavour) was not provided"_L1));
    }

    void cliUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no file") << QStringList{u"template"_s, u"validate"_s} << u"'template validate' takes FILE"_s;
        QTest::newRow("two files") << QStringList{u"template"_s, u"validate"_s, u"a"_s, u"b"_s}
                                   << u"'template validate' takes one template file"_s;
        QTest::newRow("-e without value") << QStringList{u"template"_s, u"validate"_s, u"a"_s, u"-e"_s}
                                          << u"--environment needs a value"_s;
        QTest::newRow("bad format") << QStringList{u"template"_s, u"validate"_s, u"a"_s, u"-f"_s, u"xml"_s}
                                    << u"--format takes text or json, not 'xml'"_s;
        QTest::newRow("unknown option") << QStringList{u"template"_s, u"validate"_s, u"a"_s, u"--fast"_s}
                                        << u"unknown option '--fast'"_s;
    }
    void cliUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run result = runCliIn(arguments);
        QCOMPARE(result.status, int(CliUsage));
        QCOMPARE(result.err, u"pilvi-cli: %1\nTry 'pilvi-cli --help'.\n"_s.arg(message));
    }
};

QTEST_GUILESS_MAIN(TestTemplateBundle)
#include "tst_templatebundle.moc"
