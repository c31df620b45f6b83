// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/objectstorage/objectstorage.h"

#include <QByteArray>
#include <QList>

#include <utility>

namespace Pilvi::SwiftParse {

QList<Container> containers(const QByteArray &body); ///< GET /v1/AUTH_x?format=json
QList<ObjectEntry> objects(const QByteArray &body);  ///< GET /v1/AUTH_x/container?format=json

using Headers = QList<std::pair<QByteArray, QByteArray>>;
// HEAD answers; a count that is not a number throws ApiError(BadResponse) naming the header.
AccountInfo account(const Headers &headers);
ContainerInfo container(const Headers &headers);
ObjectInfo object(const Headers &headers);
SwiftCapabilities capabilities(const QByteArray &body); ///< GET /info
/// The prefix under which versioned_writes keeps old versions of `name` in the archive
/// container: the name's length in UTF-8 bytes as three hex digits, the name, a slash.
QString versionsPrefix(const QString &name);

} // namespace Pilvi::SwiftParse
