// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httptypes.h"
#include "openstack/objectstorage/objectstorage.h"

#include <QFuture>
#include <QUrl>

class QObject;

namespace Pilvi {

class Session;

/// Swift (object storage; Allas in Pouta). Futures finish on the network thread.
class ObjectStorageClient
{
public:
    explicit ObjectStorageClient(Session *session);

    QFuture<QList<Container>> listContainers();
    /// With a delimiter ("/"), pseudo-folders come back as entries of their own.
    QFuture<QList<ObjectEntry>> listObjects(const QString &container, const QString &prefix = {}, const QString &delimiter = {});
    QFuture<void> createContainer(const QString &container);
    QFuture<void> deleteContainer(const QString &container);
    /// Uploads bytes and checks the ETag Swift computed against our MD5.
    QFuture<void> putObject(const QString &container, const QString &name, const QByteArray &data);
    QFuture<QByteArray> getObject(const QString &container, const QString &name);
    /// Deletes an object; a static large object's segments go with it (Swift's
    /// multipart-manifest=delete, which refuses plain objects, so a HEAD tells which it is).
    QFuture<void> deleteObject(const QString &container, const QString &name);
    /// Deletes every object under the pseudo-folder `prefix` ("photos/2024/"), large objects with
    /// their segments, one after another; stops at the first error. Gives the number deleted.
    QFuture<int> deleteFolder(const QString &container, const QString &prefix);
    /// Server-side copy (PUT with X-Copy-From): restores an old version, duplicates an object.
    QFuture<void> copyObject(const QString &fromContainer, const QString &fromName, const QString &toContainer,
                             const QString &toName);

    /// Streams a file into an object (never whole in memory), hashing it on the way; Swift's
    /// ETag must equal that MD5, or the object is deleted again and the future fails.
    /// Setting `abort` stops it (Swift keeps nothing of an incomplete PUT).
    QFuture<TransferResult> uploadFile(const QString &container, const QString &name, const QString &filePath,
                                       const TransferProgress &progress = {},
                                       const QString &contentType = QStringLiteral("application/octet-stream"),
                                       const AbortFlag &abort = {});
    /// Uploads a file larger than `segmentSize` as a static large object (SLO): segments of
    /// `segmentSize` bytes go, one after another and each checked against its MD5, to the container
    /// segmentsContainer(container) as "<name>/slo/<mtime>/<size>/<segmentSize>/<index>" (the
    /// swift CLI's layout), then the manifest to `container`/`name`; the result's md5 is the
    /// manifest's ETag (MD5 of the segments' MD5s), checked against Swift's. A smaller file goes
    /// up whole (uploadFile). On failure or abort the segments sent so far are deleted again.
    QFuture<TransferResult> uploadLargeFile(const QString &container, const QString &name, const QString &filePath,
                                            qint64 segmentSize, const TransferProgress &progress = {},
                                            const QString &contentType = QStringLiteral("application/octet-stream"),
                                            const AbortFlag &abort = {});
    static QString segmentsContainer(const QString &container) { return container + QStringLiteral("_segments"); }
    /// Streams an object into a file: written to a temporary file beside it, checked against
    /// the ETag, then renamed over `filePath`. On any failure no partial file is left.
    /// (Large objects carry their manifest's ETag; their content cannot be checked this way.)
    /// Setting `abort` stops it, leaving no partial file.
    QFuture<TransferResult> downloadFile(const QString &container, const QString &name, const QString &filePath,
                                         const TransferProgress &progress = {}, const AbortFlag &abort = {});
    /// Wraps a progress callback so that it runs on `context`'s thread, and not at all once
    /// `context` is gone.
    static TransferProgress deliverOn(QObject *context, const TransferProgress &progress);

    QFuture<AccountInfo> accountInfo();
    QFuture<ContainerInfo> containerInfo(const QString &container);
    QFuture<ObjectInfo> objectInfo(const QString &container, const QString &name);
    /// Sets (and with `remove`, removes) container metadata; other keys are kept.
    QFuture<void> setContainerMetadata(const QString &container, const QMap<QString, QString> &set,
                                       const QStringList &remove = {});
    /// Sets (and with `remove`, removes) account metadata, e.g. Temp-URL-Key.
    QFuture<void> setAccountMetadata(const QMap<QString, QString> &set, const QStringList &remove = {});
    /// Who may read the container without a token: Swift's X-Container-Read ACL, e.g.
    /// publicReadAcl(); empty removes it (private again).
    QFuture<void> setContainerReadAcl(const QString &container, const QString &acl);
    /// Anyone may read the objects and list the container.
    static QString publicReadAcl() { return QStringLiteral(".r:*,.rlistings"); }
    /// The object's full URL (storage endpoint + path), for temporary and public links.
    QFuture<QUrl> objectUrl(const QString &container, const QString &name);
    /// A link that lets anyone `method` (GET, PUT...) the object until `expires`, without a token
    /// (tempurl middleware), signed with the account's Temp-URL-Key and the digest the cluster
    /// allows. An account without a key gets a new random one (the answer says so).
    QFuture<TemporaryUrl> temporaryUrl(const QString &container, const QString &name, const QByteArray &method,
                                       const QDateTime &expires);
    /// Replaces an object's metadata (Swift's POST keeps none of the old keys) and its
    /// expiry (an invalid `deleteAt` keeps it forever). Reads the object first and sends again
    /// what a POST would drop (ObjectInfo::headersPostDrops): a DLO stays a DLO, a gzip stays gzip.
    QFuture<void> setObjectMetadata(const QString &container, const QString &name, const QMap<QString, QString> &metadata,
                                    const QDateTime &deleteAt = {});

    /// What the cluster offers (GET /info, beside the API root; needs no token).
    QFuture<SwiftCapabilities> capabilities();
    /// Turns versioned_writes on (old versions go to `archiveContainer`, which must exist) or off.
    QFuture<void> setVersioning(const QString &container, VersioningMode mode, const QString &archiveContainer = {});
    /// The old versions of an object kept in `archiveContainer`, oldest first.
    QFuture<QList<ObjectEntry>> listVersions(const QString &archiveContainer, const QString &name);

private:
    Session *m_session;
};

} // namespace Pilvi
