// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/keyedlistmodel.h"
#include "openstack/objectstorage/objectstorage.h"

namespace Pilvi {

/// Swift containers as a table: name, objects, bytes (human-readable; raw in SortRole), last
/// modified. Keyed by name (unique in an account), refreshed by diff.
class ContainerListModel final : public KeyedListModel<Container>
{
    Q_OBJECT
public:
    enum Column { NameColumn, ObjectsColumn, BytesColumn, ModifiedColumn, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole + 1,
        SortRole, ///< raw value: counts and bytes as qint64, times as QDateTime
    };
    Q_ENUM(Role)

    explicit ContainerListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const Container &container) const override { return container.name; }
};

} // namespace Pilvi
