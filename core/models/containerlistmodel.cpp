// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containerlistmodel.h"

#include <QLocale>

namespace Pilvi {

ContainerListModel::ContainerListModel(QObject *parent)
    : KeyedListModel<Container>(parent)
{}

int ContainerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Container &container = itemAt(index.row());
    const auto found = m_info.constFind(container.name);
    const ContainerInfo *info = found == m_info.cend() ? nullptr : &*found;
    switch (role) {
    case NameRole: return container.name;
    case IsPublicRole: return info ? QVariant(info->isPublic()) : QVariant();
    case ArchiveRole: return info ? info->archiveContainer() : QString();
    case Qt::ToolTipRole:
        if (index.column() == AccessColumn && info)
            return info->isPublic() ? tr("Anyone with the link may read its objects (read ACL: %1)").arg(info->readAcl)
                                    : tr("Only this project's users may read it");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ObjectsColumn || index.column() == BytesColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn: return container.name;
        case ObjectsColumn:
            return role == SortRole ? QVariant(container.objectCount) : QVariant(QLocale().toString(container.objectCount));
        case BytesColumn:
            return role == SortRole ? QVariant(container.bytes) : QVariant(QLocale().formattedDataSize(container.bytes));
        case AccessColumn:
            if (!info)
                return role == SortRole ? QVariant(-1) : QVariant(QStringLiteral("…"));
            if (role == SortRole)
                return info->isPublic() ? 1 : 0;
            return info->isPublic() ? tr("public") : tr("private");
        case VersioningColumn: return info ? versioningText(*info) : QStringLiteral("…");
        case ModifiedColumn:
            if (role == SortRole)
                return container.lastModified;
            return container.lastModified.isValid()
                       ? QLocale().toString(container.lastModified.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        default: return {};
        }
    default: return {};
    }
}

void ContainerListModel::setInfo(const QString &container, const ContainerInfo &info)
{
    m_info.insert(container, info);
    const int row = rowOf(container);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, AccessColumn), index(row, VersioningColumn));
}

void ContainerListModel::clearInfo()
{
    m_info.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, AccessColumn), index(rowCount() - 1, VersioningColumn));
}

const ContainerInfo *ContainerListModel::info(const QString &container) const
{
    const auto found = m_info.constFind(container);
    return found == m_info.cend() ? nullptr : &*found;
}

QString ContainerListModel::versioningText(const ContainerInfo &info)
{
    if (!info.versionsLocation.isEmpty())
        return tr("old versions in %1").arg(info.versionsLocation);
    if (!info.historyLocation.isEmpty())
        return tr("history in %1").arg(info.historyLocation);
    if (info.versionsEnabled)
        return tr("on");
    return tr("off");
}

QVariant ContainerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case ObjectsColumn: return tr("Objects");
    case BytesColumn: return tr("Size");
    case AccessColumn: return tr("Access");
    case VersioningColumn: return tr("Versioning");
    case ModifiedColumn: return tr("Last modified");
    default: return {};
    }
}

} // namespace Pilvi
