// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/serverresizejob.h"
#include "openstack/compute/server.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace Pilvi {

class JobRunner;
struct JobRecord;
class ResizeServerDialog;
class ServerListModel;
class Session;

/// Vertical scaling: the cloud's servers with their flavors; resize one to another flavor, then
/// confirm or revert, each a server.resize job. While a server is resizing the list refreshes by
/// itself; in production every step asks for the server's name first.
class ServerResizePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ServerResizePanel(JobRunner *jobs, QWidget *parent = nullptr);

    /// Shows this cloud's servers (nullptr: none) and loads them again, also for the same cloud.
    void setSession(Session *session);
    void refresh();

    ServerListModel *servers() const { return m_model; }
    QTableView *view() const { return m_view; }
    QList<Flavor> flavors() const { return m_flavors; }
    QString statusText() const;
    bool selectServer(const QString &id);

    /// Opens the flavor picker for the selected server (window-modal); the choice runs a job.
    ResizeServerDialog *openResizeDialog();
    /// Submits the job (after the production check); returns its id, or 0.
    qint64 resize(const QString &serverId, const Flavor &flavor);
    qint64 confirmResize(const QString &serverId);
    qint64 revertResize(const QString &serverId);

Q_SIGNALS:
    void loaded();
    /// A job this panel started ended and the list has been reloaded after it.
    void resizeJobFinished(qint64 id, bool succeeded);

private:
    const Server *serverWithId(const QString &id) const;
    const Server *selectedServer() const;
    void updateButtons();
    qint64 submitGuarded(const Server &server, const QString &actionText, const JobSpec &spec, const QString &runningText);
    qint64 answerResize(const QString &serverId, ServerResizeJob::Action action);
    void onJobFinished(const JobRecord &record);

    JobRunner *m_jobs;
    Session *m_session = nullptr;
    ServerListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_status;
    QPushButton *m_resize;
    QPushButton *m_confirm;
    QPushButton *m_revert;
    QTimer *m_poll;
    QList<Flavor> m_flavors;
    int m_generation = 0;
    QSet<qint64> m_ownJobs;
};

} // namespace Pilvi
