// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/blockstorage/volume.h"

#include <QDateTime>
#include <QHash>
#include <QIdentityProxyModel>

namespace Pilvi {

/// A VolumeListModel with two more columns: how many snapshots a volume has, and its last
/// backup with its age ("3 h ago"), so an unprotected volume stands out. Fed the snapshot and
/// backup lists by the controller (no IO here). Only backups that finished ("available") count.
class VolumeProtectionProxyModel final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit VolumeProtectionProxyModel(QObject *parent = nullptr);

    /// The role the source model keeps raw values in; the extra columns answer it too (the
    /// count as qint64, the last backup's time as QDateTime).
    void setSortRole(int role) { m_sortRole = role; }
    /// The role of the source's column 0 that holds the volume id.
    void setIdRole(int role) { m_idRole = role; }
    void setSnapshots(const QList<VolumeSnapshot> &snapshots);
    void setBackups(const QList<VolumeBackup> &backups);
    /// "Now" for the ages (tests fix it); the current time when invalid.
    void setNow(const QDateTime &now) { m_now = now; }

    int snapshotsColumn() const;
    int lastBackupColumn() const;
    /// "just now", "5 min ago", "3 h ago", "2 d ago".
    static QString ageText(const QDateTime &then, const QDateTime &now);

    int columnCount(const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    int sourceColumns() const;
    QString volumeIdAt(int row) const;
    void extraColumnsChanged();

    int m_sortRole = Qt::UserRole;
    int m_idRole = Qt::UserRole;
    QDateTime m_now;
    QHash<QString, qint64> m_snapshotCounts; ///< by volume id
    QHash<QString, QDateTime> m_lastBackup;  ///< by volume id
};

} // namespace Pilvi
