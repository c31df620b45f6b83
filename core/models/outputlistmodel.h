// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/keyedlistmodel.h"
#include "openstack/orchestration/stack.h"

namespace Pilvi {

/// A stack's outputs as a table: key, value, description. An output Heat could not resolve shows
/// its error in the value column, flagged by HasErrorRole so a delegate can mark it. Keyed by
/// output key, refreshed by diff.
class OutputListModel final : public KeyedListModel<StackOutput>
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, DescriptionColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1,
        CopyValueRole, ///< the value as is, for the clipboard (empty for an output in error)
        ErrorRole,     ///< Heat's output_error
        HasErrorRole,  ///< bool
        SortRole,
    };
    Q_ENUM(Role)

    explicit OutputListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const StackOutput &output) const override { return output.key; }
};

} // namespace Pilvi
