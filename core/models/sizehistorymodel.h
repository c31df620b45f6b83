// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/sizehistory.h"

#include <QAbstractTableModel>

namespace Pilvi {

/// A scaling group's size history as the corners of a step line, for a chart's model mapper:
/// each change gives two rows at its time (the size before, the size after), and the line ends
/// at `until` (now) with the last size. Column 0 is the time in ms since the epoch (a double, as
/// QVXYModelMapper wants), column 1 the size.
class SizeHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, SizeColumn, ColumnCount };

    explicit SizeHistoryModel(QObject *parent = nullptr);

    void setHistory(const QList<SizeChange> &history, const QDateTime &until);
    const QList<SizeChange> &history() const { return m_history; }
    int maxSize() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Corner {
        QDateTime time;
        int size;
    };
    QList<SizeChange> m_history;
    QList<Corner> m_corners;
};

} // namespace Pilvi
