// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/keyedlistmodel.h"
#include "openstack/orchestration/stack.h"

namespace Pilvi {

/// A stack's events, oldest first, keyed by event id. While an operation runs the view appends
/// what arrives (setItems with the longer list inserts only the new rows).
class EventListModel final : public KeyedListModel<StackEvent>
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ResourceColumn, StatusColumn, ReasonColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };
    Q_ENUM(Role)

    explicit EventListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const StackEvent &event) const override { return event.id; }
};

} // namespace Pilvi
