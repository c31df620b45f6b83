// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/backuprestorejob.h"

#include "openstack/blockstorage/blockstorageclient.h"

namespace Pilvi {

JobSpec BackupRestoreJob::spec(const QString &cloud, const QString &backupId, const QString &volumeId,
                               const QString &newVolumeName)
{
    return {JobKinds::backupRestore,
            cloud,
            backupId,
            QJsonObject{{QStringLiteral("backupId"), backupId},
                        {QStringLiteral("volumeId"), volumeId},
                        {QStringLiteral("newVolumeName"), newVolumeName}},
            {}};
}

void BackupRestoreJob::start()
{
    const QString backup = parameter(QStringLiteral("backupId"));
    const QString volume = parameter(QStringLiteral("volumeId"));
    progress(0, 1);
    log(volume.isEmpty() ? tr("Restoring backup %1 into a new volume %2.").arg(backup, parameter(QStringLiteral("newVolumeName")))
                         : tr("Restoring backup %1 into volume %2.").arg(backup, volume));
    await<QString>(BlockStorageClient(session()).restoreBackup(backup, volume, parameter(QStringLiteral("newVolumeName"))),
                   [this](const QString &id) {
                       setFact(QStringLiteral("volumeId"), id);
                       log(tr("Cinder is restoring into volume %1.").arg(id));
                       poll();
                   });
}

void BackupRestoreJob::poll()
{
    await<Volume>(BlockStorageClient(session()).showVolume(fact(QStringLiteral("volumeId"))),
                  [this](const Volume &volume) { followVolume(volume.status); });
}

void BackupRestoreJob::followVolume(const QString &status)
{
    if (status.startsWith(u"error")) {
        fail(tr("the volume ended in status %1").arg(status));
        return;
    }
    if (status != u"available" && status != u"in-use") {
        after(pollIntervalMs(), [this] { poll(); });
        return;
    }
    // The volume is free again; the backup says when Cinder is done with it as well.
    await<VolumeBackup>(BlockStorageClient(session()).showBackup(parameter(QStringLiteral("backupId"))),
                        [this](const VolumeBackup &backup) {
                            if (backup.status == u"restoring") {
                                after(pollIntervalMs(), [this] { poll(); });
                                return;
                            }
                            progress(1, 1);
                            log(tr("Volume %1 is restored.").arg(fact(QStringLiteral("volumeId"))));
                            succeed();
                        });
}

void BackupRestoreJob::resume()
{
    QString volume = fact(QStringLiteral("volumeId"));
    if (volume.isEmpty())
        volume = parameter(QStringLiteral("volumeId"));
    if (!volume.isEmpty()) {
        setFact(QStringLiteral("volumeId"), volume);
        await<Volume>(
            BlockStorageClient(session()).showVolume(volume),
            [this](const Volume &v) {
                reconciled(tr("volume %1 is %2.").arg(v.id, v.status));
                followVolume(v.status);
            },
            [this](const ApiError &error) {
                if (error.httpStatus() != 404)
                    return fail(error.toString());
                reconciled(tr("Cinder no longer knows the volume."));
                fail(tr("the volume restored into is gone"));
            });
        return;
    }
    // The process died before Cinder named the new volume: look for it by name.
    await<QList<Volume>>(BlockStorageClient(session()).listVolumes(), [this](const QList<Volume> &volumes) {
        const QString name = parameter(QStringLiteral("newVolumeName"));
        const auto it = std::find_if(volumes.cbegin(), volumes.cend(), [&](const Volume &v) { return v.name == name; });
        if (name.isEmpty() || it == volumes.cend()) {
            reconciled(tr("Cinder has no volume named %1.").arg(name));
            interrupted(tr("the restore was never started"));
            return;
        }
        setFact(QStringLiteral("volumeId"), it->id);
        reconciled(tr("found volume %1, %2.").arg(it->id, it->status));
        followVolume(it->status);
    });
}

void BackupRestoreJob::cancel()
{
    finishCancelled(tr("Stopped following. Cinder cannot stop a restore it has begun."));
}

} // namespace Pilvi
