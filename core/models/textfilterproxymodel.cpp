// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/textfilterproxymodel.h"

namespace Pilvi {

TextFilterProxyModel::TextFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void TextFilterProxyModel::setSearchColumns(const QList<int> &columns)
{
    m_columns = columns;
    invalidateFilter();
}

void TextFilterProxyModel::setSearchRoles(const QList<int> &roles)
{
    m_roles = roles;
    invalidateFilter();
}

void TextFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool TextFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel *source = sourceModel();
    for (const int column : m_columns) {
        if (source->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    for (const int role : m_roles) {
        if (first.data(role).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace Pilvi
