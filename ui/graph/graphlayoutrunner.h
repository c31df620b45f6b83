// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/graphlayout.h"

#include <QObject>

#include <optional>

namespace Pilvi {

/// Lays resource graphs out off the GUI thread (QtConcurrent). The editor asks on every change;
/// only the newest request matters, so at most one layout runs, the latest request waits, and a
/// result that a newer request made stale is dropped (a generation id). Results arrive on the
/// runner's thread, always from its event loop (never from inside request()).
class GraphLayoutRunner final : public QObject
{
    Q_OBJECT
public:
    explicit GraphLayoutRunner(QObject *parent = nullptr);

    /// Asks for a layout of `graph`; returns the request's generation.
    quint64 request(const ResourceGraph &graph, const GraphLayoutOptions &options = {});
    bool isBusy() const { return m_running; }
    quint64 generation() const { return m_generation; }

Q_SIGNALS:
    /// The layout of the newest request.
    void layoutReady(const Pilvi::GraphLayout &layout, quint64 generation);

private:
    struct Request {
        ResourceGraph graph;
        GraphLayoutOptions options;
        quint64 generation = 0;
    };
    void start(Request request);
    void finished(const GraphLayout &layout, quint64 generation);

    quint64 m_generation = 0; // only on the runner's thread
    bool m_running = false;
    std::optional<Request> m_pending;
};

} // namespace Pilvi
