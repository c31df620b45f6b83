// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/keyedlistmodel.h"
#include "openstack/blockstorage/volume.h"

namespace Pilvi {

/// Cinder volumes as a table, refreshed by diff, keyed by volume id.
class VolumeListModel final : public KeyedListModel<Volume>
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, SizeColumn, TypeColumn, AttachedColumn, BootableColumn, CreatedColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };
    Q_ENUM(Role)

    explicit VolumeListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const Volume &volume) const override { return volume.id; }
};

} // namespace Pilvi
