// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/outputlistmodel.h"

namespace Pilvi {

OutputListModel::OutputListModel(QObject *parent)
    : KeyedListModel<StackOutput>(parent)
{}

int OutputListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutputListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StackOutput &output = itemAt(index.row());
    const bool hasError = !output.error.isEmpty();
    switch (role) {
    case KeyRole: return output.key;
    case CopyValueRole: return hasError ? QString() : output.value;
    case ErrorRole: return output.error;
    case HasErrorRole: return hasError;
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn)
            return hasError ? output.error : output.value;
        return output.description;
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case KeyColumn: return output.key;
        case ValueColumn:
            if (!hasError)
                return output.value;
            return role == SortRole ? output.error : tr("Error: %1").arg(output.error);
        case DescriptionColumn: return output.description;
        default: return {};
        }
    default: return {};
    }
}

QVariant OutputListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return tr("Output");
    case ValueColumn: return tr("Value");
    case DescriptionColumn: return tr("Description");
    default: return {};
    }
}

} // namespace Pilvi
