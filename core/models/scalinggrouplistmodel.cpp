// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scalinggrouplistmodel.h"

namespace Pilvi {

namespace {
// A size for display (empty when the template's value could not be resolved) or for sorting.
QVariant size(const std::optional<int> &value, int role)
{
    if (role == ScalingGroupListModel::SortRole)
        return value.value_or(-1);
    return value ? QVariant(*value) : QVariant(QString());
}
} // namespace

ScalingGroupListModel::ScalingGroupListModel(QObject *parent)
    : KeyedListModel<ScalingGroup>(parent)
{}

int ScalingGroupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScalingGroupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScalingGroup &group = itemAt(index.row());
    switch (role) {
    case KeyRole: return group.key();
    case StackIdRole: return group.stackId;
    case ResourceNameRole: return group.resourceName;
    case PolicyNamesRole: {
        QStringList names;
        for (const ScalingPolicy &policy : group.policies)
            names << policy.resourceName;
        return names;
    }
    case Qt::DisplayRole:
    case SortRole: break;
    default: return {};
    }
    switch (index.column()) {
    case StackColumn: return group.stackName;
    case GroupColumn: return group.resourceName;
    case KindColumn: return scalingGroupKindName(group.kind);
    case CurrentColumn: return group.currentSize;
    case MinColumn: return size(group.minSize, role);
    case MaxColumn: return size(group.maxSize, role);
    case DesiredColumn: return size(group.kind == ScalingGroup::Kind::ResourceGroup ? group.count : group.desiredCapacity, role);
    case PoliciesColumn: {
        if (role == SortRole)
            return static_cast<int>(group.policies.size());
        QStringList names;
        for (const ScalingPolicy &policy : group.policies)
            names << policy.resourceName;
        return names.join(QStringLiteral(", "));
    }
    default: return {};
    }
}

QVariant ScalingGroupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StackColumn: return tr("Stack");
    case GroupColumn: return tr("Group");
    case KindColumn: return tr("Kind");
    case CurrentColumn: return tr("Current");
    case MinColumn: return tr("Min");
    case MaxColumn: return tr("Max");
    case DesiredColumn: return tr("Desired");
    case PoliciesColumn: return tr("Policies");
    default: return {};
    }
}

} // namespace Pilvi
