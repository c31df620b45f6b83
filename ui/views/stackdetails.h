// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/stack.h"

#include <QWidget>

class QLabel;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeView;
class QFormLayout;

namespace KSyntaxHighlighting {
class Repository;
}

namespace Pilvi {

class CodeEditor;
class EventListModel;
class GraphLayoutRunner;
class OutputListModel;
class ResourceGraphView;
class Session;
class StackResourceTreeModel;

/// The selected stack in tabs: overview, resources (nested stacks as a tree), events, outputs,
/// template and topology. Everything loads on the network thread; each answer carries the
/// generation it was asked for, and an answer for another stack (or cloud) is dropped. While the
/// stack is *_IN_PROGRESS its events are polled with the since-marker and the statuses follow.
class StackDetails final : public QWidget
{
    Q_OBJECT
public:
    explicit StackDetails(KSyntaxHighlighting::Repository &repository, QWidget *parent = nullptr);
    ~StackDetails() override;

    /// Shows `stack` of `session` (an empty id: nothing).
    void setStack(Session *session, const Stack &stack);
    void reload();
    const Stack &stack() const { return m_stack; }

    QTabWidget *tabs() const { return m_tabs; }
    StackResourceTreeModel *resourceModel() const { return m_resources; }
    EventListModel *eventModel() const { return m_events; }
    OutputListModel *outputModel() const { return m_outputs; }
    ResourceGraphView *graphView() const { return m_graph; }
    CodeEditor *templateEditor() const { return m_template; }
    bool isPolling() const;

Q_SIGNALS:
    /// The stack's resources (the Resources tab) were loaded.
    void resourcesLoaded();
    /// The stack's status changed while its events were followed.
    void stackStatusChanged(const Pilvi::Stack &stack);

private:
    void showOverview();
    void loadResources(int generation);
    void pollEvents();
    void appendEvents(const QList<StackEvent> &events);
    void applyStatuses(const QList<StackResource> &resources);
    void updatePolling();
    void copySelectedOutput();

    Session *m_session = nullptr;
    Stack m_stack;
    int m_generation = 0; // answers for an older generation are stale and dropped
    QList<StackEvent> m_eventList;
    bool m_eventPollRunning = false; // coalesces: one events request at a time

    QTabWidget *m_tabs;
    QLabel *m_overviewStatus;
    QFormLayout *m_overviewForm;
    QWidget *m_overview;
    StackResourceTreeModel *m_resources;
    QTreeView *m_resourceView;
    EventListModel *m_events;
    QTableView *m_eventView;
    OutputListModel *m_outputs;
    QTableView *m_outputView;
    CodeEditor *m_template;
    ResourceGraphView *m_graph;
    GraphLayoutRunner *m_layoutRunner;
    QTimer *m_poll;
};

} // namespace Pilvi
