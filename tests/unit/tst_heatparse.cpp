// SPDX-License-Identifier: GPL-3.0-or-later
// Heat's answers beyond stacks, resources and events, recorded from the sandbox cloud
// (tools/record-api-responses --only=heat-api): templates, environments, outputs, previews,
// validation, resource types and their schemas. Damaged copies of them are ApiErrors naming the
// field, never a crash.
#include "net/apierror.h"
#include "openstack/orchestration/orchestrationparse.h"
#include "openstack/orchestration/resourcetypeparse.h"
#include "yaml/yamldocument.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace Pilvi;

namespace {
QByteArray recorded(const QString &name)
{
    QFile file(QStringLiteral(PILVI_TEST_DATA "/api/") + name + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing recording %s", qPrintable(file.fileName()));
    return file.readAll();
}

int recordedStatus(const QString &name)
{
    QFile file(QStringLiteral(PILVI_TEST_DATA "/api/") + name + QStringLiteral(".status"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing recording %s", qPrintable(file.fileName()));
    return file.readAll().trimmed().toInt();
}

// `value` set at `path` (object keys and list indexes) inside `root`; Undefined removes it.
QJsonValue replaced(const QJsonValue &root, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    if (root.isArray()) {
        QJsonArray array = root.toArray();
        const qsizetype index = head.toInt();
        array.replace(index, replaced(array.at(index), path, value));
        return array;
    }
    QJsonObject object = root.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(head);
    else
        object.insert(head, replaced(object.value(head), path, value));
    return object;
}

// A recording with one value changed: path like "resource_changes/updated/0/resource_name".
QByteArray damaged(const char *recording, const char *path, const QJsonValue &value = QJsonValue::Undefined)
{
    const QJsonObject root = QJsonDocument::fromJson(recorded(QString::fromLatin1(recording))).object();
    const QJsonValue changed = replaced(root, QString::fromLatin1(path).split(u'/'), value);
    return QJsonDocument(changed.toObject()).toJson();
}

QStringList names(const QList<ResourceSummary> &resources)
{
    QStringList result;
    for (const ResourceSummary &r : resources)
        result << r.name;
    result.sort();
    return result;
}

using Parser = std::function<void(const QByteArray &)>;
} // namespace

Q_DECLARE_METATYPE(Parser)

class TestHeatParse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stackParameters()
    {
        const Stack stack = HeatParse::stack(recorded(QStringLiteral("heat_groups_stack_show")));
        QCOMPARE(stack.parameters.value(QStringLiteral("count")), QStringLiteral("2"));
        QCOMPARE(stack.parameters.value(QStringLiteral("asg_max")), QStringLiteral("3"));
        QCOMPARE(stack.parameters.value(QStringLiteral("OS::stack_name")), stack.name);
        QCOMPARE(stack.parameters.value(QStringLiteral("OS::stack_id")), stack.id);
    }

    // Heat answers with the template as JSON, which the YAML reader takes as it is.
    void stackTemplate()
    {
        const QByteArray text = HeatParse::stackTemplate(recorded(QStringLiteral("heat_stack_template")));
        const YamlParseResult parsed = parseYaml(text);
        if (!parsed.root)
            QFAIL("Heat's template is not readable");
        const YamlNode *asg = parsed.root->value(u"resources")->value(u"asg");
        QVERIFY(asg);
        QCOMPARE(asg->value(u"type")->scalar, QStringLiteral("OS::Heat::AutoScalingGroup"));
        QCOMPARE(asg->value(u"properties")->value(u"max_size")->scalar, QStringLiteral("4"));
    }

    void environmentAndFiles()
    {
        const StackEnvironment environment = HeatParse::environment(recorded(QStringLiteral("heat_stack_environment")));
        QVERIFY(environment.parameters.isEmpty()); // demo-asg was created without an environment
        QVERIFY(environment.encryptedParameters.isEmpty());
        QVERIFY(HeatParse::files(recorded(QStringLiteral("heat_stack_files"))).isEmpty());

        const StackEnvironment written = HeatParse::environment(
            R"({"parameters": {"count": 3, "names": ["a", "b"]}, "parameter_defaults": {"flavour": "large"},
                "resource_registry": {"My::Server": "server.yaml", "resources": {"web": {"OS::Nova::Server": "big.yaml"}}},
                "encrypted_param_names": ["password"]})");
        QCOMPARE(written.parameters.value(QStringLiteral("count")), QStringLiteral("3"));
        QCOMPARE(written.parameters.value(QStringLiteral("names")), QStringLiteral(R"(["a","b"])"));
        QCOMPARE(written.parameterDefaults.value(QStringLiteral("flavour")), QStringLiteral("large"));
        QCOMPARE(written.resourceRegistry.value(QStringLiteral("My::Server")), QStringLiteral("server.yaml"));
        QCOMPARE(written.resourceRegistry.value(QStringLiteral("resources.web.OS::Nova::Server")), QStringLiteral("big.yaml"));
        QCOMPARE(written.encryptedParameters, QStringList{QStringLiteral("password")});
        const QMap<QString, QByteArray> files = HeatParse::files(R"({"member.yaml": "heat_template_version: 2021-04-16\n"})");
        QCOMPARE(files.value(QStringLiteral("member.yaml")), QByteArray("heat_template_version: 2021-04-16\n"));
    }

    void outputs()
    {
        const QList<StackOutput> outputs = HeatParse::outputs(recorded(QStringLiteral("heat_outputs")));
        QCOMPARE(outputs.size(), 2);
        QStringList keys;
        for (const StackOutput &o : outputs) {
            keys << o.key;
            QVERIFY(o.value.isEmpty()); // the list does not resolve values
        }
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("signal_url"), QStringLiteral("size")}));

        const StackOutput url = HeatParse::output(recorded(QStringLiteral("heat_output_show")));
        QCOMPARE(url.key, QStringLiteral("signal_url"));
        QCOMPARE(url.description, QStringLiteral("POST here with a token to scale up"));
        QVERIFY2(url.value.endsWith(QStringLiteral("/resources/scale_up/signal")), qPrintable(url.value));
        QVERIFY(url.error.isEmpty());
    }

    // The recorded PATCH preview (with show_nested) changes `value` (an update in place),
    // `replace_value` (a resource with update_replace) and the ResourceGroup's count 2 -> 3.
    void updatePreview()
    {
        const StackUpdatePreview preview = HeatParse::updatePreview(recorded(QStringLiteral("heat_preview_update")));
        QCOMPARE(names(preview.updated), (QStringList{QStringLiteral("asg"), QStringLiteral("rg"), QStringLiteral("updated")}));
        // Heat replaces the policies too: they hold the group's id, which it cannot promise to keep.
        QCOMPARE(names(preview.replaced),
                 (QStringList{QStringLiteral("replaced"), QStringLiteral("scale_in"), QStringLiteral("scale_out")}));
        // The group's members 0 and 1 stay, member 2 comes.
        QCOMPARE(names(preview.unchanged), (QStringList{QStringLiteral("0"), QStringLiteral("1")}));
        const auto member =
            std::find_if(preview.added.cbegin(), preview.added.cend(), [](const ResourceSummary &r) { return r.name == u"2"; });
        QVERIFY(member != preview.added.cend());
        QCOMPARE(member->stackName, QStringLiteral("pilvi-recording-groups-rg"));
        QVERIFY(member->physicalId.isEmpty()); // not made yet
        const auto updated = std::find_if(preview.updated.cbegin(), preview.updated.cend(),
                                          [](const ResourceSummary &r) { return r.name == u"updated"; });
        QCOMPARE(updated->type, QStringLiteral("OS::Heat::TestResource"));
        QCOMPARE(updated->stackName, QStringLiteral("pilvi-recording-groups"));
        QVERIFY(updated->physicalId.startsWith(QStringLiteral("pilvi-recording-groups-updated-")));
    }

    void stackPreview()
    {
        const StackPreview preview = HeatParse::stackPreview(recorded(QStringLiteral("heat_stack_preview")));
        QCOMPARE(preview.stack.name, QStringLiteral("pilvi-recording-groups"));
        QCOMPARE(preview.stack.parameters.value(QStringLiteral("count")), QStringLiteral("2"));
        QList<ResourceSummary> top;
        QStringList rgMembers;
        for (const ResourceSummary &r : preview.resources) {
            QVERIFY(!r.type.isEmpty());
            QVERIFY(r.physicalId.isEmpty()); // nothing exists yet
            if (r.parentResource.isEmpty())
                top << r;
            else if (r.parentResource == u"rg")
                rgMembers << r.name;
        }
        QCOMPARE(names(top), (QStringList{QStringLiteral("replaced"), QStringLiteral("scale_in"), QStringLiteral("scale_out"),
                                          QStringLiteral("updated")}));
        // The groups come as their members (from nested lists), which name the group.
        rgMembers.sort();
        QCOMPARE(rgMembers, (QStringList{QStringLiteral("0"), QStringLiteral("1")}));
        QCOMPARE(std::count_if(preview.resources.cbegin(), preview.resources.cend(),
                               [](const ResourceSummary &r) { return r.parentResource == u"asg"; }),
                 1);
    }

    void validateAccepted()
    {
        QCOMPARE(recordedStatus(QStringLiteral("heat_validate_ok")), 200);
        const HeatTemplateValidation validation = HeatParse::templateValidation(recorded(QStringLiteral("heat_validate_ok")));
        QCOMPARE(validation.description, QStringLiteral("Scaling groups for Pilvi's parser tests"));
        QStringList parameterNames;
        for (const HeatTemplateParameter &p : validation.parameters)
            parameterNames << p.name;
        QCOMPARE(parameterNames, (QStringList{QStringLiteral("asg_max"), QStringLiteral("count"), QStringLiteral("flavour"),
                                              QStringLiteral("replace_value"), QStringLiteral("value")}));
        const HeatTemplateParameter &count = validation.parameters[1];
        QCOMPARE(count.type, QStringLiteral("Number"));
        QCOMPARE(count.defaultValue, QStringLiteral("2"));
        QCOMPARE(count.description, QStringLiteral("members of the resource group"));
        const HeatTemplateParameter &asgMax = validation.parameters[0];
        QCOMPARE(asgMax.constraints.size(), 1);
        QCOMPARE(asgMax.constraints[0].kind, PropertyConstraint::Kind::Range);
        QCOMPARE(asgMax.constraints[0].min, 1.0);
        QCOMPARE(asgMax.constraints[0].max, 10.0);
        const HeatTemplateParameter &flavour = validation.parameters[2];
        QCOMPARE(flavour.constraints.size(), 1);
        QCOMPARE(flavour.constraints[0].allowedValues, (QStringList{QStringLiteral("small"), QStringLiteral("large")}));
        QVERIFY(validation.parameters[3].noEcho);                      // hidden: true is NoEcho for Heat
        QCOMPARE(validation.parameters[4].value, QStringLiteral("b")); // given with the request
        QVERIFY(!validation.parameters[4].noEcho);
    }

    // A template Heat refuses is an HTTP error; its message says what is wrong.
    void validateRefused_data()
    {
        QTest::addColumn<QString>("recording");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown resource type")
            << QStringLiteral("heat_validate_bad_type") << QStringLiteral("OS::Heat::NoSuchGroup");
        QTest::newRow("reference to no resource") << QStringLiteral("heat_validate_bad_reference")
                                                  << QStringLiteral("\"no_such_resource\" (in updated.Properties.value)");
    }
    void validateRefused()
    {
        QFETCH(QString, recording);
        QFETCH(QString, mentions);
        QCOMPARE(recordedStatus(recording), 400);
        const QString message = faultMessageFromBody(recorded(recording));
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    }

    void resourceTypes()
    {
        const QList<ResourceTypeInfo> all = HeatParse::resourceTypes(recorded(QStringLiteral("heat_resource_types")));
        QVERIFY(all.size() > 20);
        const auto has = [&all](const char *type) {
            return std::any_of(all.cbegin(), all.cend(),
                               [type](const ResourceTypeInfo &t) { return t.type == QLatin1StringView(type); });
        };
        QVERIFY(has("OS::Heat::AutoScalingGroup"));
        QVERIFY(has("OS::Heat::ScalingPolicy"));
        QVERIFY(all[0].description.isEmpty());

        const QList<ResourceTypeInfo> described =
            HeatParse::resourceTypes(recorded(QStringLiteral("heat_resource_types_described")));
        QVERIFY(!described.isEmpty());
        for (const ResourceTypeInfo &t : described) {
            QVERIFY2(t.type.endsWith(QStringLiteral("Group")), qPrintable(t.type));
            QVERIFY2(!t.description.isEmpty(), qPrintable(t.type));
        }
    }

    void schemas_data()
    {
        QTest::addColumn<QString>("recording");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("property");
        QTest::addColumn<QString>("propertyType");
        QTest::addColumn<bool>("required");
        QTest::addColumn<bool>("updateAllowed");
        QTest::addColumn<QStringList>("allowedValues");
        QTest::addColumn<QString>("attribute");

        QTest::newRow("ScalingPolicy adjustment_type")
            << QStringLiteral("heat_schema_ScalingPolicy") << QStringLiteral("OS::Heat::ScalingPolicy")
            << QStringLiteral("adjustment_type") << QStringLiteral("string") << true << true
            << QStringList{QStringLiteral("change_in_capacity"), QStringLiteral("exact_capacity"),
                           QStringLiteral("percent_change_in_capacity")}
            << QStringLiteral("signal_url");
        QTest::newRow("AutoScalingGroup max_size")
            << QStringLiteral("heat_schema_AutoScalingGroup") << QStringLiteral("OS::Heat::AutoScalingGroup")
            << QStringLiteral("max_size") << QStringLiteral("integer") << true << true << QStringList()
            << QStringLiteral("current_size");
        QTest::newRow("ResourceGroup count")
            << QStringLiteral("heat_schema_ResourceGroup") << QStringLiteral("OS::Heat::ResourceGroup") << QStringLiteral("count")
            << QStringLiteral("integer") << false << true << QStringList() << QStringLiteral("refs");
        QTest::newRow("TestResource value") << QStringLiteral("heat_schema_TestResource")
                                            << QStringLiteral("OS::Heat::TestResource") << QStringLiteral("value")
                                            << QStringLiteral("string") << false << true << QStringList()
                                            << QStringLiteral("output");
    }
    void schemas()
    {
        QFETCH(QString, recording);
        QFETCH(QString, type);
        QFETCH(QString, property);
        QFETCH(QString, propertyType);
        QFETCH(bool, required);
        QFETCH(bool, updateAllowed);
        QFETCH(QStringList, allowedValues);
        QFETCH(QString, attribute);

        const HeatResourceTypeSchema schema = HeatParse::resourceTypeSchema(recorded(recording));
        QCOMPARE(schema.type, type);
        QCOMPARE(schema.supportStatus.status, QStringLiteral("SUPPORTED"));
        const HeatPropertySchema *p = schema.property(property);
        QVERIFY(p);
        QCOMPARE(p->type, propertyType);
        QCOMPARE(p->required, required);
        QCOMPARE(p->updateAllowed, updateAllowed);
        QVERIFY(!p->description.isEmpty());
        if (!allowedValues.isEmpty()) {
            const auto allowed = std::find_if(p->constraints.cbegin(), p->constraints.cend(), [](const PropertyConstraint &c) {
                return c.kind == PropertyConstraint::Kind::AllowedValues;
            });
            QVERIFY(allowed != p->constraints.cend());
            QStringList values = allowed->allowedValues;
            values.sort();
            QCOMPARE(values, allowedValues);
        }
        const AttributeSchema *a = schema.attribute(attribute);
        QVERIFY(a);
        QVERIFY(!a->description.isEmpty());
        QVERIFY(!schema.property(u"no_such_property"));
    }

    // Nested schemas, ranges and defaults in the AutoScalingGroup and ResourceGroup answers.
    void schemaDetails()
    {
        const HeatResourceTypeSchema asg =
            HeatParse::resourceTypeSchema(recorded(QStringLiteral("heat_schema_AutoScalingGroup")));
        const HeatPropertySchema *minSize = asg.property(u"min_size");
        QVERIFY(minSize);
        const auto range = std::find_if(minSize->constraints.cbegin(), minSize->constraints.cend(),
                                        [](const PropertyConstraint &c) { return c.kind == PropertyConstraint::Kind::Range; });
        QVERIFY(range != minSize->constraints.cend());
        QCOMPARE(range->min, 0.0);
        QVERIFY(!range->max);
        const HeatPropertySchema *policy = asg.property(u"rolling_updates");
        QVERIFY(policy);
        QCOMPARE(policy->type, QStringLiteral("map"));
        QVERIFY(std::any_of(policy->schema.cbegin(), policy->schema.cend(),
                            [](const HeatPropertySchema &s) { return s.name == u"max_batch_size" && s.type == u"integer"; }));

        const HeatResourceTypeSchema group = HeatParse::resourceTypeSchema(recorded(QStringLiteral("heat_schema_ResourceGroup")));
        QCOMPARE(group.property(u"count")->defaultValue, QStringLiteral("1"));
        const HeatPropertySchema *removal = group.property(u"removal_policies");
        QVERIFY(removal);
        QCOMPARE(removal->type, QStringLiteral("list"));
        QCOMPARE(removal->schema.size(), 1);
        QCOMPARE(removal->schema[0].name, QStringLiteral("*")); // the items
        QCOMPARE(removal->schema[0].type, QStringLiteral("map"));
    }

    void templateVersions()
    {
        const QList<HeatTemplateVersion> versions =
            HeatParse::templateVersions(recorded(QStringLiteral("heat_template_versions")));
        const auto hot = std::find_if(versions.cbegin(), versions.cend(), [](const HeatTemplateVersion &v) {
            return v.version == u"heat_template_version.2021-04-16";
        });
        QVERIFY(hot != versions.cend());
        QCOMPARE(hot->type, QStringLiteral("hot"));
        QVERIFY(hot->aliases.contains(QStringLiteral("heat_template_version.wallaby")));
        QVERIFY(std::any_of(versions.cbegin(), versions.cend(), [](const HeatTemplateVersion &v) { return v.type == u"cfn"; }));
    }

    void damagedAnswersAreErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Parser>("parse");
        QTest::addColumn<QString>("message");
        const Parser stack = [](const QByteArray &b) { HeatParse::stack(b); };
        const Parser outputs = [](const QByteArray &b) { HeatParse::outputs(b); };
        const Parser output = [](const QByteArray &b) { HeatParse::output(b); };
        const Parser preview = [](const QByteArray &b) { HeatParse::updatePreview(b); };
        const Parser stackPreview = [](const QByteArray &b) { HeatParse::stackPreview(b); };
        const Parser environment = [](const QByteArray &b) { HeatParse::environment(b); };
        const Parser files = [](const QByteArray &b) { HeatParse::files(b); };
        const Parser templ = [](const QByteArray &b) { HeatParse::stackTemplate(b); };
        const Parser validation = [](const QByteArray &b) { HeatParse::templateValidation(b); };
        const Parser types = [](const QByteArray &b) { HeatParse::resourceTypes(b); };
        const Parser schema = [](const QByteArray &b) { HeatParse::resourceTypeSchema(b); };
        const Parser versions = [](const QByteArray &b) { HeatParse::templateVersions(b); };
        const QString prefix = QStringLiteral("unexpected answer: ");

        QTest::newRow("stack parameters a list") << damaged("heat_groups_stack_show", "stack/parameters", QJsonArray()) << stack
                                                 << prefix + QStringLiteral("stack.parameters: expected an object, got a list");
        QTest::newRow("output without key") << damaged("heat_outputs", "outputs/0/output_key") << outputs
                                            << prefix + QStringLiteral("outputs[0].output_key: expected text, got nothing");
        QTest::newRow("output description a number")
            << damaged("heat_output_show", "output/description", 3) << output
            << prefix + QStringLiteral("output.description: expected text, got a number");
        QTest::newRow("preview without changes") << damaged("heat_preview_update", "resource_changes") << preview
                                                 << prefix + QStringLiteral("resource_changes: expected an object, got nothing");
        QTest::newRow("preview name a number")
            << damaged("heat_preview_update", "resource_changes/updated/0/resource_name", 5) << preview
            << prefix + QStringLiteral("resource_changes.updated[0].resource_name: expected text, got a number");
        QTest::newRow("preview category an object")
            << damaged("heat_preview_update", "resource_changes/added", QJsonObject()) << preview
            << prefix + QStringLiteral("resource_changes.added: expected a list, got an object");
        QTest::newRow("stack preview resource a number") << damaged("heat_stack_preview", "stack/resources/0", 1) << stackPreview
                                                         << prefix + QStringLiteral("stack.resources[0]: expected a resource");
        QTest::newRow("stack preview without type")
            << damaged("heat_stack_preview", "stack/resources/0/resource_type") << stackPreview
            << prefix + QStringLiteral("stack.resources[0].resource_type: expected text, got nothing");
        QTest::newRow("environment parameters a list")
            << damaged("heat_stack_environment", "parameters", QJsonArray()) << environment
            << prefix + QStringLiteral("parameters: expected an object, got a list");
        QTest::newRow("registry entry a list")
            << QByteArray(R"({"resource_registry": {"resources": {"web": []}}})") << environment
            << prefix + QStringLiteral("resource_registry.resources.web: expected an object, got a list");
        QTest::newRow("file a number") << QByteArray(R"({"a.yaml": 1})") << files
                                       << prefix + QStringLiteral("a.yaml: expected text, got a number");
        QTest::newRow("template not JSON") << QByteArray("heat_template_version: 2021-04-16") << templ
                                           << QStringLiteral("the answer to 'show template' is not valid JSON");
        QTest::newRow("parameter without type") << damaged("heat_validate_ok", "Parameters/count/Type") << validation
                                                << prefix + QStringLiteral("Parameters.count.Type: expected text, got nothing");
        QTest::newRow("NoEcho not a flag") << damaged("heat_validate_ok", "Parameters/value/NoEcho", QStringLiteral("maybe"))
                                           << validation
                                           << prefix + QStringLiteral("Parameters.value.NoEcho: expected a boolean, got text");
        QTest::newRow("MinValue text") << damaged("heat_validate_ok", "Parameters/asg_max/MinValue", QStringLiteral("one"))
                                       << validation << prefix + QStringLiteral("Parameters.asg_max.MinValue: expected a number");
        QTest::newRow("resource type a number") << damaged("heat_resource_types", "resource_types/0", 3) << types
                                                << prefix + QStringLiteral("resource_types[0]: expected a type name");
        QTest::newRow("described type without name")
            << damaged("heat_resource_types_described", "resource_types/0/resource_type") << types
            << prefix + QStringLiteral("resource_types[0].resource_type: expected text, got nothing");
        QTest::newRow("schema property without type")
            << damaged("heat_schema_ScalingPolicy", "properties/adjustment_type/type") << schema
            << prefix + QStringLiteral("properties.adjustment_type.type: expected text, got nothing");
        QTest::newRow("schema property not an object")
            << damaged("heat_schema_ScalingPolicy", "properties/cooldown", 3) << schema
            << prefix + QStringLiteral("properties.cooldown: expected an object, got a number");
        QTest::newRow("allowed values not a list")
            << damaged("heat_schema_ScalingPolicy", "properties/adjustment_type/constraints/0/allowed_values",
                       QStringLiteral("x"))
            << schema
            << prefix + QStringLiteral("properties.adjustment_type.constraints[0].allowed_values: expected a list, got text");
        QTest::newRow("range min text") << damaged("heat_schema_AutoScalingGroup", "properties/min_size/constraints/0/range/min",
                                                   QStringLiteral("zero"))
                                        << schema
                                        << prefix +
                                               QStringLiteral("properties.min_size.constraints[0].range.min: expected a number");
        QTest::newRow("required not a flag")
            << damaged("heat_schema_ResourceGroup", "properties/count/required", 7) << schema
            << prefix + QStringLiteral("properties.count.required: expected a boolean, got a number");
        QTest::newRow("nested schema entry a list")
            << damaged("heat_schema_AutoScalingGroup", "properties/rolling_updates/schema/max_batch_size", QJsonArray()) << schema
            << prefix + QStringLiteral("properties.rolling_updates.schema.max_batch_size: expected an object, got a list");
        QTest::newRow("attribute not an object")
            << damaged("heat_schema_ScalingPolicy", "attributes/signal_url", QStringLiteral("x")) << schema
            << prefix + QStringLiteral("attributes.signal_url: expected an object, got text");
        QTest::newRow("version without type") << damaged("heat_template_versions", "template_versions/0/type") << versions
                                              << prefix + QStringLiteral("template_versions[0].type: expected text, got nothing");
    }
    void damagedAnswersAreErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(Parser, parse);
        QFETCH(QString, message);
        try {
            parse(body);
            QFAIL("no error");
        } catch (const ApiError &error) {
            QCOMPARE(error.kind(), ApiError::Kind::BadResponse);
            QVERIFY2(error.message().startsWith(message), qPrintable(error.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestHeatParse)
#include "tst_heatparse.moc"
