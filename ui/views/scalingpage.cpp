// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/scalingpage.h"

#include "charts/sizehistorychart.h"
#include "dialogs/confirmdestructive.h"
#include "dialogs/groupsizedialog.h"
#include "jobs/jobrecord.h"
#include "jobs/jobrunner.h"
#include "jobs/scalesignaljob.h"
#include "models/scalinggrouplistmodel.h"
#include "models/sizehistorymodel.h"
#include "net/apierror.h"
#include "net/session.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "openstack/orchestration/sizehistory.h"
#include "views/serverresizepanel.h"

#include <QFuture>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Pilvi {

namespace {

QString adjustmentText(const ScalingPolicy &policy)
{
    if (!policy.scalingAdjustment)
        return policy.adjustmentType;
    const int adjustment = *policy.scalingAdjustment;
    if (policy.adjustmentType == u"exact_capacity")
        return ScalingPage::tr("set to %1").arg(adjustment);
    const QString sign = adjustment > 0 ? QStringLiteral("+") : QString();
    if (policy.adjustmentType == u"percent_change_in_capacity")
        return ScalingPage::tr("%1%2 %").arg(sign).arg(adjustment);
    return sign + QString::number(adjustment);
}

// Whether signalling the policy grows (out) or shrinks (in) the group; exact_capacity compares
// with the current size.
bool scalesOut(const ScalingPolicy &policy, int currentSize)
{
    const int adjustment = policy.scalingAdjustment.value_or(0);
    return policy.adjustmentType == u"exact_capacity" ? adjustment > currentSize : adjustment > 0;
}

bool scalesIn(const ScalingPolicy &policy, int currentSize)
{
    const int adjustment = policy.scalingAdjustment.value_or(0);
    return policy.adjustmentType == u"exact_capacity" ? adjustment < currentSize : adjustment < 0;
}

} // namespace

ScalingPage::ScalingPage(JobRunner *jobs, QWidget *parent)
    : CloudTablePage(tr("Scaling"), parent)
    , m_jobs(jobs)
    , m_model(new ScalingGroupListModel(this))
    , m_groupTitle(new QLabel(this))
    , m_members(new QTreeWidget(this))
    , m_policies(new QTreeWidget(this))
    , m_scaleOut(new QPushButton(tr("Scale &out"), this))
    , m_scaleIn(new QPushButton(tr("Scale &in"), this))
    , m_changeSize(new QPushButton(tr("Change &size…"), this))
    , m_actionStatus(new QLabel(this))
    , m_history(new SizeHistoryModel(this))
    , m_chart(new SizeHistoryChart(m_history, this))
    , m_sections(new QTabWidget(this))
    , m_servers(new ServerResizePanel(jobs, this))
{
    setSourceModel(m_model, ScalingGroupListModel::SortRole);

    m_groupTitle->setText(tr("Select a scaling group to see its members and policies."));
    m_groupTitle->setWordWrap(true);

    m_members->setHeaderLabels({tr("Member"), tr("Status"), tr("Physical ID")});
    m_members->setAccessibleName(tr("Members of the selected group"));
    m_members->setRootIsDecorated(false);
    m_members->setObjectName(QStringLiteral("members"));
    m_policies->setHeaderLabels({tr("Policy"), tr("Adjustment"), tr("Cooldown"), tr("Status")});
    m_policies->setAccessibleName(tr("Scaling policies of the selected group"));
    m_policies->setRootIsDecorated(false);
    m_policies->setObjectName(QStringLiteral("policies"));
    for (QTreeWidget *tree : {m_members, m_policies}) {
        tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        tree->setMaximumHeight(200);
    }

    m_scaleOut->setToolTip(tr("Signal the selected policy (or the first one that adds members) (Ctrl++)"));
    m_scaleOut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    m_scaleOut->setAccessibleName(tr("Scale out"));
    m_scaleOut->setObjectName(QStringLiteral("scaleOut"));
    m_scaleIn->setToolTip(tr("Signal the selected policy (or the first one that removes members) (Ctrl+-)"));
    m_scaleIn->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    m_scaleIn->setAccessibleName(tr("Scale in"));
    m_scaleIn->setObjectName(QStringLiteral("scaleIn"));
    m_changeSize->setToolTip(tr("Change min, max or desired size by a stack update, with a preview first"));
    m_changeSize->setAccessibleName(tr("Change size"));
    m_changeSize->setObjectName(QStringLiteral("changeSize"));
    connect(m_changeSize, &QPushButton::clicked, this, &ScalingPage::changeSize);
    connect(m_scaleOut, &QPushButton::clicked, this, [this] { scale(true); });
    connect(m_scaleIn, &QPushButton::clicked, this, [this] { scale(false); });
    m_actionStatus->setWordWrap(true);
    m_actionStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_scaleOut);
    buttons->addWidget(m_scaleIn);
    buttons->addWidget(m_changeSize);
    buttons->addWidget(m_actionStatus, 1);

    auto *lists = new QHBoxLayout;
    auto *membersBox = new QVBoxLayout;
    membersBox->addWidget(new QLabel(tr("Members"), this));
    membersBox->addWidget(m_members);
    auto *policiesBox = new QVBoxLayout;
    policiesBox->addWidget(new QLabel(tr("Policies"), this));
    policiesBox->addWidget(m_policies);
    lists->addLayout(membersBox, 2);
    lists->addLayout(policiesBox, 2);
    m_chart->setMaximumHeight(240);
    lists->addWidget(m_chart, 3);

    // CloudTablePage lays out heading, status and table in a QVBoxLayout; below it, the selected
    // group (horizontal scaling) and the servers (vertical scaling) share a tab widget.
    auto *groupTab = new QWidget(m_sections);
    auto *groupLayout = new QVBoxLayout(groupTab);
    groupLayout->addWidget(m_groupTitle);
    groupLayout->addLayout(lists);
    groupLayout->addLayout(buttons);
    m_sections->setObjectName(QStringLiteral("scalingSections"));
    m_sections->addTab(groupTab, tr("Selected group"));
    m_sections->addTab(m_servers, tr("Servers (vertical scaling)"));
    if (auto *pageLayout = qobject_cast<QVBoxLayout *>(layout()))
        pageLayout->addWidget(m_sections, 1);

    connect(view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ScalingPage::showSelectedGroup);
    connect(m_policies, &QTreeWidget::currentItemChanged, this, &ScalingPage::showSelectedGroup);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ScalingPage::showSelectedGroup);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ScalingPage::showSelectedGroup);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ScalingPage::showSelectedGroup);
    if (m_jobs)
        connect(m_jobs, &JobRunner::jobFinished, this, &ScalingPage::onJobFinished);
    showSelectedGroup();
}

void ScalingPage::showServers(bool servers)
{
    m_sections->setCurrentWidget(servers ? static_cast<QWidget *>(m_servers) : m_sections->widget(0));
}

QFuture<void> ScalingPage::load(Session *session)
{
    m_session = session;
    m_servers->setSession(session);
    const int generation = currentGeneration();
    return OrchestrationClient(session)
        .listStacks()
        .then(this,
              [this, session, generation](const QList<Stack> &stacks) {
                  QList<QFuture<QList<ScalingGroup>>> perStack;
                  if (isStale(generation))
                      return QtFuture::whenAll(perStack.begin(), perStack.end());
                  perStack.reserve(stacks.size());
                  for (const Stack &stack : stacks) {
                      // A stack whose template cannot be read now (being deleted) has no groups
                      // to show rather than failing the whole page.
                      perStack.append(
                          OrchestrationClient(session).scalingGroups(stack.id).onFailed([] { return QList<ScalingGroup>(); }));
                  }
                  return QtFuture::whenAll(perStack.begin(), perStack.end());
              })
        .unwrap()
        .then(this, [this, generation](const QList<QFuture<QList<ScalingGroup>>> &results) {
            if (isStale(generation)) // a slower answer from the cloud selected before must not land here
                return;
            QList<ScalingGroup> groups;
            for (const QFuture<QList<ScalingGroup>> &result : results)
                groups.append(result.result());
            m_model->setItems(groups);
        });
}

QString ScalingPage::countText(int count) const
{
    return count == 1 ? tr("1 scaling group") : tr("%1 scaling groups").arg(count);
}

const ScalingGroup *ScalingPage::selectedGroup() const
{
    const QModelIndex current = view()->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    const QString key = current.data(ScalingGroupListModel::KeyRole).toString();
    const QList<ScalingGroup> &items = m_model->items();
    const auto it = std::find_if(items.cbegin(), items.cend(), [&](const ScalingGroup &group) { return group.key() == key; });
    return it == items.cend() ? nullptr : &*it;
}

void ScalingPage::showSelectedGroup()
{
    const ScalingGroup *group = selectedGroup();
    const QString selectedPolicy = m_policies->currentItem() ? m_policies->currentItem()->text(0) : QString();
    if (!group) {
        m_groupTitle->setText(tr("Select a scaling group to see its members and policies."));
        m_members->clear();
        m_policies->clear();
        m_scaleOut->setEnabled(false);
        m_scaleIn->setEnabled(false);
        m_changeSize->setEnabled(false);
        m_historyFor.clear();
        ++m_historyGeneration;
        m_history->setHistory({}, {});
        return;
    }
    m_groupTitle->setText(tr("<b>%1</b> of stack %2: %3 (%4), %n member(s)", nullptr, group->currentSize)
                              .arg(group->resourceName.toHtmlEscaped(), group->stackName.toHtmlEscaped(),
                                   scalingGroupKindName(group->kind), group->status));

    // Rebuilding the small lists keeps them exact; the policy the user picked stays picked.
    const QSignalBlocker blocker(m_policies);
    m_members->clear();
    for (const ScalingMember &member : group->members)
        new QTreeWidgetItem(m_members, {member.name, member.status, member.physicalId});
    m_policies->clear();
    bool canOut = false;
    bool canIn = false;
    for (const ScalingPolicy &policy : group->policies) {
        auto *item =
            new QTreeWidgetItem(m_policies, {policy.resourceName, adjustmentText(policy),
                                             policy.cooldown ? tr("%n s", nullptr, *policy.cooldown) : QString(), policy.status});
        if (policy.resourceName == selectedPolicy)
            m_policies->setCurrentItem(item);
        canOut = canOut || scalesOut(policy, group->currentSize);
        canIn = canIn || scalesIn(policy, group->currentSize);
    }
    const bool hasSession = m_session && m_jobs;
    m_scaleOut->setEnabled(hasSession && canOut);
    m_scaleIn->setEnabled(hasSession && canIn);
    m_changeSize->setEnabled(m_session != nullptr);
    if (group->policies.isEmpty())
        m_actionStatus->setText(tr("This group has no scaling policy to signal."));
    const QString historyFor = group->key() + u'#' + QString::number(group->currentSize);
    if (historyFor != m_historyFor) {
        m_historyFor = historyFor;
        loadSizeHistory(*group);
    }
}

void ScalingPage::loadSizeHistory(const ScalingGroup &group)
{
    const int generation = ++m_historyGeneration;
    if (!m_session || group.nestedStackId.isEmpty()) {
        m_history->setHistory({}, {});
        Q_EMIT sizeHistoryLoaded();
        return;
    }
    // The events and the derivation run off the GUI thread; only the result comes back here.
    const QString nestedStackId = group.nestedStackId;
    OrchestrationClient(m_session)
        .listEvents(nestedStackId)
        .then([nestedStackId](const QList<StackEvent> &events) { return deriveSizeHistory(events, nestedStackId); })
        .then(this,
              [this, generation](const QList<SizeChange> &history) {
                  if (generation != m_historyGeneration)
                      return;
                  m_history->setHistory(history, QDateTime::currentDateTimeUtc());
                  Q_EMIT sizeHistoryLoaded();
              })
        .onFailed(this, [this, generation](const ApiError &error) {
            if (generation != m_historyGeneration)
                return;
            m_history->setHistory({}, {});
            m_actionStatus->setText(tr("Could not load the size history: %1").arg(error.toString()));
            Q_EMIT sizeHistoryLoaded();
        });
}

void ScalingPage::scale(bool out)
{
    const ScalingGroup *group = selectedGroup();
    if (!group || !m_session)
        return;
    // The picked policy when it goes the asked way, else the first that does.
    const QString picked = m_policies->currentItem() ? m_policies->currentItem()->text(0) : QString();
    const ScalingPolicy *chosen = nullptr;
    for (const ScalingPolicy &policy : group->policies) {
        const bool fits = out ? scalesOut(policy, group->currentSize) : scalesIn(policy, group->currentSize);
        if (fits && (!chosen || policy.resourceName == picked))
            chosen = &policy;
    }
    if (!chosen)
        return;
    const QString key = group->key();
    const QString policy = chosen->resourceName;
    const Environment environment = m_session->profile().environment;
    if (!out && needsTypedConfirmation(environment)) {
        ConfirmDestructiveDialog::ask(this, environment, m_session->profile().name, tr("Scale in (signal %1)").arg(policy),
                                      group->resourceName, [this, key, policy] { signalPolicy(key, policy); });
        return;
    }
    signalPolicy(key, policy);
}

void ScalingPage::changeSize()
{
    const ScalingGroup *group = selectedGroup();
    if (!group || !m_session)
        return;
    auto *dialog = new GroupSizeDialog(m_session, *group, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GroupSizeDialog::updateStarted, this, &ScalingPage::refresh);
    dialog->open();
}

qint64 ScalingPage::signalPolicy(const QString &groupKey, const QString &policy)
{
    if (!m_session || !m_jobs)
        return 0;
    const QList<ScalingGroup> &items = m_model->items();
    const auto it =
        std::find_if(items.cbegin(), items.cend(), [&](const ScalingGroup &group) { return group.key() == groupKey; });
    if (it == items.cend())
        return 0;
    const qint64 id = m_jobs->submit(ScaleSignalJob::spec(m_session->profile().name, it->stackName, policy, it->resourceName));
    if (id == 0) {
        m_actionStatus->setText(tr("Could not start the job (the job journal cannot be written)."));
        return 0;
    }
    m_ownJobs.insert(id);
    m_actionStatus->setText(tr("Signalling %1 of %2… (job %3 on the Jobs page)").arg(policy, it->resourceName).arg(id));
    return id;
}

void ScalingPage::onJobFinished(const JobRecord &record)
{
    if (!m_ownJobs.remove(record.id))
        return;
    const bool succeeded = record.state == JobState::Succeeded;
    m_actionStatus->setText(succeeded ? tr("Job %1 finished: the group has been updated.").arg(record.id)
                                      : tr("Job %1 ended %2: %3").arg(record.id).arg(jobStateKey(record.state), record.error));
    refresh(); // the new size comes from Heat, not from what the policy promised
    Q_EMIT scalingJobFinished(record.id, succeeded);
}

} // namespace Pilvi
