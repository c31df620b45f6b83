// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"

#include <QDateTime>

namespace Pilvi {

/// Scales a group by signalling its ScalingPolicy, then waits until Heat has finished the signal
/// (the policy's SIGNAL_COMPLETE event after it). Parameters: stack, policy, group,
/// timeoutSeconds (default 600: a policy in cooldown or a group at its limit does not scale).
/// Facts: groupStackId, marker (the stack's last event read), signalled.
class ScaleSignalJob final : public Job
{
    Q_OBJECT
public:
    using Job::Job;

    static JobSpec spec(const QString &cloud, const QString &stack, const QString &policy, const QString &group);

protected:
    void start() override;
    void resume() override;
    void cancel() override;

private:
    void poll();
    void checkGroup();

    QDateTime m_deadline;
};

} // namespace Pilvi
