// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/snapshotlistmodel.h"

#include "models/statuskind.h"

#include <QLocale>

namespace Pilvi {

SnapshotListModel::SnapshotListModel(QObject *parent)
    : KeyedListModel<VolumeSnapshot>(parent)
{}

void SnapshotListModel::setVolumeNames(const QHash<QString, QString> &names)
{
    if (names == m_volumeNames)
        return;
    m_volumeNames = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, VolumeColumn), index(rowCount() - 1, VolumeColumn));
}

int SnapshotListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SnapshotListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VolumeSnapshot &snapshot = itemAt(index.row());
    switch (role) {
    case IdRole: return snapshot.id;
    case VolumeIdRole: return snapshot.volumeId;
    case StatusRole: return snapshot.status;
    case StatusKindRole: return StatusKind::ofCinder(snapshot.status);
    case Qt::ToolTipRole: return index.column() == VolumeColumn ? snapshot.volumeId : snapshot.description;
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn: return snapshot.name.isEmpty() ? snapshot.id : snapshot.name;
        case StatusColumn: return snapshot.status;
        case SizeColumn: return role == SortRole ? QVariant(snapshot.sizeGb) : QVariant(tr("%1 GiB").arg(snapshot.sizeGb));
        case VolumeColumn: return m_volumeNames.value(snapshot.volumeId, snapshot.volumeId);
        case CreatedColumn:
            return role == SortRole ? QVariant(snapshot.createdAt)
                                    : QVariant(QLocale().toString(snapshot.createdAt.toLocalTime(), QLocale::ShortFormat));
        default: return {};
        }
    default: return {};
    }
}

QVariant SnapshotListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case StatusColumn: return tr("Status");
    case SizeColumn: return tr("Size");
    case VolumeColumn: return tr("Volume");
    case CreatedColumn: return tr("Created");
    default: return {};
    }
}

} // namespace Pilvi
