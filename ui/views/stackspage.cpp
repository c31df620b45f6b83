// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/stackspage.h"

#include "dialogs/confirmdestructive.h"
#include "dialogs/parameterform.h"
#include "dialogs/promotedialog.h"
#include "dialogs/stacklaunchdialog.h"
#include "jobs/jobrecord.h"
#include "jobs/jobrunner.h"
#include "jobs/stackcreatejob.h"
#include "jobs/stackdeletejob.h"
#include "jobs/stackupdatejob.h"
#include "models/stacklistmodel.h"
#include "models/statusfilterproxymodel.h"
#include "net/apierror.h"
#include "net/session.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "views/stackdetails.h"
#include "views/statusdelegate.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QPointer>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Pilvi {

StacksPage::StacksPage(KSyntaxHighlighting::Repository &repository, JobRunner *jobs, QWidget *parent)
    : CloudTablePage(tr("Stacks"), parent)
    , m_repository(repository)
    , m_jobs(jobs)
    , m_model(new StackListModel(this))
    , m_statusProxy(new StatusFilterProxyModel(this))
    , m_statusFilter(new QComboBox(this))
    , m_details(new StackDetails(repository, this))
    , m_launch(new QAction(tr("Launch…"), this))
    , m_update(new QAction(tr("Update…"), this))
    , m_delete(new QAction(tr("Delete"), this))
    , m_cancel(new QAction(tr("Cancel update"), this))
    , m_check(new QAction(tr("Check"), this))
    , m_promote(new QAction(tr("Promote…"), this))
{
    m_statusProxy->setStatusKindRole(StackListModel::StatusKindRole);
    m_statusProxy->setSourceModel(m_model);
    setSourceModel(m_statusProxy, StackListModel::SortRole);
    view()->setItemDelegateForColumn(StackListModel::StatusColumn, new StatusDelegate(StackListModel::StatusKindRole, view()));
    view()->setSelectionMode(QAbstractItemView::SingleSelection);

    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->addItem(tr("All statuses"), static_cast<int>(StatusFilterProxyModel::Filter::All));
    m_statusFilter->addItem(tr("In progress"), static_cast<int>(StatusFilterProxyModel::Filter::InProgress));
    m_statusFilter->addItem(tr("Failed"), static_cast<int>(StatusFilterProxyModel::Filter::Failed));
    m_statusFilter->addItem(tr("Complete"), static_cast<int>(StatusFilterProxyModel::Filter::Complete));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_statusProxy->setFilter(static_cast<StatusFilterProxyModel::Filter>(m_statusFilter->currentData().toInt()));
    });

    m_launch->setShortcut(QKeySequence::New);
    m_launch->setToolTip(tr("Launch a stack from a template (Ctrl+N)"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setToolTip(tr("Delete the selected stack (Delete)"));
    m_update->setToolTip(tr("Change the stack's parameters or template, after a preview"));
    m_cancel->setToolTip(tr("Cancel the running update (Heat rolls it back)"));
    m_check->setToolTip(tr("Ask Heat to check that the stack's resources still exist and work"));
    auto *toolbar = new QToolBar(this);
    toolbar->setAccessibleName(tr("Stack actions"));
    m_promote->setObjectName(QStringLiteral("promoteStack"));
    m_promote->setToolTip(tr("Create or update this stack in another environment's cloud, after a diff"));
    m_promote->setEnabled(false);
    connect(m_promote, &QAction::triggered, this, [this] {
        const Stack stack = selectedStack();
        if (stack.id.isEmpty() || !session() || !m_sessions || !m_clouds)
            return;
        PromoteDialog::open(this, session()->profile(), stack.name, m_sessions, m_jobs, m_clouds());
    });
    for (QAction *action : {m_launch, m_update, m_delete, m_cancel, m_check, m_promote}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        toolbar->addAction(action);
        addAction(action);
    }
    toolbar->addSeparator();
    toolbar->addWidget(m_statusFilter);
    connect(m_launch, &QAction::triggered, this, [this] {
        StackLaunchDialog *dialog = newLaunchDialog();
        dialog->open();
    });
    connect(m_update, &QAction::triggered, this, [this] {
        StackLaunchDialog *dialog = newUpdateDialog();
        if (dialog)
            dialog->open();
    });
    connect(m_delete, &QAction::triggered, this, &StacksPage::askDelete);
    connect(m_cancel, &QAction::triggered, this, &StacksPage::cancelUpdate);
    connect(m_check, &QAction::triggered, this, &StacksPage::checkStack);

    // The table and the details share the page in a splitter, under the toolbar.
    auto *pageLayout = qobject_cast<QVBoxLayout *>(layout());
    pageLayout->removeWidget(view());
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(view());
    split->addWidget(m_details);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    pageLayout->insertWidget(1, toolbar);
    pageLayout->addWidget(split, 1);

    connect(view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &StacksPage::showSelected);
    connect(m_details, &StackDetails::stackStatusChanged, this, [this] {
        refresh();
        updateActions();
    });
    if (m_jobs)
        connect(m_jobs, &JobRunner::jobFinished, this, &StacksPage::onJobFinished);
    updateActions();
}

QFuture<void> StacksPage::load(Session *session)
{
    if (session != m_details->property("session").value<void *>()) { // another cloud: its stacks are not this one's
        m_details->setProperty("session", QVariant::fromValue(static_cast<void *>(session)));
        m_details->setStack(nullptr, {});
    }
    return OrchestrationClient(session).listStacks().then(
        this, [this, session, generation = currentGeneration()](const QList<Stack> &stacks) {
            if (isStale(generation)) // a slower answer from the cloud selected before must not land here
                return;
            // Heat lists a stack it has just deleted as DELETE_COMPLETE for a moment; the delete
            // job may finish in that moment, and nothing would refresh the table after it.
            QList<Stack> shown = stacks;
            shown.removeIf([](const Stack &stack) { return stack.status == u"DELETE_COMPLETE"; });
            m_model->setItems(shown);
            const Stack selected = selectedStack();
            if (selected.id.isEmpty() && !m_details->stack().id.isEmpty())
                m_details->setStack(nullptr, {}); // the stack is gone
            else if (!selected.id.isEmpty() && selected.status != m_details->stack().status)
                m_details->setStack(session, selected);
            updateActions();
        });
}

QString StacksPage::countText(int count) const
{
    return count == 1 ? tr("1 stack") : tr("%1 stacks").arg(count);
}

Stack StacksPage::selectedStack() const
{
    const QModelIndex current = view()->currentIndex();
    if (!current.isValid())
        return {};
    const QString id = current.siblingAtColumn(0).data(StackListModel::IdRole).toString();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (const Stack &stack = m_model->itemAt(row); stack.id == id)
            return stack;
    }
    return {};
}

bool StacksPage::selectStack(const QString &name)
{
    QAbstractItemModel *model = view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, StackListModel::NameColumn);
        if (index.data().toString() == name) {
            view()->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

void StacksPage::showSelected()
{
    const Stack stack = selectedStack();
    if (stack.id != m_details->stack().id)
        m_details->setStack(stack.id.isEmpty() ? nullptr : session(), stack);
    updateActions();
}

void StacksPage::updateActions()
{
    const Stack stack = selectedStack();
    const bool has = !stack.id.isEmpty();
    const bool busy = stack.status.endsWith(u"_IN_PROGRESS");
    m_launch->setEnabled(session() && m_jobs);
    m_update->setEnabled(has && !busy);
    m_delete->setEnabled(has && m_jobs && !stack.status.startsWith(u"DELETE_"));
    m_cancel->setEnabled(has && stack.status == u"UPDATE_IN_PROGRESS");
    m_check->setEnabled(has && !busy);
    m_promote->setEnabled(has && !busy && m_sessions && m_jobs);
}

StackLaunchDialog *StacksPage::newLaunchDialog()
{
    auto *dialog = new StackLaunchDialog(session(), StackLaunchDialog::Mode::Launch, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { launch(*dialog); });
    return dialog;
}

qint64 StacksPage::launch(const StackLaunchDialog &dialog)
{
    if (!m_jobs || !session())
        return 0;
    const qint64 id = m_jobs->submit(StackCreateJob::spec(session()->profile().name, dialog.createRequest()));
    refresh();
    return id;
}

StackLaunchDialog *StacksPage::newUpdateDialog()
{
    const Stack stack = selectedStack();
    if (stack.id.isEmpty() || !session())
        return nullptr;
    auto *dialog = new StackLaunchDialog(session(), StackLaunchDialog::Mode::Update, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applyUpdate(dialog); });
    OrchestrationClient client(session());
    // The form needs the stack's current values (show) and its template.
    client.showStack(stack.name + u'/' + stack.id)
        .then(this,
              [this, dialog = QPointer<StackLaunchDialog>(dialog), client](const Stack &current) mutable {
                  client.stackTemplate(current.name, current.id)
                      .then(this,
                            [this, dialog, current](const QByteArray &text) {
                                if (!dialog)
                                    return;
                                dialog->setStack(current, text);
                                Q_EMIT updateDialogReady(dialog);
                            })
                      .onFailed(this, [this](const ApiError &error) { Q_EMIT actionFinished(tr("Update"), error.toString()); });
              })
        .onFailed(this, [this](const ApiError &error) { Q_EMIT actionFinished(tr("Update"), error.toString()); });
    return dialog;
}

void StacksPage::applyUpdate(StackLaunchDialog *dialog)
{
    const Stack stack = selectedStack();
    if (stack.id.isEmpty() || !m_jobs || !session())
        return;
    QStringList hidden;
    const QStringList names = dialog->parameterForm()->parameterNames();
    for (const QString &name : names) {
        if (dialog->parameterForm()->isHidden(name))
            hidden.append(name);
    }
    m_jobs->submit(StackUpdateJob::spec(session()->profile().name, stack.name, stack.id, dialog->updateRequest(), hidden));
    refresh();
}

void StacksPage::askDelete()
{
    const Stack stack = selectedStack();
    if (stack.id.isEmpty() || !m_jobs || !session())
        return;
    const CloudProfile &profile = session()->profile();
    ConfirmDestructiveDialog::ask(this, profile.environment, profile.name, tr("Delete stack"), stack.name,
                                  [this, cloud = profile.name, name = stack.name] {
                                      m_jobs->submit(StackDeleteJob::spec(cloud, name));
                                      refresh();
                                  });
}

void StacksPage::cancelUpdate()
{
    const Stack stack = selectedStack();
    OrchestrationClient(session())
        .cancelUpdate(stack.name, stack.id)
        .then(this,
              [this] {
                  Q_EMIT actionFinished(tr("Cancel update"), {});
                  refresh();
              })
        .onFailed(this, [this](const ApiError &error) { Q_EMIT actionFinished(tr("Cancel update"), error.toString()); });
}

void StacksPage::checkStack()
{
    const Stack stack = selectedStack();
    OrchestrationClient(session())
        .checkStack(stack.name, stack.id)
        .then(this,
              [this] {
                  Q_EMIT actionFinished(tr("Check"), {});
                  refresh();
              })
        .onFailed(this, [this](const ApiError &error) { Q_EMIT actionFinished(tr("Check"), error.toString()); });
}

void StacksPage::onJobFinished(const JobRecord &record)
{
    if (session() && record.cloud == session()->profile().name && record.kind.startsWith(u"stack."))
        refresh();
}

void StacksPage::setPromotion(SessionPool *sessions, std::function<QList<CloudProfile>()> clouds)
{
    m_sessions = sessions;
    m_clouds = std::move(clouds);
    updateActions();
}

} // namespace Pilvi
