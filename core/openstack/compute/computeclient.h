// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/compute/server.h"

#include <QFuture>
#include <QJsonValue>

namespace Pilvi {

class Session;
struct ServiceRequest;
struct HttpResponse;

/// Nova (compute API v2.1) at Microversions::compute, or the cloud's newest when older. Futures
/// finish on the network thread, or fail with ApiError.
class ComputeClient
{
public:
    explicit ComputeClient(Session *session);

    QFuture<ComputeLimits> limits();
    QFuture<QList<Flavor>> listFlavors();
    /// Every server of the project, paged to the end.
    QFuture<QList<Server>> listServers();
    QFuture<Server> showServer(const QString &id);
    /// The new server's id; it starts in BUILD.
    QFuture<QString> createServer(const ServerCreateRequest &request);
    QFuture<void> deleteServer(const QString &id);

    /// Starts a resize; the server goes RESIZE, then VERIFY_RESIZE, where it waits for a confirm
    /// or a revert (some clouds confirm on their own after a while).
    QFuture<void> resizeServer(const QString &id, const QString &flavorId);
    QFuture<void> confirmResize(const QString &id);
    QFuture<void> revertResize(const QString &id);

private:
    QFuture<HttpResponse> send(ServiceRequest request);
    QFuture<void> action(const QString &id, const QString &name, const QJsonValue &argument, const QString &what);

    Session *m_session;
};

} // namespace Pilvi
