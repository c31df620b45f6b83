// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/microversion.h"

#include "net/apierror.h"
#include "net/session.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Pilvi {

std::optional<ApiVersion> ApiVersion::parse(QStringView text)
{
    const qsizetype dot = text.indexOf(u'.');
    if (dot <= 0)
        return std::nullopt;
    bool majorOk = false, minorOk = false;
    const int major = text.left(dot).toInt(&majorOk);
    const int minor = text.mid(dot + 1).toInt(&minorOk);
    if (!majorOk || !minorOk || major < 0 || minor < 0)
        return std::nullopt;
    return ApiVersion{major, minor};
}

ApiVersion parseNewestMicroversion(const QByteArray &versionDocument, int major)
{
    const QJsonObject root = QJsonDocument::fromJson(versionDocument).object();
    QJsonArray versions = root.value(QStringLiteral("versions")).toArray();
    if (root.value(QStringLiteral("version")).isObject())
        versions.append(root.value(QStringLiteral("version")));
    if (versions.isEmpty())
        throw ApiError(ApiError::Kind::BadResponse, QStringLiteral("not a version document (no 'version' or 'versions')"));
    for (const auto &value : std::as_const(versions)) {
        const QJsonObject version = value.toObject();
        // Ids are "v3.0", "v2.1": only the major counts.
        const auto id = ApiVersion::parse(version.value(QStringLiteral("id")).toString().mid(1));
        if (!id || id->major != major)
            continue;
        // An old cloud without microversions leaves "version" empty.
        return ApiVersion::parse(version.value(QStringLiteral("version")).toString()).value_or(ApiVersion{});
    }
    return {};
}

QString versionDocumentUrl(const QString &endpointUrl, const QString &projectId)
{
    QString url = endpointUrl;
    while (url.endsWith(u'/'))
        url.chop(1);
    if (!projectId.isEmpty() && url.endsWith(u'/' + projectId))
        url.chop(projectId.size() + 1);
    else if (url.section(u'/', -1).startsWith(QStringLiteral("AUTH_")))
        url = url.section(u'/', 0, -2);
    return url + u'/';
}

QByteArray microversionHeader(const QString &serviceName, ApiVersion cloudNewest, ApiVersion wanted)
{
    if (cloudNewest.isNull())
        return {};
    return (serviceName + u' ' + std::min(cloudNewest, wanted).toString()).toLatin1();
}

QFuture<QByteArray> negotiateMicroversion(Session *session, const QString &serviceType, const QString &serviceName,
                                          ApiVersion wanted)
{
    return session->newestMicroversion(serviceType, wanted.major)
        .then([serviceName, wanted](ApiVersion newest) { return microversionHeader(serviceName, newest, wanted); })
        .onFailed([serviceType, serviceName, wanted](const ApiError &error) {
            // Sending the wanted version is what Pilvi did before discovery; the call itself will
            // then say what is wrong with the service.
            qCWarning(lcNet) << "cannot read the version document of" << serviceType << ":" << error.toString();
            return (serviceName + u' ' + wanted.toString()).toLatin1();
        });
}

} // namespace Pilvi
