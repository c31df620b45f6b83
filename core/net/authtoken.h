// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Pilvi {

struct ServiceEndpoint {
    QString serviceType;
    QString serviceName;
    QString interface;
    QString region;
    QString url;
    friend bool operator==(const ServiceEndpoint &, const ServiceEndpoint &) = default;
};

/// A Keystone v3 token with what came with it. Secret: never logged.
struct AuthToken {
    QByteArray id;
    QDateTime expiresAt;
    QString projectId;
    QString projectName;
    QString projectDomainId;
    QString projectDomainName;
    QString userId;
    QString userName;
    QStringList roles;
    QList<ServiceEndpoint> catalog;

    bool isValid() const { return !id.isEmpty(); }
    /// True when the token still has `margin` seconds to live at `now`: a token is renewed
    /// before it expires, not after a request fails with it.
    bool isFreshAt(const QDateTime &now, int marginSeconds = 300) const
    {
        return isValid() && expiresAt.isValid() && now.secsTo(expiresAt) > marginSeconds;
    }
};

/// Aliases of a service type in the catalog, from the OpenStack service-types authority
/// (block-storage was volumev3, volumev2 and volume in older clouds).
QStringList serviceTypeAliases(const QString &serviceType);

/// The endpoint URL for a service type, interface and region (empty region: any), or nullopt.
std::optional<QString> findEndpoint(const QList<ServiceEndpoint> &catalog, const QString &serviceType, const QString &interface,
                                    const QString &region);

} // namespace Pilvi
