// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/keyedlistmodel.h"
#include "openstack/orchestration/scalinggroups.h"

namespace Pilvi {

/// Scaling groups (derived from stacks, see deriveScalingGroups) as a table, refreshed by diff,
/// keyed by stack id and group resource name.
class ScalingGroupListModel final : public KeyedListModel<ScalingGroup>
{
    Q_OBJECT
public:
    enum Column {
        StackColumn,
        GroupColumn,
        KindColumn,
        CurrentColumn,
        MinColumn,
        MaxColumn,
        DesiredColumn, ///< desired_capacity of an ASG, count of a ResourceGroup
        PoliciesColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = Qt::UserRole + 1, ///< "stack id/resource name"
        StackIdRole,
        ResourceNameRole,
        PolicyNamesRole, ///< QStringList: the resources to signal to scale
        SortRole,        ///< raw value for sorting (sizes as int, -1 when unknown)
    };
    Q_ENUM(Role)

    explicit ScalingGroupListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const ScalingGroup &group) const override { return group.key(); }
};

} // namespace Pilvi
