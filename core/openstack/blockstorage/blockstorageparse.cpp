// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/blockstorage/blockstorageparse.h"

#include "openstack/jsonreader.h"

namespace Pilvi::CinderParse {

namespace {

Volume readVolume(const JsonReader &r)
{
    Volume v;
    v.id = r.string(QStringLiteral("id"));
    v.name = r.optionalString(QStringLiteral("name"));
    v.status = r.string(QStringLiteral("status"));
    v.sizeGb = r.integer(QStringLiteral("size"));
    v.volumeType = r.optionalString(QStringLiteral("volume_type"));
    v.bootable = r.optionalBool(QStringLiteral("bootable"));
    v.createdAt = r.optionalTime(QStringLiteral("created_at"));
    v.updatedAt = r.optionalTime(QStringLiteral("updated_at"));
    v.availabilityZone = r.optionalString(QStringLiteral("availability_zone"));
    v.description = r.optionalString(QStringLiteral("description"));
    v.snapshotId = r.optionalString(QStringLiteral("snapshot_id"));
    v.sourceVolumeId = r.optionalString(QStringLiteral("source_volid"));
    if (r.has(QStringLiteral("attachments"))) {
        r.forEach(QStringLiteral("attachments"), [&v](const JsonReader &a) {
            v.attachments.append({a.optionalString(QStringLiteral("server_id")), a.optionalString(QStringLiteral("device"))});
        });
    }
    return v;
}

VolumeSnapshot readSnapshot(const JsonReader &r)
{
    VolumeSnapshot s;
    s.id = r.string(QStringLiteral("id"));
    s.name = r.optionalString(QStringLiteral("name"));
    s.status = r.string(QStringLiteral("status"));
    s.sizeGb = r.integer(QStringLiteral("size"));
    s.volumeId = r.string(QStringLiteral("volume_id"));
    s.createdAt = r.optionalTime(QStringLiteral("created_at"));
    s.description = r.optionalString(QStringLiteral("description"));
    return s;
}

VolumeBackup readBackup(const JsonReader &r)
{
    VolumeBackup b;
    b.id = r.string(QStringLiteral("id"));
    b.name = r.optionalString(QStringLiteral("name"));
    b.status = r.string(QStringLiteral("status"));
    b.sizeGb = r.optionalInteger(QStringLiteral("size"));
    b.volumeId = r.optionalString(QStringLiteral("volume_id"));
    b.createdAt = r.optionalTime(QStringLiteral("created_at"));
    b.updatedAt = r.optionalTime(QStringLiteral("updated_at"));
    b.incremental = r.optionalBool(QStringLiteral("is_incremental"));
    b.hasDependentBackups = r.optionalBool(QStringLiteral("has_dependent_backups"));
    b.container = r.optionalString(QStringLiteral("container"));
    b.description = r.optionalString(QStringLiteral("description"));
    return b;
}

template<typename T, typename Reader>
QList<T> readList(const QByteArray &body, const QString &key, const QString &what, Reader reader)
{
    QList<T> result;
    JsonReader::document(body, what).forEach(key, [&](const JsonReader &r) { result.append(reader(r)); });
    return result;
}

} // namespace

QList<Volume> volumes(const QByteArray &body)
{
    return readList<Volume>(body, QStringLiteral("volumes"), QStringLiteral("list volumes"), readVolume);
}

Volume volume(const QByteArray &body)
{
    return readVolume(JsonReader::document(body, QStringLiteral("show volume")).object(QStringLiteral("volume")));
}

QList<VolumeSnapshot> snapshots(const QByteArray &body)
{
    return readList<VolumeSnapshot>(body, QStringLiteral("snapshots"), QStringLiteral("list snapshots"), readSnapshot);
}

VolumeSnapshot snapshot(const QByteArray &body)
{
    return readSnapshot(JsonReader::document(body, QStringLiteral("show snapshot")).object(QStringLiteral("snapshot")));
}

QList<VolumeBackup> backups(const QByteArray &body)
{
    return readList<VolumeBackup>(body, QStringLiteral("backups"), QStringLiteral("list backups"), readBackup);
}

VolumeBackup backup(const QByteArray &body)
{
    return readBackup(JsonReader::document(body, QStringLiteral("show backup")).object(QStringLiteral("backup")));
}

BlockStorageLimits limits(const QByteArray &body)
{
    const JsonReader absolute = JsonReader::document(body, QStringLiteral("show limits"))
                                    .object(QStringLiteral("limits"))
                                    .object(QStringLiteral("absolute"));
    BlockStorageLimits l;
    l.maxVolumes = absolute.optionalInteger(QStringLiteral("maxTotalVolumes"), -1);
    l.usedVolumes = absolute.optionalInteger(QStringLiteral("totalVolumesUsed"));
    l.maxGigabytes = absolute.optionalInteger(QStringLiteral("maxTotalVolumeGigabytes"), -1);
    l.usedGigabytes = absolute.optionalInteger(QStringLiteral("totalGigabytesUsed"));
    l.maxSnapshots = absolute.optionalInteger(QStringLiteral("maxTotalSnapshots"), -1);
    l.usedSnapshots = absolute.optionalInteger(QStringLiteral("totalSnapshotsUsed"));
    l.maxBackups = absolute.optionalInteger(QStringLiteral("maxTotalBackups"), -1);
    l.usedBackups = absolute.optionalInteger(QStringLiteral("totalBackupsUsed"));
    l.maxBackupGigabytes = absolute.optionalInteger(QStringLiteral("maxTotalBackupGigabytes"), -1);
    l.usedBackupGigabytes = absolute.optionalInteger(QStringLiteral("totalBackupGigabytesUsed"));
    return l;
}

QString createdId(const QByteArray &body, const QString &key)
{
    return JsonReader::document(body, QStringLiteral("create ") + key).object(key).string(QStringLiteral("id"));
}

QString restoredVolumeId(const QByteArray &body)
{
    return JsonReader::document(body, QStringLiteral("restore backup"))
        .object(QStringLiteral("restore"))
        .string(QStringLiteral("volume_id"));
}

} // namespace Pilvi::CinderParse
