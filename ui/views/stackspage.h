// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"
#include "views/cloudtablepage.h"

#include <functional>

class QAction;
class QComboBox;

namespace KSyntaxHighlighting {
class Repository;
}

namespace Pilvi {

class JobRunner;
class SessionPool;
class StackDetails;
class StackLaunchDialog;
class StackListModel;
class StatusFilterProxyModel;
struct JobRecord;
struct Stack;

/// The stacks of the selected cloud, status in colour, with the selected stack's details below;
/// launch, update (after a preview), delete, cancel update and check. Create and delete run as
/// jobs in the runner; the page refreshes when one of its cloud's stack jobs ends.
class StacksPage final : public CloudTablePage
{
    Q_OBJECT
public:
    StacksPage(KSyntaxHighlighting::Repository &repository, JobRunner *jobs, QWidget *parent = nullptr);

    StackDetails *details() const { return m_details; }
    /// The selected stack (an empty id when none).
    Stack selectedStack() const;
    bool selectStack(const QString &name);

    /// A launch dialog for the current cloud (not shown); accepting it submits the create job.
    StackLaunchDialog *newLaunchDialog();
    /// An update dialog for the selected stack, filled in once its template has arrived
    /// (updateDialogReady); accepting it applies the update.
    StackLaunchDialog *newUpdateDialog();
    /// Submits a stack.create job for the dialog's request; returns the job id (0: none).
    qint64 launch(const StackLaunchDialog &dialog);
    /// Enables "Promote…": the sessions of the other clouds and the clouds to offer as targets.
    void setPromotion(SessionPool *sessions, std::function<QList<CloudProfile>()> clouds);

Q_SIGNALS:
    void updateDialogReady(Pilvi::StackLaunchDialog *dialog);
    /// An update, cancel or check call was answered (message empty on success).
    void actionFinished(const QString &action, const QString &message);

protected:
    QFuture<void> load(Session *session) override;
    QString countText(int count) const override;

private:
    void showSelected();
    void updateActions();
    void askDelete();
    void cancelUpdate();
    void checkStack();
    void applyUpdate(StackLaunchDialog *dialog);
    void onJobFinished(const JobRecord &record);

    KSyntaxHighlighting::Repository &m_repository;
    JobRunner *m_jobs;
    StackListModel *m_model;
    StatusFilterProxyModel *m_statusProxy;
    QComboBox *m_statusFilter;
    StackDetails *m_details;
    QAction *m_launch;
    QAction *m_update;
    QAction *m_delete;
    QAction *m_cancel;
    QAction *m_check;
    QAction *m_promote;
    SessionPool *m_sessions = nullptr;
    std::function<QList<CloudProfile>()> m_clouds;
};

} // namespace Pilvi
