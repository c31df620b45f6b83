// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/cloudjobkinds.h"

#include "jobs/backuprestorejob.h"
#include "jobs/jobrunner.h"
#include "jobs/objecttransferjob.h"
#include "jobs/scalesignaljob.h"
#include "jobs/serverresizejob.h"
#include "jobs/stackcreatejob.h"
#include "jobs/stackdeletejob.h"
#include "jobs/stackupdatejob.h"
#include "jobs/volumebackupjob.h"

namespace Pilvi {

namespace {
template<typename Kind>
JobRunner::JobFactory factory()
{
    return [](Job::Setup setup, JobHost *host) { return std::make_unique<Kind>(std::move(setup), host); };
}
} // namespace

void registerCloudJobKinds(JobRunner &runner)
{
    runner.registerKind(JobKinds::stackCreate, factory<StackCreateJob>());
    runner.registerKind(JobKinds::stackDelete, factory<StackDeleteJob>());
    runner.registerKind(JobKinds::stackUpdate, factory<StackUpdateJob>());
    runner.registerKind(JobKinds::scaleSignal, factory<ScaleSignalJob>());
    runner.registerKind(JobKinds::volumeBackup, factory<VolumeBackupJob>());
    runner.registerKind(JobKinds::backupRestore, factory<BackupRestoreJob>());
    runner.registerKind(JobKinds::serverResize, factory<ServerResizeJob>());
    runner.registerKind(JobKinds::objectUpload, factory<ObjectUploadJob>());
    runner.registerKind(JobKinds::objectDownload, factory<ObjectDownloadJob>());
}

} // namespace Pilvi
