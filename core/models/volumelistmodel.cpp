// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/volumelistmodel.h"

#include <QLocale>

namespace Pilvi {

VolumeListModel::VolumeListModel(QObject *parent)
    : KeyedListModel<Volume>(parent)
{}

int VolumeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VolumeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Volume &volume = itemAt(index.row());
    if (role == IdRole)
        return volume.id;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case NameColumn: return volume.name.isEmpty() ? volume.id : volume.name;
    case StatusColumn: return volume.status;
    case SizeColumn: return role == SortRole ? QVariant(volume.sizeGb) : QVariant(tr("%1 GiB").arg(volume.sizeGb));
    case TypeColumn: return volume.volumeType;
    case AttachedColumn: {
        QStringList servers;
        for (const VolumeAttachment &attachment : volume.attachments)
            servers << (attachment.device.isEmpty() ? attachment.serverId
                                                    : tr("%1 on %2").arg(attachment.serverId, attachment.device));
        return servers.join(QStringLiteral(", "));
    }
    case BootableColumn: return role == SortRole ? QVariant(volume.bootable) : QVariant(volume.bootable ? tr("yes") : tr("no"));
    case CreatedColumn:
        return role == SortRole ? QVariant(volume.createdAt)
                                : QVariant(QLocale().toString(volume.createdAt.toLocalTime(), QLocale::ShortFormat));
    default: return {};
    }
}

QVariant VolumeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case StatusColumn: return tr("Status");
    case SizeColumn: return tr("Size");
    case TypeColumn: return tr("Type");
    case AttachedColumn: return tr("Attached to");
    case BootableColumn: return tr("Bootable");
    case CreatedColumn: return tr("Created");
    default: return {};
    }
}

} // namespace Pilvi
