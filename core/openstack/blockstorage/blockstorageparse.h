// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/blockstorage/volume.h"

#include <QByteArray>

namespace Pilvi::CinderParse {

// Cinder v3 answers -> values; each throws ApiError(BadResponse) naming the bad field.
QList<Volume> volumes(const QByteArray &body); ///< GET /volumes/detail
Volume volume(const QByteArray &body);         ///< GET /volumes/{id}, POST /volumes
QList<VolumeSnapshot> snapshots(const QByteArray &body);
VolumeSnapshot snapshot(const QByteArray &body);
QList<VolumeBackup> backups(const QByteArray &body);
VolumeBackup backup(const QByteArray &body);
BlockStorageLimits limits(const QByteArray &body); ///< GET /limits
/// The id in a create answer that has little else ({"backup": {"id", "name", "links"}}).
QString createdId(const QByteArray &body, const QString &key);
/// The volume a restore writes to ({"restore": {"backup_id", "volume_id"}}).
QString restoredVolumeId(const QByteArray &body);

} // namespace Pilvi::CinderParse
