// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/serverresizepanel.h"

#include "config/environment.h"
#include "dialogs/confirmdestructive.h"
#include "dialogs/resizeserverdialog.h"
#include "jobs/jobrecord.h"
#include "jobs/jobrunner.h"
#include "jobs/serverresizejob.h"
#include "models/serverlistmodel.h"
#include "models/statuskind.h"
#include "net/apierror.h"
#include "net/session.h"
#include "openstack/compute/computeclient.h"
#include "openstack/compute/resizerules.h"
#include "views/statusdelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace Pilvi {

namespace {
constexpr int busyPollMs = 5000; // while a server resizes, so VERIFY_RESIZE shows without a click
}

ServerResizePanel::ServerResizePanel(JobRunner *jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_model(new ServerListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_resize(new QPushButton(tr("&Resize…"), this))
    , m_confirm(new QPushButton(tr("C&onfirm resize"), this))
    , m_revert(new QPushButton(tr("Re&vert resize"), this))
    , m_poll(new QTimer(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ServerListModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("servers"));
    m_view->setAccessibleName(tr("Servers and their flavors"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ServerListModel::NameColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setItemDelegateForColumn(ServerListModel::StatusColumn, new StatusDelegate(ServerListModel::StatusKindRole, m_view));

    m_resize->setObjectName(QStringLiteral("resizeServer"));
    m_resize->setToolTip(tr("Move the selected server to another flavor (Nova restarts it)"));
    m_confirm->setObjectName(QStringLiteral("confirmResize"));
    m_confirm->setToolTip(tr("Keep the new flavor; the old copy of the server is removed"));
    m_revert->setObjectName(QStringLiteral("revertResize"));
    m_revert->setToolTip(tr("Go back to the flavor before the resize"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_resize, &QPushButton::clicked, this, &ServerResizePanel::openResizeDialog);
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        if (const Server *server = selectedServer())
            confirmResize(server->id);
    });
    connect(m_revert, &QPushButton::clicked, this, [this] {
        if (const Server *server = selectedServer())
            revertResize(server->id);
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_resize);
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    m_poll->setInterval(busyPollMs);
    connect(m_poll, &QTimer::timeout, this, &ServerResizePanel::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ServerResizePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ServerResizePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ServerResizePanel::updateButtons);
    if (m_jobs)
        connect(m_jobs, &JobRunner::jobFinished, this, &ServerResizePanel::onJobFinished);
    updateButtons();
}

void ServerResizePanel::setSession(Session *session)
{
    if (session != m_session) {
        m_session = session;
        m_model->setItems({});
        m_flavors.clear();
    }
    refresh();
}

void ServerResizePanel::refresh()
{
    const int generation = ++m_generation;
    if (!m_session) {
        m_poll->stop();
        updateButtons();
        return;
    }
    if (m_model->rowCount() == 0)
        m_status->setText(tr("Loading servers…"));
    ComputeClient nova(m_session);
    nova.listFlavors()
        .then(this,
              [this, generation](const QList<Flavor> &flavors) {
                  if (generation == m_generation)
                      m_flavors = flavors;
              })
        .onFailed(this, [] {}); // the resize button says so when the list is empty
    nova.listServers()
        .then(this,
              [this, generation](const QList<Server> &servers) {
                  if (generation != m_generation)
                      return;
                  const int before = m_model->rowCount();
                  m_model->setItems(servers);
                  if (m_model->rowCount() != before)
                      m_view->resizeColumnsToContents();
                  const bool busy = std::any_of(servers.cbegin(), servers.cend(), [](const Server &server) {
                      return StatusKind::ofNova(server.status, server.taskState) == StatusKind::inProgress();
                  });
                  if (busy)
                      m_poll->start();
                  else
                      m_poll->stop();
                  if (m_status->text() == tr("Loading servers…") || m_status->text().startsWith(tr("Could not")))
                      m_status->setText(servers.size() == 1 ? tr("1 server") : tr("%1 servers").arg(servers.size()));
                  updateButtons();
                  Q_EMIT loaded();
              })
        .onFailed(this, [this, generation](const ApiError &error) {
            if (generation != m_generation)
                return;
            m_poll->stop();
            m_status->setText(tr("Could not list the servers: %1").arg(error.toString()));
            Q_EMIT loaded();
        });
}

QString ServerResizePanel::statusText() const
{
    return m_status->text();
}

bool ServerResizePanel::selectServer(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

const Server *ServerResizePanel::serverWithId(const QString &id) const
{
    const int row = m_model->rowOf(id);
    return row < 0 ? nullptr : &m_model->itemAt(row);
}

const Server *ServerResizePanel::selectedServer() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? serverWithId(current.data(ServerListModel::IdRole).toString()) : nullptr;
}

void ServerResizePanel::updateButtons()
{
    const Server *server = selectedServer();
    const bool canRun = m_session && m_jobs && server;
    const bool settled = server && canResize(*server);
    const bool verifying = server && awaitsResizeAnswer(*server);
    m_resize->setEnabled(canRun && settled);
    m_confirm->setEnabled(canRun && verifying);
    m_revert->setEnabled(canRun && verifying);
}

ResizeServerDialog *ServerResizePanel::openResizeDialog()
{
    const Server *server = selectedServer();
    if (!server || !m_session)
        return nullptr;
    if (m_flavors.isEmpty()) {
        m_status->setText(tr("No flavors to pick from: the flavor list could not be loaded. Refresh and try again."));
        return nullptr;
    }
    auto *dialog = new ResizeServerDialog(*server, m_flavors, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id = server->id] { resize(id, dialog->chosenFlavor()); });
    dialog->open();
    return dialog;
}

qint64 ServerResizePanel::submitGuarded(const Server &server, const QString &actionText, const JobSpec &spec,
                                        const QString &runningText)
{
    if (!m_session || !m_jobs)
        return 0;
    // runningText's last placeholder is the job's id.
    const auto submit = [this, spec, runningText] {
        const qint64 id = m_jobs->submit(spec);
        if (id > 0) {
            m_ownJobs.insert(id);
            m_status->setText(runningText.arg(id));
        }
        return id;
    };
    const CloudProfile &profile = m_session->profile();
    if (needsTypedConfirmation(profile.environment)) {
        // Nova restarts the server: in production that is an outage the user names first.
        ConfirmDestructiveDialog::ask(this, profile.environment, profile.name, actionText, server.name, submit);
        return 0;
    }
    return submit();
}

qint64 ServerResizePanel::resize(const QString &serverId, const Flavor &flavor)
{
    const Server *server = serverWithId(serverId);
    if (!server || flavor.id.isEmpty() || !m_session)
        return 0;
    return submitGuarded(*server, tr("Resize to %1").arg(flavor.name),
                         ServerResizeJob::resizeSpec(m_session->profile().name, *server, flavor),
                         tr("Resizing %1 to %2 (job %3 on the Jobs page).").arg(server->name, flavor.name));
}

qint64 ServerResizePanel::confirmResize(const QString &serverId)
{
    return answerResize(serverId, ServerResizeJob::Action::Confirm);
}

qint64 ServerResizePanel::revertResize(const QString &serverId)
{
    return answerResize(serverId, ServerResizeJob::Action::Revert);
}

qint64 ServerResizePanel::answerResize(const QString &serverId, ServerResizeJob::Action action)
{
    const Server *server = serverWithId(serverId);
    if (!server || !m_session)
        return 0;
    const bool confirm = action == ServerResizeJob::Action::Confirm;
    return submitGuarded(
        *server, confirm ? tr("Confirm the resize of") : tr("Revert the resize of"),
        ServerResizeJob::answerSpec(m_session->profile().name, *server, action),
        (confirm ? tr("Confirming the resize of %1 (job %2).") : tr("Reverting the resize of %1 (job %2).")).arg(server->name));
}

void ServerResizePanel::onJobFinished(const JobRecord &record)
{
    if (!m_ownJobs.remove(record.id))
        return;
    const bool succeeded = record.state == JobState::Succeeded;
    m_status->setText(succeeded ? tr("%1: job %2 done.").arg(record.target).arg(record.id)
                                : tr("%1: job %2 failed: %3").arg(record.target).arg(record.id).arg(record.error));
    refresh();
    Q_EMIT resizeJobFinished(record.id, succeeded);
}

} // namespace Pilvi
