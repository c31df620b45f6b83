// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/orchestration/orchestrationclient.h"

#include "net/session.h"
#include "openstack/orchestration/orchestrationparse.h"
#include "openstack/orchestration/resourcetypeparse.h"
#include "openstack/paging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

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

QString stackPath(const QString &stackName, const QString &stackId)
{
    return QStringLiteral("/stacks/%1/%2").arg(encoded(stackName), encoded(stackId));
}

// What create, update, preview and validate share: the template (sent as text: Heat parses
// YAML and JSON), parameters, files and the environment.
void addTemplateFields(QJsonObject &body, const QByteArray &templateText, const QMap<QString, QString> &parameters,
                       const QMap<QString, QByteArray> &files, const QByteArray &environmentText)
{
    if (!templateText.isEmpty())
        body.insert(QStringLiteral("template"), QString::fromUtf8(templateText));
    QJsonObject values;
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
        values.insert(it.key(), it.value());
    body.insert(QStringLiteral("parameters"), values);
    if (!files.isEmpty()) {
        QJsonObject named;
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            named.insert(it.key(), QString::fromUtf8(it.value()));
        body.insert(QStringLiteral("files"), named);
    }
    if (!environmentText.isEmpty())
        body.insert(QStringLiteral("environment"), QString::fromUtf8(environmentText));
}

QByteArray createBody(const StackCreateRequest &create)
{
    QJsonObject body{{QStringLiteral("stack_name"), create.name},
                     {QStringLiteral("disable_rollback"), !create.rollbackOnFailure}};
    addTemplateFields(body, create.templateText, create.parameters, create.files, create.environmentText);
    if (create.timeoutMinutes > 0)
        body.insert(QStringLiteral("timeout_mins"), create.timeoutMinutes);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray updateBody(const StackUpdateRequest &update)
{
    QJsonObject body;
    addTemplateFields(body, update.templateText, update.parameters, update.files, update.environmentText);
    if (update.existing && !update.clearParameters.isEmpty())
        body.insert(QStringLiteral("clear_parameters"), QJsonArray::fromStringList(update.clearParameters));
    if (update.timeoutMinutes > 0)
        body.insert(QStringLiteral("timeout_mins"), update.timeoutMinutes);
    if (update.rollbackOnFailure)
        body.insert(QStringLiteral("disable_rollback"), !*update.rollbackOnFailure);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ServiceRequest action(const QString &stackName, const QString &stackId, const QByteArray &body, const QString &what)
{
    ServiceRequest request = get(stackPath(stackName, stackId) + QStringLiteral("/actions"), what);
    request.method = "POST";
    request.body = body;
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
    ServiceRequest request = get(QStringLiteral("/stacks"), QStringLiteral("create stack %1").arg(create.name));
    request.method = "POST";
    request.body = createBody(create);
    return m_session->send(request).then([](const HttpResponse &response) { return HeatParse::createdStackId(response.body); });
}

QFuture<void> OrchestrationClient::deleteStack(const QString &stackName, const QString &stackId)
{
    ServiceRequest request = get(stackPath(stackName, stackId), QStringLiteral("delete stack %1").arg(stackName));
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

QFuture<QByteArray> OrchestrationClient::stackTemplate(const QString &stackName, const QString &stackId)
{
    return m_session
        ->send(get(stackPath(stackName, stackId) + QStringLiteral("/template"),
                   QStringLiteral("show template of %1").arg(stackName)))
        .then([](const HttpResponse &response) { return HeatParse::stackTemplate(response.body); });
}

QFuture<StackEnvironment> OrchestrationClient::stackEnvironment(const QString &stackName, const QString &stackId)
{
    return m_session
        ->send(get(stackPath(stackName, stackId) + QStringLiteral("/environment"),
                   QStringLiteral("show environment of %1").arg(stackName)))
        .then([](const HttpResponse &response) { return HeatParse::environment(response.body); });
}

QFuture<QMap<QString, QByteArray>> OrchestrationClient::stackFiles(const QString &stackName, const QString &stackId)
{
    return m_session
        ->send(get(stackPath(stackName, stackId) + QStringLiteral("/files"), QStringLiteral("show files of %1").arg(stackName)))
        .then([](const HttpResponse &response) { return HeatParse::files(response.body); });
}

QFuture<QList<StackOutput>> OrchestrationClient::listOutputs(const QString &stackName, const QString &stackId)
{
    return m_session
        ->send(
            get(stackPath(stackName, stackId) + QStringLiteral("/outputs"), QStringLiteral("list outputs of %1").arg(stackName)))
        .then([](const HttpResponse &response) { return HeatParse::outputs(response.body); });
}

QFuture<StackOutput> OrchestrationClient::showOutput(const QString &stackName, const QString &stackId, const QString &key)
{
    return m_session
        ->send(get(stackPath(stackName, stackId) + QStringLiteral("/outputs/") + encoded(key),
                   QStringLiteral("show output %1 of %2").arg(key, stackName)))
        .then([](const HttpResponse &response) { return HeatParse::output(response.body); });
}

QFuture<void> OrchestrationClient::updateStack(const QString &stackName, const QString &stackId, const StackUpdateRequest &update)
{
    ServiceRequest request = get(stackPath(stackName, stackId), QStringLiteral("update stack %1").arg(stackName));
    request.method = update.existing ? "PATCH" : "PUT";
    request.body = updateBody(update);
    // Sent twice, the second update would meet the first in progress and fail with a 409.
    request.idempotent = false;
    return m_session->send(request).then([](const HttpResponse &) {});
}

QFuture<StackUpdatePreview> OrchestrationClient::previewUpdate(const QString &stackName, const QString &stackId,
                                                               const StackUpdateRequest &update, bool showNested)
{
    ServiceRequest request =
        get(stackPath(stackName, stackId) + QStringLiteral("/preview"), QStringLiteral("preview update of %1").arg(stackName));
    request.method = update.existing ? "PATCH" : "PUT";
    request.body = updateBody(update);
    request.idempotent = true; // changes nothing
    if (showNested)
        request.query.addQueryItem(QStringLiteral("show_nested"), QStringLiteral("true"));
    return m_session->send(request).then([](const HttpResponse &response) { return HeatParse::updatePreview(response.body); });
}

QFuture<StackPreview> OrchestrationClient::previewStack(const StackCreateRequest &create)
{
    ServiceRequest request = get(QStringLiteral("/stacks/preview"), QStringLiteral("preview stack %1").arg(create.name));
    request.method = "POST";
    request.body = createBody(create);
    request.idempotent = true; // changes nothing
    return m_session->send(request).then([](const HttpResponse &response) { return HeatParse::stackPreview(response.body); });
}

QFuture<void> OrchestrationClient::cancelUpdate(const QString &stackName, const QString &stackId)
{
    return m_session
        ->send(action(stackName, stackId, R"({"cancel_update":null})", QStringLiteral("cancel update of %1").arg(stackName)))
        .then([](const HttpResponse &) {});
}

QFuture<void> OrchestrationClient::checkStack(const QString &stackName, const QString &stackId)
{
    return m_session->send(action(stackName, stackId, R"({"check":null})", QStringLiteral("check stack %1").arg(stackName)))
        .then([](const HttpResponse &) {});
}

QFuture<HeatTemplateValidation> OrchestrationClient::validateTemplate(const TemplateValidateRequest &validate)
{
    QJsonObject body;
    addTemplateFields(body, validate.templateText, validate.parameters, validate.files, validate.environmentText);
    ServiceRequest request = get(QStringLiteral("/validate"), QStringLiteral("validate template"));
    request.method = "POST";
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.idempotent = true; // changes nothing
    return m_session->send(request).then(
        [](const HttpResponse &response) { return HeatParse::templateValidation(response.body); });
}

QFuture<QList<ResourceTypeInfo>> OrchestrationClient::listResourceTypes(const ResourceTypeFilter &filter)
{
    ServiceRequest request = get(QStringLiteral("/resource_types"), QStringLiteral("list resource types"));
    if (!filter.supportStatus.isEmpty())
        request.query.addQueryItem(QStringLiteral("support_status"), filter.supportStatus);
    if (!filter.name.isEmpty())
        request.query.addQueryItem(QStringLiteral("name"), filter.name);
    if (!filter.version.isEmpty())
        request.query.addQueryItem(QStringLiteral("version"), filter.version);
    if (filter.withDescription)
        request.query.addQueryItem(QStringLiteral("with_description"), QStringLiteral("true"));
    return m_session->send(request).then([](const HttpResponse &response) { return HeatParse::resourceTypes(response.body); });
}

QFuture<HeatResourceTypeSchema> OrchestrationClient::resourceTypeSchema(const QString &type)
{
    return m_session
        ->send(get(QStringLiteral("/resource_types/") + encoded(type), QStringLiteral("show resource type %1").arg(type)))
        .then([](const HttpResponse &response) { return HeatParse::resourceTypeSchema(response.body); });
}

QFuture<QJsonObject> OrchestrationClient::resourceTypeSchemaJson(const QString &type)
{
    return m_session
        ->send(get(QStringLiteral("/resource_types/") + encoded(type), QStringLiteral("show resource type %1").arg(type)))
        .then([](const HttpResponse &response) { return QJsonDocument::fromJson(response.body).object(); });
}

QFuture<QList<HeatTemplateVersion>> OrchestrationClient::listTemplateVersions()
{
    return m_session->send(get(QStringLiteral("/template_versions"), QStringLiteral("list template versions")))
        .then([](const HttpResponse &response) { return HeatParse::templateVersions(response.body); });
}

QFuture<QList<ScalingGroup>> OrchestrationClient::scalingGroups(const QString &stack)
{
    // One after the other: the template and resource calls need the stack's name and id. The
    // steps hold the session, not this client, which may be a temporary.
    struct Gathered {
        Stack stack;
        QByteArray templateText;
    };
    auto gathered = std::make_shared<Gathered>();
    Session *session = m_session;
    return showStack(stack)
        .then([session, gathered](const Stack &shown) {
            gathered->stack = shown;
            return OrchestrationClient(session).stackTemplate(shown.name, shown.id);
        })
        .unwrap()
        .then([session, gathered](const QByteArray &templateText) {
            gathered->templateText = templateText;
            return OrchestrationClient(session).listResources(gathered->stack.id, 1);
        })
        .unwrap()
        .then([gathered](const QList<StackResource> &resources) {
            return deriveScalingGroups(gathered->stack, gathered->templateText, resources);
        });
}

} // namespace Pilvi
