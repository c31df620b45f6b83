// SPDX-License-Identifier: GPL-3.0-or-later
// A scaling group's size history derived from its nested stack's events, and the step-line table
// model a chart reads it from; and where a group's size property comes from in its template.
#include "models/sizehistorymodel.h"
#include "openstack/orchestration/sizehistory.h"
#include "openstack/orchestration/sizeparameter.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {
QString nestedId()
{
    return QStringLiteral("nested-stack-id");
}
QDateTime t0()
{
    return QDateTime(QDate(2026, 12, 4), QTime(10, 0), QTimeZone::UTC);
}

// "name status minute" per event; the nested stack's own events use the name "@stack".
QList<StackEvent> events(const QStringList &lines)
{
    QList<StackEvent> list;
    for (const QString &line : lines) {
        const QStringList parts = line.split(u' ');
        StackEvent event;
        event.id = QString::number(list.size());
        event.resourceName = parts.at(0) == u"@stack" ? QStringLiteral("asg-group-x") : parts.at(0);
        event.physicalId = parts.at(0) == u"@stack" ? nestedId() : parts.at(0) + QStringLiteral("-server-id");
        event.status = parts.at(1);
        event.time = t0().addSecs(qint64(60) * parts.at(2).toInt());
        list.append(event);
    }
    return list;
}

// "minute:size" per change
QList<SizeChange> changes(const QStringList &points)
{
    QList<SizeChange> list;
    for (const QString &point : points) {
        const QStringList parts = point.split(u':');
        list.append({t0().addSecs(qint64(60) * parts.at(0).toInt()), parts.at(1).toInt()});
    }
    return list;
}
} // namespace

class TestSizeHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void derive_data()
    {
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("no events") << QStringList() << QStringList();
        QTest::newRow("created with one member") << QStringList{u"@stack CREATE_IN_PROGRESS 0"_s, u"a CREATE_IN_PROGRESS 0"_s,
                                                                u"a CREATE_COMPLETE 1"_s, u"@stack CREATE_COMPLETE 1"_s}
                                                 << QStringList{u"1:1"_s};
        QTest::newRow("scaled out then in") << QStringList{u"a CREATE_COMPLETE 1"_s, u"b CREATE_IN_PROGRESS 5"_s,
                                                           u"b CREATE_COMPLETE 6"_s, u"b DELETE_IN_PROGRESS 9"_s,
                                                           u"b DELETE_COMPLETE 10"_s}
                                            << QStringList{u"1:1"_s, u"6:2"_s, u"10:1"_s};
        QTest::newRow("events out of order are sorted by time")
            << QStringList{u"b DELETE_COMPLETE 10"_s, u"a CREATE_COMPLETE 1"_s, u"b CREATE_COMPLETE 6"_s}
            << QStringList{u"1:1"_s, u"6:2"_s, u"10:1"_s};
        QTest::newRow("two members in one instant make one point")
            << QStringList{u"a CREATE_COMPLETE 1"_s, u"b CREATE_COMPLETE 1"_s, u"c CREATE_COMPLETE 4"_s}
            << QStringList{u"1:2"_s, u"4:3"_s};
        QTest::newRow("a member completing again is not counted twice")
            << QStringList{u"a CREATE_COMPLETE 1"_s, u"a UPDATE_COMPLETE 3"_s, u"a CREATE_COMPLETE 5"_s} << QStringList{u"1:1"_s};
        QTest::newRow("delete of a member never seen created is ignored")
            << QStringList{u"old DELETE_COMPLETE 1"_s, u"a CREATE_COMPLETE 2"_s} << QStringList{u"2:1"_s};
        QTest::newRow("failed creates do not count")
            << QStringList{u"a CREATE_FAILED 1"_s, u"b CREATE_COMPLETE 2"_s, u"a DELETE_COMPLETE 3"_s} << QStringList{u"2:1"_s};
        QTest::newRow("the nested stack's own delete is not a member")
            << QStringList{u"a CREATE_COMPLETE 1"_s, u"a DELETE_COMPLETE 8"_s, u"@stack DELETE_COMPLETE 9"_s}
            << QStringList{u"1:1"_s, u"8:0"_s};
        QTest::newRow("created and deleted in one instant leaves no change")
            << QStringList{u"a CREATE_COMPLETE 1"_s, u"b CREATE_COMPLETE 2"_s, u"b DELETE_COMPLETE 2"_s}
            << QStringList{u"1:1"_s, u"2:1"_s};
    }
    void derive()
    {
        QFETCH(QStringList, events);
        QFETCH(QStringList, expected);
        QCOMPARE(deriveSizeHistory(::events(events), nestedId()), changes(expected));
    }

    void sizeSource_data()
    {
        const QByteArray yaml = R"(heat_template_version: 2021-04-16
parameters:
  wanted: {type: number, default: 2}
resources:
  asg:
    type: OS::Heat::AutoScalingGroup
    properties:
      min_size: 1
      max_size: {get_param: [top]}
      desired_capacity: {get_param: wanted}
      resource: {type: OS::Heat::TestResource}
  rg:
    type: OS::Heat::ResourceGroup
    properties:
      count: {str_replace: {template: N, params: {N: 3}}}
)";
        const QByteArray json = R"({"resources": {"asg": {"type": "OS::Heat::AutoScalingGroup",
            "properties": {"min_size": 1, "desired_capacity": {"get_param": "wanted"}}}}})";
        QTest::addColumn<QByteArray>("templateText");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("property");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("parameter");
        using K = SizeSource::Kind;
        QTest::newRow("literal") << yaml << u"asg"_s << u"min_size"_s << int(K::Literal) << QString();
        QTest::newRow("get_param") << yaml << u"asg"_s << u"desired_capacity"_s << int(K::Parameter) << u"wanted"_s;
        QTest::newRow("get_param as a list") << yaml << u"asg"_s << u"max_size"_s << int(K::Parameter) << u"top"_s;
        QTest::newRow("another function") << yaml << u"rg"_s << u"count"_s << int(K::Other) << QString();
        QTest::newRow("property not set") << yaml << u"rg"_s << u"min_size"_s << int(K::Missing) << QString();
        QTest::newRow("no such group") << yaml << u"nope"_s << u"min_size"_s << int(K::Missing) << QString();
        QTest::newRow("JSON template") << json << u"asg"_s << u"desired_capacity"_s << int(K::Parameter) << u"wanted"_s;
        QTest::newRow("not a template") << QByteArray("[1, 2") << u"asg"_s << u"min_size"_s << int(K::Missing) << QString();
    }
    void sizeSource()
    {
        QFETCH(QByteArray, templateText);
        QFETCH(QString, group);
        QFETCH(QString, property);
        QFETCH(int, kind);
        QFETCH(QString, parameter);
        const SizeSource source = sizeSourceOf(templateText, group, property);
        QCOMPARE(int(source.kind), kind);
        QCOMPARE(source.parameter, parameter);
    }

    void model()
    {
        SizeHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 2);

        const QList<SizeChange> history = changes({u"1:1"_s, u"6:2"_s, u"10:1"_s});
        const QDateTime until = t0().addSecs(qint64(60) * 15);
        model.setHistory(history, until);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.history(), history);
        QCOMPARE(model.maxSize(), 2);
        // Two corners per change and the end at `until`: a step line.
        QCOMPARE(model.rowCount(), 7);
        const auto at = [&](int row, int column) { return model.index(row, column).data(); };
        const QList<std::pair<int, int>> corners{{1, 0}, {1, 1}, {6, 1}, {6, 2}, {10, 2}, {10, 1}, {15, 1}};
        for (int row = 0; row < corners.size(); ++row) {
            QCOMPARE(at(row, SizeHistoryModel::TimeColumn).toDouble(),
                     static_cast<double>(t0().addSecs(qint64(60) * corners.at(row).first).toMSecsSinceEpoch()));
            QCOMPARE(at(row, SizeHistoryModel::SizeColumn).toInt(), corners.at(row).second);
        }
        QCOMPARE(model.headerData(SizeHistoryModel::SizeColumn, Qt::Horizontal).toString(), u"Size"_s);

        // `until` before the last change adds no end corner; an empty history clears the model.
        model.setHistory(history, t0());
        QCOMPARE(model.rowCount(), 6);
        model.setHistory({}, until);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.maxSize(), 0);
        QCOMPARE(resets.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestSizeHistory)
#include "tst_sizehistory.moc"
