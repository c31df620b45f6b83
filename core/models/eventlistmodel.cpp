// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/eventlistmodel.h"

#include <QLocale>

namespace Pilvi {

EventListModel::EventListModel(QObject *parent)
    : KeyedListModel<StackEvent>(parent)
{}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StackEvent &event = itemAt(index.row());
    if (role == IdRole)
        return event.id;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return role == SortRole ? QVariant(event.time)
                                : QVariant(QLocale().toString(event.time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    case ResourceColumn: return event.resourceName;
    case StatusColumn: return event.status;
    case ReasonColumn: return event.statusReason;
    default: return {};
    }
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case ResourceColumn: return tr("Resource");
    case StatusColumn: return tr("Status");
    case ReasonColumn: return tr("Reason");
    default: return {};
    }
}

} // namespace Pilvi
