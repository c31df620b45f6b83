// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/cloudtablepage.h"

#include <QSet>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Pilvi {

class JobRunner;
struct JobRecord;
struct ScalingGroup;
class ScalingGroupListModel;
class ServerResizePanel;
class SizeHistoryChart;
class SizeHistoryModel;

/// Every scaling group of every stack of the selected cloud, the selected group's members and
/// policies, and scaling by signalling a policy (a stack.scale-signal job on the Jobs page).
class ScalingPage final : public CloudTablePage
{
    Q_OBJECT
public:
    explicit ScalingPage(JobRunner *jobs, QWidget *parent = nullptr);

    ScalingGroupListModel *groups() const { return m_model; }
    SizeHistoryModel *sizeHistory() const { return m_history; }
    ServerResizePanel *servers() const { return m_servers; }
    /// Shows the servers' tab (vertical scaling) or the selected group's.
    void showServers(bool servers);
    /// Signals `policy` of the group with key `groupKey` (see ScalingGroup::key) as a job.
    /// Returns the job's id, 0 when it could not be submitted. The page reloads when it ends.
    qint64 signalPolicy(const QString &groupKey, const QString &policy);

Q_SIGNALS:
    /// A scaling job this page started has ended and the reload after it has been asked for.
    void scalingJobFinished(qint64 id, bool succeeded);
    /// The selected group's size history has been loaded (or could not be).
    void sizeHistoryLoaded();

protected:
    QFuture<void> load(Session *session) override;
    QString countText(int count) const override;

private:
    const ScalingGroup *selectedGroup() const;
    void showSelectedGroup();
    void scale(bool out);
    void changeSize();
    void onJobFinished(const JobRecord &record);
    void loadSizeHistory(const ScalingGroup &group);

    JobRunner *m_jobs;
    ScalingGroupListModel *m_model;
    Session *m_session = nullptr;
    QLabel *m_groupTitle;
    QTreeWidget *m_members;
    QTreeWidget *m_policies;
    QPushButton *m_scaleOut;
    QPushButton *m_scaleIn;
    QPushButton *m_changeSize;
    QLabel *m_actionStatus;
    SizeHistoryModel *m_history;
    SizeHistoryChart *m_chart;
    QString m_historyFor;        // the group and size the chart shows; a change loads it again
    int m_historyGeneration = 0; // an answer for an older selection is dropped
    QSet<qint64> m_ownJobs;
    QTabWidget *m_sections;
    ServerResizePanel *m_servers;
};

} // namespace Pilvi
