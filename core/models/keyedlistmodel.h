// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Pilvi {

/// A table of values with a stable key (an id), refreshed by diff: setItems() removes the rows
/// that went away, moves and updates the ones that stayed, and inserts new ones, so selection,
/// current index and scroll position survive a refresh. The first load is one insert.
/// Subclasses give the key, the columns and the data.
template<typename T>
class KeyedListModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    const QList<T> &items() const { return m_items; }
    const T &itemAt(int row) const { return m_items.at(row); }
    int rowOf(const QString &key) const { return m_rows.value(key, -1); }

    void setItems(const QList<T> &items)
    {
        if (m_items.isEmpty()) {
            if (items.isEmpty())
                return;
            beginInsertRows({}, 0, static_cast<int>(items.size()) - 1);
            m_items = items;
            reindex();
            endInsertRows();
            return;
        }
        QSet<QString> wanted;
        wanted.reserve(items.size());
        for (const T &item : items)
            wanted.insert(keyOf(item));
        // 1. Rows that went away, bottom up in contiguous runs.
        for (int row = static_cast<int>(m_items.size()) - 1; row >= 0;) {
            if (wanted.contains(keyOf(m_items[row]))) {
                --row;
                continue;
            }
            int first = row;
            while (first > 0 && !wanted.contains(keyOf(m_items[first - 1])))
                --first;
            beginRemoveRows({}, first, row);
            m_items.remove(first, row - first + 1);
            endRemoveRows();
            row = first - 1;
        }
        reindex();
        // 2. Walk the new order: keep, move up, or insert; update what changed.
        for (int i = 0; i < items.size(); ++i) {
            const QString key = keyOf(items[i]);
            const int at = m_rows.value(key, -1);
            if (at < 0) {
                beginInsertRows({}, i, i);
                m_items.insert(i, items[i]);
                endInsertRows();
                reindex(i);
                continue;
            }
            if (at != i) {
                beginMoveRows({}, at, at, {}, i);
                m_items.move(at, i);
                endMoveRows();
                reindex(i);
            }
            if (!(m_items[i] == items[i])) {
                m_items[i] = items[i];
                Q_EMIT this->dataChanged(this->index(i, 0), this->index(i, this->columnCount() - 1));
            }
        }
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_items.size());
    }

protected:
    virtual QString keyOf(const T &item) const = 0;

private:
    // Row of each key, from `from` on (rows before it did not move).
    void reindex(int from = 0)
    {
        if (from == 0)
            m_rows.clear();
        for (int row = from; row < m_items.size(); ++row)
            m_rows.insert(keyOf(m_items[row]), row);
    }

    QList<T> m_items;
    QHash<QString, int> m_rows;
};

} // namespace Pilvi
