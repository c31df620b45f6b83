// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"

namespace Pilvi {

struct VolumeBackup;

/// Backs up a Cinder volume (full or incremental) and waits until the backup is available.
/// Parameters: volumeId, name, incremental, force. Facts: backupId.
/// Cancel stops following: Cinder cannot stop a backup it has begun.
class VolumeBackupJob final : public Job
{
    Q_OBJECT
public:
    using Job::Job;

    static JobSpec spec(const QString &cloud, const QString &volumeId, const QString &name, bool incremental, bool force = false);

protected:
    void start() override;
    void resume() override;
    void cancel() override;

private:
    void poll();
    void onBackup(const VolumeBackup &backup);
};

} // namespace Pilvi
