// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphstyle.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

namespace Pilvi::GraphStyle {

QColor familyColor(ResourceFamily family)
{
    switch (family) {
    case ResourceFamily::Server: return {0x3d, 0xae, 0xe9};
    case ResourceFamily::Volume: return {0xf6, 0x74, 0x00};
    case ResourceFamily::Network: return {0x27, 0xae, 0x60};
    case ResourceFamily::ScalingGroup: return {0x9b, 0x59, 0xb6};
    case ResourceFamily::Policy: return {0xc9, 0xa4, 0x00};
    case ResourceFamily::SoftwareConfig: return {0x16, 0xa0, 0x85};
    case ResourceFamily::Other: return {0x7f, 0x8c, 0x8d};
    }
    return {0x7f, 0x8c, 0x8d};
}

QColor statusColor(const QString &status)
{
    if (status.endsWith(u"_FAILED"))
        return {0xda, 0x44, 0x53};
    if (status.endsWith(u"_IN_PROGRESS"))
        return {0xf6, 0x74, 0x00};
    if (status.endsWith(u"_COMPLETE"))
        return {0x27, 0xae, 0x60};
    return {};
}

QColor changeColor(NodeChange change)
{
    switch (change) {
    case NodeChange::Added: return {0x27, 0xae, 0x60};
    case NodeChange::Replaced: return {0xda, 0x44, 0x53};
    case NodeChange::Updated: return {0x29, 0x80, 0xb9};
    case NodeChange::Deleted: return {0x95, 0xa5, 0xa6};
    case NodeChange::Unchanged: return {};
    }
    return {};
}

QString changeName(NodeChange change)
{
    switch (change) {
    case NodeChange::Added: return QCoreApplication::translate("GraphStyle", "Added");
    case NodeChange::Replaced: return QCoreApplication::translate("GraphStyle", "Replaced");
    case NodeChange::Updated: return QCoreApplication::translate("GraphStyle", "Updated in place");
    case NodeChange::Deleted: return QCoreApplication::translate("GraphStyle", "Deleted");
    case NodeChange::Unchanged: return QCoreApplication::translate("GraphStyle", "Unchanged");
    }
    return {};
}

QString changeBadge(NodeChange change)
{
    switch (change) {
    case NodeChange::Added: return QStringLiteral("+");
    case NodeChange::Replaced: return QStringLiteral("\u00b1");
    case NodeChange::Updated: return QStringLiteral("~");
    case NodeChange::Deleted: return QStringLiteral("\u2212");
    case NodeChange::Unchanged: return {};
    }
    return {};
}

QPen edgePen(ResourceReference::Kind kind, const QColor &text)
{
    QPen pen(text, 1.2);
    pen.setCosmetic(false);
    switch (kind) {
    case ResourceReference::Kind::GetResource: pen.setColor(QColor(text.red(), text.green(), text.blue(), 170)); break;
    case ResourceReference::Kind::GetAttr: pen.setColor(QColor(0x29, 0x80, 0xb9)); break;
    case ResourceReference::Kind::DependsOn:
        pen.setColor(QColor(text.red(), text.green(), text.blue(), 140));
        pen.setStyle(Qt::DashLine);
        break;
    }
    return pen;
}

void paintFamilyGlyph(QPainter *painter, ResourceFamily family, const QRectF &rect)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = familyColor(family);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(rect, 4, 4);
    // The glyph, white on the family's colour.
    QPen pen(Qt::white, rect.width() / 12);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QRectF r = rect.adjusted(rect.width() / 4.5, rect.height() / 4.5, -rect.width() / 4.5, -rect.height() / 4.5);
    const double w = r.width();
    const double h = r.height();
    switch (family) {
    case ResourceFamily::Server: // a rack of two units
        painter->drawRect(QRectF(r.left(), r.top(), w, h * 0.42));
        painter->drawRect(QRectF(r.left(), r.top() + h * 0.58, w, h * 0.42));
        painter->drawPoint(QPointF(r.left() + w * 0.2, r.top() + h * 0.21));
        painter->drawPoint(QPointF(r.left() + w * 0.2, r.top() + h * 0.79));
        break;
    case ResourceFamily::Volume: { // a disk: a cylinder
        painter->drawEllipse(QRectF(r.left(), r.top(), w, h * 0.3));
        QPainterPath body;
        body.moveTo(r.left(), r.top() + h * 0.15);
        body.lineTo(r.left(), r.bottom() - h * 0.15);
        body.arcTo(QRectF(r.left(), r.bottom() - h * 0.3, w, h * 0.3), 180, 180);
        body.lineTo(r.right(), r.top() + h * 0.15);
        painter->drawPath(body);
        break;
    }
    case ResourceFamily::Network: { // three linked nodes
        const QPointF a(r.center().x(), r.top() + h * 0.15), b(r.left() + w * 0.15, r.bottom() - h * 0.15),
            c(r.right() - w * 0.15, r.bottom() - h * 0.15);
        painter->drawLine(a, b);
        painter->drawLine(a, c);
        painter->drawLine(b, c);
        painter->setBrush(Qt::white);
        for (const QPointF &p : {a, b, c})
            painter->drawEllipse(p, w * 0.12, w * 0.12);
        break;
    }
    case ResourceFamily::ScalingGroup: // stacked boxes
        painter->drawRect(QRectF(r.left() + w * 0.3, r.top(), w * 0.7, h * 0.6));
        painter->drawRect(QRectF(r.left(), r.top() + h * 0.4, w * 0.7, h * 0.6));
        break;
    case ResourceFamily::Policy: // an arrow up and down
        painter->drawLine(QPointF(r.center().x(), r.top()), QPointF(r.center().x(), r.bottom()));
        painter->drawPolyline(QPolygonF({QPointF(r.left() + w * 0.2, r.top() + h * 0.3), QPointF(r.center().x(), r.top()),
                                         QPointF(r.right() - w * 0.2, r.top() + h * 0.3)}));
        painter->drawPolyline(QPolygonF({QPointF(r.left() + w * 0.2, r.bottom() - h * 0.3), QPointF(r.center().x(), r.bottom()),
                                         QPointF(r.right() - w * 0.2, r.bottom() - h * 0.3)}));
        break;
    case ResourceFamily::SoftwareConfig: // braces: a script
        painter->drawPolyline(QPolygonF({QPointF(r.left() + w * 0.35, r.top()), QPointF(r.left(), r.center().y()),
                                         QPointF(r.left() + w * 0.35, r.bottom())}));
        painter->drawPolyline(QPolygonF({QPointF(r.right() - w * 0.35, r.top()), QPointF(r.right(), r.center().y()),
                                         QPointF(r.right() - w * 0.35, r.bottom())}));
        break;
    case ResourceFamily::Other: // a diamond
        painter->drawPolygon(QPolygonF({QPointF(r.center().x(), r.top()), QPointF(r.right(), r.center().y()),
                                        QPointF(r.center().x(), r.bottom()), QPointF(r.left(), r.center().y())}));
        break;
    }
    painter->restore();
}

} // namespace Pilvi::GraphStyle
