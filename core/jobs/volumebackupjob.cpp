// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/volumebackupjob.h"

#include "openstack/blockstorage/blockstorageclient.h"

namespace Pilvi {

JobSpec VolumeBackupJob::spec(const QString &cloud, const QString &volumeId, const QString &name, bool incremental, bool force)
{
    return {JobKinds::volumeBackup,
            cloud,
            volumeId,
            QJsonObject{{QStringLiteral("volumeId"), volumeId},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("incremental"), incremental},
                        {QStringLiteral("force"), force}},
            {}};
}

void VolumeBackupJob::start()
{
    const bool incremental = parameters().value(QStringLiteral("incremental")).toBool();
    progress(0, 1);
    log(incremental ? tr("Starting an incremental backup of volume %1.").arg(parameter(QStringLiteral("volumeId")))
                    : tr("Starting a full backup of volume %1.").arg(parameter(QStringLiteral("volumeId"))));
    await<QString>(BlockStorageClient(session()).createBackup(parameter(QStringLiteral("volumeId")),
                                                              parameter(QStringLiteral("name")), incremental,
                                                              parameters().value(QStringLiteral("force")).toBool()),
                   [this](const QString &id) {
                       setFact(QStringLiteral("backupId"), id);
                       log(tr("Cinder accepted the backup: %1.").arg(id));
                       poll();
                   });
}

void VolumeBackupJob::poll()
{
    await<VolumeBackup>(BlockStorageClient(session()).showBackup(fact(QStringLiteral("backupId"))),
                        [this](const VolumeBackup &backup) { onBackup(backup); });
}

void VolumeBackupJob::onBackup(const VolumeBackup &backup)
{
    if (backup.status == u"available") {
        progress(1, 1);
        log(tr("Backup %1 is available (%2 GiB).").arg(backup.id).arg(backup.sizeGb));
        succeed();
    } else if (backup.status.startsWith(u"error")) {
        fail(tr("the backup ended in status %1").arg(backup.status));
    } else {
        after(pollIntervalMs(), [this] { poll(); });
    }
}

void VolumeBackupJob::resume()
{
    if (!fact(QStringLiteral("backupId")).isEmpty()) {
        await<VolumeBackup>(
            BlockStorageClient(session()).showBackup(fact(QStringLiteral("backupId"))),
            [this](const VolumeBackup &backup) {
                reconciled(tr("the backup is %1.").arg(backup.status));
                onBackup(backup);
            },
            [this](const ApiError &error) {
                if (error.httpStatus() != 404)
                    return fail(error.toString());
                reconciled(tr("Cinder no longer knows the backup."));
                fail(tr("the backup is gone"));
            });
        return;
    }
    // The process died before Cinder's answer was recorded: look for the backup by its name.
    await<QList<VolumeBackup>>(BlockStorageClient(session()).listBackups(), [this](const QList<VolumeBackup> &backups) {
        const auto it = std::find_if(backups.cbegin(), backups.cend(), [this](const VolumeBackup &b) {
            return b.name == parameter(QStringLiteral("name")) && b.volumeId == parameter(QStringLiteral("volumeId"));
        });
        if (it == backups.cend()) {
            reconciled(tr("Cinder has no backup named %1.").arg(parameter(QStringLiteral("name"))));
            interrupted(tr("the backup was never started"));
            return;
        }
        setFact(QStringLiteral("backupId"), it->id);
        reconciled(tr("found backup %1, %2.").arg(it->id, it->status));
        onBackup(*it);
    });
}

void VolumeBackupJob::cancel()
{
    finishCancelled(tr("Stopped following. Cinder cannot stop a backup it has begun; delete it when it is done."));
}

} // namespace Pilvi
