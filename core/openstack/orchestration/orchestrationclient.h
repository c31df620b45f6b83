// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/resourcetype.h"
#include "openstack/orchestration/scalinggroups.h"
#include "openstack/orchestration/stack.h"
#include "openstack/orchestration/stackupdate.h"

#include <QFuture>
#include <QJsonObject>
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

    /// The template Heat keeps for the stack, as JSON text (readable as YAML too).
    QFuture<QByteArray> stackTemplate(const QString &stackName, const QString &stackId);
    QFuture<StackEnvironment> stackEnvironment(const QString &stackName, const QString &stackId);
    /// The files the stack was created or updated with (get_file, nested templates).
    QFuture<QMap<QString, QByteArray>> stackFiles(const QString &stackName, const QString &stackId);
    /// Output keys and descriptions, without values (cheap: Heat resolves nothing).
    QFuture<QList<StackOutput>> listOutputs(const QString &stackName, const QString &stackId);
    /// One output with its value (or its error).
    QFuture<StackOutput> showOutput(const QString &stackName, const QString &stackId, const QString &key);

    /// PUT (the stack becomes exactly `request`) or, with request.existing, PATCH (keeps what is
    /// not given). Finishes when Heat accepted it; follow the status or the events from there.
    QFuture<void> updateStack(const QString &stackName, const QString &stackId, const StackUpdateRequest &request);
    /// What updateStack(request) would do, resource by resource; `showNested` includes the
    /// resources of nested stacks (group members).
    QFuture<StackUpdatePreview> previewUpdate(const QString &stackName, const QString &stackId, const StackUpdateRequest &request,
                                              bool showNested = false);
    /// What createStack(request) would make.
    QFuture<StackPreview> previewStack(const StackCreateRequest &request);
    /// Stops an update in progress; Heat rolls back to the previous state.
    QFuture<void> cancelUpdate(const QString &stackName, const QString &stackId);
    /// Asks Heat to check that the stack's resources still exist as it believes (CHECK_COMPLETE/FAILED).
    QFuture<void> checkStack(const QString &stackName, const QString &stackId);

    /// Validates a template as Heat reads it. Fails with an ApiError whose message() is Heat's
    /// explanation of what is wrong.
    QFuture<HeatTemplateValidation> validateTemplate(const TemplateValidateRequest &request);
    QFuture<QList<ResourceTypeInfo>> listResourceTypes(const ResourceTypeFilter &filter = {});
    QFuture<HeatResourceTypeSchema> resourceTypeSchema(const QString &type);
    /// The same answer as Heat gave it, for ResourceSchemaRegistry::setType.
    QFuture<QJsonObject> resourceTypeSchemaJson(const QString &type);
    QFuture<QList<HeatTemplateVersion>> listTemplateVersions();

    /// The scaling groups of a stack (by name or id), with their members and policies: fetches
    /// the stack, its template and its resources one level deep, and derives them
    /// (deriveScalingGroups).
    QFuture<QList<ScalingGroup>> scalingGroups(const QString &stack);

private:
    Session *m_session;
};

} // namespace Pilvi
