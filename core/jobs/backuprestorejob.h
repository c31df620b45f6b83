// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"

namespace Pilvi {

/// Restores a Cinder backup into an existing volume or a new one, and waits until the volume is
/// available again and the backup done restoring. Parameters: backupId, volumeId (existing) or
/// newVolumeName. Facts: volumeId. Cancel stops following.
class BackupRestoreJob final : public Job
{
    Q_OBJECT
public:
    using Job::Job;

    /// Into `volumeId` when given, else into a new volume named `newVolumeName`.
    static JobSpec spec(const QString &cloud, const QString &backupId, const QString &volumeId, const QString &newVolumeName);

protected:
    void start() override;
    void resume() override;
    void cancel() override;

private:
    void poll();
    void followVolume(const QString &status);
};

} // namespace Pilvi
