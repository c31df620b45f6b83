// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/jobrecord.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace Pilvi {

class JobListModel;
class JobRunner;
class StatusFilterProxyModel;

/// The Jobs page: every job of the journal (this process's and pilvi-cli's) with progress bars,
/// the selected job's log, cancel and retry, and what a restart reconciled. Shows the runner's
/// journal; starts nothing by itself.
class JobsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit JobsPage(JobRunner *runner, QWidget *parent = nullptr);

    JobListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString logText() const;
    QString reconcileText() const;
    /// Reads the journal again (jobs pilvi-cli ran meanwhile).
    void reload();
    void selectJob(qint64 id);

private:
    qint64 selectedJob() const;
    void showLog();
    void onJobChanged(const JobRecord &record);
    void onReconciled(const QList<JobRecord> &records);
    void updateButtons();

    JobRunner *m_runner;
    JobListModel *m_model;
    QTableView *m_view;
    QPlainTextEdit *m_log;
    QLabel *m_reconcile;
    QPushButton *m_cancel;
    QPushButton *m_retry;
};

} // namespace Pilvi
