// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/resourcenodeitem.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace Pilvi {

namespace {
constexpr double padding = 8;
constexpr double glyphSize = 24;
constexpr double radius = 6;

QFont nameFont(QFont font)
{
    font.setBold(true);
    return font;
}

QFont typeFont(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

QColor blend(const QColor &a, const QColor &b, double amount)
{
    return QColor::fromRgbF(a.redF() * (1 - amount) + b.redF() * amount, a.greenF() * (1 - amount) + b.greenF() * amount,
                            a.blueF() * (1 - amount) + b.blueF() * amount);
}
} // namespace

ResourceNodeItem::ResourceNodeItem(const LaidOutNode &node)
    : m_node(node)
{
    setPos(node.centre);
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setData(0, node.name); // a handle for tests and accessibility tools
    updateToolTip();
}

void ResourceNodeItem::setFont(const QFont &font)
{
    m_font = font;
    update();
}

void ResourceNodeItem::setStatus(const QString &status)
{
    if (m_status == status)
        return;
    m_status = status;
    updateToolTip();
    update();
}

void ResourceNodeItem::setChange(NodeChange change)
{
    if (m_change == change)
        return;
    m_change = change;
    updateToolTip();
    update();
}

void ResourceNodeItem::updateToolTip()
{
    QString tip = m_node.name + u'\n' + m_node.type;
    if (!m_status.isEmpty())
        tip += u'\n' + m_status;
    if (m_change != NodeChange::Unchanged)
        tip += u'\n' + GraphStyle::changeName(m_change);
    setToolTip(tip);
}

QBrush ResourceNodeItem::fillBrush() const
{
    const QPalette palette = QApplication::palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor status = GraphStyle::statusColor(m_status);
    if (status.isValid())
        return blend(base, status, 0.35);
    if (m_change == NodeChange::Deleted)
        return palette.color(QPalette::Window);
    return blend(base, GraphStyle::familyColor(m_node.family), 0.12);
}

QRectF ResourceNodeItem::boundingRect() const
{
    const QSizeF size = m_node.size;
    // Room for the selection outline and the change badge.
    return QRectF(-size.width() / 2, -size.height() / 2, size.width(), size.height()).adjusted(-4, -10, 10, 4);
}

void ResourceNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget);
    const QPalette palette = QApplication::palette();
    const QSizeF size = m_node.size;
    const QRectF box(-size.width() / 2, -size.height() / 2, size.width(), size.height());
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);

    QColor border = GraphStyle::familyColor(m_node.family);
    if (const QColor status = GraphStyle::statusColor(m_status); status.isValid())
        border = status;
    if (m_change != NodeChange::Unchanged)
        border = GraphStyle::changeColor(m_change);
    QPen pen(selected ? palette.color(QPalette::Highlight) : border, selected ? 3 : 1.5);
    if (m_change == NodeChange::Deleted || m_change == NodeChange::Added)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(fillBrush());
    painter->drawRoundedRect(box, radius, radius);

    const QRectF glyph(box.left() + padding, box.center().y() - glyphSize / 2, glyphSize, glyphSize);
    GraphStyle::paintFamilyGlyph(painter, m_node.family, glyph);

    const QRectF text(glyph.right() + padding, box.top() + padding / 2, box.right() - glyph.right() - 2 * padding,
                      box.height() - padding);
    QColor textColor = palette.color(QPalette::Text);
    if (m_change == NodeChange::Deleted)
        textColor = palette.color(QPalette::PlaceholderText);
    const QFont &font = m_font;
    QFont name = nameFont(font);
    name.setStrikeOut(m_change == NodeChange::Deleted);
    painter->setFont(name);
    painter->setPen(textColor);
    const QFontMetricsF nameMetrics(name);
    painter->drawText(QRectF(text.left(), text.top(), text.width(), text.height() / 2), Qt::AlignLeft | Qt::AlignBottom,
                      nameMetrics.elidedText(m_node.name, Qt::ElideMiddle, text.width()));
    const QFont type = typeFont(font);
    painter->setFont(type);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(QRectF(text.left(), text.center().y(), text.width(), text.height() / 2), Qt::AlignLeft | Qt::AlignTop,
                      QFontMetricsF(type).elidedText(m_node.type, Qt::ElideMiddle, text.width()));
    painter->setFont(font);

    if (m_change != NodeChange::Unchanged) {
        const QRectF badge(box.right() - 8, box.top() - 8, 16, 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(GraphStyle::changeColor(m_change));
        painter->drawEllipse(badge);
        QFont bold = nameFont(font);
        painter->setFont(bold);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, GraphStyle::changeBadge(m_change));
        painter->setFont(font);
    }
}

QSizeF ResourceNodeItem::sizeFor(const QString &name, const QString &type, const QFont &font)
{
    const double nameWidth = QFontMetricsF(nameFont(font)).horizontalAdvance(name);
    const double typeWidth = QFontMetricsF(typeFont(font)).horizontalAdvance(type);
    const double height = QFontMetricsF(nameFont(font)).height() + QFontMetricsF(typeFont(font)).height() + 2 * padding;
    // Graphviz rounds sizes to whole points; round up so the text keeps its room.
    return {std::ceil(std::min(320.0, glyphSize + 3 * padding + std::max(nameWidth, typeWidth))),
            std::ceil(std::max(height, glyphSize + 2 * padding))};
}

} // namespace Pilvi
