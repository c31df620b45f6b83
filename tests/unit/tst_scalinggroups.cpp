// SPDX-License-Identifier: GPL-3.0-or-later
// Scaling groups derived from recorded stacks (tools/record-api-responses): demo-asg (an
// AutoScalingGroup with one policy) and pilvi-recording-groups (a ResourceGroup sized by a
// parameter, an AutoScalingGroup with a parameter for max_size, two policies); and the table
// model that shows them.
#include "models/scalinggrouplistmodel.h"
#include "net/apierror.h"
#include "openstack/orchestration/orchestrationparse.h"
#include "openstack/orchestration/scalinggroups.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Pilvi;

namespace {
QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing %s", qPrintable(path));
    return file.readAll();
}

QByteArray recorded(const QString &name)
{
    return readFile(QStringLiteral(PILVI_TEST_DATA "/api/") + name + QStringLiteral(".json"));
}

// What a test expects of one group; -1 for a size the template leaves open.
struct Expected {
    QString kind;
    int min = -1, max = -1, desired = -1, count = -1;
    int current = 0;
    QStringList policies; ///< sorted
    friend bool operator==(const Expected &, const Expected &) = default;
};

QDebug operator<<(QDebug debug, const Expected &e)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << e.kind << " min " << e.min << " max " << e.max << " desired " << e.desired << " count " << e.count
                    << " current " << e.current << " policies " << e.policies;
    return debug;
}

Expected summary(const ScalingGroup &g)
{
    Expected e;
    e.kind = scalingGroupKindName(g.kind);
    e.min = g.minSize.value_or(-1);
    e.max = g.maxSize.value_or(-1);
    e.desired = g.desiredCapacity.value_or(-1);
    e.count = g.count.value_or(-1);
    e.current = g.currentSize;
    for (const ScalingPolicy &p : g.policies)
        e.policies << p.resourceName;
    e.policies.sort();
    return e;
}

struct Recorded {
    Stack stack;
    QByteArray templateText;
    QList<StackResource> resources;
};

Recorded demoAsg()
{
    return {HeatParse::stack(recorded(QStringLiteral("heat_stack_show"))),
            HeatParse::stackTemplate(recorded(QStringLiteral("heat_stack_template"))),
            HeatParse::resources(recorded(QStringLiteral("heat_resources_nested")))};
}

Recorded groupsStack()
{
    return {HeatParse::stack(recorded(QStringLiteral("heat_groups_stack_show"))),
            HeatParse::stackTemplate(recorded(QStringLiteral("heat_groups_template"))),
            HeatParse::resources(recorded(QStringLiteral("heat_groups_resources")))};
}

const ScalingGroup *find(const QList<ScalingGroup> &groups, const QString &name)
{
    const auto it = std::find_if(groups.cbegin(), groups.cend(), [&](const ScalingGroup &g) { return g.resourceName == name; });
    return it == groups.cend() ? nullptr : &*it;
}

ScalingGroup group(const char *stackId, const char *name, int current)
{
    ScalingGroup g;
    g.stackId = QString::fromLatin1(stackId);
    g.stackName = QStringLiteral("stack-") + g.stackId;
    g.resourceName = QString::fromLatin1(name);
    g.minSize = 1;
    g.maxSize = 4;
    g.currentSize = current;
    return g;
}
} // namespace

class TestScalingGroups : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void derive_data()
    {
        QTest::addColumn<QString>("stack");
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<QString>("group");
        QTest::addColumn<Expected>("expected");

        const QStringList demo{QStringLiteral("asg")};
        const QStringList both{QStringLiteral("asg"), QStringLiteral("rg")};
        const Expected demoAsg{QStringLiteral("AutoScalingGroup"), 1, 4, 1, -1, 1, {QStringLiteral("scale_up")}};
        QTest::newRow("demo-asg from Heat's JSON template")
            << QStringLiteral("demo") << QString() << demo << QStringLiteral("asg") << demoAsg;
        QTest::newRow("demo-asg from the YAML source")
            << QStringLiteral("demo") << QStringLiteral("yaml") << demo << QStringLiteral("asg") << demoAsg;
        QTest::newRow("ASG max_size from a parameter") << QStringLiteral("groups") << QString() << both << QStringLiteral("asg")
                                                       << Expected{QStringLiteral("AutoScalingGroup"),
                                                                   1,
                                                                   3,
                                                                   -1,
                                                                   -1,
                                                                   1,
                                                                   {QStringLiteral("scale_in"), QStringLiteral("scale_out")}};
        QTest::newRow("ResourceGroup count from a parameter")
            << QStringLiteral("groups") << QString() << both << QStringLiteral("rg")
            << Expected{QStringLiteral("ResourceGroup"), -1, -1, -1, 2, 2, {}};
        QTest::newRow("the stack's value wins over the default")
            << QStringLiteral("groups") << QStringLiteral("count=5") << both << QStringLiteral("rg")
            << Expected{QStringLiteral("ResourceGroup"), -1, -1, -1, 5, 2, {}};
        QTest::newRow("the template default when the stack has none")
            << QStringLiteral("groups") << QStringLiteral("no parameters") << both << QStringLiteral("asg")
            << Expected{QStringLiteral("AutoScalingGroup"),
                        1,
                        3,
                        -1,
                        -1,
                        1,
                        {QStringLiteral("scale_in"), QStringLiteral("scale_out")}};
        QTest::newRow("a deleted member is not counted")
            << QStringLiteral("groups") << QStringLiteral("member deleted") << both << QStringLiteral("rg")
            << Expected{QStringLiteral("ResourceGroup"), -1, -1, -1, 2, 1, {}};
        QTest::newRow("no nested resources: no members")
            << QStringLiteral("demo") << QStringLiteral("top only") << demo << QStringLiteral("asg")
            << Expected{QStringLiteral("AutoScalingGroup"), 1, 4, 1, -1, 0, {QStringLiteral("scale_up")}};
    }
    void derive()
    {
        QFETCH(QString, stack);
        QFETCH(QString, variant);
        QFETCH(QStringList, groups);
        QFETCH(QString, group);
        QFETCH(Expected, expected);

        Recorded input = stack == u"demo" ? demoAsg() : groupsStack();
        if (variant == u"yaml")
            input.templateText = readFile(QStringLiteral(PILVI_TEMPLATES "/asg.yaml"));
        else if (variant == u"count=5")
            input.stack.parameters.insert(QStringLiteral("count"), QStringLiteral("5"));
        else if (variant == u"no parameters")
            input.stack.parameters.clear();
        else if (variant == u"top only")
            input.resources.removeIf([](const StackResource &r) { return !r.parentResource.isEmpty(); });
        else if (variant == u"member deleted") {
            const auto member = std::find_if(input.resources.begin(), input.resources.end(),
                                             [](const StackResource &r) { return r.parentResource == u"rg"; });
            QVERIFY(member != input.resources.end());
            member->status = QStringLiteral("DELETE_COMPLETE");
        }

        const QList<ScalingGroup> derived = deriveScalingGroups(input.stack, input.templateText, input.resources);
        QStringList found;
        for (const ScalingGroup &g : derived)
            found << g.resourceName;
        found.sort();
        QCOMPARE(found, groups);
        const ScalingGroup *g = find(derived, group);
        QVERIFY(g);
        QCOMPARE(summary(*g), expected);
        QCOMPARE(g->stackName, input.stack.name);
        QCOMPARE(g->stackId, input.stack.id);
        QCOMPARE(g->status, QStringLiteral("CREATE_COMPLETE"));
        QVERIFY(!g->nestedStackId.isEmpty());
        if (variant != u"top only")
            QCOMPARE(g->members.size(), g->kind == ScalingGroup::Kind::ResourceGroup ? 2 : 1);
        for (const ScalingMember &m : g->members) {
            QVERIFY(!m.name.isEmpty());
            QVERIFY(!m.physicalId.isEmpty());
            QVERIFY(!m.status.isEmpty());
        }
        for (const ScalingPolicy &p : g->policies) {
            // Signal the policy resource of the stack the group is in.
            QCOMPARE(p.groupResource, group);
            QCOMPARE(p.stackName, input.stack.name);
            QCOMPARE(p.stackId, input.stack.id);
            QCOMPARE(p.adjustmentType, QStringLiteral("change_in_capacity"));
            QCOMPARE(p.status, QStringLiteral("CREATE_COMPLETE"));
        }
    }

    void policyDetails()
    {
        const Recorded input = groupsStack();
        const QList<ScalingGroup> derived = deriveScalingGroups(input.stack, input.templateText, input.resources);
        const ScalingGroup *asg = find(derived, QStringLiteral("asg"));
        QVERIFY(asg);
        QCOMPARE(asg->policies.size(), 2);
        for (const ScalingPolicy &p : asg->policies) {
            if (p.resourceName == u"scale_out") {
                QCOMPARE(p.scalingAdjustment, 1);
                QCOMPARE(p.cooldown, 0);
            } else {
                QCOMPARE(p.resourceName, QStringLiteral("scale_in"));
                QCOMPARE(p.scalingAdjustment, -1);
                QVERIFY(!p.cooldown); // not in the template
            }
        }
        QCOMPARE(asg->wantedSize(), 1); // no desired_capacity: min_size
        QCOMPARE(find(derived, QStringLiteral("rg"))->wantedSize(), 2);
    }

    void unreadableTemplateIsAnError()
    {
        const Recorded input = demoAsg();
        try {
            deriveScalingGroups(input.stack, "resources: [unclosed", input.resources);
            QFAIL("no error");
        } catch (const ApiError &error) {
            QCOMPARE(error.kind(), ApiError::Kind::BadResponse);
            QVERIFY2(error.message().startsWith(QStringLiteral("the template of stack demo-asg cannot be read")),
                     qPrintable(error.message()));
        }
    }

    void modelRefreshIsADiff_data()
    {
        QTest::addColumn<QList<ScalingGroup>>("before");
        QTest::addColumn<QList<ScalingGroup>>("after");
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("removed");
        QTest::addColumn<int>("changed");

        const QList<ScalingGroup> two{group("s1", "asg", 1), group("s1", "rg", 2)};
        QTest::newRow("same") << two << two << 0 << 0 << 0;
        QTest::newRow("a group grew") << two << QList<ScalingGroup>{group("s1", "asg", 2), group("s1", "rg", 2)} << 0 << 0 << 1;
        QTest::newRow("another stack's group") << two << (two + QList<ScalingGroup>{group("s2", "asg", 1)}) << 1 << 0 << 0;
        QTest::newRow("stack deleted") << (two + QList<ScalingGroup>{group("s2", "asg", 1)}) << two << 0 << 1 << 0;
        // Same resource name in two stacks: two rows, keyed by stack id too.
        QTest::newRow("same name, other stack")
            << QList<ScalingGroup>{group("s1", "asg", 1)} << QList<ScalingGroup>{group("s1", "asg", 1), group("s2", "asg", 1)}
            << 1 << 0 << 0;
    }
    void modelRefreshIsADiff()
    {
        QFETCH(QList<ScalingGroup>, before);
        QFETCH(QList<ScalingGroup>, after);
        QFETCH(int, inserted);
        QFETCH(int, removed);
        QFETCH(int, changed);

        ScalingGroupListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems(before);
        QSignalSpy insertSpy(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removeSpy(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changeSpy(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
        model.setItems(after);
        QCOMPARE(insertSpy.size(), inserted);
        QCOMPARE(removeSpy.size(), removed);
        QCOMPARE(changeSpy.size(), changed);
        QCOMPARE(resetSpy.size(), 0);
        QCOMPARE(model.rowCount(), after.size());
        for (int row = 0; row < after.size(); ++row) {
            QCOMPARE(model.index(row, 0).data(ScalingGroupListModel::KeyRole).toString(), after[row].key());
            QCOMPARE(model.index(row, ScalingGroupListModel::CurrentColumn).data().toInt(), after[row].currentSize);
        }
    }

    void modelColumns_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("asgText");
        QTest::addColumn<QVariant>("asgSort");
        QTest::addColumn<QString>("rgText");
        QTest::addColumn<QVariant>("rgSort");

        QTest::newRow("stack") << int(ScalingGroupListModel::StackColumn) << QStringLiteral("Stack")
                               << QStringLiteral("pilvi-recording-groups") << QVariant(QStringLiteral("pilvi-recording-groups"))
                               << QStringLiteral("pilvi-recording-groups") << QVariant(QStringLiteral("pilvi-recording-groups"));
        QTest::newRow("group") << int(ScalingGroupListModel::GroupColumn) << QStringLiteral("Group") << QStringLiteral("asg")
                               << QVariant(QStringLiteral("asg")) << QStringLiteral("rg") << QVariant(QStringLiteral("rg"));
        QTest::newRow("kind") << int(ScalingGroupListModel::KindColumn) << QStringLiteral("Kind")
                              << QStringLiteral("AutoScalingGroup") << QVariant(QStringLiteral("AutoScalingGroup"))
                              << QStringLiteral("ResourceGroup") << QVariant(QStringLiteral("ResourceGroup"));
        QTest::newRow("current") << int(ScalingGroupListModel::CurrentColumn) << QStringLiteral("Current") << QStringLiteral("1")
                                 << QVariant(1) << QStringLiteral("2") << QVariant(2);
        QTest::newRow("min") << int(ScalingGroupListModel::MinColumn) << QStringLiteral("Min") << QStringLiteral("1")
                             << QVariant(1) << QString() << QVariant(-1);
        QTest::newRow("max") << int(ScalingGroupListModel::MaxColumn) << QStringLiteral("Max") << QStringLiteral("3")
                             << QVariant(3) << QString() << QVariant(-1);
        QTest::newRow("desired: none for the ASG, count for the group")
            << int(ScalingGroupListModel::DesiredColumn) << QStringLiteral("Desired") << QString() << QVariant(-1)
            << QStringLiteral("2") << QVariant(2);
        QTest::newRow("policies") << int(ScalingGroupListModel::PoliciesColumn) << QStringLiteral("Policies")
                                  << QStringLiteral("scale_in, scale_out") << QVariant(2) << QString() << QVariant(0);
    }
    void modelColumns()
    {
        QFETCH(int, column);
        QFETCH(QString, header);
        QFETCH(QString, asgText);
        QFETCH(QVariant, asgSort);
        QFETCH(QString, rgText);
        QFETCH(QVariant, rgSort);

        const Recorded input = groupsStack();
        QList<ScalingGroup> groups = deriveScalingGroups(input.stack, input.templateText, input.resources);
        std::sort(groups.begin(), groups.end(),
                  [](const ScalingGroup &a, const ScalingGroup &b) { return a.resourceName < b.resourceName; });
        for (ScalingGroup &g : groups) // a stable order for the text
            std::sort(g.policies.begin(), g.policies.end(),
                      [](const ScalingPolicy &a, const ScalingPolicy &b) { return a.resourceName < b.resourceName; });
        ScalingGroupListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems(groups);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), header);
        QCOMPARE(model.index(0, column).data().toString(), asgText);
        QCOMPARE(model.index(0, column).data(ScalingGroupListModel::SortRole), asgSort);
        QCOMPARE(model.index(1, column).data().toString(), rgText);
        QCOMPARE(model.index(1, column).data(ScalingGroupListModel::SortRole), rgSort);
        QCOMPARE(model.index(0, column).data(ScalingGroupListModel::PolicyNamesRole).toStringList(),
                 (QStringList{QStringLiteral("scale_in"), QStringLiteral("scale_out")}));
        QCOMPARE(model.index(1, column).data(ScalingGroupListModel::StackIdRole).toString(), input.stack.id);
    }
};

QTEST_GUILESS_MAIN(TestScalingGroups)
#include "tst_scalinggroups.moc"
