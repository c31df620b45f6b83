// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/orchestration/orchestrationclient.h"

#include "net/session.h"
#include "openstack/orchestration/orchestrationparse.h"
#include "openstack/paging.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Pilvi {

namespace {
constexpr QLatin1StringView service("orchestration");

QString encoded(const QString &part)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}

ServiceRequest get(const QString &path, const QString &what)
{
    ServiceRequest request;
    request.serviceType = service;
    request.path = path;
    request.what = what;
    return request;
}
} // namespace

OrchestrationClient::OrchestrationClient(Session *session)
    : m_session(session)
{}

QFuture<QList<Stack>> OrchestrationClient::listStacks(bool includeNested)
{
    ServiceRequest request = get(QStringLiteral("/stacks"), QStringLiteral("list stacks"));
    if (includeNested)
        request.query.addQueryItem(QStringLiteral("show_nested"), QStringLiteral("true"));
    return fetchAllPages<Stack>(m_session, request, 1000, &HeatParse::stacks, [](const Stack &s) { return s.id; });
}

QFuture<Stack> OrchestrationClient::showStack(const QString &stack)
{
    // /stacks/{name or id} answers with a redirect to /stacks/{name}/{id}, which is followed.
    return m_session->send(get(QStringLiteral("/stacks/") + encoded(stack), QStringLiteral("show stack %1").arg(stack)))
        .then([](const HttpResponse &response) { return HeatParse::stack(response.body); });
}

QFuture<QList<StackResource>> OrchestrationClient::listResources(const QString &stack, int nestedDepth)
{
    ServiceRequest request =
        get(QStringLiteral("/stacks/%1/resources").arg(encoded(stack)), QStringLiteral("list resources of %1").arg(stack));
    if (nestedDepth > 0)
        request.query.addQueryItem(QStringLiteral("nested_depth"), QString::number(nestedDepth));
    return m_session->send(request).then([](const HttpResponse &response) { return HeatParse::resources(response.body); });
}

QFuture<QList<StackEvent>> OrchestrationClient::listEvents(const QString &stack, const QString &sinceMarker)
{
    ServiceRequest request =
        get(QStringLiteral("/stacks/%1/events").arg(encoded(stack)), QStringLiteral("list events of %1").arg(stack));
    request.query.addQueryItem(QStringLiteral("sort_dir"), QStringLiteral("asc"));
    if (!sinceMarker.isEmpty())
        request.query.addQueryItem(QStringLiteral("marker"), sinceMarker);
    return fetchAllPages<StackEvent>(m_session, request, 1000, &HeatParse::events, [](const StackEvent &e) { return e.id; });
}

QFuture<QString> OrchestrationClient::createStack(const StackCreateRequest &create)
{
    QJsonObject body{{QStringLiteral("stack_name"), create.name},
                     {QStringLiteral("template"), QString::fromUtf8(create.templateText)},
                     {QStringLiteral("disable_rollback"), !create.rollbackOnFailure}};
    QJsonObject parameters;
    for (auto it = create.parameters.cbegin(); it != create.parameters.cend(); ++it)
        parameters.insert(it.key(), it.value());
    body.insert(QStringLiteral("parameters"), parameters);
    if (!create.files.isEmpty()) {
        QJsonObject files;
        for (auto it = create.files.cbegin(); it != create.files.cend(); ++it)
            files.insert(it.key(), QString::fromUtf8(it.value()));
        body.insert(QStringLiteral("files"), files);
    }
    if (!create.environmentText.isEmpty())
        body.insert(QStringLiteral("environment"), QString::fromUtf8(create.environmentText));
    if (create.timeoutMinutes > 0)
        body.insert(QStringLiteral("timeout_mins"), create.timeoutMinutes);
    ServiceRequest request = get(QStringLiteral("/stacks"), QStringLiteral("create stack %1").arg(create.name));
    request.method = "POST";
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return m_session->send(request).then([](const HttpResponse &response) { return HeatParse::createdStackId(response.body); });
}

QFuture<void> OrchestrationClient::deleteStack(const QString &stackName, const QString &stackId)
{
    ServiceRequest request = get(QStringLiteral("/stacks/%1/%2").arg(encoded(stackName), encoded(stackId)),
                                 QStringLiteral("delete stack %1").arg(stackName));
    request.method = "DELETE";
    return m_session->send(request).then([](const HttpResponse &) {});
}

QFuture<void> OrchestrationClient::signalResource(const QString &stackName, const QString &stackId, const QString &resource)
{
    ServiceRequest request =
        get(QStringLiteral("/stacks/%1/%2/resources/%3/signal").arg(encoded(stackName), encoded(stackId), encoded(resource)),
            QStringLiteral("signal %1 of %2").arg(resource, stackName));
    request.method = "POST";
    request.body = "{}";
    return m_session->send(request).then([](const HttpResponse &) {});
}

} // namespace Pilvi
