// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backuplistmodel.h"

#include "models/statuskind.h"

#include <QLocale>

namespace Pilvi {

BackupListModel::BackupListModel(QObject *parent)
    : KeyedListModel<VolumeBackup>(parent)
{}

void BackupListModel::setVolumeNames(const QHash<QString, QString> &names)
{
    if (names == m_volumeNames)
        return;
    m_volumeNames = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, VolumeColumn), index(rowCount() - 1, VolumeColumn));
}

int BackupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VolumeBackup &backup = itemAt(index.row());
    switch (role) {
    case IdRole: return backup.id;
    case VolumeIdRole: return backup.volumeId;
    case StatusRole: return backup.status;
    case StatusKindRole: return StatusKind::ofCinder(backup.status);
    case IncrementalRole: return backup.incremental;
    case HasDependentsRole: return backup.hasDependentBackups;
    case Qt::ToolTipRole: return index.column() == VolumeColumn ? backup.volumeId : backup.description;
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn: return backup.name.isEmpty() ? backup.id : backup.name;
        case StatusColumn: return backup.status;
        case SizeColumn: return role == SortRole ? QVariant(backup.sizeGb) : QVariant(tr("%1 GiB").arg(backup.sizeGb));
        case VolumeColumn: return m_volumeNames.value(backup.volumeId, backup.volumeId);
        case CreatedColumn:
            return role == SortRole ? QVariant(backup.createdAt)
                                    : QVariant(QLocale().toString(backup.createdAt.toLocalTime(), QLocale::ShortFormat));
        case IncrementalColumn:
            return role == SortRole ? QVariant(backup.incremental)
                                    : QVariant(backup.incremental ? tr("incremental") : tr("full"));
        case DependentsColumn:
            return role == SortRole ? QVariant(backup.hasDependentBackups)
                                    : QVariant(backup.hasDependentBackups ? tr("yes") : tr("no"));
        default: return {};
        }
    default: return {};
    }
}

QVariant BackupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case StatusColumn: return tr("Status");
    case SizeColumn: return tr("Size");
    case VolumeColumn: return tr("Volume");
    case CreatedColumn: return tr("Created");
    case IncrementalColumn: return tr("Kind");
    case DependentsColumn: return tr("Has dependents");
    default: return {};
    }
}

} // namespace Pilvi
