// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/templateproblem.h"

#include <QAbstractTableModel>

namespace Pilvi {

/// The problems of one template, one row each: message (with a severity icon), line:column, file.
/// setProblems() is the one entry point; it changes only the rows that differ, so the selection
/// survives a re-validation that finds the same problems.
class ProblemListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { MessageColumn, PositionColumn, FileColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        SeverityRole = Qt::UserRole, ///< TemplateProblem::Severity as int
        LineRole,
        ColumnRole,
        SortRole, ///< raw value to sort by: the position as line * 100000 + column
    };
    Q_ENUM(Role)

    explicit ProblemListModel(QObject *parent = nullptr);

    void setProblems(const QList<TemplateProblem> &problems);
    const QList<TemplateProblem> &problems() const { return m_problems; }
    TemplateProblem problem(const QModelIndex &index) const;
    int errorCount() const;
    int warningCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<TemplateProblem> m_problems;
};

} // namespace Pilvi
