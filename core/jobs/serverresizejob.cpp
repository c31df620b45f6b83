// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/serverresizejob.h"

#include "openstack/compute/computeclient.h"
#include "openstack/compute/resizerules.h"

namespace Pilvi {

namespace {
constexpr int defaultTimeoutSeconds = 1800;

// "RESIZE resize_migrating", or "ACTIVE" when no task is under way.
QString statusWords(const Server &server)
{
    return QStringLiteral("%1 %2").arg(server.status, server.taskState).trimmed();
}

QString errorOf(const Server &server)
{
    return server.faultMessage.isEmpty() ? QObject::tr("the server went to ERROR")
                                         : QObject::tr("the server went to ERROR: %1").arg(server.faultMessage);
}
} // namespace

QString ServerResizeJob::actionKey(Action action)
{
    switch (action) {
    case Action::Resize: return QStringLiteral("resize");
    case Action::Confirm: return QStringLiteral("confirm");
    case Action::Revert: return QStringLiteral("revert");
    }
    return {};
}

JobSpec ServerResizeJob::resizeSpec(const QString &cloud, const Server &server, const Flavor &flavor)
{
    return {JobKinds::serverResize,
            cloud,
            server.name,
            QJsonObject{{QStringLiteral("action"), actionKey(Action::Resize)},
                        {QStringLiteral("server"), server.id},
                        {QStringLiteral("serverName"), server.name},
                        {QStringLiteral("flavor"), flavor.id},
                        {QStringLiteral("flavorName"), flavor.name}},
            {}};
}

JobSpec ServerResizeJob::answerSpec(const QString &cloud, const Server &server, Action action)
{
    return {JobKinds::serverResize,
            cloud,
            server.name,
            QJsonObject{{QStringLiteral("action"), actionKey(action)},
                        {QStringLiteral("server"), server.id},
                        {QStringLiteral("serverName"), server.name}},
            {}};
}

ServerResizeJob::Action ServerResizeJob::action() const
{
    const QString key = parameter(QStringLiteral("action"));
    if (key == actionKey(Action::Confirm))
        return Action::Confirm;
    if (key == actionKey(Action::Revert))
        return Action::Revert;
    return Action::Resize;
}

void ServerResizeJob::setDeadline()
{
    const int timeout = parameters().value(QStringLiteral("timeoutSeconds")).toInt(defaultTimeoutSeconds);
    m_deadline = QDateTime::currentDateTimeUtc().addSecs(timeout);
}

void ServerResizeJob::start()
{
    setDeadline();
    progress(0, 1);
    const QString id = parameter(QStringLiteral("server"));
    await<Server>(ComputeClient(session()).showServer(id), [this](const Server &server) {
        setFact(QStringLiteral("flavorBefore"), server.flavor.name);
        switch (action()) {
        case Action::Resize:
            if (!canResize(server)) {
                fail(tr("%1 is %2: Nova resizes only an ACTIVE or SHUTOFF server with no task under way")
                         .arg(server.name, statusWords(server)));
                return;
            }
            if (server.flavor.name == parameter(QStringLiteral("flavorName"))) {
                fail(tr("%1 already runs flavor %2").arg(server.name, server.flavor.name));
                return;
            }
            break;
        case Action::Confirm:
        case Action::Revert:
            if (!awaitsResizeAnswer(server)) {
                fail(tr("%1 is %2, not waiting for a resize to be confirmed or reverted").arg(server.name, server.status));
                return;
            }
            break;
        }
        request();
    });
}

void ServerResizeJob::request()
{
    ComputeClient nova(session());
    const QString id = parameter(QStringLiteral("server"));
    const QString name = parameter(QStringLiteral("serverName"));
    QFuture<void> sent;
    switch (action()) {
    case Action::Resize:
        log(tr("Resizing %1 from %2 to %3.")
                .arg(name, fact(QStringLiteral("flavorBefore")), parameter(QStringLiteral("flavorName"))));
        sent = nova.resizeServer(id, parameter(QStringLiteral("flavor")));
        break;
    case Action::Confirm:
        log(tr("Confirming the resize of %1.").arg(name));
        sent = nova.confirmResize(id);
        break;
    case Action::Revert:
        log(tr("Reverting the resize of %1 to its old flavor.").arg(name));
        sent = nova.revertResize(id);
        break;
    }
    await(sent, [this] {
        setFact(QStringLiteral("requested"), true);
        poll();
    });
}

void ServerResizeJob::poll()
{
    await<Server>(ComputeClient(session()).showServer(parameter(QStringLiteral("server"))), [this](const Server &server) {
        if (server.status == u"ERROR") {
            fail(errorOf(server));
            return;
        }
        const Action step = action();
        if (step == Action::Resize && awaitsResizeAnswer(server)) {
            progress(1, 1);
            log(tr("%1 runs flavor %2 now. Confirm the resize to keep it, or revert to %3.")
                    .arg(server.name, server.flavor.name, fact(QStringLiteral("flavorBefore"))));
            succeed();
            return;
        }
        if (canResize(server)) {
            if (step != Action::Resize) {
                progress(1, 1);
                log(step == Action::Confirm ? tr("Confirmed: %1 keeps flavor %2.").arg(server.name, server.flavor.name)
                                            : tr("Reverted: %1 is back on flavor %2.").arg(server.name, server.flavor.name));
                succeed();
            } else if (server.flavor.name == parameter(QStringLiteral("flavorName"))) {
                progress(1, 1);
                log(tr("%1 runs flavor %2 now (this cloud confirms resizes by itself).").arg(server.name, server.flavor.name));
                succeed();
            } else {
                // Nova took the request and gave up (no host with room for the flavor, a
                // scheduler or driver error): the reason is in the server's action events only.
                fail(tr("Nova did not resize %1: it is %2 on flavor %3 again (see `openstack server event list %1`)")
                         .arg(server.name, server.status, server.flavor.name));
            }
            return;
        }
        if (QDateTime::currentDateTimeUtc() > m_deadline) {
            fail(tr("%1 is still %2 after the timeout").arg(server.name, statusWords(server)));
            return;
        }
        after(pollIntervalMs(), [this] { poll(); });
    });
}

void ServerResizeJob::resume()
{
    if (!record().facts.value(QStringLiteral("requested")).toBool()) {
        reconciled(tr("the request may not have reached Nova."));
        interrupted(tr("not known whether Nova got the request: look at the server's status before a retry"));
        return;
    }
    setDeadline();
    reconciled(tr("Nova had the request; checking the server."));
    poll();
}

void ServerResizeJob::cancel()
{
    finishCancelled(tr("Stopped following. Nova goes on with what it was asked; confirm or revert the server later."));
}

} // namespace Pilvi
