// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/stack.h"
#include "openstack/orchestration/stackupdate.h"

#include <QByteArray>
#include <QJsonValue>

namespace Pilvi::HeatParse {

// Heat API answers -> values. Each throws ApiError(BadResponse) naming the field that is
// missing or of the wrong type.
QList<Stack> stacks(const QByteArray &body); ///< GET /stacks
Stack stack(const QByteArray &body);         ///< GET /stacks/{name}/{id}
QList<StackResource> resources(const QByteArray &body);
QList<StackEvent> events(const QByteArray &body);
/// The stack id from a create answer ({"stack": {"id", "links"}}).
QString createdStackId(const QByteArray &body);

/// GET .../template: the template Heat keeps, as JSON text (a JSON object, which is YAML too).
QByteArray stackTemplate(const QByteArray &body);
StackEnvironment environment(const QByteArray &body);     ///< GET .../environment
QMap<QString, QByteArray> files(const QByteArray &body);  ///< GET .../files
QList<StackOutput> outputs(const QByteArray &body);       ///< GET .../outputs (keys and descriptions)
StackOutput output(const QByteArray &body);               ///< GET .../outputs/{key} (with the value)
StackUpdatePreview updatePreview(const QByteArray &body); ///< PUT/PATCH .../preview
StackPreview stackPreview(const QByteArray &body);        ///< POST /stacks/preview

/// A JSON value as text for a person: text as is, numbers and booleans written out, lists and
/// maps as compact JSON, null as empty.
QString valueText(const QJsonValue &value);

} // namespace Pilvi::HeatParse
