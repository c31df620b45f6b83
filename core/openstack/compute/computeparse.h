// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/compute/server.h"

#include <QByteArray>

namespace Pilvi::NovaParse {

// Nova v2.1 answers -> values; each throws ApiError(BadResponse) naming the bad field.
QList<Server> servers(const QByteArray &body); ///< GET /servers/detail
Server server(const QByteArray &body);         ///< GET /servers/{id}
QList<Flavor> flavors(const QByteArray &body); ///< GET /flavors/detail
ComputeLimits limits(const QByteArray &body);  ///< GET /limits
/// The new server's id from the answer to POST /servers.
QString createdServerId(const QByteArray &body);

} // namespace Pilvi::NovaParse
