// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/objectstorage/objectstorageclient.h"

#include "net/apierror.h"
#include "net/session.h"
#include "openstack/objectstorage/objectstorageparse.h"
#include "openstack/paging.h"

#include <QCryptographicHash>

namespace Pilvi {

namespace {
QString objectPath(const QString &container, const QString &name = {})
{
    QString path = u'/' + QString::fromLatin1(QUrl::toPercentEncoding(container));
    if (!name.isEmpty())
        path += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(name, "/"));
    return path;
}

ServiceRequest call(const QByteArray &method, const QString &path, const QString &what)
{
    ServiceRequest request;
    request.serviceType = QStringLiteral("object-store");
    request.method = method;
    request.path = path;
    request.what = what;
    return request;
}
} // namespace

ObjectStorageClient::ObjectStorageClient(Session *session)
    : m_session(session)
{}

QFuture<QList<Container>> ObjectStorageClient::listContainers()
{
    ServiceRequest request = call("GET", QString(), QStringLiteral("list containers"));
    request.query.addQueryItem(QStringLiteral("format"), QStringLiteral("json"));
    return fetchAllPages<Container>(m_session, request, 10000, &SwiftParse::containers,
                                    [](const Container &c) { return c.name; });
}

QFuture<QList<ObjectEntry>> ObjectStorageClient::listObjects(const QString &container, const QString &prefix,
                                                             const QString &delimiter)
{
    ServiceRequest request = call("GET", objectPath(container), QStringLiteral("list objects in %1").arg(container));
    request.query.addQueryItem(QStringLiteral("format"), QStringLiteral("json"));
    if (!prefix.isEmpty())
        request.query.addQueryItem(QStringLiteral("prefix"), QString::fromLatin1(QUrl::toPercentEncoding(prefix)));
    if (!delimiter.isEmpty())
        request.query.addQueryItem(QStringLiteral("delimiter"), QString::fromLatin1(QUrl::toPercentEncoding(delimiter)));
    return fetchAllPages<ObjectEntry>(m_session, request, 10000, &SwiftParse::objects,
                                      [](const ObjectEntry &o) { return o.name; });
}

QFuture<void> ObjectStorageClient::createContainer(const QString &container)
{
    return m_session->send(call("PUT", objectPath(container), QStringLiteral("create container %1").arg(container)))
        .then([](const HttpResponse &) {});
}

QFuture<void> ObjectStorageClient::deleteContainer(const QString &container)
{
    return m_session->send(call("DELETE", objectPath(container), QStringLiteral("delete container %1").arg(container)))
        .then([](const HttpResponse &) {});
}

QFuture<void> ObjectStorageClient::putObject(const QString &container, const QString &name, const QByteArray &data)
{
    ServiceRequest request = call("PUT", objectPath(container, name), QStringLiteral("upload %1/%2").arg(container, name));
    request.body = data;
    const QByteArray md5 = QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
    // With an ETag header Swift itself refuses a body that arrived damaged (422).
    request.headers.append(std::pair<QByteArray, QByteArray>("ETag", md5));
    request.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/octet-stream"));
    return m_session->send(request).then([md5, what = request.what](const HttpResponse &response) {
        if (response.header("ETag").replace('"', "") != md5)
            throw ApiError(ApiError::Kind::BadResponse, QStringLiteral("checksum mismatch after upload"), response.status, {},
                           what);
    });
}

QFuture<QByteArray> ObjectStorageClient::getObject(const QString &container, const QString &name)
{
    ServiceRequest request = call("GET", objectPath(container, name), QStringLiteral("download %1/%2").arg(container, name));
    request.headers.append(std::pair<QByteArray, QByteArray>("Accept", "*/*"));
    return m_session->send(request).then([what = request.what](const HttpResponse &response) {
        const QByteArray etag = response.header("ETag").replace('"', "");
        // Large (SLO/DLO) objects carry the manifest's ETag, not the content's: check plain ones.
        if (response.header("X-Static-Large-Object").isEmpty() && response.header("X-Object-Manifest").isEmpty() &&
            etag != QCryptographicHash::hash(response.body, QCryptographicHash::Md5).toHex())
            throw ApiError(ApiError::Kind::BadResponse, QStringLiteral("checksum mismatch after download"), response.status, {},
                           what);
        return response.body;
    });
}

QFuture<void> ObjectStorageClient::deleteObject(const QString &container, const QString &name)
{
    return m_session->send(call("DELETE", objectPath(container, name), QStringLiteral("delete %1/%2").arg(container, name)))
        .then([](const HttpResponse &) {});
}

} // namespace Pilvi
