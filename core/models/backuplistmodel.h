// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/keyedlistmodel.h"
#include "openstack/blockstorage/volume.h"

namespace Pilvi {

/// Cinder volume backups as a table, refreshed by diff, keyed by backup id. The volume column
/// shows the volume's name once setVolumeNames() knows it (a backup often outlives its volume:
/// then the id stays).
class BackupListModel final : public KeyedListModel<VolumeBackup>
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        SizeColumn,
        VolumeColumn,
        CreatedColumn,
        IncrementalColumn,
        DependentsColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        VolumeIdRole,
        StatusRole,
        StatusKindRole,    ///< "complete", "in-progress", "failed" (StatusKind)
        IncrementalRole,   ///< bool
        HasDependentsRole, ///< bool: incremental backups build on it, so it cannot be deleted
        SortRole,
    };
    Q_ENUM(Role)

    explicit BackupListModel(QObject *parent = nullptr);

    /// Volume id -> name, from the volume list; updates the volume column.
    void setVolumeNames(const QHash<QString, QString> &names);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const VolumeBackup &backup) const override { return backup.id; }

private:
    QHash<QString, QString> m_volumeNames;
};

} // namespace Pilvi
