// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/blockstorage/volume.h"

#include <QFuture>

namespace Pilvi {

class Session;
struct HttpResponse;
struct ServiceRequest;

/// Cinder (block storage API v3) at Microversions::blockStorage, or the cloud's newest when that
/// is older (read once per session from the endpoint's version document). Futures finish on the
/// network thread, or fail with ApiError.
class BlockStorageClient
{
public:
    explicit BlockStorageClient(Session *session);

    QFuture<QList<Volume>> listVolumes();
    QFuture<Volume> showVolume(const QString &id);
    QFuture<Volume> createVolume(const QString &name, int sizeGb, const QString &description = {});
    QFuture<void> extendVolume(const QString &id, int newSizeGb);
    QFuture<void> deleteVolume(const QString &id);

    QFuture<QList<VolumeSnapshot>> listSnapshots();
    QFuture<VolumeSnapshot> createSnapshot(const QString &volumeId, const QString &name, bool force = false);
    QFuture<void> deleteSnapshot(const QString &id);

    QFuture<QList<VolumeBackup>> listBackups();
    QFuture<VolumeBackup> showBackup(const QString &id);
    /// The new backup's id (Cinder answers a create with little more).
    QFuture<QString> createBackup(const QString &volumeId, const QString &name, bool incremental, bool force = false);
    /// Restores into `volumeId`, or into a new volume named `newVolumeName` when volumeId is
    /// empty. Finishes with the id of the volume written to.
    QFuture<QString> restoreBackup(const QString &backupId, const QString &volumeId, const QString &newVolumeName = {});
    QFuture<void> deleteBackup(const QString &id, bool force = false);

    QFuture<BlockStorageLimits> limits();

private:
    QFuture<HttpResponse> send(ServiceRequest request);
    template<typename T>
    QFuture<QList<T>> allPages(ServiceRequest request, QList<T> (*parse)(const QByteArray &));

    Session *m_session;
};

} // namespace Pilvi
