// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/keyedlistmodel.h"
#include "openstack/orchestration/stack.h"

namespace Pilvi {

/// The stacks of a cloud as a table: name, status, reason, created, updated. Refreshed by diff
/// (KeyedListModel), keyed by stack id.
class StackListModel final : public KeyedListModel<Stack>
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, ReasonColumn, CreatedColumn, UpdatedColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StatusRole,     ///< CREATE_COMPLETE...
        StatusKindRole, ///< "complete", "in-progress", "failed": for colours and icons
        SortRole,       ///< raw value for sorting (times as QDateTime)
    };
    Q_ENUM(Role)

    explicit StackListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "complete", "in-progress" or "failed", from a Heat status.
    static QString statusKind(const QString &status);

protected:
    QString keyOf(const Stack &stack) const override { return stack.id; }
};

} // namespace Pilvi
