// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QTextStream;

namespace Pilvi {

/// `pilvi-cli template graph FILE [--svg OUT] [--rankdir TB|LR|BT|RL]`: a Heat template's resource
/// graph, drawn by Graphviz as SVG (`--svg -` writes it to standard output), or without --svg
/// listed as one reference a line. Needs no cloud. `arguments` are those after `template graph`.
int runTemplateGraph(const QStringList &arguments, const QString &workingDirectory, QTextStream &out, QTextStream &err);

} // namespace Pilvi
