// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Pilvi {

struct VolumeAttachment {
    QString serverId;
    QString device;
    friend bool operator==(const VolumeAttachment &, const VolumeAttachment &) = default;
};

struct Volume {
    QString id;
    QString name;
    QString status; ///< available, in-use, creating, error...
    qint64 sizeGb = 0;
    QString volumeType;
    bool bootable = false;
    QList<VolumeAttachment> attachments;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString availabilityZone;
    QString description;
    QString snapshotId;     ///< created from this snapshot
    QString sourceVolumeId; ///< cloned from this volume
    friend bool operator==(const Volume &, const Volume &) = default;
};

struct VolumeSnapshot {
    QString id;
    QString name;
    QString status;
    qint64 sizeGb = 0;
    QString volumeId;
    QDateTime createdAt;
    QString description;
    friend bool operator==(const VolumeSnapshot &, const VolumeSnapshot &) = default;
};

struct VolumeBackup {
    QString id;
    QString name;
    QString status;
    qint64 sizeGb = 0;
    QString volumeId;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool incremental = false;
    bool hasDependentBackups = false;
    QString container;
    QString description;
    friend bool operator==(const VolumeBackup &, const VolumeBackup &) = default;
};

/// Cinder's absolute limits: the quota and what is used of it.
struct BlockStorageLimits {
    qint64 maxVolumes = -1, usedVolumes = 0;
    qint64 maxGigabytes = -1, usedGigabytes = 0;
    qint64 maxSnapshots = -1, usedSnapshots = 0;
    qint64 maxBackups = -1, usedBackups = 0;
    qint64 maxBackupGigabytes = -1, usedBackupGigabytes = 0;
};

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::Volume, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::VolumeSnapshot, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::VolumeBackup, Q_RELOCATABLE_TYPE);
