// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/stack.h"

#include <QFuture>
#include <QMap>

namespace Pilvi {

class Session;

/// What a stack create sends.
struct StackCreateRequest {
    QString name;
    QByteArray templateText; ///< YAML or JSON, sent as is
    QMap<QString, QString> parameters;
    QMap<QString, QByteArray> files; ///< get_file and nested templates, by the name the template uses
    QByteArray environmentText;
    int timeoutMinutes = 0; ///< 0: Heat's default
    bool rollbackOnFailure = true;
};

/// Heat (orchestration API v1). Every call returns a future that finishes on the network thread
/// with typed values, or fails with ApiError.
class OrchestrationClient
{
public:
    explicit OrchestrationClient(Session *session);

    QFuture<QList<Stack>> listStacks(bool includeNested = false);
    /// By name or id.
    QFuture<Stack> showStack(const QString &stack);
    QFuture<QList<StackResource>> listResources(const QString &stack, int nestedDepth = 0);
    /// All events, oldest first; from `sinceMarker` (an event id) on when given.
    QFuture<QList<StackEvent>> listEvents(const QString &stack, const QString &sinceMarker = {});
    /// The new stack's id.
    QFuture<QString> createStack(const StackCreateRequest &request);
    QFuture<void> deleteStack(const QString &stackName, const QString &stackId);
    /// Signals a resource (e.g. a ScalingPolicy) as `openstack stack resource signal` does.
    QFuture<void> signalResource(const QString &stackName, const QString &stackId, const QString &resource);

private:
    Session *m_session;
};

} // namespace Pilvi
