// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/identity/project.h"

#include <QFuture>

namespace Pilvi {

class Session;

/// Keystone v3, about the session's own project and user. Futures finish on the network thread,
/// or fail with ApiError.
class IdentityClient
{
public:
    explicit IdentityClient(Session *session);

    /// The token's project, completed from GET /v3/projects/{id}. Policy often lets a member
    /// read their project but not always: on 403 the token's copy comes back (fromTokenOnly).
    QFuture<Project> currentProject();
    /// The application credentials of the token's user.
    QFuture<QList<ApplicationCredential>> applicationCredentials();

    /// The Keystone v3 root from a catalog identity URL ("http://h:5000", ".../v3", ".../v3/").
    static QString v3Root(const QString &endpointUrl);

private:
    Session *m_session;
};

} // namespace Pilvi
