// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/blockstorage/blockstorageclient.h"

#include "net/session.h"
#include "openstack/blockstorage/blockstorageparse.h"
#include "openstack/microversions.h"
#include "openstack/paging.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Pilvi {

namespace {
ServiceRequest call(const QByteArray &method, const QString &path, const QString &what, const QJsonObject &body = {})
{
    ServiceRequest request;
    request.serviceType = QStringLiteral("block-storage");
    request.method = method;
    request.path = path;
    request.what = what;
    if (!body.isEmpty())
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}
QFuture<QByteArray> microversion(Session *session)
{
    return negotiateMicroversion(session, QStringLiteral("block-storage"), QStringLiteral("volume"), Microversions::blockStorage);
}

void addVersion(ServiceRequest &request, const QByteArray &header)
{
    if (!header.isEmpty())
        request.headers.append({"OpenStack-API-Version", header});
}
} // namespace

BlockStorageClient::BlockStorageClient(Session *session)
    : m_session(session)
{}

QFuture<HttpResponse> BlockStorageClient::send(ServiceRequest request)
{
    return microversion(m_session)
        .then([session = m_session, request](const QByteArray &header) mutable {
            addVersion(request, header);
            return session->send(request);
        })
        .unwrap();
}

template<typename T>
QFuture<QList<T>> BlockStorageClient::allPages(ServiceRequest request, QList<T> (*parse)(const QByteArray &))
{
    return microversion(m_session)
        .then([session = m_session, request, parse](const QByteArray &header) mutable {
            addVersion(request, header);
            return fetchAllPages<T>(session, request, 1000, parse, [](const T &item) { return item.id; });
        })
        .unwrap();
}

QFuture<QList<Volume>> BlockStorageClient::listVolumes()
{
    return allPages<Volume>(call("GET", QStringLiteral("/volumes/detail"), QStringLiteral("list volumes")),
                            &CinderParse::volumes);
}

QFuture<Volume> BlockStorageClient::showVolume(const QString &id)
{
    return send(call("GET", QStringLiteral("/volumes/") + id, QStringLiteral("show volume %1").arg(id)))
        .then([](const HttpResponse &r) { return CinderParse::volume(r.body); });
}

QFuture<Volume> BlockStorageClient::createVolume(const QString &name, int sizeGb, const QString &description)
{
    const QJsonObject volume{
        {QStringLiteral("name"), name}, {QStringLiteral("size"), sizeGb}, {QStringLiteral("description"), description}};
    return send(call("POST", QStringLiteral("/volumes"), QStringLiteral("create volume %1").arg(name),
                     {{QStringLiteral("volume"), volume}}))
        .then([](const HttpResponse &r) { return CinderParse::volume(r.body); });
}

QFuture<void> BlockStorageClient::extendVolume(const QString &id, int newSizeGb)
{
    const QJsonObject body{{QStringLiteral("os-extend"), QJsonObject{{QStringLiteral("new_size"), newSizeGb}}}};
    return send(call("POST", QStringLiteral("/volumes/%1/action").arg(id), QStringLiteral("extend volume %1").arg(id), body))
        .then([](const HttpResponse &) {});
}

QFuture<void> BlockStorageClient::deleteVolume(const QString &id)
{
    return send(call("DELETE", QStringLiteral("/volumes/") + id, QStringLiteral("delete volume %1").arg(id)))
        .then([](const HttpResponse &) {});
}

QFuture<QList<VolumeSnapshot>> BlockStorageClient::listSnapshots()
{
    return allPages<VolumeSnapshot>(call("GET", QStringLiteral("/snapshots/detail"), QStringLiteral("list snapshots")),
                                    &CinderParse::snapshots);
}

QFuture<VolumeSnapshot> BlockStorageClient::createSnapshot(const QString &volumeId, const QString &name, bool force)
{
    const QJsonObject snapshot{
        {QStringLiteral("volume_id"), volumeId}, {QStringLiteral("name"), name}, {QStringLiteral("force"), force}};
    return send(call("POST", QStringLiteral("/snapshots"), QStringLiteral("snapshot volume %1").arg(volumeId),
                     {{QStringLiteral("snapshot"), snapshot}}))
        .then([](const HttpResponse &r) { return CinderParse::snapshot(r.body); });
}

QFuture<void> BlockStorageClient::deleteSnapshot(const QString &id)
{
    return send(call("DELETE", QStringLiteral("/snapshots/") + id, QStringLiteral("delete snapshot %1").arg(id)))
        .then([](const HttpResponse &) {});
}

QFuture<QList<VolumeBackup>> BlockStorageClient::listBackups()
{
    return allPages<VolumeBackup>(call("GET", QStringLiteral("/backups/detail"), QStringLiteral("list backups")),
                                  &CinderParse::backups);
}

QFuture<VolumeBackup> BlockStorageClient::showBackup(const QString &id)
{
    return send(call("GET", QStringLiteral("/backups/") + id, QStringLiteral("show backup %1").arg(id)))
        .then([](const HttpResponse &r) { return CinderParse::backup(r.body); });
}

QFuture<QString> BlockStorageClient::createBackup(const QString &volumeId, const QString &name, bool incremental, bool force)
{
    const QJsonObject backup{{QStringLiteral("volume_id"), volumeId},
                             {QStringLiteral("name"), name},
                             {QStringLiteral("incremental"), incremental},
                             {QStringLiteral("force"), force}};
    return send(call("POST", QStringLiteral("/backups"), QStringLiteral("back up volume %1").arg(volumeId),
                     {{QStringLiteral("backup"), backup}}))
        .then([](const HttpResponse &r) { return CinderParse::createdId(r.body, QStringLiteral("backup")); });
}

QFuture<QString> BlockStorageClient::restoreBackup(const QString &backupId, const QString &volumeId, const QString &newVolumeName)
{
    QJsonObject restore;
    if (!volumeId.isEmpty())
        restore.insert(QStringLiteral("volume_id"), volumeId);
    if (!newVolumeName.isEmpty())
        restore.insert(QStringLiteral("name"), newVolumeName);
    // Cinder wants the key present even when empty: {"restore": {}} restores into a new volume.
    ServiceRequest request =
        call("POST", QStringLiteral("/backups/%1/restore").arg(backupId), QStringLiteral("restore backup %1").arg(backupId));
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("restore"), restore}}).toJson(QJsonDocument::Compact);
    return send(request).then([](const HttpResponse &r) { return CinderParse::restoredVolumeId(r.body); });
}

QFuture<void> BlockStorageClient::deleteBackup(const QString &id, bool force)
{
    if (force) {
        const QJsonObject body{{QStringLiteral("os-force_delete"), QJsonObject{}}};
        return send(call("POST", QStringLiteral("/backups/%1/action").arg(id), QStringLiteral("force-delete backup %1").arg(id),
                         body))
            .then([](const HttpResponse &) {});
    }
    return send(call("DELETE", QStringLiteral("/backups/") + id, QStringLiteral("delete backup %1").arg(id)))
        .then([](const HttpResponse &) {});
}

QFuture<BlockStorageLimits> BlockStorageClient::limits()
{
    return send(call("GET", QStringLiteral("/limits"), QStringLiteral("show volume limits"))).then([](const HttpResponse &r) {
        return CinderParse::limits(r.body);
    });
}

} // namespace Pilvi
