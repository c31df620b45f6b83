// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/stackcreatejob.h"

#include "openstack/orchestration/orchestrationclient.h"
#include "yaml/yamldocument.h"

#include <QJsonArray>

namespace Pilvi {

namespace {

QSet<QString> hiddenParameters(const QByteArray &templateText)
{
    QSet<QString> hidden;
    const YamlParseResult parsed = parseYaml(templateText);
    const YamlNode *parameters = parsed.root && parsed.root->isMapping() ? parsed.root->value(u"parameters") : nullptr;
    if (!parameters || !parameters->isMapping())
        return hidden;
    for (qsizetype i = 0; i < parameters->keys.size(); ++i) {
        const YamlNode *flag = parameters->items[i].isMapping() ? parameters->items[i].value(u"hidden") : nullptr;
        if (flag && flag->isScalar() && flag->scalar.compare(u"true", Qt::CaseInsensitive) == 0)
            hidden.insert(parameters->keys[i].scalar);
    }
    return hidden;
}

bool inProgress(const QString &status)
{
    return status.endsWith(u"_IN_PROGRESS");
}

} // namespace

JobSpec StackCreateJob::spec(const QString &cloud, const StackCreateRequest &request)
{
    JobSpec spec;
    spec.kind = JobKinds::stackCreate;
    spec.cloud = cloud;
    spec.target = request.name;
    const QSet<QString> hidden = hiddenParameters(request.templateText);
    QJsonObject parameters;
    for (auto it = request.parameters.cbegin(); it != request.parameters.cend(); ++it) {
        if (hidden.contains(it.key()))
            spec.secrets.insert(it.key(), it.value());
        else
            parameters.insert(it.key(), it.value());
    }
    QJsonObject files;
    for (auto it = request.files.cbegin(); it != request.files.cend(); ++it)
        files.insert(it.key(), QString::fromUtf8(it.value()));
    spec.parameters = QJsonObject{
        {QStringLiteral("name"), request.name},
        {QStringLiteral("template"), QString::fromUtf8(request.templateText)},
        {QStringLiteral("environment"), QString::fromUtf8(request.environmentText)},
        {QStringLiteral("files"), files},
        {QStringLiteral("parameters"), parameters},
        {QStringLiteral("hiddenParameters"), QJsonArray::fromStringList(spec.secrets.keys())},
        {QStringLiteral("timeoutMinutes"), request.timeoutMinutes},
        {QStringLiteral("rollback"), request.rollbackOnFailure},
    };
    return spec;
}

StackCreateRequest StackCreateJob::request(const QJsonObject &parameters, const QMap<QString, QString> &secrets)
{
    StackCreateRequest request;
    request.name = parameters.value(QStringLiteral("name")).toString();
    request.templateText = parameters.value(QStringLiteral("template")).toString().toUtf8();
    request.environmentText = parameters.value(QStringLiteral("environment")).toString().toUtf8();
    const QJsonObject files = parameters.value(QStringLiteral("files")).toObject();
    for (auto it = files.constBegin(); it != files.constEnd(); ++it)
        request.files.insert(it.key(), it.value().toString().toUtf8());
    const QJsonObject values = parameters.value(QStringLiteral("parameters")).toObject();
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        request.parameters.insert(it.key(), it.value().toString());
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        request.parameters.insert(it.key(), it.value());
    request.timeoutMinutes = parameters.value(QStringLiteral("timeoutMinutes")).toInt();
    request.rollbackOnFailure = parameters.value(QStringLiteral("rollback")).toBool(true);
    return request;
}

QString StackCreateJob::stackRef() const
{
    const QString id = fact(QStringLiteral("stackId"));
    return id.isEmpty() ? parameter(QStringLiteral("name")) : id;
}

void StackCreateJob::start()
{
    const StackCreateRequest create = request(parameters(), secrets());
    const auto hidden = parameters().value(QStringLiteral("hiddenParameters")).toArray();
    for (const auto &name : hidden) {
        if (!secrets().contains(name.toString())) {
            fail(tr("the hidden parameter '%1' has no value (hidden values are not kept in the journal)").arg(name.toString()));
            return;
        }
    }
    m_events = StackEventTracker(create.name);
    m_total = templateResourceCount(create.templateText);
    progress(0, m_total);
    log(tr("Creating stack %1 (%2 resources in the template).").arg(create.name).arg(m_total));
    await<QString>(OrchestrationClient(session()).createStack(create), [this](const QString &id) {
        setFact(QStringLiteral("stackId"), id);
        log(tr("Heat accepted the stack: %1.").arg(id));
        if (isCancelRequested())
            deleteAfterCancel();
        else
            poll();
    });
}

void StackCreateJob::poll()
{
    // The status first, then the events up to it: read the other way round, the last events could
    // happen between the two reads and never reach the log of a job that just succeeded.
    await<Stack>(OrchestrationClient(session()).showStack(stackRef()), [this](const Stack &stack) {
        await<QList<StackEvent>>(OrchestrationClient(session()).listEvents(stackRef(), m_events.marker()),
                                 [this, stack](const QList<StackEvent> &events) {
                                     takeEvents(events);
                                     progress(m_events.count(u"CREATE_COMPLETE"), m_total);
                                     onStatus(stack);
                                 });
    });
}

void StackCreateJob::onStatus(const Stack &stack)
{
    if (stack.status == u"CREATE_IN_PROGRESS") {
        after(pollIntervalMs(), [this] { poll(); });
        return;
    }
    if (stack.status == u"CREATE_COMPLETE") {
        progress(m_total, m_total);
        log(tr("Stack %1 is CREATE_COMPLETE.").arg(stack.name));
        succeed();
        return;
    }
    if (inProgress(stack.status)) { // ROLLBACK_IN_PROGRESS after a failure: wait for its end
        after(pollIntervalMs(), [this] { poll(); });
        return;
    }
    fail(QStringLiteral("%1: %2").arg(stack.status, stack.statusReason));
}

void StackCreateJob::resume()
{
    m_events = StackEventTracker(parameter(QStringLiteral("name")));
    m_events.setMarker(fact(QStringLiteral("marker")));
    m_total = templateResourceCount(parameter(QStringLiteral("template")).toUtf8());
    OrchestrationClient heat(session());
    await<Stack>(
        heat.showStack(stackRef()),
        [this](const Stack &stack) {
            setFact(QStringLiteral("stackId"), stack.id);
            if (stack.status.startsWith(u"CREATE_") || stack.status.startsWith(u"ROLLBACK_")) {
                if (inProgress(stack.status)) {
                    reconciled(tr("the stack is still %1; following it.").arg(stack.status));
                    // The resources' statuses now, then the events from where the job left off.
                    await<QList<StackResource>>(OrchestrationClient(session()).listResources(stack.id),
                                                [this](const QList<StackResource> &resources) {
                                                    m_events.prime(resources);
                                                    poll();
                                                });
                    return;
                }
                reconciled(tr("the stack is %1.").arg(stack.status));
                onStatus(stack);
                return;
            }
            if (stack.status.startsWith(u"DELETE_")) {
                reconciled(tr("the stack is %1.").arg(stack.status));
                interrupted(tr("the stack was deleted (%1)").arg(stack.status));
                return;
            }
            // Updated or checked since: it was created.
            reconciled(tr("the stack exists and is %1: it was created.").arg(stack.status));
            progress(m_total, m_total);
            succeed();
        },
        [this](const ApiError &error) {
            if (error.httpStatus() != 404) {
                fail(error.toString());
                return;
            }
            reconciled(tr("Heat has no stack %1.").arg(parameter(QStringLiteral("name"))));
            interrupted(tr("the stack was never created, or has been deleted since"));
        });
}

void StackCreateJob::cancel()
{
    // Before Heat answered the create there is nothing to delete yet: start() sees the request.
    if (fact(QStringLiteral("stackId")).isEmpty()) {
        log(tr("Cancelling: waiting for Heat to accept the create, then deleting the stack."));
        return;
    }
    deleteAfterCancel();
}

void StackCreateJob::deleteAfterCancel()
{
    newGeneration(); // stop following the create
    log(tr("Cancelling: Heat cannot stop a create, so the stack is deleted."));
    await(OrchestrationClient(session()).deleteStack(parameter(QStringLiteral("name")), fact(QStringLiteral("stackId"))),
          [this] { followDelete(); });
}

void StackCreateJob::followDelete()
{
    await<Stack>(
        OrchestrationClient(session()).showStack(fact(QStringLiteral("stackId"))),
        [this](const Stack &stack) {
            if (stack.status == u"DELETE_COMPLETE") {
                finishCancelled(tr("Cancelled: the stack is deleted."));
            } else if (stack.status == u"DELETE_FAILED") {
                fail(tr("cancelled, but deleting the stack failed: %1").arg(stack.statusReason));
            } else {
                after(pollIntervalMs(), [this] { followDelete(); });
            }
        },
        [this](const ApiError &error) {
            if (error.httpStatus() == 404)
                finishCancelled(tr("Cancelled: the stack is deleted."));
            else
                fail(error.toString());
        });
}

} // namespace Pilvi
