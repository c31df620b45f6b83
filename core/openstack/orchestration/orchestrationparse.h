// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/stack.h"

#include <QByteArray>

namespace Pilvi::HeatParse {

// Heat API answers -> values. Each throws ApiError(BadResponse) naming the field that is
// missing or of the wrong type.
QList<Stack> stacks(const QByteArray &body); ///< GET /stacks
Stack stack(const QByteArray &body);         ///< GET /stacks/{name}/{id}
QList<StackResource> resources(const QByteArray &body);
QList<StackEvent> events(const QByteArray &body);
/// The stack id from a create answer ({"stack": {"id", "links"}}).
QString createdStackId(const QByteArray &body);

} // namespace Pilvi::HeatParse
