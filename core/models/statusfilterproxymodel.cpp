// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/statusfilterproxymodel.h"

#include "models/statuskind.h"

namespace Pilvi {

StatusFilterProxyModel::StatusFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void StatusFilterProxyModel::setStatusKindRole(int role)
{
    m_role = role;
    invalidateFilter();
}

void StatusFilterProxyModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool StatusFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter == Filter::All || m_role < 0)
        return true;
    const QString kind = sourceModel()->index(sourceRow, 0, sourceParent).data(m_role).toString();
    switch (m_filter) {
    case Filter::All: return true;
    case Filter::InProgress: return kind == StatusKind::inProgress();
    case Filter::Failed: return kind == StatusKind::failed();
    case Filter::Complete: return kind == StatusKind::complete();
    }
    return true;
}

} // namespace Pilvi
