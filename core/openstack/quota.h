// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Pilvi {

struct BlockStorageLimits;

/// One quota as a bar shows it: how much of a resource a project uses out of its limit, for any
/// service (block storage here; compute, network... convert to it the same way).
struct QuotaUsage {
    enum class Unit { Count, Mebibytes, Gibibytes };

    QString service;  ///< catalog service type: "block-storage", "compute"...
    QString resource; ///< the service's quota name: "volumes", "gigabytes", "backup_gigabytes"...
    qint64 used = 0;
    qint64 limit = -1; ///< -1: unlimited
    Unit unit = Unit::Count;

    bool isUnlimited() const { return limit < 0; }
    /// Used share of the limit in percent (may exceed 100 when over quota); -1 when unlimited.
    double percent() const;
    friend bool operator==(const QuotaUsage &, const QuotaUsage &) = default;
};

/// Cinder's absolute limits as quota rows: volumes, gigabytes, snapshots, backups, backup_gigabytes.
QList<QuotaUsage> quotaUsage(const BlockStorageLimits &limits);

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::QuotaUsage, Q_RELOCATABLE_TYPE);
