// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/objectstorage/objectstorage.h"

#include <QFuture>

namespace Pilvi {

class Session;

/// What the user can change about a container: who may read it, how it keeps old versions
/// (versioned_writes) and its metadata.
struct ContainerSettings {
    bool isPublic = false;
    VersioningMode versioning = VersioningMode::Off;
    QString archive; ///< the container old versions go to (with Stack or History)
    QMap<QString, QString> metadata;

    static ContainerSettings of(const ContainerInfo &info);
    /// Why these settings cannot be applied to `container` (the archive, the metadata), or empty.
    QString problem(const QString &container) const;
    friend bool operator==(const ContainerSettings &, const ContainerSettings &) = default;
};

/// Why `name` cannot name a container (empty, or with '/'), or empty.
QString containerNameProblem(const QString &name);
/// Why `key` cannot be a metadata key, or empty. Letters, digits and '-' only: the key travels in
/// an HTTP header, and Swift hands '_' back as '-', so the key would come back as another.
QString metadataKeyProblem(const QString &key);
/// Why `value` cannot be a metadata value (it must be one line), or empty.
QString metadataValueProblem(const QString &value);

/// The read ACL `acl` made public (".r:*,.rlistings" added, narrower referrer rules replaced) or
/// private (every referrer rule and ".rlistings" taken out). Grants to projects and users
/// ("project:user", "project:*") stay as they are; empty when nothing is left.
QString readAclWithPublicAccess(const QString &acl, bool isPublic);

/// Changes the container from `current` to `wanted`, sending only what differs: the read ACL
/// (readAclWithPublicAccess), the archive container (created first when
/// `archiveExists` is false) and versioning, then the metadata (changed keys set, dropped keys
/// removed). Stops at the first error. Futures finish on the network thread.
QFuture<void> applyContainerSettings(Session *session, const QString &container, const ContainerInfo &current,
                                     const ContainerSettings &wanted, bool archiveExists);

} // namespace Pilvi
