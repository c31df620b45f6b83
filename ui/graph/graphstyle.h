// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/resourcegraph.h"

#include <QColor>
#include <QPen>
#include <QString>

class QPainter;
class QRectF;

namespace Pilvi {

/// How a resource changes in an update preview.
enum class NodeChange { Unchanged, Added, Replaced, Updated, Deleted };

/// Colours and glyphs of the resource graph, shared by the node items, the edges and the legend.
namespace GraphStyle {

QColor familyColor(ResourceFamily family);
/// The colour of a live status: *_COMPLETE green, *_FAILED red, *_IN_PROGRESS orange; invalid
/// for an empty or unknown status.
QColor statusColor(const QString &status);
QColor changeColor(NodeChange change);
QString changeName(NodeChange change);  ///< translated: "Added", "Replaced"...
QString changeBadge(NodeChange change); ///< "+", "±", "~", "−"
QPen edgePen(ResourceReference::Kind kind, const QColor &text);
/// A small drawing of the family (a server rack, a disk, linked nodes...) in `rect`.
void paintFamilyGlyph(QPainter *painter, ResourceFamily family, const QRectF &rect);

} // namespace GraphStyle

} // namespace Pilvi
