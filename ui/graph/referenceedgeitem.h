// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/graphlayout.h"

#include <QGraphicsPathItem>

namespace Pilvi {

/// One reference drawn as Graphviz routed it, with an arrowhead at the referenced resource;
/// depends_on dashed, get_attr in blue, get_resource plain.
class ReferenceEdgeItem final : public QGraphicsPathItem
{
public:
    ReferenceEdgeItem(const LaidOutEdge &edge, const QColor &text);

    enum { Type = UserType + 2 };
    int type() const override { return Type; }

    const LaidOutEdge &edge() const { return m_edge; }

private:
    LaidOutEdge m_edge;
};

} // namespace Pilvi
