// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/referenceedgeitem.h"

#include "graph/graphstyle.h"

#include <QCoreApplication>
#include <QGraphicsPolygonItem>
#include <QPainterPath>
#include <QPen>

#include <cmath>

namespace Pilvi {

ReferenceEdgeItem::ReferenceEdgeItem(const LaidOutEdge &edge, const QColor &text)
    : m_edge(edge)
{
    QPainterPath path;
    QPolygonF head;
    if (!edge.points.isEmpty()) {
        path.moveTo(edge.points[0]);
        for (qsizetype i = 1; i + 2 < edge.points.size(); i += 3)
            path.cubicTo(edge.points[i], edge.points[i + 1], edge.points[i + 2]);
        const QPointF end = edge.points.constLast();
        path.lineTo(edge.arrowTip);
        // The arrowhead: a filled triangle from the spline's end to the tip.
        const QLineF shaft(end, edge.arrowTip);
        if (shaft.length() > 0.1) {
            const QPointF along = (edge.arrowTip - end) / shaft.length();
            const QPointF across(-along.y(), along.x());
            const double width = std::max(3.0, shaft.length() * 0.4);
            head = QPolygonF({edge.arrowTip, end + across * width, end - across * width});
        }
    }
    setPath(path);
    const QPen pen = GraphStyle::edgePen(edge.kind, text);
    setPen(pen);
    setZValue(-1);
    // The head is filled and solid even when the line is dashed.
    auto *arrow = new QGraphicsPolygonItem(head, this);
    arrow->setPen(QPen(pen.color(), pen.widthF()));
    arrow->setBrush(pen.color());
    setToolTip(
        QCoreApplication::translate("ReferenceEdgeItem", "%1 → %2 (%3)").arg(edge.from, edge.to, referenceKindKey(edge.kind)));
}

} // namespace Pilvi
