// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphlayoutrunner.h"

#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrentRun>

namespace Pilvi {

GraphLayoutRunner::GraphLayoutRunner(QObject *parent)
    : QObject(parent)
{}

quint64 GraphLayoutRunner::request(const ResourceGraph &graph, const GraphLayoutOptions &options)
{
    Request next{graph, options, ++m_generation};
    if (m_running)
        m_pending = std::move(next); // replaces an older waiting request
    else
        start(std::move(next));
    return m_generation;
}

void GraphLayoutRunner::start(Request request)
{
    m_running = true;
    const quint64 generation = request.generation;
    // The worker gets its own copies and returns a plain value; the watcher, a child of this
    // object, reports on this thread (and never after this object is gone).
    auto *watcher = new QFutureWatcher<GraphLayout>(this);
    connect(watcher, &QFutureWatcher<GraphLayout>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        finished(watcher->result(), generation);
    });
    watcher->setFuture(QtConcurrent::run([graph = std::move(request.graph), options = std::move(request.options)] {
        return layoutResourceGraph(graph, options);
    }));
}

void GraphLayoutRunner::finished(const GraphLayout &layout, quint64 generation)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_running = false;
    if (generation == m_generation)
        Q_EMIT layoutReady(layout, generation);
    if (m_pending) {
        Request next = std::move(*m_pending);
        m_pending.reset();
        start(std::move(next));
    }
}

} // namespace Pilvi
