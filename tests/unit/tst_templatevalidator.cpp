// SPDX-License-Identifier: GPL-3.0-or-later
// Offline validation of Heat templates against the bundled schemas (generated from a real Heat):
// a corpus of working templates that must pass, and of broken ones, each with the exact problems
// at their line and column.
#include "template/templatevalidator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

QString dataDir()
{
    return QStringLiteral(PILVI_TEST_DATA "/templates");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing %s", qPrintable(path));
    return file.readAll();
}

// "LINE:COLUMN: severity: message" for the template itself, "FILE:LINE:..." (relative to the
// corpus) for problems in other files: comparable, and readable when a comparison fails.
QStringList describe(const QList<TemplateProblem> &problems, const QString &mainFile)
{
    QStringList lines;
    for (const TemplateProblem &p : problems) {
        QString where = u"%1:%2"_s.arg(p.range.start.line).arg(p.range.start.column);
        if (p.file != mainFile)
            where = QDir(dataDir()).relativeFilePath(QFileInfo(p.file).absoluteFilePath()) + u':' + where;
        QString message = p.message;
        message.replace(QUrl::fromLocalFile(dataDir()).toString(), u"file://DATA"_s);
        lines.append(u"%1: %2: %3"_s.arg(where, p.isError() ? u"error"_s : u"warning"_s, message));
    }
    return lines;
}

QList<TemplateProblem> validateFile(const QString &relative, const QStringList &environments = {})
{
    TemplateValidator validator;
    for (const QString &env : environments)
        validator.addEnvironment(dataDir() + u'/' + env, readFile(dataDir() + u'/' + env));
    const QString path = dataDir() + u'/' + relative;
    return validator.validate(path, readFile(path));
}

} // namespace

class TestTemplateValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bundledSchemas()
    {
        const ResourceSchemaRegistry registry = ResourceSchemaRegistry::bundled();
        QVERIFY(!registry.isEmpty());
        // Every family a standard Heat offers, including services the sandbox lacks.
        for (const QString &prefix : {u"OS::Heat::"_s, u"OS::Nova::"_s, u"OS::Neutron::"_s, u"OS::Cinder::"_s, u"OS::Swift::"_s,
                                      u"OS::Glance::"_s, u"OS::Octavia::"_s, u"OS::Trove::"_s, u"OS::Zaqar::"_s}) {
            const QStringList names =
                registry.typeNames().filter(QRegularExpression(u"^"_s + QRegularExpression::escape(prefix)));
            QVERIFY2(!names.isEmpty(), qPrintable(prefix));
        }
        const ResourceTypeSchema server = registry.type(u"OS::Nova::Server"_s);
        QVERIFY(server.isValid());
        QVERIFY(server.property(u"flavor"_s).updateAllowed());
        QVERIFY(server.property(u"flavor"_s).required());
        QCOMPARE(server.property(u"image"_s).type(), u"string"_s);
        QVERIFY(server.property(u"networks"_s).hasNested());
        QCOMPARE(server.property(u"networks"_s).nested(u"*"_s).type(), u"map"_s);
        QVERIFY(server.hasAttribute(u"first_address"_s));
        QVERIFY(server.attributeStatus(u"first_address"_s).status != SupportStatus::Status::Supported);
        const ResourceTypeSchema volume = registry.type(u"OS::Cinder::Volume"_s);
        QVERIFY(volume.property(u"availability_zone"_s).isValid());
        QVERIFY(!volume.property(u"size"_s).constraints().isEmpty());
        const ResourceTypeSchema asg = registry.type(u"OS::Heat::AutoScalingGroup"_s);
        QVERIFY(asg.property(u"max_size"_s).required());
        QVERIFY(registry.type(u"OS::Octavia::LoadBalancer"_s).property(u"vip_subnet"_s).required());
        QVERIFY(registry.type(u"OS::Neutron::Port"_s).property(u"network"_s).immutable() ||
                !registry.type(u"OS::Neutron::Port"_s).property(u"network"_s).updateAllowed());
    }

    void templateVersions_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("date");
        QTest::addColumn<bool>("conditions");
        QTest::newRow("first") << u"2013-05-23"_s << u"2013-05-23"_s << false;
        QTest::newRow("newton by date") << u"2016-10-14"_s << u"2016-10-14"_s << true;
        QTest::newRow("newton by name") << u"newton"_s << u"2016-10-14"_s << true;
        QTest::newRow("wallaby by date") << u"2021-04-16"_s << u"2021-04-16"_s << true;
        QTest::newRow("wallaby by name") << u"wallaby"_s << u"2021-04-16"_s << true;
    }
    void templateVersions()
    {
        QFETCH(QString, name);
        QFETCH(QString, date);
        QFETCH(bool, conditions);
        const TemplateVersion version = ResourceSchemaRegistry::bundled().version(name);
        QVERIFY(version.isValid());
        QCOMPARE(version.date, date);
        QCOMPARE(version.sections.contains(u"conditions"_s), conditions);
        QCOMPARE(version.functions.contains(u"if"_s), conditions);
        QVERIFY(version.functions.contains(u"get_param"_s));
    }

    void goodTemplates_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("environments");
        QTest::addColumn<QStringList>("warnings");
        QTest::newRow("server, network, volume") << u"good/server_volume.yaml"_s << QStringList{} << QStringList{};
        QTest::newRow("resource group") << u"good/resource_group.yaml"_s << QStringList{} << QStringList{};
        QTest::newRow("autoscaling") << u"good/autoscaling.yaml"_s << QStringList{} << QStringList{};
        QTest::newRow("software config") << u"good/software_config.yaml"_s << QStringList{} << QStringList{};
        QTest::newRow("conditions") << u"good/conditions.yaml"_s << QStringList{} << QStringList{};
        QTest::newRow("nested via environment")
            << u"good/nested_env.yaml"_s << QStringList{u"good/env/registry.yaml"_s} << QStringList{};
        QTest::newRow("nested template alone") << u"good/lib/app_server.yaml"_s << QStringList{} << QStringList{};
    }
    void goodTemplates()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, environments);
        QFETCH(QStringList, warnings);
        const QList<TemplateProblem> problems = validateFile(file, environments);
        QCOMPARE(describe(problems, dataDir() + u'/' + file), warnings);
    }

    void badTemplates_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("environments");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("get_param to an undeclared parameter (Heat's validate misses it)")
            << u"bad/get_param_undeclared.yaml"_s << QStringList{}
            << QStringList{
                   u"10:27: error: The Parameter (flavour) was not provided: it is not declared in the parameters section."_s};
        QTest::newRow("AutoScalingGroup without max_size (Heat's validate misses it)")
            << u"bad/asg_without_max_size.yaml"_s << QStringList{}
            << QStringList{u"3:3: error: Property max_size not assigned"_s};
        QTest::newRow("adjustment_type outside allowed_values (Heat's validate misses it)")
            << u"bad/adjustment_type_not_allowed.yaml"_s << QStringList{}
            << QStringList{
                   u"13:24: error: \"by_one\" is not an allowed value [\"change_in_capacity\", \"exact_capacity\", \"percent_change_in_capacity\"]"_s};
        QTest::newRow("scaling_adjustment: one (Heat's validate misses it)")
            << u"bad/scaling_adjustment_word.yaml"_s << QStringList{}
            << QStringList{u"15:27: error: Value 'one' is not a number"_s};
        QTest::newRow("unknown section, at its key") << u"bad/unknown_section.yaml"_s << QStringList{}
                                                     << QStringList{u"3:1: error: The template section is invalid: resource"_s};
        QTest::newRow("unknown type, at the type value")
            << u"bad/unknown_type.yaml"_s << QStringList{}
            << QStringList{u"4:11: error: The Resource Type (OS::Nova::Sever) could not be found."_s};
        QTest::newRow("unknown property, at its key")
            << u"bad/unknown_property.yaml"_s << QStringList{} << QStringList{u"7:7: error: Unknown Property sise"_s};
        QTest::newRow("get_resource to an undeclared resource")
            << u"bad/get_resource_undeclared.yaml"_s << QStringList{}
            << QStringList{
                   u"10:37: error: The specified reference \"server\" (in attachment.Properties.instance_uuid) is incorrect."_s};
        QTest::newRow("get_attr: unknown attribute, undeclared resource")
            << u"bad/get_attr_unknown_attribute.yaml"_s << QStringList{}
            << QStringList{u"9:32: error: The Referenced Attribute (volume capacity) is incorrect."_s,
                           u"11:24: error: The specified reference \"volum\" (in outputs.status.value) is incorrect."_s};
        QTest::newRow("depends_on an undeclared resource")
            << u"bad/depends_on_undeclared.yaml"_s << QStringList{}
            << QStringList{u"7:25: error: The specified reference \"third\" (in second) is incorrect."_s};
        QTest::newRow("condition not declared") << u"bad/condition_undeclared.yaml"_s << QStringList{}
                                                << QStringList{u"7:16: error: Invalid condition \"is_production\""_s};
        QTest::newRow("dependency cycle through get_attr and depends_on")
            << u"bad/dependency_cycle.yaml"_s << QStringList{}
            << QStringList{u"3:3: error: Circular Dependency Found: a -> c -> b -> a"_s};
        QTest::newRow("function newer than the template version: Heat takes a plain mapping")
            << u"bad/function_not_in_version.yaml"_s << QStringList{}
            << QStringList{
                   u"10:15: warning: if is not a function in heat_template_version 2015-10-15 (it is from 2016-10-14 on): Heat takes this as a plain mapping"_s};
        QTest::newRow("function removed in the template version")
            << u"bad/function_removed.yaml"_s << QStringList{}
            << QStringList{
                   u"6:15: error: The template version is invalid: The function Fn::Join is not supported in this version of HOT."_s};
        QTest::newRow("function not allowed in conditions")
            << u"bad/condition_function_context.yaml"_s << QStringList{}
            << QStringList{u"7:41: error: The function \"get_resource\" is invalid in this context"_s};
        QTest::newRow("unknown template version")
            << u"bad/bad_version.yaml"_s << QStringList{}
            << QStringList{
                   u"1:24: error: The template version is invalid: \"heat_template_version: 2019-01-01\". \"heat_template_version\" should be one of: 2013-05-23, 2014-10-16, 2015-04-30, 2015-10-15, 2016-04-08, 2016-10-14, 2017-02-24, 2017-09-01, 2018-03-02, 2018-08-31, 2021-04-16"_s};
        QTest::newRow("YAML syntax") << u"bad/yaml_error.yaml"_s << QStringList{}
                                     << QStringList{u"6:1: error: missing comma in flow mapping"_s};
        QTest::newRow("get_file of a missing local file")
            << u"bad/missing_get_file.yaml"_s << QStringList{}
            << QStringList{u"7:26: error: Could not fetch contents for file://DATA/bad/scripts/missing.sh"_s};
        QTest::newRow("missing nested template")
            << u"bad/missing_nested.yaml"_s << QStringList{}
            << QStringList{u"4:11: error: Could not fetch contents for file://DATA/bad/lib/no_such_template.yaml"_s};
        QTest::newRow("nested template: properties are its parameters")
            << u"bad/nested_problems.yaml"_s << QStringList{}
            << QStringList{u"3:3: error: Property server_name not assigned"_s, u"7:7: error: Unknown Property colour"_s};
        QTest::newRow("output without value, unknown output key")
            << u"bad/output_problems.yaml"_s << QStringList{}
            << QStringList{u"6:3: error: Each output definition must contain a value key."_s,
                           u"10:5: error: \"condtion\" is not a valid keyword inside a output definition"_s};
        QTest::newRow("parameters: default type, type, default constraint, key")
            << u"bad/parameter_problems.yaml"_s << QStringList{}
            << QStringList{
                   u"5:14: error: Invalid default three (Value 'three' is not a number)"_s,
                   u"7:11: error: Invalid type (integer)"_s,
                   u"10:14: error: Invalid default m1.huge (\"m1.huge\" is not an allowed value [\"m1.small\", \"m1.medium\"])"_s,
                   u"15:5: error: Invalid key 'lable' for parameter (name)"_s};
        QTest::newRow("property types: map, list, boolean, integer")
            << u"bad/property_types.yaml"_s << QStringList{}
            << QStringList{u"8:17: error: \"just-a-string\" is not a map"_s, u"9:17: error: \"'net0'\" is not a list"_s,
                           u"10:21: error: \"maybe\" is not a valid boolean"_s, u"14:13: error: Value '[1]' is not an integer"_s};
        QTest::newRow("resource keys, deletion policy, missing type")
            << u"bad/resource_keys.yaml"_s << QStringList{}
            << QStringList{u"5:5: error: \"propertes\" is not a valid keyword inside a resource definition"_s,
                           u"8:22: error: Invalid deletion policy \"Keep\""_s,
                           u"9:3: error: Each resource must contain a type key."_s};
        QTest::newRow("duplicate keys: a warning, Heat takes the last")
            << u"bad/duplicate_keys.yaml"_s << QStringList{}
            << QStringList{u"5:3: warning: Duplicate key 'server': Heat ignores the one on line 3 and uses this one"_s,
                           u"9:7: warning: Duplicate key 'value': Heat ignores the one on line 8 and uses this one"_s};
        QTest::newRow("environment: parameter, registry file and type, section")
            << u"bad/env_target.yaml"_s << QStringList{u"bad/env_problems.env.yaml"_s}
            << QStringList{
                   u"bad/env_problems.env.yaml:3:3: error: The Parameter (imagee) was not defined in template."_s,
                   u"bad/env_problems.env.yaml:4:10: error: Parameter 'count' is invalid: Value 'many' is not a number"_s,
                   u"bad/env_problems.env.yaml:6:16: error: Could not fetch contents for file://DATA/bad/templates/not_here.yaml"_s,
                   u"bad/env_problems.env.yaml:7:14: error: The Resource Type (OS::Nova::Sever) could not be found."_s,
                   u"bad/env_problems.env.yaml:8:1: error: environment has wrong section \"paramter_defaults\""_s};
    }
    void badTemplates()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, environments);
        QFETCH(QStringList, expected);
        const QList<TemplateProblem> problems = validateFile(file, environments);
        QCOMPARE(describe(problems, dataDir() + u'/' + file), expected);
    }

    void problemRanges()
    {
        // The range is the whole wrong node: `one` on line 15, columns 27 to 30.
        const QList<TemplateProblem> problems = validateFile(u"bad/scaling_adjustment_word.yaml"_s);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].range.start.line, 15);
        QCOMPARE(problems[0].range.end.column - problems[0].range.start.column, 3);
        const QByteArray text = readFile(dataDir() + u"/bad/scaling_adjustment_word.yaml"_s);
        QCOMPARE(text.mid(problems[0].range.start.offset, problems[0].range.end.offset - problems[0].range.start.offset), "one");
    }

    void yaml11Dates()
    {
        // YAML 1.1 reads 2018-08-31 as a date; Heat's loader keeps it a string, and so do we.
        const QByteArray text = "heat_template_version: 2018-08-31\n"
                                "parameters:\n"
                                "  day:\n"
                                "    type: string\n"
                                "    default: 2001-12-14\n"
                                "  stamp:\n"
                                "    type: string\n"
                                "    default: 2001-12-14t21:59:43.10-05:00\n"
                                "resources: {}\n";
        const HeatTemplate tmpl = HeatTemplate::parse(text);
        QCOMPARE(tmpl.version(), u"2018-08-31"_s);
        QCOMPARE(tmpl.parameter(u"day")->defaultValue->scalar, u"2001-12-14"_s);
        QCOMPARE(TemplateValidator().validate(QString(), tmpl), QList<TemplateProblem>{});
    }

    void yaml11Scalars_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("integer");
        QTest::addColumn<bool>("floating");
        QTest::addColumn<bool>("boolean");
        QTest::newRow("decimal") << QByteArray("42") << true << false << false;
        QTest::newRow("hex") << QByteArray("0x1f") << true << false << false;
        QTest::newRow("octal") << QByteArray("0755") << true << false << false;
        QTest::newRow("sexagesimal") << QByteArray("1:30") << true << false << false;
        QTest::newRow("float") << QByteArray("1.5") << false << true << false;
        QTest::newRow("exponent without dot is a string") << QByteArray("1e3") << false << false << false;
        QTest::newRow("yes") << QByteArray("yes") << false << false << true;
        QTest::newRow("Off") << QByteArray("Off") << false << false << true;
        QTest::newRow("quoted true") << QByteArray("'true'") << false << false << false;
        QTest::newRow("y is a string") << QByteArray("y") << false << false << false;
        QTest::newRow("date") << QByteArray("2021-04-16") << false << false << false;
    }
    void yaml11Scalars()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, integer);
        QFETCH(bool, floating);
        QFETCH(bool, boolean);
        const YamlParseResult parsed = parseYaml("v: " + value + '\n');
        if (!parsed.root) // not QVERIFY: clang-tidy's optional check follows an explicit branch only
            QFAIL("no YAML root");
        const YamlNode *node = parsed.root->value(u"v");
        QVERIFY(node);
        QCOMPARE(Yaml11::isInteger(*node), integer);
        QCOMPARE(Yaml11::isFloat(*node), floating);
        QCOMPARE(Yaml11::isBoolean(*node), boolean);
    }

    void notATemplate_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QByteArray()
                               << QStringList{u"1:1: error: The template is not a JSON object or YAML mapping."_s};
        QTest::newRow("a list") << QByteArray("- a\n- b\n")
                                << QStringList{u"1:1: error: The template is not a JSON object or YAML mapping."_s};
        QTest::newRow("no version") << QByteArray("resources: {}\n")
                                    << QStringList{u"1:1: error: Template format version not found."_s};
    }
    void notATemplate()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, expected);
        QCOMPARE(describe(TemplateValidator().validate(QString(), text), QString()), expected);
    }

    void unsavedBuffer()
    {
        // Without a file name there is no folder: local files are left alone, not reported missing.
        const QByteArray text = "heat_template_version: 2018-08-31\n"
                                "resources:\n"
                                "  config:\n"
                                "    type: OS::Heat::SoftwareConfig\n"
                                "    properties:\n"
                                "      config: {get_file: run.sh}\n";
        QCOMPARE(TemplateValidator().validate(QString(), text), QList<TemplateProblem>{});
    }

    void injectedFiles()
    {
        // The file reader is injectable: the editor validates unsaved nested templates this way.
        TemplateValidator validator;
        validator.setFileReader([](const QString &path) -> std::optional<QByteArray> {
            if (path == u"/virtual/run.sh"_s)
                return QByteArray("#!/bin/sh\n");
            return std::nullopt;
        });
        const QByteArray text = "heat_template_version: 2018-08-31\n"
                                "resources:\n"
                                "  config:\n"
                                "    type: OS::Heat::SoftwareConfig\n"
                                "    properties:\n"
                                "      config: {get_file: run.sh}\n"
                                "  other:\n"
                                "    type: OS::Heat::SoftwareConfig\n"
                                "    properties:\n"
                                "      config: {get_file: gone.sh}\n"
                                "      group: {get_file: 'https://example.org/x.sh'}\n";
        const QList<TemplateProblem> problems = validator.validate(u"/virtual/top.yaml"_s, text);
        QCOMPARE(describe(problems, u"/virtual/top.yaml"_s),
                 QStringList{u"10:26: error: Could not fetch contents for file:///virtual/gone.sh"_s});
    }
};

QTEST_GUILESS_MAIN(TestTemplateValidator)
#include "tst_templatevalidator.moc"
