// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/apierror.h"

#include <QList>
#include <QString>

namespace Pilvi {

/// Finds the one item whose id, or else whose name, is `nameOrId`, as the openstack CLI's
/// find_resource does: an id wins; a name must be unique. Throws ApiError with the CLI's own
/// wording when none or several match. `kind` is "volume", "server"...
template<typename T, typename IdOf, typename NameOf>
T findByNameOrId(const QList<T> &items, const QString &nameOrId, const QString &kind, IdOf idOf, NameOf nameOf)
{
    for (const T &item : items) {
        if (idOf(item) == nameOrId)
            return item;
    }
    const T *found = nullptr;
    for (const T &item : items) {
        if (nameOf(item) != nameOrId)
            continue;
        if (found)
            throw ApiError(ApiError::Kind::Config,
                           QStringLiteral("More than one %1 exists with the name '%2'.").arg(kind, nameOrId));
        found = &item;
    }
    if (!found)
        throw ApiError(ApiError::Kind::Config, QStringLiteral("No %1 with a name or ID of '%2' exists.").arg(kind, nameOrId));
    return *found;
}

} // namespace Pilvi
