// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/keyedlistmodel.h"
#include "openstack/quota.h"

namespace Pilvi {

/// Quota usage rows of any service (QuotaUsage): service, resource, used, limit ("unlimited" for
/// -1) and the used share, with PercentRole for a bar delegate. Keyed by service + resource,
/// refreshed by diff.
class LimitsModel final : public KeyedListModel<QuotaUsage>
{
    Q_OBJECT
public:
    enum Column { ServiceColumn, ResourceColumn, UsedColumn, LimitColumn, UsageColumn, ColumnCount };
    enum Role {
        ServiceRole = Qt::UserRole + 1,
        ResourceRole, ///< the service's quota name ("gigabytes")
        UsedRole,     ///< qint64, in the quota's unit
        LimitRole,    ///< qint64, -1 when unlimited
        UnlimitedRole,
        PercentRole, ///< double: used share of the limit (over 100 when over quota), -1 when unlimited
        SortRole,
    };
    Q_ENUM(Role)

    explicit LimitsModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Block storage" for "block-storage": a catalog service type as a person reads it.
    static QString serviceTitle(const QString &service);
    /// "Volumes", "Backup storage": a quota name as a person reads it.
    static QString resourceTitle(const QString &resource);

protected:
    QString keyOf(const QuotaUsage &usage) const override { return usage.service + u'/' + usage.resource; }
};

} // namespace Pilvi
