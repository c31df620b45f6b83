// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/resourcegraph.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

namespace Pilvi {

/// How to lay a resource graph out. Sizes are in points (1/72 inch), Graphviz's unit.
struct GraphLayoutOptions {
    /// Graphviz's rankdir: where references point. TopToBottom puts a resource above the
    /// resources it references.
    enum class Direction { TopToBottom, LeftToRight, BottomToTop, RightToLeft };

    Direction direction = Direction::TopToBottom;
    /// The size of each node by resource name (the UI measures its text); nodes not in the
    /// table get an estimate from the length of their name and type.
    QHash<QString, QSizeF> nodeSizes;
    double nodeSeparation = 24; ///< between nodes of one rank
    double rankSeparation = 40; ///< between ranks
};

QString directionKey(GraphLayoutOptions::Direction direction); ///< Graphviz's "TB", "LR", "BT", "RL"

struct LaidOutNode {
    QString name;
    QString type;
    ResourceFamily family = ResourceFamily::Other;
    QPointF centre;
    QSizeF size;

    QRectF rect() const { return {centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(), size.height()}; }
};

struct LaidOutEdge {
    QString from;
    QString to;
    ResourceReference::Kind kind = ResourceReference::Kind::GetResource;
    /// A cubic B-spline as Graphviz gives it: a start point, then three points per segment
    /// (control, control, end). Ends where the arrowhead starts.
    QList<QPointF> points;
    QPointF arrowTip; ///< where the arrowhead touches `to`'s box
};

/// A laid-out graph in plain values, shared by the widget and pilvi-cli. Coordinates are points
/// with y growing downwards (Qt's convention; Graphviz's grows upwards and is flipped here), and
/// the bounding box starts at (0, 0).
struct GraphLayout {
    QList<LaidOutNode> nodes; ///< in the graph's order
    /// One edge per (from, to, kind): two get_resource calls to the same resource draw once.
    QList<LaidOutEdge> edges;
    QRectF boundingBox;
    GraphLayoutOptions::Direction direction = GraphLayoutOptions::Direction::TopToBottom;
    QString error; ///< Graphviz's complaint when the layout failed (nodes and edges then empty)

    const LaidOutNode *node(QStringView name) const;
};

/// The size a node gets when the caller gives none: room for the name and the type in a
/// 10-point sans font, with a margin for an icon.
QSizeF estimatedNodeSize(const ResourceNode &node);

/// Lays `graph` out with Graphviz's `dot` (layered). Safe to call from any thread: calls into
/// Graphviz are serialised (see graphlayout.cpp). Takes about two seconds for a thousand resources,
/// so the GUI runs it off its thread.
GraphLayout layoutResourceGraph(const ResourceGraph &graph, const GraphLayoutOptions &options = {});

/// The graph drawn by Graphviz itself as an SVG document (pilvi-cli's `template graph --svg`):
/// boxes coloured by family, edges styled by kind. Empty, with `error` set, when Graphviz fails.
QByteArray renderResourceGraphSvg(const ResourceGraph &graph, const GraphLayoutOptions &options = {}, QString *error = nullptr);

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::LaidOutNode, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::LaidOutEdge, Q_RELOCATABLE_TYPE);
