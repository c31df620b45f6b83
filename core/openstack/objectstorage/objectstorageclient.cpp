// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/objectstorage/objectstorageclient.h"

#include "net/apierror.h"
#include "net/session.h"
#include "openstack/objectstorage/objectstorageparse.h"
#include "openstack/paging.h"
#include "util/logging.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>

#include <filesystem>

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
QString unquotedEtag(const HttpResponse &response)
{
    return QString::fromLatin1(response.header("ETag").replace('"', ""));
}

std::pair<QByteArray, QByteArray> header(const QByteArray &name, const QByteArray &value)
{
    return {name, value};
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

TransferProgress ObjectStorageClient::deliverOn(QObject *context, TransferProgress progress)
{
    if (!progress)
        return {};
    return [guard = QPointer<QObject>(context), progress](qint64 done, qint64 total) {
        if (guard)
            QMetaObject::invokeMethod(guard.data(), [progress, done, total] { progress(done, total); }, Qt::AutoConnection);
    };
}

QFuture<TransferResult> ObjectStorageClient::uploadFile(const QString &container, const QString &name, const QString &filePath,
                                                        const TransferProgress &progress, const QString &contentType,
                                                        const AbortFlag &abort)
{
    ServiceRequest request =
        call("PUT", objectPath(container, name), QStringLiteral("upload %1 to %2/%3").arg(filePath, container, name));
    request.bodyFile = filePath;
    request.progress = progress;
    request.abort = abort;
    request.headers.append(header("Content-Type", contentType.toUtf8()));
    Session *session = m_session;
    const QString path = request.path;
    return m_session->send(request)
        .then([session, path, what = request.what](const HttpResponse &response) {
            const QString etag = unquotedEtag(response);
            const QString md5 = QString::fromLatin1(response.streamedMd5);
            if (etag == md5)
                return QtFuture::makeReadyValueFuture(TransferResult{response.streamedBytes, md5});
            const ApiError mismatch(
                ApiError::Kind::BadResponse,
                QStringLiteral("checksum mismatch: Swift stored ETag %1, the file sent has MD5 %2; the object "
                               "was deleted again")
                    .arg(etag, md5),
                response.status, QString::fromLatin1(response.header("X-Trans-Id")), what);
            qCWarning(lcSwift) << mismatch.toString();
            // A damaged object must not pass for the file: delete it, then fail either way.
            return session->send(call("DELETE", path, QStringLiteral("delete a damaged upload")))
                .then([mismatch](const HttpResponse &) -> TransferResult { throw mismatch; })
                .onFailed([mismatch]() -> TransferResult { throw mismatch; });
        })
        .unwrap();
}

QFuture<TransferResult> ObjectStorageClient::downloadFile(const QString &container, const QString &name, const QString &filePath,
                                                          const TransferProgress &progress, const AbortFlag &abort)
{
    ServiceRequest request =
        call("GET", objectPath(container, name), QStringLiteral("download %1/%2 to %3").arg(container, name, filePath));
    request.headers.append(header("Accept", "*/*"));
    // Beside the target, so that the final rename stays on one file system and is atomic.
    const QString partial =
        QStringLiteral("%1.%2.part").arg(filePath).arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    request.responseFile = partial;
    request.progress = progress;
    request.abort = abort;
    return m_session->send(request).then([partial, filePath, what = request.what](const HttpResponse &response) {
        const QString etag = unquotedEtag(response);
        const QString md5 = QString::fromLatin1(response.streamedMd5);
        const bool largeObject =
            !response.header("X-Static-Large-Object").isEmpty() || !response.header("X-Object-Manifest").isEmpty();
        if (!largeObject && etag != md5) {
            QFile::remove(partial);
            throw ApiError(ApiError::Kind::BadResponse,
                           QStringLiteral("checksum mismatch: Swift's ETag is %1, the bytes received have MD5 %2; the partial "
                                          "file was removed")
                               .arg(etag, md5),
                           response.status, QString::fromLatin1(response.header("X-Trans-Id")), what);
        }
        std::error_code error;
        std::filesystem::rename(partial.toStdString(), filePath.toStdString(), error);
        if (error) {
            QFile::remove(partial);
            throw ApiError(ApiError::Kind::Config,
                           QStringLiteral("cannot replace %1: %2").arg(filePath, QString::fromStdString(error.message())), 0, {},
                           what);
        }
        return TransferResult{response.streamedBytes, md5};
    });
}

QFuture<AccountInfo> ObjectStorageClient::accountInfo()
{
    return m_session->send(call("HEAD", QString(), QStringLiteral("show the object storage account")))
        .then([](const HttpResponse &r) { return SwiftParse::account(r.headers); });
}

QFuture<ContainerInfo> ObjectStorageClient::containerInfo(const QString &container)
{
    return m_session->send(call("HEAD", objectPath(container), QStringLiteral("show container %1").arg(container)))
        .then([](const HttpResponse &r) { return SwiftParse::container(r.headers); });
}

QFuture<ObjectInfo> ObjectStorageClient::objectInfo(const QString &container, const QString &name)
{
    return m_session->send(call("HEAD", objectPath(container, name), QStringLiteral("show %1/%2").arg(container, name)))
        .then([](const HttpResponse &r) { return SwiftParse::object(r.headers); });
}

QFuture<void> ObjectStorageClient::setContainerMetadata(const QString &container, const QMap<QString, QString> &set,
                                                        const QStringList &remove)
{
    ServiceRequest request =
        call("POST", objectPath(container), QStringLiteral("set the metadata of container %1").arg(container));
    for (auto it = set.cbegin(); it != set.cend(); ++it)
        request.headers.append(header("X-Container-Meta-" + it.key().toUtf8(), it.value().toUtf8()));
    for (const QString &key : remove)
        request.headers.append(header("X-Remove-Container-Meta-" + key.toUtf8(), "x"));
    request.idempotent = true; // setting the same values twice is harmless
    return m_session->send(request).then([](const HttpResponse &) {});
}

QFuture<void> ObjectStorageClient::setObjectMetadata(const QString &container, const QString &name,
                                                     const QMap<QString, QString> &metadata, const QDateTime &deleteAt)
{
    ServiceRequest request =
        call("POST", objectPath(container, name), QStringLiteral("set the metadata of %1/%2").arg(container, name));
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        request.headers.append(header("X-Object-Meta-" + it.key().toUtf8(), it.value().toUtf8()));
    if (deleteAt.isValid())
        request.headers.append(header("X-Delete-At", QByteArray::number(deleteAt.toSecsSinceEpoch())));
    request.idempotent = true;
    return m_session->send(request).then([](const HttpResponse &) {});
}

QFuture<SwiftCapabilities> ObjectStorageClient::capabilities()
{
    return m_session->authenticate()
        .then([session = m_session](const AuthToken &token) {
            // The endpoint is http://host:8080/v1/AUTH_project; /info sits at http://host:8080/info.
            QUrl url(session->endpointUrl(token, QStringLiteral("object-store")));
            const QString path = url.path();
            const qsizetype v1 = path.indexOf(QStringLiteral("/v1"));
            url.setPath((v1 >= 0 ? path.left(v1) : QString()) + QStringLiteral("/info"));
            ServiceRequest request = call("GET", url.toString(), QStringLiteral("show the object storage capabilities"));
            return session->send(request).then([](const HttpResponse &r) { return SwiftParse::capabilities(r.body); });
        })
        .unwrap();
}

QFuture<void> ObjectStorageClient::setVersioning(const QString &container, VersioningMode mode, const QString &archiveContainer)
{
    ServiceRequest request = call("POST", objectPath(container), QStringLiteral("set versioning of container %1").arg(container));
    const QByteArray archive = QUrl::toPercentEncoding(archiveContainer);
    switch (mode) {
    case VersioningMode::Off:
        request.headers.append(header("X-Remove-Versions-Location", "x"));
        request.headers.append(header("X-Remove-History-Location", "x"));
        break;
    case VersioningMode::Stack: request.headers.append(header("X-Versions-Location", archive)); break;
    case VersioningMode::History: request.headers.append(header("X-History-Location", archive)); break;
    }
    request.idempotent = true;
    return m_session->send(request).then([](const HttpResponse &) {});
}

QFuture<QList<ObjectEntry>> ObjectStorageClient::listVersions(const QString &archiveContainer, const QString &name)
{
    return listObjects(archiveContainer, SwiftParse::versionsPrefix(name));
}

} // namespace Pilvi
