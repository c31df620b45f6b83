// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/authtoken.h"

namespace Pilvi {

QStringList serviceTypeAliases(const QString &serviceType)
{
    if (serviceType == u"block-storage")
        return {QStringLiteral("block-storage"), QStringLiteral("volumev3"), QStringLiteral("volumev2"), QStringLiteral("volume"),
                QStringLiteral("block-store")};
    return {serviceType};
}

std::optional<QString> findEndpoint(const QList<ServiceEndpoint> &catalog, const QString &serviceType, const QString &interface,
                                    const QString &region)
{
    const QString wantedInterface =
        interface.isEmpty() ? QStringLiteral("public") : interface.toLower().remove(QStringLiteral("url"));
    // Aliases in order of preference: the first alias with a matching endpoint wins.
    const QStringList aliases = serviceTypeAliases(serviceType);
    for (const QString &type : aliases) {
        for (const ServiceEndpoint &endpoint : catalog) {
            if (endpoint.serviceType == type && endpoint.interface == wantedInterface &&
                (region.isEmpty() || endpoint.region == region))
                return endpoint.url;
        }
    }
    return std::nullopt;
}

} // namespace Pilvi
