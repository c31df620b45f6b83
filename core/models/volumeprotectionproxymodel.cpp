// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/volumeprotectionproxymodel.h"

namespace Pilvi {

VolumeProtectionProxyModel::VolumeProtectionProxyModel(QObject *parent)
    : QIdentityProxyModel(parent)
{}

int VolumeProtectionProxyModel::sourceColumns() const
{
    return sourceModel() ? sourceModel()->columnCount() : 0;
}

int VolumeProtectionProxyModel::snapshotsColumn() const
{
    return sourceColumns();
}

int VolumeProtectionProxyModel::lastBackupColumn() const
{
    return sourceColumns() + 1;
}

int VolumeProtectionProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceColumns() + 2;
}

// A flat list: no row has children (the identity proxy would ask the source about the extra
// columns' indexes, which it does not know, and get the root's answer).
int VolumeProtectionProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->rowCount();
}

bool VolumeProtectionProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QModelIndex VolumeProtectionProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    if (column < sourceColumns())
        return QIdentityProxyModel::index(row, column, parent);
    return createIndex(row, column);
}

QModelIndex VolumeProtectionProxyModel::parent(const QModelIndex &) const
{
    return {}; // a flat list
}

QModelIndex VolumeProtectionProxyModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

QModelIndex VolumeProtectionProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.column() >= sourceColumns())
        return {};
    return QIdentityProxyModel::mapToSource(proxyIndex);
}

Qt::ItemFlags VolumeProtectionProxyModel::flags(const QModelIndex &index) const
{
    if (index.isValid() && index.column() >= sourceColumns())
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    return QIdentityProxyModel::flags(index);
}

QString VolumeProtectionProxyModel::volumeIdAt(int row) const
{
    return sourceModel()->index(row, 0).data(m_idRole).toString();
}

QString VolumeProtectionProxyModel::ageText(const QDateTime &then, const QDateTime &now)
{
    const qint64 seconds = std::max<qint64>(0, then.secsTo(now));
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h ago").arg(seconds / 3600);
    return tr("%1 d ago").arg(seconds / 86400);
}

QVariant VolumeProtectionProxyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() < sourceColumns())
        return QIdentityProxyModel::data(index, role);
    const QString id = volumeIdAt(index.row());
    if (index.column() == snapshotsColumn()) {
        const qint64 count = m_snapshotCounts.value(id);
        if (role == Qt::DisplayRole)
            return QString::number(count);
        if (role == m_sortRole)
            return count;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const QDateTime last = m_lastBackup.value(id);
    if (role == Qt::DisplayRole) {
        if (!last.isValid())
            return tr("never");
        return ageText(last, m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc());
    }
    if (role == Qt::ToolTipRole && last.isValid())
        return last.toLocalTime().toString(Qt::ISODate);
    if (role == m_sortRole)
        return last;
    return {};
}

QVariant VolumeProtectionProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section == snapshotsColumn())
        return tr("Snapshots");
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section == lastBackupColumn())
        return tr("Last backup");
    return QIdentityProxyModel::headerData(section, orientation, role);
}

void VolumeProtectionProxyModel::setSnapshots(const QList<VolumeSnapshot> &snapshots)
{
    m_snapshotCounts.clear();
    for (const VolumeSnapshot &snapshot : snapshots)
        ++m_snapshotCounts[snapshot.volumeId];
    extraColumnsChanged();
}

void VolumeProtectionProxyModel::setBackups(const QList<VolumeBackup> &backups)
{
    m_lastBackup.clear();
    for (const VolumeBackup &backup : backups) {
        if (backup.status != u"available")
            continue; // a failed or running backup protects nothing yet
        QDateTime &last = m_lastBackup[backup.volumeId];
        if (!last.isValid() || backup.createdAt > last)
            last = backup.createdAt;
    }
    extraColumnsChanged();
}

void VolumeProtectionProxyModel::extraColumnsChanged()
{
    if (rowCount() == 0)
        return;
    Q_EMIT dataChanged(index(0, snapshotsColumn()), index(rowCount() - 1, lastBackupColumn()));
}

} // namespace Pilvi
