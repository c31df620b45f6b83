// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/eventlistmodel.h"
#include "models/stacklistmodel.h"
#include "models/volumelistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Pilvi;

namespace {
Stack stack(const char *id, const char *status = "CREATE_COMPLETE")
{
    Stack s;
    s.id = QString::fromLatin1(id);
    s.name = QStringLiteral("stack-") + s.id;
    s.status = QString::fromLatin1(status);
    return s;
}

QStringList ids(const StackListModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, 0).data(StackListModel::IdRole).toString();
    return result;
}

struct Signals {
    int inserted = 0, removed = 0, moved = 0, changed = 0, resets = 0;
};
} // namespace

class TestListModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refreshIsADiff_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<QString>("changedStatusOf");
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("removed");
        QTest::addColumn<int>("moved");
        QTest::addColumn<int>("changed");

        const auto list = [](const char *text) { return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts); };
        QTest::newRow("nothing changes") << list("a b c") << list("a b c") << QString() << 0 << 0 << 0 << 0;
        QTest::newRow("one status changes") << list("a b c") << list("a b c") << QStringLiteral("b") << 0 << 0 << 0 << 1;
        QTest::newRow("insert in the middle") << list("a c") << list("a b c") << QString() << 1 << 0 << 0 << 0;
        QTest::newRow("remove a run") << list("a b c d e") << list("a e") << QString() << 0 << 1 << 0 << 0;
        QTest::newRow("remove two runs") << list("a b c d e") << list("b d") << QString() << 0 << 3 << 0 << 0;
        QTest::newRow("reorder") << list("a b c") << list("c a b") << QString() << 0 << 0 << 1 << 0;
        QTest::newRow("everything new") << list("a b") << list("x y z") << QString() << 3 << 1 << 0 << 0;
        QTest::newRow("emptied") << list("a b") << QStringList() << QString() << 0 << 1 << 0 << 0;
    }
    void refreshIsADiff()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QString, changedStatusOf);
        QFETCH(int, inserted);
        QFETCH(int, removed);
        QFETCH(int, moved);
        QFETCH(int, changed);

        StackListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Stack> first;
        for (const QString &id : before)
            first << stack(qPrintable(id));
        model.setItems(first);

        QPersistentModelIndex kept;
        for (const QString &id : after) {
            if (before.contains(id)) {
                kept = model.index(model.rowOf(id), StackListModel::StatusColumn);
                break;
            }
        }
        QSignalSpy insertSpy(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removeSpy(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moveSpy(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changeSpy(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);

        QList<Stack> second;
        for (const QString &id : after)
            second << stack(qPrintable(id), id == changedStatusOf ? "UPDATE_IN_PROGRESS" : "CREATE_COMPLETE");
        model.setItems(second);

        QCOMPARE(ids(model), after);
        QCOMPARE(insertSpy.size(), inserted);
        QCOMPARE(removeSpy.size(), removed);
        QCOMPARE(moveSpy.size(), moved);
        QCOMPARE(changeSpy.size(), changed);
        QCOMPARE(resetSpy.size(), 0);
        if (kept.isValid())
            QCOMPARE(kept.data(StackListModel::IdRole).toString(),
                     model.index(kept.row(), 0).data(StackListModel::IdRole).toString());
        if (!changedStatusOf.isEmpty()) {
            const QModelIndex index = model.index(model.rowOf(changedStatusOf), StackListModel::StatusColumn);
            QCOMPARE(index.data().toString(), QStringLiteral("UPDATE_IN_PROGRESS"));
            QCOMPARE(index.data(StackListModel::StatusKindRole).toString(), QStringLiteral("in-progress"));
        }
    }

    void statusKinds_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("kind");
        QTest::newRow("complete") << QStringLiteral("CREATE_COMPLETE") << QStringLiteral("complete");
        QTest::newRow("in progress") << QStringLiteral("DELETE_IN_PROGRESS") << QStringLiteral("in-progress");
        QTest::newRow("failed") << QStringLiteral("UPDATE_FAILED") << QStringLiteral("failed");
    }
    void statusKinds()
    {
        QFETCH(QString, status);
        QFETCH(QString, kind);
        QCOMPARE(StackListModel::statusKind(status), kind);
    }

    // Live events: a longer list appends only the new rows at the end.
    void eventsAppend()
    {
        EventListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<StackEvent> events;
        for (int i = 0; i < 3; ++i)
            events.append({QString::number(i),
                           QDateTime(QDate(2026, 11, 25), QTime(10, 0, i), QTimeZone::UTC),
                           QStringLiteral("asg"),
                           {},
                           QStringLiteral("CREATE_IN_PROGRESS"),
                           {}});
        model.setItems(events);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        events.append({QStringLiteral("3"),
                       QDateTime(QDate(2026, 11, 25), QTime(10, 0, 9), QTimeZone::UTC),
                       QStringLiteral("asg"),
                       {},
                       QStringLiteral("CREATE_COMPLETE"),
                       QStringLiteral("state changed")});
        model.setItems(events);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 3);
        QCOMPARE(model.index(3, EventListModel::StatusColumn).data().toString(), QStringLiteral("CREATE_COMPLETE"));
        QCOMPARE(model.index(3, EventListModel::TimeColumn).data(EventListModel::SortRole).toDateTime(), events[3].time);
    }

    void volumeColumns()
    {
        VolumeListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Volume volume;
        volume.id = QStringLiteral("v1");
        volume.status = QStringLiteral("in-use");
        volume.sizeGb = 20;
        volume.bootable = true;
        volume.attachments = {{QStringLiteral("srv-1"), QStringLiteral("/dev/vdb")}};
        model.setItems({volume});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, VolumeListModel::NameColumn).data().toString(), QStringLiteral("v1")); // no name: the id
        QCOMPARE(model.index(0, VolumeListModel::SizeColumn).data().toString(), QStringLiteral("20 GiB"));
        QCOMPARE(model.index(0, VolumeListModel::SizeColumn).data(VolumeListModel::SortRole).toLongLong(), 20);
        QCOMPARE(model.index(0, VolumeListModel::AttachedColumn).data().toString(), QStringLiteral("srv-1 on /dev/vdb"));
        QCOMPARE(model.headerData(VolumeListModel::AttachedColumn, Qt::Horizontal).toString(), QStringLiteral("Attached to"));
    }
};

QTEST_GUILESS_MAIN(TestListModels)
#include "tst_listmodels.moc"
