// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/templateproblem.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace Pilvi {

class ProblemListModel;

/// The list of a template's problems under the editor. Clicking a problem, or Enter on it,
/// asks to jump to its place.
class ProblemsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    void setProblems(const QList<TemplateProblem> &problems);
    ProblemListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void problemActivated(const Pilvi::TemplateProblem &problem);

private:
    void updateSummary();

    ProblemListModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
};

} // namespace Pilvi
