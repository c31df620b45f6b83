// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/problemlistmodel.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QStyle>

namespace Pilvi {

ProblemListModel::ProblemListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProblemListModel::setProblems(const QList<TemplateProblem> &problems)
{
    // Keep the rows both lists share at the start and the end; replace the middle.
    const qsizetype oldSize = m_problems.size();
    const qsizetype newSize = problems.size();
    qsizetype head = 0;
    while (head < oldSize && head < newSize && m_problems[head] == problems[head])
        ++head;
    qsizetype tail = 0;
    while (tail < oldSize - head && tail < newSize - head && m_problems[oldSize - 1 - tail] == problems[newSize - 1 - tail])
        ++tail;
    const qsizetype oldMiddle = oldSize - head - tail;
    const qsizetype newMiddle = newSize - head - tail;
    const qsizetype common = std::min(oldMiddle, newMiddle);

    for (qsizetype i = 0; i < common; ++i)
        m_problems[head + i] = problems[head + i];
    if (common > 0)
        Q_EMIT dataChanged(index(int(head), 0), index(int(head + common - 1), ColumnCount - 1));
    if (oldMiddle > newMiddle) {
        beginRemoveRows({}, int(head + common), int(head + oldMiddle - 1));
        m_problems.remove(head + common, oldMiddle - newMiddle);
        endRemoveRows();
    } else if (newMiddle > oldMiddle) {
        beginInsertRows({}, int(head + common), int(head + newMiddle - 1));
        m_problems.insert(head + common, newMiddle - oldMiddle, TemplateProblem{});
        for (qsizetype i = common; i < newMiddle; ++i)
            m_problems[head + i] = problems[head + i];
        endInsertRows();
    }
    Q_ASSERT(m_problems == problems);
}

TemplateProblem ProblemListModel::problem(const QModelIndex &index) const
{
    return checkIndex(index, CheckIndexOption::IndexIsValid) ? m_problems[index.row()] : TemplateProblem{};
}

int ProblemListModel::errorCount() const
{
    return int(std::ranges::count_if(m_problems, &TemplateProblem::isError));
}

int ProblemListModel::warningCount() const
{
    return int(m_problems.size()) - errorCount();
}

int ProblemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ProblemListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TemplateProblem &problem = m_problems[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MessageColumn: return problem.message;
        case PositionColumn: return QStringLiteral("%1:%2").arg(problem.range.start.line).arg(problem.range.start.column);
        case FileColumn: return QFileInfo(problem.file).fileName();
        default: return {};
        }
    case Qt::DecorationRole:
        if (index.column() == MessageColumn)
            return QApplication::style()->standardIcon(problem.isError() ? QStyle::SP_MessageBoxCritical
                                                                         : QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ToolTipRole:
        return (problem.isError() ? tr("Error at line %1, column %2: %3") : tr("Warning at line %1, column %2: %3"))
            .arg(problem.range.start.line)
            .arg(problem.range.start.column)
            .arg(problem.message);
    case Qt::AccessibleDescriptionRole: return problem.isError() ? tr("Error") : tr("Warning");
    case SeverityRole: return int(problem.severity);
    case LineRole: return problem.range.start.line;
    case ColumnRole: return problem.range.start.column;
    case SortRole:
        if (index.column() == MessageColumn)
            return problem.message;
        if (index.column() == FileColumn)
            return problem.file;
        return qint64(problem.range.start.line) * 100000 + problem.range.start.column;
    default: return {};
    }
}

QVariant ProblemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MessageColumn: return tr("Problem");
    case PositionColumn: return tr("Line:Column");
    case FileColumn: return tr("File");
    default: return {};
    }
}

} // namespace Pilvi
