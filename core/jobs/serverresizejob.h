// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"
#include "openstack/compute/server.h"

#include <QDateTime>

namespace Pilvi {

/// Vertical scaling of one server, one step per job: `resize` asks Nova for another flavor and
/// follows the server to VERIFY_RESIZE (or to ACTIVE on the new flavor where Nova confirms by
/// itself); `confirm` and `revert` answer that and follow it back to ACTIVE.
/// Parameters: action (resize, confirm, revert), server (id), serverName, flavor (id) and
/// flavorName for a resize, timeoutSeconds (default 1800). Facts: flavorBefore, requested.
class ServerResizeJob final : public Job
{
    Q_OBJECT
public:
    using Job::Job;

    enum class Action { Resize, Confirm, Revert };

    static JobSpec resizeSpec(const QString &cloud, const Server &server, const Flavor &flavor);
    static JobSpec answerSpec(const QString &cloud, const Server &server, Action action);
    static QString actionKey(Action action);

protected:
    void start() override;
    void resume() override;
    void cancel() override;

private:
    Action action() const;
    void request();
    void poll();
    void setDeadline();

    QDateTime m_deadline;
};

} // namespace Pilvi
