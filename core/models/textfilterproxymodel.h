// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Pilvi {

/// Keeps the rows whose name or id contains the search text, case-insensitive. Which columns (their
/// display text) and which roles (read on column 0, e.g. an IdRole) are searched is set once by
/// the view. In a tree a parent stays when one of its descendants matches.
class TextFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TextFilterProxyModel(QObject *parent = nullptr);

    void setSearchColumns(const QList<int> &columns);
    void setSearchRoles(const QList<int> &roles);
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QList<int> m_columns{0};
    QList<int> m_roles;
};

} // namespace Pilvi
