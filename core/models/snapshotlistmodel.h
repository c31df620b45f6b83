// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/keyedlistmodel.h"
#include "openstack/blockstorage/volume.h"

namespace Pilvi {

/// Cinder volume snapshots as a table, refreshed by diff, keyed by snapshot id. The volume column
/// shows the volume's name once setVolumeNames() knows it, its id until then.
class SnapshotListModel final : public KeyedListModel<VolumeSnapshot>
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, SizeColumn, VolumeColumn, CreatedColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        VolumeIdRole,
        StatusRole,
        StatusKindRole, ///< "complete", "in-progress", "failed" (StatusKind)
        SortRole,
    };
    Q_ENUM(Role)

    explicit SnapshotListModel(QObject *parent = nullptr);

    /// Volume id -> name, from the volume list; updates the volume column.
    void setVolumeNames(const QHash<QString, QString> &names);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const VolumeSnapshot &snapshot) const override { return snapshot.id; }

private:
    QHash<QString, QString> m_volumeNames;
};

} // namespace Pilvi
