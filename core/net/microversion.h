// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFuture>
#include <QString>

#include <compare>
#include <optional>

namespace Pilvi {

class Session;

/// A microversion ("3.40", "2.79"): what a Nova or Cinder request asks for in its
/// OpenStack-API-Version header. A null version means the service offers none.
struct ApiVersion {
    int major = 0;
    int minor = 0;

    bool isNull() const { return major == 0 && minor == 0; }
    QString toString() const { return QStringLiteral("%1.%2").arg(major).arg(minor); }
    static std::optional<ApiVersion> parse(QStringView text);
    friend auto operator<=>(const ApiVersion &, const ApiVersion &) = default;
};

/// The newest microversion a version document offers for `major`: Nova answers its endpoint with
/// {"version": {...}}, Cinder its /v3/ with {"versions": [...]}. Null when the document names no
/// microversion (an old cloud); throws ApiError(BadResponse) when it is not a version document.
ApiVersion parseNewestMicroversion(const QByteArray &versionDocument, int major);

/// Where a service's version document is: its catalog URL without the trailing project id
/// (Cinder's http://h:8776/v3/PROJECT -> http://h:8776/v3/).
QString versionDocumentUrl(const QString &endpointUrl, const QString &projectId);

/// The OpenStack-API-Version header value to send: the wanted version, or the cloud's newest
/// when that is older; empty when the cloud has no microversions. `serviceName` is "volume"...
QByteArray microversionHeader(const QString &serviceName, ApiVersion cloudNewest, ApiVersion wanted);

/// Discovers (once per session and service, kept by the Session) and returns the header value.
/// A cloud whose version document cannot be read gets the wanted version.
QFuture<QByteArray> negotiateMicroversion(Session *session, const QString &serviceType, const QString &serviceName,
                                          ApiVersion wanted);

} // namespace Pilvi
