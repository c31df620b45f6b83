// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/identity/project.h"

#include <QByteArray>

namespace Pilvi::KeystoneParse {

// Keystone v3 answers -> values; each throws ApiError(BadResponse) naming the bad field.
Project project(const QByteArray &body);                                     ///< GET /v3/projects/{id}
QList<ApplicationCredential> applicationCredentials(const QByteArray &body); ///< GET /v3/users/{id}/application_credentials

} // namespace Pilvi::KeystoneParse
