// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/compute/computeclient.h"

#include "net/session.h"
#include "openstack/compute/computeparse.h"
#include "openstack/microversions.h"
#include "openstack/paging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Pilvi {

namespace {
QString serviceType()
{
    return QStringLiteral("compute");
}

ServiceRequest call(const QByteArray &method, const QString &path, const QString &what, const QJsonObject &body = {})
{
    ServiceRequest request;
    request.serviceType = serviceType();
    request.method = method;
    request.path = path;
    request.what = what;
    if (!body.isEmpty())
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

QFuture<QByteArray> microversion(Session *session)
{
    return negotiateMicroversion(session, serviceType(), QStringLiteral("compute"), Microversions::compute);
}

void addVersion(ServiceRequest &request, const QByteArray &header)
{
    if (!header.isEmpty())
        request.headers.append({"OpenStack-API-Version", header});
}
} // namespace

ComputeClient::ComputeClient(Session *session)
    : m_session(session)
{}

QFuture<HttpResponse> ComputeClient::send(ServiceRequest request)
{
    return microversion(m_session)
        .then([session = m_session, request](const QByteArray &header) mutable {
            addVersion(request, header);
            return session->send(request);
        })
        .unwrap();
}

QFuture<ComputeLimits> ComputeClient::limits()
{
    return send(call("GET", QStringLiteral("/limits"), QStringLiteral("show compute limits"))).then([](const HttpResponse &r) {
        return NovaParse::limits(r.body);
    });
}

QFuture<QList<Flavor>> ComputeClient::listFlavors()
{
    return microversion(m_session)
        .then([session = m_session](const QByteArray &header) {
            ServiceRequest request = call("GET", QStringLiteral("/flavors/detail"), QStringLiteral("list flavors"));
            addVersion(request, header);
            return fetchAllPages<Flavor>(session, request, 1000, &NovaParse::flavors, [](const Flavor &f) { return f.id; });
        })
        .unwrap();
}

QFuture<QList<Server>> ComputeClient::listServers()
{
    return microversion(m_session)
        .then([session = m_session](const QByteArray &header) {
            ServiceRequest request = call("GET", QStringLiteral("/servers/detail"), QStringLiteral("list servers"));
            addVersion(request, header);
            return fetchAllPages<Server>(session, request, 1000, &NovaParse::servers, [](const Server &s) { return s.id; });
        })
        .unwrap();
}

QFuture<Server> ComputeClient::showServer(const QString &id)
{
    return send(call("GET", QStringLiteral("/servers/") + id, QStringLiteral("show server %1").arg(id)))
        .then([](const HttpResponse &r) { return NovaParse::server(r.body); });
}

QFuture<QString> ComputeClient::createServer(const ServerCreateRequest &create)
{
    QJsonObject server{{QStringLiteral("name"), create.name},
                       {QStringLiteral("flavorRef"), create.flavorId},
                       {QStringLiteral("imageRef"), create.imageId}};
    if (create.network == u"none" || create.network == u"auto")
        server.insert(QStringLiteral("networks"), create.network);
    else
        server.insert(QStringLiteral("networks"), QJsonArray{QJsonObject{{QStringLiteral("uuid"), create.network}}});
    if (!create.keyName.isEmpty())
        server.insert(QStringLiteral("key_name"), create.keyName);
    if (!create.metadata.isEmpty()) {
        QJsonObject metadata;
        for (auto it = create.metadata.cbegin(); it != create.metadata.cend(); ++it)
            metadata.insert(it.key(), it.value());
        server.insert(QStringLiteral("metadata"), metadata);
    }
    return send(call("POST", QStringLiteral("/servers"), QStringLiteral("create server %1").arg(create.name),
                     {{QStringLiteral("server"), server}}))
        .then([](const HttpResponse &r) { return NovaParse::createdServerId(r.body); });
}

QFuture<void> ComputeClient::deleteServer(const QString &id)
{
    return send(call("DELETE", QStringLiteral("/servers/") + id, QStringLiteral("delete server %1").arg(id)))
        .then([](const HttpResponse &) {});
}

QFuture<void> ComputeClient::action(const QString &id, const QString &name, const QJsonValue &argument, const QString &what)
{
    ServiceRequest request = call("POST", QStringLiteral("/servers/%1/action").arg(id), what);
    // {"confirmResize": null} has a null argument; QJsonObject keeps it.
    request.body = QJsonDocument(QJsonObject{{name, argument}}).toJson(QJsonDocument::Compact);
    return send(request).then([](const HttpResponse &) {});
}

QFuture<void> ComputeClient::resizeServer(const QString &id, const QString &flavorId)
{
    return action(id, QStringLiteral("resize"), QJsonObject{{QStringLiteral("flavorRef"), flavorId}},
                  QStringLiteral("resize server %1").arg(id));
}

QFuture<void> ComputeClient::confirmResize(const QString &id)
{
    return action(id, QStringLiteral("confirmResize"), QJsonValue::Null,
                  QStringLiteral("confirm the resize of server %1").arg(id));
}

QFuture<void> ComputeClient::revertResize(const QString &id)
{
    return action(id, QStringLiteral("revertResize"), QJsonValue::Null, QStringLiteral("revert the resize of server %1").arg(id));
}

} // namespace Pilvi
