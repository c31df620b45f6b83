// SPDX-License-Identifier: GPL-3.0-or-later
// The orchestration client beyond create/show/delete, against the real sandbox cloud: update
// and its previews, cancel and check, outputs, environment, validation, resource types and
// schemas, and scaling groups derived from a live stack that is scaled out by its policy.
#include "../sandboxcloud.h"
#include "cloudawait.h"
#include "config/cloudsconfig.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "template/resourceschema.h"
#include "yaml/yamldocument.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Pilvi;

namespace {

QStringList names(const QList<ResourceSummary> &resources)
{
    QStringList result;
    for (const ResourceSummary &r : resources)
        result << r.name;
    result.sort();
    return result;
}

// `updated` changes in place when `value` changes; `replaced` (update_replace) is replaced when
// `replace_value` changes. `update_wait` makes an update of `updated` take that many seconds.
constexpr char parameterTemplate[] = R"(heat_template_version: 2021-04-16
description: Pilvi's update test
parameters:
  value: {type: string, default: one}
  replace_value: {type: string, default: x}
  update_wait: {type: number, default: 0}
resources:
  updated:
    type: OS::Heat::TestResource
    properties:
      value: {get_param: value}
      action_wait_secs: {update: {get_param: update_wait}}
  replaced:
    type: OS::Heat::TestResource
    properties: {value: {get_param: replace_value}, update_replace: true}
outputs:
  value:
    description: what `updated` holds
    value: {get_attr: [updated, output]}
)";

} // namespace

class TestHeatClient : public QObject
{
    Q_OBJECT
private:
    NetworkAccess m_network;
    std::unique_ptr<Session> m_session;
    // Stacks this test made and has not yet seen deleted: cleanupTestCase deletes what is left.
    QList<std::pair<QString, QString>> m_created;

    OrchestrationClient heat() { return OrchestrationClient(m_session.get()); }

    QString createStack(const QString &name, const QByteArray &templateText, const QMap<QString, QString> &parameters = {})
    {
        StackCreateRequest create;
        create.name = name;
        create.templateText = templateText;
        create.parameters = parameters;
        create.timeoutMinutes = 10;
        const QString id = await(heat().createStack(create));
        m_created.append({name, id});
        return id;
    }

    // The stack's status once it stops being IN_PROGRESS.
    Stack settled(const QString &id, int seconds = 300)
    {
        Stack stack;
        const bool done = eventually(
            [&] {
                stack = await(heat().showStack(id));
                return !stack.status.endsWith(QStringLiteral("IN_PROGRESS"));
            },
            seconds);
        if (!done)
            throw ApiError(ApiError::Kind::Network, QStringLiteral("stack %1 still %2").arg(id, stack.status));
        return stack;
    }

    bool deleted(const QString &name, const QString &id)
    {
        awaitVoid(heat().deleteStack(name, id));
        const bool gone = eventually([&] {
            try {
                return await(heat().showStack(id)).status == u"DELETE_COMPLETE";
            } catch (const ApiError &error) {
                return error.httpStatus() == 404;
            }
        });
        if (gone)
            m_created.removeAll(std::pair{name, id});
        return gone;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const CloudSelection selection = findSandboxCloud(QStringLiteral("sandbox"));
        if (!selection.cloud)
            QFAIL(qPrintable(selection.error));
        m_session = std::make_unique<Session>(*selection.cloud, &m_network);
    }

    void cleanupTestCase()
    {
        for (const auto &[name, id] : std::as_const(m_created)) {
            try {
                awaitVoid(heat().deleteStack(name, id));
            } catch (const ApiError &error) {
                qWarning("could not delete %s: %s", qPrintable(name), qPrintable(error.toString()));
            }
        }
    }

    void updatePreviewCancelCheck()
    {
        try {
            updatePreviewCancelCheckBody();
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

private:
    void updatePreviewCancelCheckBody()
    {
        const QString name = unique("it-update");
        StackCreateRequest create;
        create.name = name;
        create.templateText = parameterTemplate;
        create.parameters = {{QStringLiteral("value"), QStringLiteral("one")}};
        const StackPreview wouldMake = await(heat().previewStack(create));
        QCOMPARE(wouldMake.stack.name, name);
        QCOMPARE(names(wouldMake.resources), (QStringList{QStringLiteral("replaced"), QStringLiteral("updated")}));

        const QString id = createStack(name, parameterTemplate, {{QStringLiteral("value"), QStringLiteral("one")}});
        Stack stack = settled(id);
        QVERIFY2(stack.status == u"CREATE_COMPLETE", qPrintable(stack.status + u' ' + stack.statusReason));
        QCOMPARE(stack.parameters.value(QStringLiteral("value")), QStringLiteral("one"));
        QCOMPARE(stack.parameters.value(QStringLiteral("replace_value")), QStringLiteral("x")); // the default

        // What Heat keeps: the template (as JSON), the parameters given, the outputs.
        const YamlParseResult kept = parseYaml(await(heat().stackTemplate(name, id)));
        if (!kept.root)
            QFAIL("Heat's template is not readable");
        QCOMPARE(kept.root->value(u"resources")->value(u"replaced")->value(u"type")->scalar,
                 QStringLiteral("OS::Heat::TestResource"));
        const StackEnvironment environment = await(heat().stackEnvironment(name, id));
        QCOMPARE(environment.parameters.value(QStringLiteral("value")), QStringLiteral("one"));
        QVERIFY(await(heat().stackFiles(name, id)).isEmpty());
        const QList<StackOutput> outputs = await(heat().listOutputs(name, id));
        QCOMPARE(outputs.size(), 1);
        QCOMPARE(outputs[0].key, QStringLiteral("value"));
        QCOMPARE(await(heat().showOutput(name, id, QStringLiteral("value"))).value, QStringLiteral("one"));

        // A parameter that updates in place, and one that replaces.
        StackUpdateRequest changeValue;
        changeValue.existing = true;
        changeValue.parameters = {{QStringLiteral("value"), QStringLiteral("two")}};
        const StackUpdatePreview inPlace = await(heat().previewUpdate(name, id, changeValue));
        QCOMPARE(names(inPlace.updated), QStringList{QStringLiteral("updated")});
        QCOMPARE(names(inPlace.unchanged), QStringList{QStringLiteral("replaced")});
        QVERIFY(inPlace.replaced.isEmpty() && inPlace.added.isEmpty() && inPlace.deleted.isEmpty());
        StackUpdateRequest changeReplaced;
        changeReplaced.existing = true;
        changeReplaced.parameters = {{QStringLiteral("replace_value"), QStringLiteral("y")}};
        const StackUpdatePreview replacing = await(heat().previewUpdate(name, id, changeReplaced, true));
        QCOMPARE(names(replacing.replaced), QStringList{QStringLiteral("replaced")});
        QCOMPARE(names(replacing.unchanged), QStringList{QStringLiteral("updated")});
        QVERIFY(replacing.updated.isEmpty());

        // PATCH: the new value, and the parameter not given keeps its value.
        const QString replacedBefore = [&] {
            const QList<StackResource> resources = await(heat().listResources(name));
            for (const StackResource &r : resources) {
                if (r.name == u"replaced")
                    return r.physicalId;
            }
            return QString();
        }();
        QVERIFY(!replacedBefore.isEmpty());
        awaitVoid(heat().updateStack(name, id, changeValue));
        stack = settled(id);
        QVERIFY2(stack.status == u"UPDATE_COMPLETE", qPrintable(stack.status + u' ' + stack.statusReason));
        QCOMPARE(stack.parameters.value(QStringLiteral("value")), QStringLiteral("two"));
        QCOMPARE(stack.parameters.value(QStringLiteral("replace_value")), QStringLiteral("x"));
        QCOMPARE(await(heat().showOutput(name, id, QStringLiteral("value"))).value, QStringLiteral("two"));

        // PUT: the stack becomes exactly what is sent; `value` not given falls back to its default.
        StackUpdateRequest full;
        full.templateText = parameterTemplate;
        full.parameters = {{QStringLiteral("replace_value"), QStringLiteral("y")}};
        awaitVoid(heat().updateStack(name, id, full));
        stack = settled(id);
        QVERIFY2(stack.status == u"UPDATE_COMPLETE", qPrintable(stack.status + u' ' + stack.statusReason));
        QCOMPARE(stack.parameters.value(QStringLiteral("value")), QStringLiteral("one"));
        QCOMPARE(stack.parameters.value(QStringLiteral("replace_value")), QStringLiteral("y"));
        const QList<StackResource> after = await(heat().listResources(name));
        const auto replaced =
            std::find_if(after.cbegin(), after.cend(), [](const StackResource &r) { return r.name == u"replaced"; });
        QVERIFY(replaced != after.cend());
        QVERIFY(replaced->physicalId != replacedBefore);

        // A slow update, cancelled: Heat rolls back. Heat's convergence engine lets a resource it is
        // already updating finish first (the rollback waited out all 120 s of an earlier version
        // of this test): 20 s is slow enough to cancel in, and short enough to wait for.
        StackUpdateRequest slow;
        slow.existing = true;
        slow.parameters = {{QStringLiteral("value"), QStringLiteral("three")},
                           {QStringLiteral("update_wait"), QStringLiteral("20")}};
        awaitVoid(heat().updateStack(name, id, slow));
        QVERIFY(eventually([&] { return await(heat().showStack(id)).status == u"UPDATE_IN_PROGRESS"; }, 60));
        awaitVoid(heat().cancelUpdate(name, id));
        stack = settled(id);
        QVERIFY2(stack.status.startsWith(QStringLiteral("ROLLBACK_")), qPrintable(stack.status + u' ' + stack.statusReason));
        QCOMPARE(stack.parameters.value(QStringLiteral("value")), QStringLiteral("one"));

        awaitVoid(heat().checkStack(name, id));
        stack = settled(id);
        QVERIFY2(stack.status == u"CHECK_COMPLETE", qPrintable(stack.status + u' ' + stack.statusReason));

        QVERIFY(deleted(name, id));
    }

private Q_SLOTS:
    void validate_data()
    {
        QTest::addColumn<QByteArray>("templateText");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("good") << QByteArray(parameterTemplate) << QString();
        QTest::newRow("unknown resource type") << QByteArray(parameterTemplate)
                                                      .replace("type: OS::Heat::TestResource\n    properties:\n      value",
                                                               "type: OS::Heat::NoSuchThing\n    properties:\n      value")
                                               << QStringLiteral("OS::Heat::NoSuchThing");
        // (Heat's validate lets a get_param of an undeclared parameter through; a bad reference it catches.)
        QTest::newRow("reference to no resource")
            << QByteArray(parameterTemplate).replace("{get_param: replace_value}", "{get_resource: nowhere}")
            << QStringLiteral("\"nowhere\"");
        QTest::newRow("not a template") << QByteArray("just: [text") << QString();
    }
    void validate()
    {
        QFETCH(QByteArray, templateText);
        QFETCH(QString, error);
        TemplateValidateRequest request;
        request.templateText = templateText;
        try {
            const HeatTemplateValidation validation = await(heat().validateTemplate(request));
            QVERIFY2(error.isEmpty() && QTest::currentDataTag() == QByteArrayView("good"), "Heat accepted a bad template");
            QCOMPARE(validation.description, QStringLiteral("Pilvi's update test"));
            QCOMPARE(validation.parameters.size(), 3);
            QCOMPARE(validation.parameters[1].name, QStringLiteral("update_wait"));
            QCOMPARE(validation.parameters[1].type, QStringLiteral("Number"));
            QCOMPARE(validation.parameters[2].defaultValue, QStringLiteral("one"));
        } catch (const ApiError &e) {
            QVERIFY2(QTest::currentDataTag() != QByteArrayView("good"), qPrintable(e.toString()));
            QCOMPARE(e.httpStatus(), 400);
            QVERIFY2(e.message().contains(error), qPrintable(e.message()));
            QVERIFY2(!e.message().isEmpty() && e.message().size() < 500, qPrintable(e.message()));
        }
    }

    void resourceTypesAndSchemas()
    {
        try {
            const QList<ResourceTypeInfo> all = await(heat().listResourceTypes());
            QVERIFY(std::any_of(all.cbegin(), all.cend(),
                                [](const ResourceTypeInfo &t) { return t.type == u"OS::Heat::AutoScalingGroup"; }));
            ResourceTypeFilter filter;
            filter.name = QStringLiteral("OS::Heat::.*Group");
            filter.supportStatus = QStringLiteral("SUPPORTED");
            filter.withDescription = true;
            const QList<ResourceTypeInfo> groups = await(heat().listResourceTypes(filter));
            QVERIFY(!groups.isEmpty());
            QVERIFY(groups.size() < all.size());
            for (const ResourceTypeInfo &t : groups) {
                QVERIFY2(t.type.endsWith(QStringLiteral("Group")), qPrintable(t.type));
                QVERIFY2(!t.description.isEmpty(), qPrintable(t.type));
            }

            const HeatResourceTypeSchema policy = await(heat().resourceTypeSchema(QStringLiteral("OS::Heat::ScalingPolicy")));
            const HeatPropertySchema *adjustment = policy.property(u"adjustment_type");
            QVERIFY(adjustment);
            QVERIFY(adjustment->required);
            const auto allowed =
                std::find_if(adjustment->constraints.cbegin(), adjustment->constraints.cend(),
                             [](const PropertyConstraint &c) { return c.kind == PropertyConstraint::Kind::AllowedValues; });
            QVERIFY(allowed != adjustment->constraints.cend());
            QVERIFY(allowed->allowedValues.contains(QStringLiteral("change_in_capacity")));
            QVERIFY(allowed->allowedValues.contains(QStringLiteral("exact_capacity")));
            QVERIFY(allowed->allowedValues.contains(QStringLiteral("percent_change_in_capacity")));
            QVERIFY(policy.attribute(u"signal_url"));

            // The answer as Heat gave it makes a registry know the type (the Templates page does
            // this for a cloud's types the bundled schemas lack).
            ResourceSchemaRegistry registry;
            QVERIFY(!registry.hasType(QStringLiteral("OS::Heat::ScalingPolicy")));
            registry.setType(QStringLiteral("OS::Heat::ScalingPolicy"),
                             await(heat().resourceTypeSchemaJson(QStringLiteral("OS::Heat::ScalingPolicy"))));
            const ResourceTypeSchema fromCloud = registry.type(QStringLiteral("OS::Heat::ScalingPolicy"));
            QVERIFY(fromCloud.isValid());
            QVERIFY(fromCloud.propertyNames().contains(QStringLiteral("adjustment_type")));
            QVERIFY(fromCloud.property(QStringLiteral("adjustment_type")).required());

            const QList<HeatTemplateVersion> versions = await(heat().listTemplateVersions());
            QVERIFY(std::any_of(versions.cbegin(), versions.cend(), [](const HeatTemplateVersion &v) {
                return v.version == u"heat_template_version.2021-04-16" && v.type == u"hot";
            }));
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
        try {
            await(heat().resourceTypeSchema(QStringLiteral("OS::No::Such")));
            QFAIL("a schema for a type that does not exist");
        } catch (const ApiError &error) {
            QCOMPARE(error.httpStatus(), 404);
            QVERIFY2(error.message().contains(QStringLiteral("OS::No::Such")), qPrintable(error.message()));
        }
    }

    void scalingGroupsFollowTheStack()
    {
        try {
            scalingGroupsFollowTheStackBody();
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

private:
    void scalingGroupsFollowTheStackBody()
    {
        QFile templateFile(QStringLiteral(PILVI_TEMPLATES "/asg.yaml"));
        QVERIFY(templateFile.open(QIODevice::ReadOnly));
        const QString name = unique("it-groups");
        const QString id = createStack(name, templateFile.readAll());
        const Stack stack = settled(id);
        QVERIFY2(stack.status == u"CREATE_COMPLETE", qPrintable(stack.status + u' ' + stack.statusReason));

        QList<ScalingGroup> groups = await(heat().scalingGroups(name));
        QCOMPARE(groups.size(), 1);
        ScalingGroup group = groups[0];
        QCOMPARE(group.stackName, name);
        QCOMPARE(group.stackId, id);
        QCOMPARE(group.resourceName, QStringLiteral("asg"));
        QCOMPARE(group.kind, ScalingGroup::Kind::AutoScalingGroup);
        QCOMPARE(group.minSize, 1);
        QCOMPARE(group.maxSize, 4);
        QCOMPARE(group.desiredCapacity, 1);
        QCOMPARE(group.currentSize, 1);
        QCOMPARE(group.members.size(), 1);
        QCOMPARE(group.policies.size(), 1);
        const ScalingPolicy policy = group.policies[0];
        QCOMPARE(policy.resourceName, QStringLiteral("scale_up"));
        QCOMPARE(policy.adjustmentType, QStringLiteral("change_in_capacity"));
        QCOMPARE(policy.scalingAdjustment, 1);

        // Scale out through the policy the derived group names, and see the group grow.
        awaitVoid(heat().signalResource(policy.stackName, policy.stackId, policy.resourceName));
        QVERIFY(eventually([&] {
            groups = await(heat().scalingGroups(id)); // by id works as well as by name
            return groups.size() == 1 && groups[0].currentSize == 2;
        }));
        group = groups[0];
        QCOMPARE(group.members.size(), 2);
        QVERIFY(group.members[0].physicalId != group.members[1].physicalId);
        QCOMPARE(group.desiredCapacity, 1); // the template's value; the group grew past it

        QVERIFY(deleted(name, id));
    }
};

QTEST_GUILESS_MAIN(TestHeatClient)
#include "tst_heatclient.moc"
