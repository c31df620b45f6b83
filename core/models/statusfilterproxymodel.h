// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Pilvi {

/// Keeps the rows of one status kind (all, in progress, failed, complete), read from the source
/// model's status-kind role ("in-progress", "failed", "complete": StatusKind), never from display
/// text. In a tree a parent stays when one of its descendants matches.
class StatusFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Filter { All, InProgress, Failed, Complete };
    Q_ENUM(Filter)

    explicit StatusFilterProxyModel(QObject *parent = nullptr);

    /// The source's role that gives the status kind (e.g. StackListModel::StatusKindRole).
    void setStatusKindRole(int role);
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_role = -1;
    Filter m_filter = Filter::All;
};

} // namespace Pilvi
