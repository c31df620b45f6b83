// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/scalesignaljob.h"

#include "openstack/orchestration/orchestrationclient.h"

namespace Pilvi {

JobSpec ScaleSignalJob::spec(const QString &cloud, const QString &stack, const QString &policy, const QString &group)
{
    return {JobKinds::scaleSignal,
            cloud,
            stack,
            QJsonObject{{QStringLiteral("stack"), stack}, {QStringLiteral("policy"), policy}, {QStringLiteral("group"), group}},
            {}};
}

void ScaleSignalJob::start()
{
    const int timeout = parameters().value(QStringLiteral("timeoutSeconds")).toInt(600);
    m_deadline = QDateTime::currentDateTimeUtc().addSecs(timeout);
    progress(0, 1);
    const QString stack = parameter(QStringLiteral("stack"));
    await<QList<StackResource>>(OrchestrationClient(session()).listResources(stack), [this, stack](const auto &resources) {
        const QString group = parameter(QStringLiteral("group"));
        const auto it =
            std::find_if(resources.cbegin(), resources.cend(), [&](const StackResource &r) { return r.name == group; });
        if (it == resources.cend() || it->physicalId.isEmpty()) {
            fail(tr("stack %1 has no scaling group '%2'").arg(stack, group));
            return;
        }
        const StackResource &groupResource = *it;
        setFact(QStringLiteral("groupStackId"), groupResource.physicalId);
        // The stack's last event before the signal: the policy's SIGNAL_COMPLETE after it is the end.
        await<QList<StackEvent>>(OrchestrationClient(session()).listEvents(stack), [this, groupResource](const auto &events) {
            setFact(QStringLiteral("marker"), events.isEmpty() ? QString() : events.constLast().id);
            const QString policy = parameter(QStringLiteral("policy"));
            log(tr("Signalling %1.").arg(policy));
            await(OrchestrationClient(session()).signalResource(
                      groupResource.stackName.isEmpty() ? parameter(QStringLiteral("stack")) : groupResource.stackName,
                      groupResource.stackId, policy),
                  [this] {
                      setFact(QStringLiteral("signalled"), true);
                      log(tr("Heat took the signal; waiting for the group to update."));
                      poll();
                  });
        });
    });
}

// Done when Heat has finished the policy's signal (its SIGNAL_COMPLETE event), not when the
// group's nested stack is UPDATE_COMPLETE: Heat finishes the resize (the group's size, which the
// stack's outputs show) after that, about a second later on the sandbox. A policy in cooldown or
// a group at its limit takes the signal without an event and without a change.
void ScaleSignalJob::poll()
{
    const QString stack = parameter(QStringLiteral("stack"));
    const QString marker = fact(QStringLiteral("marker"));
    await<QList<StackEvent>>(OrchestrationClient(session()).listEvents(stack, marker), [this](const auto &events) {
        const QString policy = parameter(QStringLiteral("policy"));
        for (const StackEvent &event : events) {
            // Heat writes it once the signal is handled, with the policy's own status: SIGNAL_FAILED
            // means the policy resource was FAILED before, not that this signal failed (a failed
            // signal writes no event; a failed resize shows in the group, checkGroup).
            if (event.resourceName == policy && event.status.startsWith(u"SIGNAL_")) {
                progress(1, 1);
                log(tr("Heat finished the signal (%1): the group has scaled.").arg(event.status));
                succeed();
                return;
            }
        }
        if (!events.isEmpty())
            setFact(QStringLiteral("marker"), events.constLast().id);
        checkGroup();
    });
}

void ScaleSignalJob::checkGroup()
{
    await<Stack>(OrchestrationClient(session()).showStack(fact(QStringLiteral("groupStackId"))), [this](const Stack &group) {
        if (group.status.endsWith(u"_FAILED")) {
            fail(QStringLiteral("%1: %2").arg(group.status, group.statusReason));
        } else if (m_deadline.isValid() && QDateTime::currentDateTimeUtc() > m_deadline) {
            fail(tr("the group did not change after the signal (the policy may be in cooldown, or the group at its limit)"));
        } else {
            after(pollIntervalMs(), [this] { poll(); });
        }
    });
}

void ScaleSignalJob::resume()
{
    if (!record().facts.value(QStringLiteral("signalled")).toBool()) {
        reconciled(tr("the signal may not have been sent."));
        interrupted(tr("not known whether the policy was signalled: look at the group's size before a retry"));
        return;
    }
    if (!record().facts.contains(QStringLiteral("marker"))) { // a job of a version that did not keep it
        reconciled(tr("the policy was signalled, but where its events begin is not known."));
        interrupted(tr("not known whether the group has scaled: look at the group's size"));
        return;
    }
    const int timeout = parameters().value(QStringLiteral("timeoutSeconds")).toInt(600);
    m_deadline = QDateTime::currentDateTimeUtc().addSecs(timeout);
    reconciled(tr("the policy was signalled; checking the group."));
    poll();
}

void ScaleSignalJob::cancel()
{
    finishCancelled(tr("Stopped following. A signal cannot be taken back: Heat goes on scaling the group."));
}

} // namespace Pilvi
