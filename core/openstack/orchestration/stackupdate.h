// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/stack.h"

#include <QByteArray>
#include <QMap>

#include <optional>

namespace Pilvi {

/// What a stack update (or its preview) sends. With `existing` it is a PATCH: Heat keeps the
/// template, parameters, files and environment not given here; without it (PUT) the stack
/// becomes exactly what is given.
struct StackUpdateRequest {
    bool existing = false;
    QByteArray templateText; ///< YAML or JSON; may stay empty with `existing`
    QMap<QString, QString> parameters;
    QStringList clearParameters; ///< (PATCH) parameters to reset to their template default
    QMap<QString, QByteArray> files;
    QByteArray environmentText;
    int timeoutMinutes = 0;                ///< 0: keep Heat's (or the stack's) timeout
    std::optional<bool> rollbackOnFailure; ///< unset: the stack's own setting
};

/// One resource in an update preview or a stack preview.
struct ResourceSummary {
    QString name;
    QString type;
    QString physicalId;     ///< empty for a resource that does not exist yet
    QString stackName;      ///< the (nested) stack it is in, when Heat says
    QString parentResource; ///< for a resource of a nested stack: the resource that holds that stack
    friend bool operator==(const ResourceSummary &, const ResourceSummary &) = default;
};

/// What an update would do, resource by resource (PUT/PATCH .../preview).
struct StackUpdatePreview {
    QList<ResourceSummary> added;
    QList<ResourceSummary> deleted;
    QList<ResourceSummary> replaced;
    QList<ResourceSummary> unchanged;
    QList<ResourceSummary> updated;
    friend bool operator==(const StackUpdatePreview &, const StackUpdatePreview &) = default;
};

/// What a create would make (POST /stacks/preview): the stack and its resources, nested
/// stacks' resources flattened into the one list. Heat lists a resource that is a stack (a
/// group, a nested template) by its resources only, each naming it as parentResource.
struct StackPreview {
    Stack stack;
    QList<ResourceSummary> resources;
};

/// A stack's environment as Heat keeps it (GET .../environment). Values that are lists or maps
/// are compact JSON; resource_registry entries for single resources read "resources.NAME.TYPE".
struct StackEnvironment {
    QMap<QString, QString> parameters;
    QMap<QString, QString> parameterDefaults;
    QMap<QString, QString> resourceRegistry;
    QStringList encryptedParameters;
    friend bool operator==(const StackEnvironment &, const StackEnvironment &) = default;
};

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::ResourceSummary, Q_RELOCATABLE_TYPE);
