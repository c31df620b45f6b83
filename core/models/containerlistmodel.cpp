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
    switch (role) {
    case NameRole: return container.name;
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

QVariant ContainerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case ObjectsColumn: return tr("Objects");
    case BytesColumn: return tr("Size");
    case ModifiedColumn: return tr("Last modified");
    default: return {};
    }
}

} // namespace Pilvi
