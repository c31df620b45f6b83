// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace Pilvi {

/// A size of server (Nova flavor).
struct Flavor {
    QString id;
    QString name;
    int vcpus = 0;
    qint64 ramMb = 0;
    qint64 diskGb = 0;
    qint64 ephemeralGb = 0;
    qint64 swapMb = 0;
    bool isPublic = true;
    QString description;
    friend bool operator==(const Flavor &, const Flavor &) = default;
};

struct ServerAddress {
    QString network;
    QString address;
    int version = 4;
    QString type; ///< fixed or floating
    friend bool operator==(const ServerAddress &, const ServerAddress &) = default;
};

struct Server {
    QString id;
    QString name;
    QString status;    ///< ACTIVE, BUILD, RESIZE, VERIFY_RESIZE, SHUTOFF, ERROR...
    QString taskState; ///< resize_prep, resize_migrating... or empty when idle
    QString vmState;
    /// The flavor as the server runs it. From microversion 2.47 Nova embeds a copy (name, vcpus,
    /// ram, disk, but no id, since the flavor may have been deleted since); older answers give the
    /// id only.
    Flavor flavor;
    QString imageId; ///< empty for a server booted from a volume
    QList<ServerAddress> addresses;
    QMap<QString, QString> metadata;
    QString stackId; ///< the Heat stack it belongs to, from metadata when the template set it
    QString keyName;
    QString availabilityZone;
    QString faultMessage; ///< why it is in ERROR
    QDateTime createdAt;
    QDateTime updatedAt;
    friend bool operator==(const Server &, const Server &) = default;
};

/// What a new server needs at least (Pilvi's jobs create servers through Heat; this is for tests
/// and for small one-off jobs).
struct ServerCreateRequest {
    QString name;
    QString flavorId;
    QString imageId;
    /// "none", "auto", or a network id (microversion 2.37 makes the choice explicit).
    QString network = QStringLiteral("none");
    QString keyName;
    QMap<QString, QString> metadata;
};

/// One quota with its use; max -1 is unlimited. used -1 when Nova does not report it (key pairs
/// are per user and their use is not in /limits).
struct ComputeQuota {
    qint64 used = 0;
    qint64 max = -1;
    friend bool operator==(const ComputeQuota &, const ComputeQuota &) = default;
};

/// Nova's absolute limits.
struct ComputeLimits {
    ComputeQuota cores;
    ComputeQuota ramMb;
    ComputeQuota instances;
    ComputeQuota keyPairs;
    ComputeQuota serverGroups;
    qint64 maxServerGroupMembers = -1;
    qint64 maxServerMetadata = -1;
    friend bool operator==(const ComputeLimits &, const ComputeLimits &) = default;
};

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::Flavor, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::ServerAddress, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::Server, Q_RELOCATABLE_TYPE);
