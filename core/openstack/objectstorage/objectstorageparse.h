// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/objectstorage/objectstorage.h"

#include <QByteArray>

namespace Pilvi::SwiftParse {

QList<Container> containers(const QByteArray &body); ///< GET /v1/AUTH_x?format=json
QList<ObjectEntry> objects(const QByteArray &body);  ///< GET /v1/AUTH_x/container?format=json

} // namespace Pilvi::SwiftParse
