// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/outputlistmodel.h"
#include "models/stackresourcetreemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using namespace Pilvi;

namespace {
// Resources from a compact spec: "top:web top:asg>s1 s1:m0=CREATE_FAILED" is the resource `web` of
// stack `top`, the group `asg` whose nested stack is `s1`, and the member `m0` of `s1` (failed).
QList<StackResource> resources(const QString &spec)
{
    QList<StackResource> result;
    const QStringList tokens = spec.split(u' ', Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        StackResource r;
        QString rest = token;
        const qsizetype eq = rest.indexOf(u'=');
        r.status = eq < 0 ? QStringLiteral("CREATE_COMPLETE") : rest.mid(eq + 1);
        rest.truncate(eq < 0 ? rest.size() : eq);
        const qsizetype gt = rest.indexOf(u'>');
        if (gt >= 0) {
            r.nestedStackId = rest.mid(gt + 1);
            rest.truncate(gt);
        }
        const qsizetype colon = rest.indexOf(u':');
        r.stackId = rest.left(colon);
        r.stackName = QStringLiteral("name-") + r.stackId;
        r.name = rest.mid(colon + 1);
        r.type = r.nestedStackId.isEmpty() ? QStringLiteral("OS::Nova::Server") : QStringLiteral("OS::Heat::ResourceGroup");
        r.physicalId = r.nestedStackId.isEmpty() ? QStringLiteral("id-") + r.name : r.nestedStackId;
        result.append(r);
    }
    return result;
}

// The tree as text: "web, asg(m0, m1(server))".
QString shape(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QString text = index.data().toString();
        if (model.rowCount(index) > 0)
            text += u'(' + shape(model, index) + u')';
        rows << text;
    }
    return rows.join(QStringLiteral(", "));
}

struct SignalCounts {
    explicit SignalCounts(QAbstractItemModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , resets(model, &QAbstractItemModel::modelReset)
    {}
    QSignalSpy inserted, removed, moved, changed, resets;
};
} // namespace

class TestStackModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstLoadBuildsTheTree_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<int>("inserts");

        QTest::newRow("flat") << u"t:a t:b t:c"_s << u"a, b, c"_s << 1;
        QTest::newRow("group") << u"t:web t:asg>s1 s1:m0 s1:m1"_s << u"web, asg(m0, m1)"_s << 2;
        QTest::newRow("three levels") << u"t:asg>s1 s1:m0>s2 s2:server s2:port t:db"_s << u"asg(m0(server, port)), db"_s << 3;
        QTest::newRow("nested listed before its parent") << u"s1:m0 t:asg>s1 t:db"_s << u"asg(m0), db"_s << 2;
        QTest::newRow("group not expanded (nested_depth 0)") << u"t:asg>s1 t:db"_s << u"asg, db"_s << 1;
        QTest::newRow("empty") << QString() << QString() << 0;
    }
    void firstLoadBuildsTheTree()
    {
        QFETCH(QString, spec);
        QFETCH(QString, shape);
        QFETCH(int, inserts);

        StackResourceTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SignalCounts counts(&model);
        model.setResources(resources(spec));
        QCOMPARE(::shape(model), shape);
        QCOMPARE(counts.inserted.size(), inserts);
        QCOMPARE(counts.resets.size(), 0);
    }

    // Each refresh is applied per parent as a diff; a persistent index and a selection on a row
    // that stays still point at it afterwards.
    void refreshIsADiff_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("kept"); ///< key of the selected row: "stack/name"
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("removed");
        QTest::addColumn<int>("moved");
        QTest::addColumn<int>("changed");

        const QString group = u"t:web t:asg>s1 s1:m0 s1:m1"_s;
        QTest::newRow("nothing changes") << group << group << u"web, asg(m0, m1)"_s << u"s1/m1"_s << 0 << 0 << 0 << 0;
        QTest::newRow("add at the top") << group << u"t:web t:db t:asg>s1 s1:m0 s1:m1"_s << u"web, db, asg(m0, m1)"_s
                                        << u"s1/m0"_s << 1 << 0 << 0 << 0;
        QTest::newRow("group scales out") << group << group + u" s1:m2"_s << u"web, asg(m0, m1, m2)"_s << u"s1/m1"_s << 1 << 0
                                          << 0 << 0;
        QTest::newRow("group scales in") << group << u"t:web t:asg>s1 s1:m1"_s << u"web, asg(m1)"_s << u"s1/m1"_s << 0 << 1 << 0
                                         << 0;
        QTest::newRow("group removed with its members") << group << u"t:web"_s << u"web"_s << u"t/web"_s << 0 << 1 << 0 << 0;
        QTest::newRow("reorder members") << group << u"t:web t:asg>s1 s1:m1 s1:m0"_s << u"web, asg(m1, m0)"_s << u"s1/m0"_s << 0
                                         << 0 << 1 << 0;
        QTest::newRow("reorder top level") << group << u"t:asg>s1 s1:m0 s1:m1 t:web"_s << u"asg(m0, m1), web"_s << u"s1/m1"_s << 0
                                           << 0 << 1 << 0;
        QTest::newRow("member status changes")
            << group << u"t:web t:asg>s1 s1:m0 s1:m1=UPDATE_FAILED"_s << u"web, asg(m0, m1)"_s << u"s1/m1"_s << 0 << 0 << 0 << 1;
        QTest::newRow("resource becomes a stack")
            << u"t:web t:asg"_s << u"t:web t:asg>s1 s1:m0"_s << u"web, asg(m0)"_s << u"t/asg"_s << 1 << 0 << 0 << 1;
        QTest::newRow("member replaced, selection on the gone one")
            << group << u"t:web t:asg>s1 s1:m0 s1:m9"_s << u"web, asg(m0, m9)"_s << u"s1/m1"_s << 1 << 1 << 0 << 0;
        QTest::newRow("deeper level grows") << u"t:asg>s1 s1:m0>s2 s2:server"_s << u"t:asg>s1 s1:m0>s2 s2:server s2:port"_s
                                            << u"asg(m0(server, port))"_s << u"s2/server"_s << 1 << 0 << 0 << 0;
        QTest::newRow("emptied") << group << QString() << QString() << u"s1/m0"_s << 0 << 1 << 0 << 0;
    }
    void refreshIsADiff()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, shape);
        QFETCH(QString, kept);
        QFETCH(int, inserted);
        QFETCH(int, removed);
        QFETCH(int, moved);
        QFETCH(int, changed);

        StackResourceTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResources(resources(before));

        const qsizetype slash = kept.indexOf(u'/');
        const QModelIndex keptIndex = model.indexOf(kept.left(slash), kept.mid(slash + 1));
        QVERIFY(keptIndex.isValid());
        QCOMPARE(keptIndex.data(StackResourceTreeModel::KeyRole).toString(), kept);
        const QPersistentModelIndex persistent(keptIndex.siblingAtColumn(StackResourceTreeModel::StatusColumn));
        QItemSelectionModel selection(&model);
        selection.select(keptIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        SignalCounts counts(&model);
        model.setResources(resources(after));

        QCOMPARE(::shape(model), shape);
        QCOMPARE(counts.inserted.size(), inserted);
        QCOMPARE(counts.removed.size(), removed);
        QCOMPARE(counts.moved.size(), moved);
        QCOMPARE(counts.changed.size(), changed);
        QCOMPARE(counts.resets.size(), 0);

        const bool stays = model.indexOf(kept.left(slash), kept.mid(slash + 1)).isValid();
        QCOMPARE(persistent.isValid(), stays);
        QCOMPARE(selection.hasSelection(), stays);
        if (stays) {
            QCOMPARE(persistent.data(StackResourceTreeModel::KeyRole).toString(), kept);
            QCOMPARE(persistent.column(), int(StackResourceTreeModel::StatusColumn));
            const QModelIndexList rows = selection.selectedRows();
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.first().data(StackResourceTreeModel::KeyRole).toString(), kept);
        }
    }

    void columnsAndRoles()
    {
        StackResourceTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<StackResource> list = resources(u"t:asg>s1 s1:m0=UPDATE_IN_PROGRESS"_s);
        list[1].statusReason = QStringLiteral("state changed");
        list[1].updatedAt = QDateTime(QDate(2026, 12, 1), QTime(8, 30), QTimeZone::UTC);
        model.setResources(list);

        const QModelIndex asg = model.index(0, 0);
        QCOMPARE(asg.data(StackResourceTreeModel::NestedStackIdRole).toString(), QStringLiteral("s1"));
        QCOMPARE(asg.siblingAtColumn(StackResourceTreeModel::TypeColumn).data().toString(),
                 QStringLiteral("OS::Heat::ResourceGroup"));
        const QModelIndex m0 = model.index(0, 0, asg);
        QCOMPARE(m0.data(StackResourceTreeModel::StackIdRole).toString(), QStringLiteral("s1"));
        QCOMPARE(m0.data(StackResourceTreeModel::StatusRole).toString(), QStringLiteral("UPDATE_IN_PROGRESS"));
        QCOMPARE(m0.data(StackResourceTreeModel::StatusKindRole).toString(), QStringLiteral("in-progress"));
        QCOMPARE(m0.siblingAtColumn(StackResourceTreeModel::ReasonColumn).data().toString(), QStringLiteral("state changed"));
        QCOMPARE(m0.siblingAtColumn(StackResourceTreeModel::PhysicalIdColumn).data().toString(), QStringLiteral("id-m0"));
        QCOMPARE(m0.siblingAtColumn(StackResourceTreeModel::UpdatedColumn).data(StackResourceTreeModel::SortRole).toDateTime(),
                 list[1].updatedAt);
        QVERIFY(!m0.siblingAtColumn(StackResourceTreeModel::UpdatedColumn).data().toString().isEmpty());
        QCOMPARE(model.resource(m0)->name, QStringLiteral("m0"));
        QCOMPARE(model.parent(m0), asg);
        QCOMPARE(model.headerData(StackResourceTreeModel::PhysicalIdColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Physical ID"));
    }

    void outputsRefreshIsADiff_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("removed");
        QTest::addColumn<int>("moved");
        QTest::addColumn<int>("changed");
        // "key" or "key=value" (a changed value).
        QTest::newRow("add") << QStringList{u"a"_s} << QStringList{u"a"_s, u"b"_s} << 1 << 0 << 0 << 0;
        QTest::newRow("remove") << QStringList{u"a"_s, u"b"_s} << QStringList{u"b"_s} << 0 << 1 << 0 << 0;
        QTest::newRow("reorder") << QStringList{u"a"_s, u"b"_s} << QStringList{u"b"_s, u"a"_s} << 0 << 0 << 1 << 0;
        QTest::newRow("value changes") << QStringList{u"a"_s, u"b"_s} << QStringList{u"a"_s, u"b=new"_s} << 0 << 0 << 0 << 1;
        QTest::newRow("empty") << QStringList{u"a"_s, u"b"_s} << QStringList{} << 0 << 1 << 0 << 0;
    }
    void outputsRefreshIsADiff()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(int, inserted);
        QFETCH(int, removed);
        QFETCH(int, moved);
        QFETCH(int, changed);
        const auto outputs = [](const QStringList &specs) {
            QList<StackOutput> list;
            for (const QString &spec : specs) {
                const QStringList parts = spec.split(u'=');
                list.append({parts[0], parts.value(1, QStringLiteral("value-") + parts[0]), QString(), QString()});
            }
            return list;
        };

        OutputListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems(outputs(before));
        const QPersistentModelIndex b(model.index(model.rowOf(u"b"_s), OutputListModel::ValueColumn));
        SignalCounts counts(&model);
        model.setItems(outputs(after));

        QCOMPARE(model.items(), outputs(after));
        QCOMPARE(counts.inserted.size(), inserted);
        QCOMPARE(counts.removed.size(), removed);
        QCOMPARE(counts.moved.size(), moved);
        QCOMPARE(counts.changed.size(), changed);
        QCOMPARE(counts.resets.size(), 0);
        if (model.rowOf(u"b"_s) >= 0 && b.isValid() && before.contains(u"b"_s)) {
            QCOMPARE(b.row(), model.rowOf(u"b"_s));
            QCOMPARE(b.data(OutputListModel::KeyRole).toString(), u"b"_s);
        }
    }

    // An unresolved output shows its error, flagged, and copies nothing.
    void outputErrorIsDistinct()
    {
        OutputListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems({{u"url"_s, u"http://10.0.0.5/"_s, u"The site"_s, QString()},
                        {u"ip"_s, QString(), u"Floating IP"_s, u"Resource fip not found"_s}});
        const QModelIndex url = model.index(0, OutputListModel::ValueColumn);
        const QModelIndex ip = model.index(1, OutputListModel::ValueColumn);
        QCOMPARE(url.data().toString(), u"http://10.0.0.5/"_s);
        QCOMPARE(url.data(OutputListModel::CopyValueRole).toString(), u"http://10.0.0.5/"_s);
        QCOMPARE(url.data(OutputListModel::HasErrorRole).toBool(), false);
        QCOMPARE(ip.data(OutputListModel::HasErrorRole).toBool(), true);
        QCOMPARE(ip.data(OutputListModel::ErrorRole).toString(), u"Resource fip not found"_s);
        QCOMPARE(ip.data().toString(), u"Error: Resource fip not found"_s);
        QCOMPARE(ip.data(OutputListModel::CopyValueRole).toString(), QString());
        QCOMPARE(model.index(1, OutputListModel::DescriptionColumn).data().toString(), u"Floating IP"_s);
    }
};

QTEST_GUILESS_MAIN(TestStackModels)
#include "tst_stackmodels.moc"
