// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/templateproblem.h"

namespace Pilvi {

class HeatTemplate;

/// The node Heat's validation error key path names ("resources.server.properties.flavor",
/// "resources.extra.condition", "outputs.ip.value", "resources.srv.properties.networks[0].port"
/// or "...networks.0.port"): the value the whole path names; when the text lacks part of the
/// path, the key of the deepest entry it has; nullptr when even the first step is missing.
const YamlNode *nodeForHeatPath(const YamlNode &root, QStringView path);

/// Heat's template-validate error message as a problem at the node its key path names (a
/// message without a path stands at the first line). Heat's messages look like
/// "Property error: resources.server.properties.flavor: Error validating value 'x': ..." or
/// "Failed to validate: resources.extra.condition: Invalid condition \"cd\"".
TemplateProblem problemFromHeatError(const HeatTemplate &tmpl, const QString &file, const QString &message);

} // namespace Pilvi
