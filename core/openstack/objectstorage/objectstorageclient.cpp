// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/objectstorage/objectstorageclient.h"

#include "net/apierror.h"
#include "net/session.h"
#include "openstack/objectstorage/objectstorageparse.h"
#include "openstack/objectstorage/tempurl.h"
#include "openstack/paging.h"
#include "util/futures.h"
#include "util/logging.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>

#include <algorithm>
#include <filesystem>
#include <memory>

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
    const QString path = objectPath(container, name);
    const QString what = QStringLiteral("delete %1/%2").arg(container, name);
    Session *session = m_session;
    // A user who may write but not read (a write-only ACL) cannot HEAD: then a plain DELETE.
    QFuture<HttpResponse> headed = m_session->send(call("HEAD", path, what)).onFailed([](const ApiError &error) {
        if (error.httpStatus() != 401 && error.httpStatus() != 403)
            throw error;
        return HttpResponse();
    });
    return headed
        .then([session, path, what](const HttpResponse &head) {
            ServiceRequest request = call("DELETE", path, what);
            const bool staticLargeObject = head.header("X-Static-Large-Object").compare("true", Qt::CaseInsensitive) == 0;
            if (!staticLargeObject)
                return session->send(request).then([](const HttpResponse &) {});
            request.query.addQueryItem(QStringLiteral("multipart-manifest"), QStringLiteral("delete"));
            request.headers.append(header("Accept", "application/json"));
            // A bulk answer: 200 whatever happened, the outcome is in the body.
            return session->send(request).then([what](const HttpResponse &response) {
                const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
                const QString status = answer.value(QStringLiteral("Response Status")).toString();
                if (status.startsWith(u'2'))
                    return;
                QStringList errors;
                const QJsonArray failed = answer.value(QStringLiteral("Errors")).toArray();
                for (const auto &error : failed) {
                    const QJsonArray pair = error.toArray();
                    errors.append(QStringLiteral("%1: %2").arg(pair.at(0).toString(), pair.at(1).toString()));
                }
                throw ApiError(ApiError::Kind::BadResponse,
                               QStringLiteral("Swift did not delete the large object and its segments (%1)%2")
                                   .arg(status.isEmpty() ? QStringLiteral("no status") : status,
                                        errors.isEmpty() ? QString() : QStringLiteral(": ") + errors.join(QStringLiteral("; "))),
                               0, QString::fromLatin1(response.header("X-Trans-Id")), what);
            });
        })
        .unwrap();
}

namespace {
QFuture<int> deleteEach(Session *session, const QString &container, const std::shared_ptr<const QList<ObjectEntry>> &objects,
                        int index)
{
    if (index >= objects->size())
        return QtFuture::makeReadyValueFuture(index);
    return ObjectStorageClient(session)
        .deleteObject(container, objects->at(index).name)
        .onFailed([](const ApiError &error) {
            if (error.httpStatus() != 404) // gone meanwhile (another client, a segment of a deleted manifest): fine
                throw error;
        })
        .then([session, container, objects, index] { return deleteEach(session, container, objects, index + 1); })
        .unwrap();
}
} // namespace

QFuture<int> ObjectStorageClient::deleteFolder(const QString &container, const QString &prefix)
{
    // An empty prefix would be the whole container; "photos" without its slash also "photos2/".
    if (prefix.isEmpty() || !prefix.endsWith(u'/'))
        return QtFuture::makeExceptionalFuture<int>(std::make_exception_ptr(
            ApiError(ApiError::Kind::Config, QStringLiteral("'%1' is not a folder (a prefix ending in '/')").arg(prefix), 0, {},
                     QStringLiteral("delete %1/%2").arg(container, prefix))));
    Session *session = m_session;
    return listObjects(container, prefix)
        .then([session, container](const QList<ObjectEntry> &objects) {
            return deleteEach(session, container, std::make_shared<const QList<ObjectEntry>>(objects), 0);
        })
        .unwrap();
}

QFuture<void> ObjectStorageClient::copyObject(const QString &fromContainer, const QString &fromName, const QString &toContainer,
                                              const QString &toName)
{
    ServiceRequest request = call("PUT", objectPath(toContainer, toName),
                                  QStringLiteral("copy %1/%2 to %3/%4").arg(fromContainer, fromName, toContainer, toName));
    request.headers.append(header("X-Copy-From", objectPath(fromContainer, fromName).toUtf8()));
    request.headers.append(header("Content-Length", "0"));
    return m_session->send(request).then([](const HttpResponse &) {});
}

TransferProgress ObjectStorageClient::deliverOn(QObject *context, const TransferProgress &progress)
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

namespace {
/// One large upload under way; its steps run one after another on the network thread.
struct LargeUpload {
    Session *session = nullptr;
    QString container;
    QString name;
    QString filePath;
    QString contentType;
    qint64 size = 0;
    qint64 segmentSize = 0;
    TransferProgress progress;
    AbortFlag abort;
    QString segments;      ///< the segments' container
    QString segmentPrefix; ///< "<name>/slo/<mtime>/<size>/<segmentSize>/"
    int segmentCount = 0;
    QJsonArray manifest;
    QStringList sent; ///< segments stored so far, deleted again on failure
    /// Segments (in `segments`) of the SLO this upload replaces, deleted once the new one is stored.
    QStringList replaced;
    QCryptographicHash segmentEtags{QCryptographicHash::Md5};
};

QFuture<void> sendSegment(const std::shared_ptr<LargeUpload> &up, int index)
{
    // A segment can finish before the request notices the flag: look at it between segments too.
    if (up->abort && up->abort->load())
        return QtFuture::makeExceptionalFuture(
            std::make_exception_ptr(ApiError(ApiError::Kind::Cancelled, QStringLiteral("the upload was aborted"), 0, {},
                                             QStringLiteral("upload %1 to %2/%3").arg(up->filePath, up->container, up->name))));
    if (index == up->segmentCount)
        return QtFuture::makeReadyVoidFuture();
    const qint64 offset = index * up->segmentSize;
    const QString segment = up->segmentPrefix + QStringLiteral("%1").arg(index, 8, 10, QLatin1Char('0'));
    ServiceRequest request = call(
        "PUT", objectPath(up->segments, segment),
        QStringLiteral("upload segment %1 of %2 to %3/%4").arg(index + 1).arg(up->segmentCount).arg(up->container, up->name));
    request.bodyFile = up->filePath;
    request.bodyOffset = offset;
    request.bodyLength = std::min(up->segmentSize, up->size - offset);
    request.abort = up->abort;
    if (up->progress)
        request.progress = [up, offset](qint64 done, qint64) { up->progress(offset + done, up->size); };
    return up->session->send(request)
        .then([up, index, segment, what = request.what](const HttpResponse &response) {
            const QString etag = unquotedEtag(response);
            const QString md5 = QString::fromLatin1(response.streamedMd5);
            up->sent.append(segment);
            if (etag != md5)
                throw ApiError(
                    ApiError::Kind::BadResponse,
                    QStringLiteral("checksum mismatch: Swift stored ETag %1, the segment sent has MD5 %2").arg(etag, md5),
                    response.status, QString::fromLatin1(response.header("X-Trans-Id")), what);
            up->manifest.append(QJsonObject{{QStringLiteral("path"), QString(u'/' + up->segments + u'/' + segment)},
                                            {QStringLiteral("etag"), md5},
                                            {QStringLiteral("size_bytes"), response.streamedBytes}});
            up->segmentEtags.addData(md5.toLatin1());
            return sendSegment(up, index + 1);
        })
        .unwrap();
}

QFuture<TransferResult> putManifest(const std::shared_ptr<LargeUpload> &up)
{
    ServiceRequest request =
        call("PUT", objectPath(up->container, up->name),
             QStringLiteral("store the manifest of %1/%2 (%3 segments)").arg(up->container, up->name).arg(up->segmentCount));
    request.query.addQueryItem(QStringLiteral("multipart-manifest"), QStringLiteral("put"));
    request.headers.append(header("Content-Type", up->contentType.toUtf8()));
    request.body = QJsonDocument(up->manifest).toJson(QJsonDocument::Compact);
    return up->session->send(request)
        .then([up, what = request.what](const HttpResponse &response) {
            const QString expected = QString::fromLatin1(up->segmentEtags.result().toHex());
            const QString etag = unquotedEtag(response);
            if (etag == expected)
                return QtFuture::makeReadyValueFuture(TransferResult{up->size, expected});
            const ApiError mismatch(
                ApiError::Kind::BadResponse,
                QStringLiteral("checksum mismatch: Swift's manifest ETag is %1, the segments sent make %2; the object was "
                               "deleted again")
                    .arg(etag, expected),
                response.status, QString::fromLatin1(response.header("X-Trans-Id")), what);
            // What Swift stored is not this file: it must not pass for it.
            return ObjectStorageClient(up->session)
                .deleteObject(up->container, up->name)
                .then([mismatch]() -> TransferResult { throw mismatch; })
                .onFailed([mismatch]() -> TransferResult { throw mismatch; });
        })
        .unwrap();
}

/// Best effort, all at once: a segment that cannot be deleted stays, for the user to see in the
/// segments container (one already gone is fine).
QFuture<void> deleteSegments(Session *session, const QString &segments, const QStringList &names, const QString &what)
{
    QList<QFuture<void>> deletes;
    for (const QString &name : names)
        deletes.append(session->send(call("DELETE", objectPath(segments, name), what))
                           .then([](const HttpResponse &) {})
                           .onFailed([](const ApiError &error) {
                               if (error.httpStatus() != 404)
                                   qCWarning(lcSwift) << error.toString();
                           }));
    return whenAllDone(deletes);
}

/// The segment names, in <container>_segments, of the manifest `up` is about to replace.
QFuture<void> readReplacedManifest(const std::shared_ptr<LargeUpload> &up)
{
    ServiceRequest request = call("GET", objectPath(up->container, up->name),
                                  QStringLiteral("read the manifest %1/%2 replaces").arg(up->container, up->name));
    request.query.addQueryItem(QStringLiteral("multipart-manifest"), QStringLiteral("get"));
    return up->session->send(request).then([up](const HttpResponse &response) {
        // A manifest may name any object; one outside the segments container is the user's.
        const QString prefix = u'/' + up->segments + u'/';
        const QJsonArray entries = QJsonDocument::fromJson(response.body).array();
        for (const auto &entry : entries) {
            const QString path = entry.toObject().value(QStringLiteral("name")).toString();
            if (path.startsWith(prefix) && path.size() > prefix.size())
                up->replaced.append(path.mid(prefix.size()));
        }
    });
}

/// Notes the segments of the static large object this upload replaces (up->replaced). Not when
/// the container keeps old versions: the archived manifest still uses them. Not when anything of
/// it cannot be read either (no object yet, no right to HEAD): then nothing is deleted.
QFuture<void> findReplacedSegments(const std::shared_ptr<LargeUpload> &up)
{
    return ObjectStorageClient(up->session)
        .objectInfo(up->container, up->name)
        .then([up](const ObjectInfo &old) {
            if (!old.isStaticLargeObject)
                return QtFuture::makeReadyVoidFuture();
            return ObjectStorageClient(up->session)
                .containerInfo(up->container)
                .then([up](const ContainerInfo &container) {
                    return container.keepsOldVersions() ? QtFuture::makeReadyVoidFuture() : readReplacedManifest(up);
                })
                .unwrap();
        })
        .unwrap()
        .onFailed([up](const ApiError &error) {
            if (error.httpStatus() != 404)
                qCWarning(lcSwift) << "the segments" << up->name << "replaces stay:" << error.toString();
        });
}

/// After the new manifest is stored. Versioning is asked again: turned on during the upload, the
/// archive now holds the replaced manifest, which needs its segments.
QFuture<void> deleteReplacedSegments(const std::shared_ptr<LargeUpload> &up)
{
    QStringList names;
    for (const QString &name : std::as_const(up->replaced)) {
        if (!up->sent.contains(name)) // never one of this upload's own
            names.append(name);
    }
    if (names.isEmpty())
        return QtFuture::makeReadyVoidFuture();
    return ObjectStorageClient(up->session)
        .containerInfo(up->container)
        .then([up, names](const ContainerInfo &container) {
            return container.keepsOldVersions()
                       ? QtFuture::makeReadyVoidFuture()
                       : deleteSegments(up->session, up->segments, names,
                                        QStringLiteral("delete a segment of the replaced %1").arg(up->name));
        })
        .unwrap()
        .onFailed([up](const ApiError &error) {
            qCWarning(lcSwift) << "the segments" << up->name << "replaced stay:" << error.toString();
        });
}

/// The segments, then the manifest; on failure the segments sent are deleted again. An SLO
/// replaced by it loses its segments once the new manifest is stored (the swift CLI does the same
/// unless told --leave-segments): they would otherwise stay, unseen and paid for.
QFuture<TransferResult> runLargeUpload(const std::shared_ptr<LargeUpload> &up)
{
    return findReplacedSegments(up)
        .then([up] { return ObjectStorageClient(up->session).createContainer(up->segments); })
        .unwrap()
        .then([up] { return sendSegment(up, 0); })
        .unwrap()
        .then([up] { return putManifest(up); })
        .unwrap()
        .then([up](QFuture<TransferResult> done) -> QFuture<TransferResult> {
            try {
                done.waitForFinished(); // rethrows the failure, if any
                if (!done.isCanceled() && done.resultCount() > 0) {
                    return deleteReplacedSegments(up).then([result = done.result()]() mutable { return std::move(result); });
                }
                throw ApiError(ApiError::Kind::Cancelled, QStringLiteral("the upload was cancelled"));
            } catch (const ApiError &error) {
                return deleteSegments(up->session, up->segments, up->sent, QStringLiteral("delete a segment"))
                    .then([error]() -> TransferResult { throw error; });
            } catch (...) {
                const std::exception_ptr failure = std::current_exception();
                return deleteSegments(up->session, up->segments, up->sent, QStringLiteral("delete a segment"))
                    .then([failure]() -> TransferResult { std::rethrow_exception(failure); });
            }
        })
        .unwrap();
}
} // namespace

QFuture<TransferResult> ObjectStorageClient::uploadLargeFile(const QString &container, const QString &name,
                                                             const QString &filePath, qint64 segmentSize,
                                                             const TransferProgress &progress, const QString &contentType,
                                                             const AbortFlag &abort)
{
    const QFileInfo file(filePath);
    if (segmentSize <= 0 || !file.isFile() || file.size() <= segmentSize)
        return uploadFile(container, name, filePath, progress, contentType, abort);
    auto up = std::make_shared<LargeUpload>();
    up->session = m_session;
    up->container = container;
    up->name = name;
    up->filePath = filePath;
    up->contentType = contentType;
    up->size = file.size();
    up->segmentSize = segmentSize;
    up->progress = progress;
    up->abort = abort;
    up->segments = segmentsContainer(container);
    // The swift CLI's layout, plus the time of this attempt: segments of an upload that fails are
    // deleted again, and must never be those of an earlier upload of the same file that a
    // manifest still uses.
    up->segmentPrefix = QStringLiteral("%1/slo/%2/%3/%4/%5/")
                            .arg(name, QString::number(double(file.lastModified().toMSecsSinceEpoch()) / 1000.0, 'f', 6))
                            .arg(up->size)
                            .arg(segmentSize)
                            .arg(QDateTime::currentMSecsSinceEpoch());
    up->segmentCount = static_cast<int>((up->size + segmentSize - 1) / segmentSize);
    // A cluster without the slo middleware would store the manifest as a plain JSON object.
    QFuture<bool> sloAvailable = capabilities()
                                     .then([](const SwiftCapabilities &capabilities) { return capabilities.staticLargeObjects; })
                                     .onFailed([](const ApiError &) { return true; }); // no /info: try, the ETag check tells
    return sloAvailable
        .then([up](bool available) -> QFuture<TransferResult> {
            if (!available)
                return QtFuture::makeExceptionalFuture<TransferResult>(std::make_exception_ptr(ApiError(
                    ApiError::Kind::Config,
                    QStringLiteral("this object storage has no static large objects (slo), and %1 is larger than a segment")
                        .arg(up->filePath),
                    0, {}, QStringLiteral("upload %1").arg(up->filePath))));
            return runLargeUpload(up);
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
    // A fresh HEAD first: the POST must send again what it would otherwise take away. A user who
    // may write but not read (a write-only ACL) cannot HEAD: then the POST alone, as before.
    Session *session = m_session;
    return objectInfo(container, name)
        .onFailed([](const ApiError &error) {
            if (error.httpStatus() != 401 && error.httpStatus() != 403)
                throw error;
            return ObjectInfo();
        })
        .then([session, container, name, metadata, deleteAt](const ObjectInfo &current) {
            ServiceRequest request =
                call("POST", objectPath(container, name), QStringLiteral("set the metadata of %1/%2").arg(container, name));
            for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
                request.headers.append(header("X-Object-Meta-" + it.key().toUtf8(), it.value().toUtf8()));
            if (deleteAt.isValid())
                request.headers.append(header("X-Delete-At", QByteArray::number(deleteAt.toSecsSinceEpoch())));
            request.headers.append(current.headersPostDrops);
            request.idempotent = true;
            return session->send(request).then([](const HttpResponse &) {});
        })
        .unwrap();
}

QFuture<void> ObjectStorageClient::setAccountMetadata(const QMap<QString, QString> &set, const QStringList &remove)
{
    ServiceRequest request = call("POST", QString(), QStringLiteral("set the metadata of the object storage account"));
    for (auto it = set.cbegin(); it != set.cend(); ++it)
        request.headers.append(header("X-Account-Meta-" + it.key().toUtf8(), it.value().toUtf8()));
    for (const QString &key : remove)
        request.headers.append(header("X-Remove-Account-Meta-" + key.toUtf8(), "x"));
    request.idempotent = true;
    return m_session->send(request).then([](const HttpResponse &) {});
}

QFuture<void> ObjectStorageClient::setContainerReadAcl(const QString &container, const QString &acl)
{
    ServiceRequest request = call("POST", objectPath(container),
                                  acl.isEmpty() ? QStringLiteral("make container %1 private").arg(container)
                                                : QStringLiteral("set who may read container %1").arg(container));
    request.headers.append(acl.isEmpty() ? header("X-Remove-Container-Read", "x") : header("X-Container-Read", acl.toUtf8()));
    request.idempotent = true;
    return m_session->send(request).then([](const HttpResponse &) {});
}

QFuture<QUrl> ObjectStorageClient::objectUrl(const QString &container, const QString &name)
{
    return m_session->authenticate().then([session = m_session, container, name](const AuthToken &token) {
        return QUrl(session->endpointUrl(token, QStringLiteral("object-store")) + objectPath(container, name));
    });
}

QFuture<TemporaryUrl> ObjectStorageClient::temporaryUrl(const QString &container, const QString &name, const QByteArray &method,
                                                        const QDateTime &expires)
{
    Session *session = m_session;
    const auto keyOfAccount = [session](const AccountInfo &account) {
        const QString key = account.metadata.value(QStringLiteral("temp-url-key"));
        if (!key.isEmpty())
            return QtFuture::makeReadyValueFuture(std::pair<QString, bool>(key, false));
        const QString created = QString::fromLatin1(TempUrl::generateKey());
        return ObjectStorageClient(session).setAccountMetadata({{QStringLiteral("Temp-URL-Key"), created}}).then([created] {
            return std::pair<QString, bool>(created, true);
        });
    };
    // /info needs no token and may be missing (some RGW setups): then sign as older clusters expect.
    return capabilities()
        .then([](const SwiftCapabilities &capabilities) { return capabilities.tempUrlDigests; })
        .onFailed([](const ApiError &) { return QStringList(); })
        .then([session, container, name, method, expires, keyOfAccount](const QStringList &digests) {
            return ObjectStorageClient(session)
                .accountInfo()
                .then(keyOfAccount)
                .unwrap()
                .then([session, container, name, method, expires, digests](const std::pair<QString, bool> &key) {
                    return ObjectStorageClient(session).objectUrl(container, name).then([=](const QUrl &url) {
                        return TemporaryUrl{
                            TempUrl::make(url, key.first.toLatin1(), expires, method, TempUrl::preferredDigest(digests)),
                            key.second};
                    });
                })
                .unwrap();
        })
        .unwrap();
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
