// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stacklistmodel.h"

#include "models/statuskind.h"

#include <QLocale>

namespace Pilvi {

StackListModel::StackListModel(QObject *parent)
    : KeyedListModel<Stack>(parent)
{}

QString StackListModel::statusKind(const QString &status)
{
    return StatusKind::ofHeat(status);
}

int StackListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StackListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Stack &stack = itemAt(index.row());
    switch (role) {
    case IdRole: return stack.id;
    case StatusRole: return stack.status;
    case StatusKindRole: return statusKind(stack.status);
    case Qt::ToolTipRole: return stack.statusReason.isEmpty() ? stack.description : stack.statusReason;
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn: return stack.name;
        case StatusColumn: return stack.status;
        case ReasonColumn: return stack.statusReason;
        case CreatedColumn:
            return role == SortRole ? QVariant(stack.createdAt)
                                    : QVariant(QLocale().toString(stack.createdAt.toLocalTime(), QLocale::ShortFormat));
        case UpdatedColumn:
            if (role == SortRole)
                return stack.updatedAt;
            return stack.updatedAt.isValid() ? QLocale().toString(stack.updatedAt.toLocalTime(), QLocale::ShortFormat)
                                             : QString();
        default: return {};
        }
    default: return {};
    }
}

QVariant StackListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case StatusColumn: return tr("Status");
    case ReasonColumn: return tr("Status reason");
    case CreatedColumn: return tr("Created");
    case UpdatedColumn: return tr("Updated");
    default: return {};
    }
}

} // namespace Pilvi
