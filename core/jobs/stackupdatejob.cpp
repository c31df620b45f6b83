// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/stackupdatejob.h"

#include "openstack/orchestration/orchestrationclient.h"

#include <QJsonArray>

namespace Pilvi {

JobSpec StackUpdateJob::spec(const QString &cloud, const QString &stackName, const QString &stackId,
                             const StackUpdateRequest &request, const QStringList &hiddenParameters)
{
    JobSpec spec;
    spec.kind = JobKinds::stackUpdate;
    spec.cloud = cloud;
    spec.target = stackName;
    QJsonObject parameters;
    for (auto it = request.parameters.cbegin(); it != request.parameters.cend(); ++it) {
        if (hiddenParameters.contains(it.key()))
            spec.secrets.insert(it.key(), it.value());
        else
            parameters.insert(it.key(), it.value());
    }
    QJsonObject files;
    for (auto it = request.files.cbegin(); it != request.files.cend(); ++it)
        files.insert(it.key(), QString::fromUtf8(it.value()));
    spec.parameters = QJsonObject{
        {QStringLiteral("name"), stackName},
        {QStringLiteral("stackId"), stackId},
        {QStringLiteral("existing"), request.existing},
        {QStringLiteral("template"), QString::fromUtf8(request.templateText)},
        {QStringLiteral("environment"), QString::fromUtf8(request.environmentText)},
        {QStringLiteral("files"), files},
        {QStringLiteral("parameters"), parameters},
        {QStringLiteral("clearParameters"), QJsonArray::fromStringList(request.clearParameters)},
        {QStringLiteral("hiddenParameters"), QJsonArray::fromStringList(spec.secrets.keys())},
        {QStringLiteral("timeoutMinutes"), request.timeoutMinutes},
    };
    if (request.rollbackOnFailure)
        spec.parameters.insert(QStringLiteral("rollback"), *request.rollbackOnFailure);
    return spec;
}

StackUpdateRequest StackUpdateJob::request(const QJsonObject &parameters, const QMap<QString, QString> &secrets)
{
    StackUpdateRequest request;
    request.existing = parameters.value(QStringLiteral("existing")).toBool();
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
    const auto cleared = parameters.value(QStringLiteral("clearParameters")).toArray();
    for (const auto &name : cleared)
        request.clearParameters.append(name.toString());
    request.timeoutMinutes = parameters.value(QStringLiteral("timeoutMinutes")).toInt();
    if (parameters.contains(QStringLiteral("rollback")))
        request.rollbackOnFailure = parameters.value(QStringLiteral("rollback")).toBool();
    return request;
}

QString StackUpdateJob::stackRef() const
{
    return parameter(QStringLiteral("name")) + u'/' + parameter(QStringLiteral("stackId"));
}

void StackUpdateJob::start()
{
    const auto hidden = parameters().value(QStringLiteral("hiddenParameters")).toArray();
    for (const auto &name : hidden) {
        if (!secrets().contains(name.toString())) {
            fail(tr("the hidden parameter '%1' has no value (hidden values are not kept in the journal)").arg(name.toString()));
            return;
        }
    }
    const QString name = parameter(QStringLiteral("name"));
    m_events = StackEventTracker(name);
    log(tr("Updating stack %1.").arg(name));
    // The events before the update are not this job's: start following after the newest one.
    await<QList<StackEvent>>(OrchestrationClient(session()).listEvents(stackRef()), [this](const QList<StackEvent> &before) {
        if (!before.isEmpty()) {
            m_events.setMarker(before.constLast().id);
            setFact(QStringLiteral("marker"), before.constLast().id);
        }
        const StackUpdateRequest update = request(parameters(), secrets());
        await(OrchestrationClient(session()).updateStack(parameter(QStringLiteral("name")), parameter(QStringLiteral("stackId")),
                                                         update),
              [this] {
                  log(tr("Heat accepted the update."));
                  if (isCancelRequested())
                      cancel();
                  poll();
              });
    });
}

void StackUpdateJob::poll()
{
    // The status first, then the events up to it (see StackCreateJob::poll).
    await<Stack>(OrchestrationClient(session()).showStack(stackRef()), [this](const Stack &stack) {
        await<QList<StackEvent>>(OrchestrationClient(session()).listEvents(stackRef(), m_events.marker()),
                                 [this, stack](const QList<StackEvent> &events) {
                                     takeEvents(events);
                                     progress(m_events.count(u"UPDATE_COMPLETE") + m_events.count(u"CREATE_COMPLETE"), m_total);
                                     onStatus(stack);
                                 });
    });
}

void StackUpdateJob::onStatus(const Stack &stack)
{
    if (stack.status.endsWith(u"_IN_PROGRESS")) { // UPDATE_, or ROLLBACK_ after a failure or cancel
        after(pollIntervalMs(), [this] { poll(); });
        return;
    }
    if (stack.status == u"UPDATE_COMPLETE") {
        progress(m_total, m_total);
        log(tr("Stack %1 is UPDATE_COMPLETE.").arg(stack.name));
        succeed();
        return;
    }
    if (isCancelRequested() && stack.status == u"ROLLBACK_COMPLETE") {
        finishCancelled(tr("the update was cancelled and rolled back"));
        return;
    }
    fail(QStringLiteral("%1: %2").arg(stack.status, stack.statusReason));
}

void StackUpdateJob::resume()
{
    m_events = StackEventTracker(parameter(QStringLiteral("name")));
    m_events.setMarker(fact(QStringLiteral("marker")));
    await<Stack>(
        OrchestrationClient(session()).showStack(stackRef()),
        [this](const Stack &stack) {
            if (stack.status.endsWith(u"_IN_PROGRESS")) {
                reconciled(tr("the stack is still %1; following it.").arg(stack.status));
                poll();
                return;
            }
            reconciled(tr("the stack is %1.").arg(stack.status));
            onStatus(stack);
        },
        [this](const ApiError &error) {
            if (error.httpStatus() != 404) {
                fail(error.toString());
                return;
            }
            interrupted(tr("Heat no longer has the stack %1").arg(parameter(QStringLiteral("name"))));
        });
}

void StackUpdateJob::cancel()
{
    log(tr("Cancelling the update: Heat rolls it back."));
    await(OrchestrationClient(session()).cancelUpdate(parameter(QStringLiteral("name")), parameter(QStringLiteral("stackId"))),
          [this] { log(tr("Heat accepted the cancel.")); });
}

} // namespace Pilvi
