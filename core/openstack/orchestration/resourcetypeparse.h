// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/resourcetype.h"

#include <QByteArray>

namespace Pilvi::HeatParse {

// Heat's answers about resource types and templates -> values. Each throws
// ApiError(BadResponse) naming the field that is missing or of the wrong type.
QList<ResourceTypeInfo> resourceTypes(const QByteArray &body);       ///< GET /resource_types
HeatResourceTypeSchema resourceTypeSchema(const QByteArray &body);   ///< GET /resource_types/{type}
QList<HeatTemplateVersion> templateVersions(const QByteArray &body); ///< GET /template_versions
HeatTemplateValidation templateValidation(const QByteArray &body);   ///< POST /validate (accepted)

} // namespace Pilvi::HeatParse
