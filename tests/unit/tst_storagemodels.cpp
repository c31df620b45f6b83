// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backuplistmodel.h"
#include "models/containerlistmodel.h"
#include "models/limitsmodel.h"
#include "models/snapshotlistmodel.h"
#include "models/statuskind.h"
#include "openstack/blockstorage/volume.h"
#include "openstack/quota.h"

#include "keyedmodelchecks.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {
using KeyedModelChecks::checkRefresh;
using KeyedModelChecks::refreshTable;

VolumeSnapshot snapshot(const QString &id, bool changed = false)
{
    VolumeSnapshot s;
    s.id = id;
    s.name = u"snap-"_s + id;
    s.status = changed ? u"deleting"_s : u"available"_s;
    s.sizeGb = 10;
    s.volumeId = u"vol-"_s + id;
    s.createdAt = QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::UTC);
    return s;
}

VolumeBackup backup(const QString &id, bool changed = false)
{
    VolumeBackup b;
    b.id = id;
    b.name = u"backup-"_s + id;
    b.status = changed ? u"restoring"_s : u"available"_s;
    b.sizeGb = 5;
    b.volumeId = u"vol-"_s + id;
    b.createdAt = QDateTime(QDate(2026, 12, 2), QTime(9, 0), QTimeZone::UTC);
    return b;
}

Container container(const QString &name, bool changed = false)
{
    return {name, changed ? 4 : 3, changed ? 4096 : 3072, QDateTime(QDate(2026, 12, 3), QTime(9, 0), QTimeZone::UTC)};
}

QuotaUsage usage(const QString &resource, bool changed = false)
{
    return {u"block-storage"_s, resource, changed ? 7 : 2, 10, QuotaUsage::Unit::Count};
}
} // namespace

class TestStorageModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void snapshotsRefresh_data() { refreshTable(); }
    void snapshotsRefresh() { checkRefresh<SnapshotListModel>(&snapshot); }
    void backupsRefresh_data() { refreshTable(); }
    void backupsRefresh() { checkRefresh<BackupListModel>(&backup); }
    void containersRefresh_data() { refreshTable(); }
    void containersRefresh() { checkRefresh<ContainerListModel>(&container); }
    void limitsRefresh_data() { refreshTable(); }
    void limitsRefresh() { checkRefresh<LimitsModel>(&usage, u"block-storage/"_s); }

    // The volume column shows the id until the names are known, then the name; only that column changes.
    void snapshotVolumeNames()
    {
        SnapshotListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems({snapshot(u"a"_s), snapshot(u"b"_s, true)});
        const QModelIndex volume = model.index(0, SnapshotListModel::VolumeColumn);
        QCOMPARE(volume.data().toString(), u"vol-a"_s);
        QCOMPARE(volume.data(SnapshotListModel::VolumeIdRole).toString(), u"vol-a"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setVolumeNames({{u"vol-a"_s, u"database"_s}});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex(), model.index(0, SnapshotListModel::VolumeColumn));
        QCOMPARE(changed[0][1].toModelIndex(), model.index(1, SnapshotListModel::VolumeColumn));
        QCOMPARE(volume.data().toString(), u"database"_s);
        QCOMPARE(model.index(1, SnapshotListModel::VolumeColumn).data().toString(), u"vol-b"_s); // unknown: the id
        model.setVolumeNames({{u"vol-a"_s, u"database"_s}});
        QCOMPARE(changed.size(), 1); // the same names: nothing to repaint

        QCOMPARE(model.index(0, SnapshotListModel::NameColumn).data().toString(), u"snap-a"_s);
        QCOMPARE(model.index(0, SnapshotListModel::SizeColumn).data().toString(), u"10 GiB"_s);
        QCOMPARE(model.index(0, SnapshotListModel::SizeColumn).data(SnapshotListModel::SortRole).toLongLong(), 10);
        QCOMPARE(model.index(0, 0).data(SnapshotListModel::StatusKindRole).toString(), u"complete"_s);
        QCOMPARE(model.index(1, 0).data(SnapshotListModel::StatusKindRole).toString(), u"in-progress"_s);
    }

    void backupColumns()
    {
        BackupListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        VolumeBackup full = backup(u"full"_s);
        full.hasDependentBackups = true;
        VolumeBackup incremental = backup(u"incr"_s);
        incremental.incremental = true;
        incremental.volumeId = full.volumeId;
        incremental.status = u"error_restoring"_s;
        incremental.name.clear();
        model.setItems({full, incremental});
        model.setVolumeNames({{full.volumeId, u"web-data"_s}});

        QCOMPARE(model.index(0, BackupListModel::VolumeColumn).data().toString(), u"web-data"_s);
        QCOMPARE(model.index(1, BackupListModel::VolumeColumn).data().toString(), u"web-data"_s);
        QCOMPARE(model.index(0, BackupListModel::IncrementalColumn).data().toString(), u"full"_s);
        QCOMPARE(model.index(1, BackupListModel::IncrementalColumn).data().toString(), u"incremental"_s);
        QCOMPARE(model.index(1, 0).data(BackupListModel::IncrementalRole).toBool(), true);
        QCOMPARE(model.index(0, BackupListModel::DependentsColumn).data().toString(), u"yes"_s);
        QCOMPARE(model.index(0, 0).data(BackupListModel::HasDependentsRole).toBool(), true);
        QCOMPARE(model.index(1, 0).data(BackupListModel::HasDependentsRole).toBool(), false);
        QCOMPARE(model.index(1, BackupListModel::NameColumn).data().toString(), u"incr"_s); // no name: the id
        QCOMPARE(model.index(1, 0).data(BackupListModel::StatusKindRole).toString(), u"failed"_s);
        QCOMPARE(model.index(0, BackupListModel::CreatedColumn).data(BackupListModel::SortRole).toDateTime(), full.createdAt);
    }

    void containerBytes_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("shown");
        QTest::newRow("bytes") << qint64(512) << u"512 bytes"_s;
        QTest::newRow("KiB") << qint64(1536) << u"1.50 KiB"_s;
        QTest::newRow("GiB") << qint64(5) * 1024 * 1024 * 1024 << u"5.00 GiB"_s;
        QTest::newRow("empty") << qint64(0) << u"0 bytes"_s;
    }
    void containerBytes()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, shown);
        ContainerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems({{u"backups"_s, 1200, bytes, QDateTime(QDate(2026, 12, 3), QTime(9, 0), QTimeZone::UTC)}});
        const QModelIndex index = model.index(0, ContainerListModel::BytesColumn);
        QCOMPARE(index.data().toString(), shown);
        QCOMPARE(index.data(ContainerListModel::SortRole).toLongLong(), bytes);
        QCOMPARE(model.index(0, ContainerListModel::ObjectsColumn).data().toString(), u"1,200"_s);
        QCOMPARE(model.index(0, ContainerListModel::ObjectsColumn).data(ContainerListModel::SortRole).toLongLong(), 1200);
        QCOMPARE(model.index(0, ContainerListModel::NameColumn).data(ContainerListModel::NameRole).toString(), u"backups"_s);
    }

    void containerAccessAndVersioning_data()
    {
        QTest::addColumn<QString>("readAcl");
        QTest::addColumn<QString>("versionsLocation");
        QTest::addColumn<QString>("historyLocation");
        QTest::addColumn<QString>("access");
        QTest::addColumn<QString>("versioning");
        QTest::newRow("private, no versions") << QString() << QString() << QString() << u"private"_s << u"off"_s;
        QTest::newRow("public website") << u".r:*,.rlistings"_s << QString() << QString() << u"public"_s << u"off"_s;
        QTest::newRow("listing only is not public") << u".rlistings"_s << QString() << QString() << u"private"_s << u"off"_s;
        QTest::newRow("a denied referrer is not public")
            << u".r:-evil.example"_s << QString() << QString() << u"private"_s << u"off"_s;
        QTest::newRow("another project may read")
            << u"4f0c1a:*"_s << u"docs-versions"_s << QString() << u"private"_s << u"old versions in docs-versions"_s;
        QTest::newRow("history mode") << QString() << QString() << u"docs-history"_s << u"private"_s
                                      << u"history in docs-history"_s;
    }
    void containerAccessAndVersioning()
    {
        QFETCH(QString, readAcl);
        QFETCH(QString, versionsLocation);
        QFETCH(QString, historyLocation);
        QFETCH(QString, access);
        QFETCH(QString, versioning);
        ContainerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems({{u"docs"_s, 1, 1, {}}, {u"other"_s, 0, 0, {}}});
        const QModelIndex accessIndex = model.index(0, ContainerListModel::AccessColumn);
        QCOMPARE(accessIndex.data().toString(), u"…"_s); // until its HEAD is in
        QVERIFY(!accessIndex.data(ContainerListModel::IsPublicRole).isValid());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ContainerInfo info;
        info.readAcl = readAcl;
        info.versionsLocation = versionsLocation;
        info.historyLocation = historyLocation;
        model.setInfo(u"docs"_s, info);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(accessIndex.data().toString(), access);
        QCOMPARE(accessIndex.data(ContainerListModel::IsPublicRole).toBool(), access == u"public");
        QCOMPARE(model.index(0, ContainerListModel::VersioningColumn).data().toString(), versioning);
        QCOMPARE(model.index(0, 0).data(ContainerListModel::ArchiveRole).toString(), info.archiveContainer());
        // Kept across a refresh; the other container still waits for its HEAD.
        model.setItems({{u"docs"_s, 2, 2, {}}, {u"other"_s, 0, 0, {}}});
        QCOMPARE(accessIndex.data().toString(), access);
        QCOMPARE(model.index(1, ContainerListModel::AccessColumn).data().toString(), u"…"_s);
    }

    void quotaFromBlockStorage()
    {
        BlockStorageLimits limits;
        limits.maxVolumes = 10;
        limits.usedVolumes = 4;
        limits.maxGigabytes = 1000;
        limits.usedGigabytes = 250;
        limits.maxSnapshots = -1;
        limits.usedSnapshots = 3;
        limits.maxBackups = 0;
        limits.usedBackups = 0;
        limits.maxBackupGigabytes = 100;
        limits.usedBackupGigabytes = 120;
        const QList<QuotaUsage> rows = quotaUsage(limits);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0], (QuotaUsage{u"block-storage"_s, u"volumes"_s, 4, 10, QuotaUsage::Unit::Count}));
        QCOMPARE(rows[1], (QuotaUsage{u"block-storage"_s, u"gigabytes"_s, 250, 1000, QuotaUsage::Unit::Gibibytes}));
        QCOMPARE(rows[2].resource, u"snapshots"_s);
        QVERIFY(rows[2].isUnlimited());
        QCOMPARE(rows[3].resource, u"backups"_s);
        QCOMPARE(rows[4], (QuotaUsage{u"block-storage"_s, u"backup_gigabytes"_s, 120, 100, QuotaUsage::Unit::Gibibytes}));
        QCOMPARE(rows[0].percent(), 40.0);
        QCOMPARE(rows[2].percent(), -1.0);
        QCOMPARE(rows[3].percent(), 0.0);
        QCOMPARE(rows[4].percent(), 120.0);
    }

    void limitsRows_data()
    {
        QTest::addColumn<QuotaUsage>("usage");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("used");
        QTest::addColumn<QString>("limit");
        QTest::addColumn<QString>("shownPercent");
        QTest::addColumn<double>("percent");
        QTest::addColumn<bool>("unlimited");
        using Unit = QuotaUsage::Unit;
        QTest::newRow("count") << QuotaUsage{u"block-storage"_s, u"volumes"_s, 3, 12, Unit::Count} << u"Volumes"_s << u"3"_s
                               << u"12"_s << u"25%"_s << 25.0 << false;
        QTest::newRow("gibibytes") << QuotaUsage{u"block-storage"_s, u"backup_gigabytes"_s, 50, 200, Unit::Gibibytes}
                                   << u"Backup storage"_s << u"50 GiB"_s << u"200 GiB"_s << u"25%"_s << 25.0 << false;
        QTest::newRow("unlimited") << QuotaUsage{u"block-storage"_s, u"snapshots"_s, 7, -1, Unit::Count} << u"Snapshots"_s
                                   << u"7"_s << u"unlimited"_s << QString() << -1.0 << true;
        QTest::newRow("over quota") << QuotaUsage{u"compute"_s, u"ram"_s, 3072, 2048, Unit::Mebibytes} << u"RAM"_s
                                    << u"3072 MiB"_s << u"2048 MiB"_s << u"150%"_s << 150.0 << false;
        QTest::newRow("another service's name") << QuotaUsage{u"network"_s, u"floating_ips"_s, 1, 4, Unit::Count}
                                                << u"Floating ips"_s << u"1"_s << u"4"_s << u"25%"_s << 25.0 << false;
        QTest::newRow("zero quota, none used") << QuotaUsage{u"compute"_s, u"cores"_s, 0, 0, Unit::Count} << u"vCPUs"_s << u"0"_s
                                               << u"0"_s << u"0%"_s << 0.0 << false;
    }
    void limitsRows()
    {
        QFETCH(QuotaUsage, usage);
        QFETCH(QString, resource);
        QFETCH(QString, used);
        QFETCH(QString, limit);
        QFETCH(QString, shownPercent);
        QFETCH(double, percent);
        QFETCH(bool, unlimited);
        LimitsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems({usage});
        QCOMPARE(model.index(0, LimitsModel::ServiceColumn).data(LimitsModel::SortRole).toString(), usage.service);
        QCOMPARE(model.index(0, LimitsModel::ServiceColumn).data(LimitsModel::ServiceRole).toString(), usage.service);
        QVERIFY(!model.index(0, LimitsModel::ServiceColumn).data().toString().isEmpty());
        QCOMPARE(model.index(0, LimitsModel::ResourceColumn).data().toString(), resource);
        QCOMPARE(model.index(0, LimitsModel::UsedColumn).data().toString(), used);
        QCOMPARE(model.index(0, LimitsModel::LimitColumn).data().toString(), limit);
        QCOMPARE(model.index(0, LimitsModel::UsageColumn).data().toString(), shownPercent);
        QCOMPARE(model.index(0, 0).data(LimitsModel::PercentRole).toDouble(), percent);
        QCOMPARE(model.index(0, 0).data(LimitsModel::UnlimitedRole).toBool(), unlimited);
        QCOMPARE(model.index(0, 0).data(LimitsModel::LimitRole).toLongLong(), usage.limit);
        QCOMPARE(model.index(0, 0).data(LimitsModel::UsedRole).toLongLong(), usage.used);
    }

    void serviceTitles()
    {
        QCOMPARE(LimitsModel::serviceTitle(u"block-storage"_s), u"Block storage"_s);
        QCOMPARE(LimitsModel::serviceTitle(u"compute"_s), u"Compute"_s);
        QCOMPARE(LimitsModel::serviceTitle(u"placement"_s), u"placement"_s); // unknown: as is
    }

    // Unlimited sorts after every real limit.
    void unlimitedSortsLast()
    {
        LimitsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems({{u"s"_s, u"a"_s, 1, -1, QuotaUsage::Unit::Count}, {u"s"_s, u"b"_s, 1, 1000000, QuotaUsage::Unit::Count}});
        QVERIFY(model.index(0, LimitsModel::LimitColumn).data(LimitsModel::SortRole).toLongLong() >
                model.index(1, LimitsModel::LimitColumn).data(LimitsModel::SortRole).toLongLong());
    }

    void cinderStatusKinds_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("kind");
        const QString done = StatusKind::complete(), running = StatusKind::inProgress(), failed = StatusKind::failed();
        for (const char *status : {"available", "in-use", "reserved", "deleted"})
            QTest::newRow(status) << QString::fromLatin1(status) << done;
        for (const char *status : {"creating", "deleting", "backing-up", "restoring-backup", "awaiting-transfer", "extending",
                                   "attaching", "restoring", "maintenance"})
            QTest::newRow(status) << QString::fromLatin1(status) << running;
        for (const char *status : {"error", "error_deleting", "error_restoring", "error_extending", "error_backing-up"})
            QTest::newRow(status) << QString::fromLatin1(status) << failed;
    }
    void cinderStatusKinds()
    {
        QFETCH(QString, status);
        QFETCH(QString, kind);
        QCOMPARE(StatusKind::ofCinder(status), kind);
    }
};

QTEST_GUILESS_MAIN(TestStorageModels)
#include "tst_storagemodels.moc"
