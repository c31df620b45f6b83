// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sizehistorymodel.h"

#include <algorithm>

namespace Pilvi {

SizeHistoryModel::SizeHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SizeHistoryModel::setHistory(const QList<SizeChange> &history, const QDateTime &until)
{
    // A chart redraws from a reset as cheaply as from row signals; the history is a few rows.
    beginResetModel();
    m_history = history;
    m_corners.clear();
    int size = 0;
    for (const SizeChange &change : history) {
        m_corners.append({change.time, size});
        m_corners.append({change.time, change.size});
        size = change.size;
    }
    if (!history.isEmpty() && until.isValid() && until > history.last().time)
        m_corners.append({until, size});
    endResetModel();
}

int SizeHistoryModel::maxSize() const
{
    int most = 0;
    for (const SizeChange &change : m_history)
        most = std::max(most, change.size);
    return most;
}

int SizeHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_corners.size());
}

int SizeHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SizeHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Corner &corner = m_corners.at(index.row());
    if (role == Qt::DisplayRole) {
        if (index.column() == TimeColumn)
            return static_cast<double>(corner.time.toMSecsSinceEpoch());
        if (index.column() == SizeColumn)
            return corner.size;
    }
    if (role == Qt::ToolTipRole && index.column() == TimeColumn)
        return corner.time.toString(Qt::ISODate);
    return {};
}

QVariant SizeHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case SizeColumn: return tr("Size");
    default: return {};
    }
}

} // namespace Pilvi
