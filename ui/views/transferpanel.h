// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QVBoxLayout;

namespace Pilvi {

class JobRunner;
struct JobRecord;

/// The object storage page's uploads and downloads, one row per transfer job: what, a progress
/// bar in bytes, and a button that cancels the job while it runs and dismisses the row after.
/// The jobs themselves (and their logs) are on the Jobs page too.
class TransferPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TransferPanel(QWidget *parent = nullptr);

    void setJobRunner(JobRunner *runner);
    /// Shows a row for the job until the user dismisses it.
    void track(qint64 jobId, const QString &title);

    /// The row shows how the job ended (also for a job that ended before track()).
    void showFinished(const JobRecord &record);

    int activeCount() const { return m_active; }

private:
    QWidget *row(qint64 jobId) const;
    void update(const JobRecord &record);

    QPointer<JobRunner> m_runner;
    QVBoxLayout *m_rows;
    int m_active = 0;
};

} // namespace Pilvi
