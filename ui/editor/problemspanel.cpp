// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/problemspanel.h"

#include "editor/problemlistmodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace Pilvi {

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProblemListModel(this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
{
    setAccessibleName(tr("Problems"));
    m_view->setAccessibleName(tr("Problems list"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ProblemListModel::MessageColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ProblemListModel::PositionColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(ProblemListModel::FileColumn, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_summary->setContentsMargins(6, 2, 6, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view);

    // activated covers Enter and, per the style, single or double click; clicked makes a single
    // click jump on every style.
    auto activate = [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT problemActivated(m_model->problem(index));
    };
    connect(m_view, &QTreeView::activated, this, activate);
    connect(m_view, &QTreeView::clicked, this, activate);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProblemsPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProblemsPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ProblemsPanel::updateSummary);
    updateSummary();
}

void ProblemsPanel::setProblems(const QList<TemplateProblem> &problems)
{
    m_model->setProblems(problems);
}

void ProblemsPanel::updateSummary()
{
    const int errors = m_model->errorCount();
    const int warnings = m_model->warningCount();
    // Spelled out: %n plurals need a translation loaded to read right in English too.
    const QString errorText = errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors);
    const QString warningText = warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings);
    m_summary->setText(errors == 0 && warnings == 0 ? tr("No problems") : tr("%1, %2").arg(errorText, warningText));

    // The file column only helps when problems come from more than one file (nested templates).
    QStringList files;
    for (const TemplateProblem &problem : m_model->problems()) {
        if (!files.contains(problem.file))
            files.append(problem.file);
    }
    m_view->setColumnHidden(ProblemListModel::FileColumn, files.size() <= 1);
}

} // namespace Pilvi
