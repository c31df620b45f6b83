// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/quota.h"

#include "openstack/blockstorage/volume.h"

namespace Pilvi {

double QuotaUsage::percent() const
{
    if (isUnlimited())
        return -1.0;
    if (limit == 0) // a zero quota: anything used is over it
        return used > 0 ? 100.0 : 0.0;
    return 100.0 * static_cast<double>(used) / static_cast<double>(limit);
}

QList<QuotaUsage> quotaUsage(const BlockStorageLimits &limits)
{
    const QString service = QStringLiteral("block-storage");
    using Unit = QuotaUsage::Unit;
    return {
        {service, QStringLiteral("volumes"), limits.usedVolumes, limits.maxVolumes, Unit::Count},
        {service, QStringLiteral("gigabytes"), limits.usedGigabytes, limits.maxGigabytes, Unit::Gibibytes},
        {service, QStringLiteral("snapshots"), limits.usedSnapshots, limits.maxSnapshots, Unit::Count},
        {service, QStringLiteral("backups"), limits.usedBackups, limits.maxBackups, Unit::Count},
        {service, QStringLiteral("backup_gigabytes"), limits.usedBackupGigabytes, limits.maxBackupGigabytes, Unit::Gibibytes},
    };
}

} // namespace Pilvi
