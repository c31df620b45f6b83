// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/stackdeletejob.h"

#include "openstack/orchestration/orchestrationclient.h"

namespace Pilvi {

JobSpec StackDeleteJob::spec(const QString &cloud, const QString &stackName)
{
    return {JobKinds::stackDelete, cloud, stackName, QJsonObject{{QStringLiteral("name"), stackName}}, {}};
}

void StackDeleteJob::start()
{
    const QString name = parameter(QStringLiteral("name"));
    m_events = StackEventTracker(name);
    OrchestrationClient heat(session());
    await<Stack>(
        heat.showStack(name),
        [this, name](const Stack &stack) {
            setFact(QStringLiteral("stackId"), stack.id);
            if (stack.status == u"DELETE_COMPLETE") { // Heat still shows it for a while
                log(tr("Stack %1 is already deleted.").arg(name));
                succeed();
                return;
            }
            await<QList<StackResource>>(
                OrchestrationClient(session()).listResources(stack.id), [this, name, stack](const auto &all) {
                    m_total = static_cast<int>(all.size());
                    progress(0, m_total);
                    log(tr("Deleting stack %1 (%2 resources).").arg(name).arg(m_total));
                    // Follow only the delete's events: from the newest event there is now.
                    await<QList<StackEvent>>(OrchestrationClient(session()).listEvents(stack.id),
                                             [this, name, stack](const auto &events) {
                                                 if (!events.isEmpty())
                                                     m_events.setMarker(events.constLast().id);
                                                 await(OrchestrationClient(session()).deleteStack(name, stack.id), [this] {
                                                     setFact(QStringLiteral("deleteSent"), true);
                                                     setFact(QStringLiteral("marker"), m_events.marker());
                                                     poll();
                                                 });
                                             });
                });
        },
        [this, name](const ApiError &error) {
            if (error.httpStatus() != 404) {
                fail(error.toString());
                return;
            }
            log(tr("Heat has no stack %1: nothing to delete.").arg(name));
            succeed();
        });
}

void StackDeleteJob::poll()
{
    const QString id = fact(QStringLiteral("stackId"));
    await<QList<StackEvent>>(
        OrchestrationClient(session()).listEvents(id, m_events.marker()),
        [this, id](const QList<StackEvent> &events) {
            takeEvents(events);
            progress(m_events.count(u"DELETE_COMPLETE"), m_total);
            await<Stack>(
                OrchestrationClient(session()).showStack(id),
                [this](const Stack &stack) {
                    if (stack.status == u"DELETE_COMPLETE")
                        gone();
                    else if (stack.status == u"DELETE_FAILED")
                        fail(QStringLiteral("%1: %2").arg(stack.status, stack.statusReason));
                    else
                        after(pollIntervalMs(), [this] { poll(); });
                },
                [this](const ApiError &error) { error.httpStatus() == 404 ? gone() : fail(error.toString()); });
        },
        [this](const ApiError &error) { error.httpStatus() == 404 ? gone() : fail(error.toString()); });
}

void StackDeleteJob::gone()
{
    progress(m_total, m_total);
    log(tr("Stack %1 is deleted.").arg(parameter(QStringLiteral("name"))));
    succeed();
}

void StackDeleteJob::resume()
{
    m_events = StackEventTracker(parameter(QStringLiteral("name")));
    m_events.setMarker(fact(QStringLiteral("marker")));
    const QString id = fact(QStringLiteral("stackId"));
    await<Stack>(
        OrchestrationClient(session()).showStack(id.isEmpty() ? parameter(QStringLiteral("name")) : id),
        [this](const Stack &stack) {
            setFact(QStringLiteral("stackId"), stack.id);
            if (stack.status == u"DELETE_COMPLETE") {
                reconciled(tr("the stack is DELETE_COMPLETE."));
                gone();
            } else if (stack.status == u"DELETE_IN_PROGRESS") {
                reconciled(tr("the stack is still DELETE_IN_PROGRESS; following it."));
                poll();
            } else if (stack.status == u"DELETE_FAILED") {
                reconciled(tr("the stack is DELETE_FAILED."));
                fail(QStringLiteral("%1: %2").arg(stack.status, stack.statusReason));
            } else {
                reconciled(tr("the stack is %1: the delete was never sent.").arg(stack.status));
                interrupted(tr("the delete was not sent before the process ended; the stack still exists"));
            }
        },
        [this](const ApiError &error) {
            if (error.httpStatus() != 404) {
                fail(error.toString());
                return;
            }
            reconciled(tr("Heat no longer knows the stack."));
            gone();
        });
}

void StackDeleteJob::cancel()
{
    finishCancelled(tr("Stopped following. A delete cannot be taken back: Heat goes on deleting the stack."));
}

} // namespace Pilvi
