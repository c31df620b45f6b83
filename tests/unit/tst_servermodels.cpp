// SPDX-License-Identifier: GPL-3.0-or-later
// The servers table of vertical scaling: refresh by diff, its columns and Nova's status kinds.
#include "models/serverlistmodel.h"
#include "models/statuskind.h"
#include "openstack/compute/resizerules.h"

#include "keyedmodelchecks.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QTest>

using namespace Pilvi;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Pilvi::Flavor)

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

    void resizeRules_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("taskState");
        QTest::addColumn<bool>("canResize");
        QTest::addColumn<bool>("awaitsAnswer");
        QTest::newRow("ACTIVE") << u"ACTIVE"_s << QString() << true << false;
        QTest::newRow("SHUTOFF") << u"SHUTOFF"_s << QString() << true << false;
        QTest::newRow("ACTIVE with a task") << u"ACTIVE"_s << u"resize_prep"_s << false << false;
        QTest::newRow("RESIZE") << u"RESIZE"_s << u"resize_migrating"_s << false << false;
        QTest::newRow("VERIFY_RESIZE") << u"VERIFY_RESIZE"_s << QString() << false << true;
        QTest::newRow("ERROR") << u"ERROR"_s << QString() << false << false;
        QTest::newRow("PAUSED") << u"PAUSED"_s << QString() << false << false;
    }
    void resizeRules()
    {
        QFETCH(QString, status);
        QFETCH(QString, taskState);
        QFETCH(bool, canResize);
        QFETCH(bool, awaitsAnswer);
        Server s = server(u"a"_s);
        s.status = status;
        s.taskState = taskState;
        QCOMPARE(Pilvi::canResize(s), canResize);
        QCOMPARE(awaitsResizeAnswer(s), awaitsAnswer);
    }

    void flavorChoices_data()
    {
        QTest::addColumn<Flavor>("to");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("note");
        // The server runs standard.small: 2 vCPU, 2 GiB RAM, 20 GB disk.
        QTest::newRow("the current one") << Flavor{u"1"_s, u"standard.small"_s, 2, 2048, 20, 0, 0, true, {}} << false
                                         << u"current"_s;
        QTest::newRow("bigger") << Flavor{u"2"_s, u"standard.large"_s, 4, 8192, 80, 0, 0, true, {}} << true
                                << u"+2 vCPU, +6 GiB RAM"_s;
        QTest::newRow("more RAM only") << Flavor{u"3"_s, u"hpc.mem"_s, 2, 16384, 20, 0, 0, true, {}} << true << u"+14 GiB RAM"_s;
        QTest::newRow("fewer vCPUs, same disk")
            << Flavor{u"4"_s, u"standard.tiny"_s, 1, 1024, 20, 0, 0, true, {}} << true << u"-1 vCPU, -1 GiB RAM"_s;
        QTest::newRow("smaller disk") << Flavor{u"5"_s, u"io.small"_s, 2, 4096, 10, 0, 0, true, {}} << false
                                      << u"smaller root disk: Nova cannot shrink it"_s;
        QTest::newRow("half GiB steps") << Flavor{u"7"_s, u"standard.medium"_s, 2, 3584, 20, 0, 0, true, {}} << true
                                        << u"+1.5 GiB RAM"_s;
        QTest::newRow("no root disk (boots from a volume)")
            << Flavor{u"6"_s, u"vol.medium"_s, 4, 4096, 0, 0, 0, true, {}} << true << u"+2 vCPU, +2 GiB RAM"_s;
    }
    void flavorChoices()
    {
        QFETCH(Flavor, to);
        QFETCH(bool, allowed);
        QFETCH(QString, note);
        const FlavorChoice choice = flavorChoice(to, server(u"a"_s).flavor);
        QCOMPARE(choice.allowed, allowed);
        QCOMPARE(choice.note, note);
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
