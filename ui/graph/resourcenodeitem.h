// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/graphstyle.h"
#include "template/graphlayout.h"

#include <QFont>
#include <QGraphicsItem>

namespace Pilvi {

/// One resource in the graph: a rounded box with the family's glyph, the name and the type, tinted
/// by a live status or marked with an update-preview change.
class ResourceNodeItem final : public QGraphicsItem
{
public:
    explicit ResourceNodeItem(const LaidOutNode &node);

    enum { Type = UserType + 1 };
    int type() const override { return Type; }

    const QString &name() const { return m_node.name; }
    const QString &resourceType() const { return m_node.type; }

    void setStatus(const QString &status);
    const QString &status() const { return m_status; }
    void setChange(NodeChange change);
    NodeChange change() const { return m_change; }
    /// The font of the name (bold) and the type (smaller); the view's.
    void setFont(const QFont &font);
    /// The brush the box is filled with (its family, status and the palette decide).
    QBrush fillBrush() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// The size a node needs for its name and type in `font` (for the layout's nodeSizes).
    static QSizeF sizeFor(const QString &name, const QString &type, const QFont &font);

private:
    void updateToolTip();

    LaidOutNode m_node;
    QFont m_font;
    QString m_status;
    NodeChange m_change = NodeChange::Unchanged;
};

} // namespace Pilvi
