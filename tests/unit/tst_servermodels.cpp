// SPDX-License-Identifier: GPL-3.0-or-later
// The servers table of vertical scaling: refresh by diff, its columns and Nova's status kinds.
#include "models/serverlistmodel.h"
#include "models/statuskind.h"

#include "keyedmodelchecks.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QTest>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {
Server server(const QString &id, bool changed = false)
{
    Server s;
    s.id = id;
    s.name = u"web-"_s + id;
    s.status = changed ? u"RESIZE"_s : u"ACTIVE"_s;
    s.taskState = changed ? u"resize_migrating"_s : QString();
    s.flavor = {QString(), u"standard.small"_s, 2, 2048, 20, 0, 0, true, QString()};
    return s;
}
} // namespace

class TestServerModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void serversRefresh_data() { KeyedModelChecks::refreshTable(); }
    void serversRefresh() { KeyedModelChecks::checkRefresh<ServerListModel>(&server); }

    void columns()
    {
        ServerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Server resizing = server(u"a"_s, true);
        resizing.addresses = {{u"net"_s, u"86.50.1.2"_s, 4, u"floating"_s}, {u"net"_s, u"10.0.0.5"_s, 4, u"fixed"_s}};
        Server failed = server(u"b"_s);
        failed.status = u"ERROR"_s;
        failed.faultMessage = u"No valid host was found."_s;
        model.setItems({resizing, failed});
        QCOMPARE(model.columnCount(), int(ServerListModel::ColumnCount));
        QCOMPARE(model.index(0, ServerListModel::NameColumn).data().toString(), u"web-a"_s);
        QCOMPARE(model.index(0, ServerListModel::StatusColumn).data().toString(), u"RESIZE (resize_migrating)"_s);
        QCOMPARE(model.index(0, ServerListModel::StatusColumn).data(ServerListModel::SortRole).toString(), u"RESIZE"_s);
        QCOMPARE(model.index(0, 0).data(ServerListModel::StatusKindRole).toString(), StatusKind::inProgress());
        QCOMPARE(model.index(0, ServerListModel::FlavorColumn).data().toString(), u"standard.small"_s);
        QCOMPARE(model.index(0, ServerListModel::VcpusColumn).data().toInt(), 2);
        QCOMPARE(model.index(0, ServerListModel::RamColumn).data().toString(), u"2.0 GB"_s);
        QCOMPARE(model.index(0, ServerListModel::RamColumn).data(ServerListModel::SortRole).toLongLong(), 2048);
        // Fixed before floating on the same network.
        QCOMPARE(model.index(0, ServerListModel::AddressesColumn).data().toString(), u"net: 10.0.0.5, 86.50.1.2"_s);
        QCOMPARE(model.index(1, 0).data(ServerListModel::StatusKindRole).toString(), StatusKind::failed());
        QCOMPARE(model.index(1, ServerListModel::StatusColumn).data(Qt::ToolTipRole).toString(), failed.faultMessage);
        QCOMPARE(model.headerData(ServerListModel::FlavorColumn, Qt::Horizontal).toString(), u"Flavor"_s);
    }

    void novaStatusKinds_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("taskState");
        QTest::addColumn<QString>("kind");
        const QString done = StatusKind::complete(), running = StatusKind::inProgress(), failed = StatusKind::failed();
        for (const char *status : {"ACTIVE", "SHUTOFF", "PAUSED", "SUSPENDED", "SHELVED_OFFLOADED"})
            QTest::newRow(status) << QString::fromLatin1(status) << QString() << done;
        for (const char *status : {"BUILD", "RESIZE", "VERIFY_RESIZE", "REVERT_RESIZE", "REBOOT", "MIGRATING", "UNKNOWN"})
            QTest::newRow(status) << QString::fromLatin1(status) << QString() << running;
        QTest::newRow("ACTIVE with a task") << u"ACTIVE"_s << u"resize_prep"_s << running;
        QTest::newRow("ERROR") << u"ERROR"_s << QString() << failed;
        QTest::newRow("ERROR with a task") << u"ERROR"_s << u"deleting"_s << failed;
    }
    void novaStatusKinds()
    {
        QFETCH(QString, status);
        QFETCH(QString, taskState);
        QFETCH(QString, kind);
        QCOMPARE(StatusKind::ofNova(status, taskState), kind);
    }
};

QTEST_GUILESS_MAIN(TestServerModels)
#include "tst_servermodels.moc"
