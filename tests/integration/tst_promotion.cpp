// SPDX-License-Identifier: GPL-3.0-or-later
// Promoting a stack between two clouds, against the real sandbox: clouds `sandbox` and
// `sandbox-password` are the same project, so the second plays the target environment. A stack
// promoted under a new name gives a create plan; promoted again after a change, an update plan.
#include "cloudawait.h"
#include "config/cloudsconfig.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "openstack/orchestration/stackpromotion.h"
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

// `updated` changes in place when `value` changes; `secret` is hidden.
constexpr char promoteTemplate[] = R"(heat_template_version: 2021-04-16
description: Pilvi's promotion test
parameters:
  value: {type: string, default: one}
  secret: {type: string, default: s3cret, hidden: true}
resources:
  updated:
    type: OS::Heat::TestResource
    properties:
      value: {get_param: value}
  fixed:
    type: OS::Heat::TestResource
    properties: {value: fixed}
)";

} // namespace

class TestPromotion : public QObject
{
    Q_OBJECT
private:
    NetworkAccess m_network;
    std::unique_ptr<Session> m_source;
    std::unique_ptr<Session> m_target;
    QList<std::pair<QString, QString>> m_created; // name, id: deleted at the end

    std::unique_ptr<Session> session(const QString &cloud)
    {
        CloudsConfigPaths paths;
        paths.sandboxFile = qEnvironmentVariable("PILVI_SANDBOX_CLOUDS");
        const CloudSelection selection = selectCloud(loadCloudsConfig(paths), cloud, {});
        if (!selection.cloud)
            return nullptr;
        return std::make_unique<Session>(*selection.cloud, &m_network);
    }

    Stack settled(Session *session, const QString &id, int seconds = 300)
    {
        Stack stack;
        const bool done = eventually(
            [&] {
                stack = await(OrchestrationClient(session).showStack(id));
                return !stack.status.endsWith(QStringLiteral("IN_PROGRESS"));
            },
            seconds);
        if (!done)
            throw ApiError(ApiError::Kind::Network, QStringLiteral("stack %1 still %2").arg(id, stack.status));
        return stack;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString clouds = qEnvironmentVariable("PILVI_SANDBOX_CLOUDS");
        if (clouds.isEmpty() || !QFile::exists(clouds))
            QFAIL("the sandbox cloud is not up: run 'tools/sandbox-cloud up' (tools/dev test does) and set PILVI_SANDBOX_CLOUDS");
        m_source = session(QStringLiteral("sandbox"));
        m_target = session(QStringLiteral("sandbox-password"));
        QVERIFY(m_source && m_target);
    }

    void cleanupTestCase()
    {
        for (const auto &[name, id] : std::as_const(m_created)) {
            try {
                awaitVoid(OrchestrationClient(m_source.get()).deleteStack(name, id));
            } catch (const ApiError &error) {
                qWarning("could not delete %s: %s", qPrintable(name), qPrintable(error.toString()));
            }
        }
    }

    void createThenUpdate()
    {
        const QString sourceName = unique("pilvi-promote-src");
        const QString targetName = unique("pilvi-promote-dst");
        StackCreateRequest create;
        create.name = sourceName;
        create.templateText = promoteTemplate;
        create.parameters = {{QStringLiteral("value"), QStringLiteral("one")}};
        create.timeoutMinutes = 10;
        const QString sourceId = await(OrchestrationClient(m_source.get()).createStack(create));
        m_created.append({sourceName, sourceId});
        QCOMPARE(settled(m_source.get(), sourceId).status, u"CREATE_COMPLETE");

        // No stack of that name in the target: a create of the whole template.
        const PromotionPlan first = await(fetchPromotionPlan(m_source.get(), sourceName, Environment::Development, m_target.get(),
                                                             targetName, Environment::Production));
        QCOMPARE(first.action, PromotionPlan::Action::Create);
        QVERIFY(!first.preview);
        QVERIFY(!first.templateDiff.isEmpty());
        QVERIFY(std::all_of(first.templateDiff.cbegin(), first.templateDiff.cend(),
                            [](const DiffLine &line) { return line.kind == DiffLine::Kind::Added; }));
        QStringList parameterNames;
        for (const ParameterChange &change : first.parameters)
            parameterNames << change.name;
        QCOMPARE(parameterNames, (QStringList{QStringLiteral("secret"), QStringLiteral("value")}));
        const ParameterChange &secret = first.parameters.first();
        QVERIFY(secret.hidden);
        QVERIFY(!secret.displayValue(secret.sourceValue).contains(u"s3cret"));

        const QString targetId = await(OrchestrationClient(m_target.get()).createStack(first.createRequest()));
        m_created.append({targetName, targetId});
        QCOMPARE(settled(m_target.get(), targetId).status, u"CREATE_COMPLETE");

        // Change the source, promote again: an update where only `value` changed, and Heat's
        // preview updates `updated` in place and leaves `fixed` alone.
        StackUpdateRequest change;
        change.existing = true;
        change.parameters = {{QStringLiteral("value"), QStringLiteral("two")}};
        awaitVoid(OrchestrationClient(m_source.get()).updateStack(sourceName, sourceId, change));
        QCOMPARE(settled(m_source.get(), sourceId).status, u"UPDATE_COMPLETE");

        const PromotionPlan second = await(fetchPromotionPlan(m_source.get(), sourceName, Environment::Development,
                                                              m_target.get(), targetName, Environment::Production));
        QCOMPARE(second.action, PromotionPlan::Action::Update);
        QCOMPARE(second.target.stackId, targetId);
        QVERIFY(!second.templateChanged());
        const auto value = std::find_if(second.parameters.cbegin(), second.parameters.cend(),
                                        [](const ParameterChange &c) { return c.name == u"value"; });
        QVERIFY(value != second.parameters.cend());
        QCOMPARE(value->kind, ParameterChange::Kind::Changed);
        QCOMPARE(value->currentValue, u"one");
        QCOMPARE(value->targetValue, u"two");
        if (!second.preview) // not QVERIFY: clang-tidy's optional check follows an explicit branch only
            QFAIL("no update preview");
        QCOMPARE(names(second.preview->updated), QStringList{QStringLiteral("updated")});
        QCOMPARE(names(second.preview->unchanged), QStringList{QStringLiteral("fixed")});
        QVERIFY(second.preview->added.isEmpty());
        QVERIFY(second.preview->deleted.isEmpty());
        QVERIFY(second.preview->replaced.isEmpty());
    }
};

QTEST_MAIN(TestPromotion)
#include "tst_promotion.moc"
