// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/stackdetails.h"

#include "editor/codeeditor.h"
#include "graph/graphlayoutrunner.h"
#include "graph/resourcegraphview.h"
#include "models/eventlistmodel.h"
#include "models/outputlistmodel.h"
#include "models/stackresourcetreemodel.h"
#include "net/apierror.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "template/resourcegraph.h"
#include "views/statusdelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace Pilvi {

namespace {
constexpr int eventPollMs = 3000; // how often a running operation's events are asked for
constexpr int nestedDepth = 5;    // nested stacks shown in the Resources tab

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}
} // namespace

StackDetails::StackDetails(KSyntaxHighlighting::Repository &repository, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_overviewStatus(new QLabel(this))
    , m_overviewForm(new QFormLayout)
    , m_overview(new QWidget(this))
    , m_resources(new StackResourceTreeModel(this))
    , m_resourceView(new QTreeView(this))
    , m_events(new EventListModel(this))
    , m_eventView(makeTable(m_events, tr("Events"), this))
    , m_outputs(new OutputListModel(this))
    , m_outputView(makeTable(m_outputs, tr("Outputs"), this))
    , m_template(new CodeEditor(repository, this))
    , m_graph(new ResourceGraphView(this))
    , m_layoutRunner(new GraphLayoutRunner(this))
    , m_poll(new QTimer(this))
{
    auto *overviewLayout = new QVBoxLayout(m_overview);
    m_overviewStatus->setObjectName(QStringLiteral("stackDetailsStatus"));
    m_overviewStatus->setWordWrap(true);
    m_overviewStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    overviewLayout->addWidget(m_overviewStatus);
    overviewLayout->addLayout(m_overviewForm);
    overviewLayout->addStretch(1);
    m_tabs->addTab(m_overview, tr("Overview"));

    m_resourceView->setModel(m_resources);
    m_resourceView->setAccessibleName(tr("Resources"));
    m_resourceView->setAlternatingRowColors(true);
    m_resourceView->setItemDelegateForColumn(StackResourceTreeModel::StatusColumn,
                                             new StatusDelegate(StackResourceTreeModel::StatusKindRole, m_resourceView));
    m_tabs->addTab(m_resourceView, tr("Resources"));
    m_tabs->addTab(m_eventView, tr("Events"));

    auto *outputs = new QWidget(this);
    auto *outputLayout = new QVBoxLayout(outputs);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    auto *copy = new QPushButton(tr("Copy value"), outputs);
    copy->setToolTip(tr("Copy the selected output's value to the clipboard (Ctrl+C)"));
    copy->setShortcut(QKeySequence::Copy);
    connect(copy, &QPushButton::clicked, this, &StackDetails::copySelectedOutput);
    connect(m_outputView, &QTableView::doubleClicked, this, &StackDetails::copySelectedOutput);
    outputLayout->addWidget(m_outputView, 1);
    outputLayout->addWidget(copy, 0, Qt::AlignLeft);
    m_tabs->addTab(outputs, tr("Outputs"));

    m_template->setReadOnly(true);
    m_template->setAccessibleName(tr("Stack template"));
    m_template->setDefinitionByName(QStringLiteral("YAML"));
    m_tabs->addTab(m_template, tr("Template"));
    m_graph->setAccessibleName(tr("Stack topology"));
    m_tabs->addTab(m_graph, tr("Topology"));
    connect(m_layoutRunner, &GraphLayoutRunner::layoutReady, this, [this](const GraphLayout &layout) {
        m_graph->setGraphLayout(layout);
        m_graph->fitToView();
    });

    m_poll->setInterval(eventPollMs);
    connect(m_poll, &QTimer::timeout, this, &StackDetails::pollEvents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    setStack(nullptr, {});
}

StackDetails::~StackDetails() = default;

bool StackDetails::isPolling() const
{
    return m_poll->isActive();
}

void StackDetails::setStack(Session *session, const Stack &stack)
{
    m_session = session;
    m_stack = stack;
    reload();
}

void StackDetails::reload()
{
    const int generation = ++m_generation;
    m_eventList.clear();
    m_eventPollRunning = false;
    m_events->setItems({});
    m_outputs->setItems({});
    m_resources->setResources({});
    m_graph->clearNodeStatuses();
    m_graph->clearNodeChanges();
    m_template->setPlainText({});
    showOverview();
    updatePolling();
    if (!m_session || m_stack.id.isEmpty())
        return;

    OrchestrationClient client(m_session);
    client.showStack(m_stack.name + u'/' + m_stack.id)
        .then(this,
              [this, generation](const Stack &stack) {
                  if (generation != m_generation)
                      return;
                  m_stack = stack;
                  m_outputs->setItems(stack.outputs);
                  showOverview();
                  updatePolling();
              })
        .onFailed(this, [this, generation](const ApiError &error) {
            if (generation == m_generation)
                m_overviewStatus->setText(tr("Could not load the stack: %1").arg(error.toString()));
        });
    client.stackTemplate(m_stack.name, m_stack.id)
        .then(this,
              [this, generation](const QByteArray &text) {
                  if (generation != m_generation)
                      return;
                  m_template->setPlainText(QString::fromUtf8(text));
                  // Heat answers with JSON, which YAML reads too.
                  const ResourceGraph graph = buildResourceGraph(text);
                  m_layoutRunner->request(graph, m_graph->layoutOptions(graph));
              })
        .onFailed(this, [this, generation](const ApiError &error) {
            if (generation == m_generation)
                m_template->setPlainText(tr("# Could not load the template: %1").arg(error.toString()));
        });
    client.listEvents(m_stack.name + u'/' + m_stack.id)
        .then(this,
              [this, generation](const QList<StackEvent> &events) {
                  if (generation == m_generation)
                      appendEvents(events);
              })
        .onFailed(this, [] {});
    loadResources(generation);
}

void StackDetails::loadResources(int generation)
{
    OrchestrationClient(m_session)
        .listResources(m_stack.name + u'/' + m_stack.id, nestedDepth)
        .then(this,
              [this, generation](const QList<StackResource> &resources) {
                  if (generation != m_generation)
                      return;
                  m_resources->setResources(resources);
                  m_resourceView->expandAll();
                  for (int column = 0; column < StackResourceTreeModel::ColumnCount; ++column)
                      m_resourceView->resizeColumnToContents(column);
                  applyStatuses(resources);
                  Q_EMIT resourcesLoaded();
              })
        .onFailed(this, [] {});
}

void StackDetails::applyStatuses(const QList<StackResource> &resources)
{
    for (const StackResource &resource : resources) {
        if (resource.stackName == m_stack.name) // the graph shows the top-level template only
            m_graph->setNodeStatus(resource.name, resource.status);
    }
}

void StackDetails::showOverview()
{
    while (m_overviewForm->rowCount() > 0)
        m_overviewForm->removeRow(0);
    if (m_stack.id.isEmpty()) {
        m_overviewStatus->setText(tr("Select a stack to see its details."));
        m_tabs->setEnabled(false);
        return;
    }
    m_tabs->setEnabled(true);
    m_overviewStatus->setText(tr("<b>%1</b> — %2").arg(m_stack.name.toHtmlEscaped(), m_stack.status.toHtmlEscaped()));
    const QLocale locale;
    auto addRow = [this](const QString &label, const QString &value) {
        auto *field = new QLabel(value, m_overview);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setWordWrap(true);
        m_overviewForm->addRow(label, field);
    };
    addRow(tr("Status reason:"), m_stack.statusReason);
    if (!m_stack.description.isEmpty())
        addRow(tr("Description:"), m_stack.description);
    addRow(tr("Stack id:"), m_stack.id);
    if (!m_stack.parentId.isEmpty())
        addRow(tr("Parent stack:"), m_stack.parentId);
    addRow(tr("Created:"), locale.toString(m_stack.createdAt.toLocalTime(), QLocale::ShortFormat));
    if (m_stack.updatedAt.isValid())
        addRow(tr("Updated:"), locale.toString(m_stack.updatedAt.toLocalTime(), QLocale::ShortFormat));
    if (const auto timeout = m_stack.parameters.value(QStringLiteral("OS::stack_timeout")); !timeout.isEmpty())
        addRow(tr("Timeout:"), tr("%1 minutes").arg(timeout));
    for (auto it = m_stack.parameters.cbegin(); it != m_stack.parameters.cend(); ++it) {
        if (!it.key().startsWith(u"OS::"))
            addRow(tr("Parameter %1:").arg(it.key()), it.value());
    }
}

void StackDetails::updatePolling()
{
    const bool running = m_session && !m_stack.id.isEmpty() && m_stack.status.endsWith(u"_IN_PROGRESS");
    if (running && !m_poll->isActive())
        m_poll->start();
    else if (!running)
        m_poll->stop();
}

void StackDetails::pollEvents()
{
    if (m_eventPollRunning || !m_session) // the last poll has not answered yet: skip this tick
        return;
    m_eventPollRunning = true;
    const int generation = m_generation;
    const QString marker = m_eventList.isEmpty() ? QString() : m_eventList.constLast().id;
    const QString ref = m_stack.name + u'/' + m_stack.id;
    OrchestrationClient client(m_session);
    client.listEvents(ref, marker)
        .then(this,
              [this, generation](const QList<StackEvent> &events) {
                  if (generation != m_generation)
                      return;
                  appendEvents(events);
                  if (!events.isEmpty())
                      loadResources(generation);
              })
        .onFailed(this, [] {});
    client.showStack(ref)
        .then(this,
              [this, generation](const Stack &stack) {
                  if (generation != m_generation)
                      return;
                  m_eventPollRunning = false;
                  const bool changed = stack.status != m_stack.status;
                  m_stack = stack;
                  if (changed) {
                      m_outputs->setItems(stack.outputs);
                      showOverview();
                      Q_EMIT stackStatusChanged(stack);
                  }
                  updatePolling();
              })
        .onFailed(this, [this, generation] {
            if (generation == m_generation)
                m_eventPollRunning = false;
        });
}

void StackDetails::appendEvents(const QList<StackEvent> &events)
{
    for (const StackEvent &event : events) {
        m_eventList.append(event);
        if (event.resourceName != m_stack.name)
            m_graph->setNodeStatus(event.resourceName, event.status);
    }
    m_events->setItems(m_eventList);
    m_eventView->resizeColumnsToContents();
}

void StackDetails::copySelectedOutput()
{
    const QModelIndex current = m_outputView->currentIndex();
    if (current.isValid())
        QApplication::clipboard()->setText(current.siblingAtColumn(0).data(OutputListModel::CopyValueRole).toString());
}

} // namespace Pilvi
