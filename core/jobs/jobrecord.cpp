// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobrecord.h"

namespace Pilvi {

QString jobStateKey(JobState state)
{
    switch (state) {
    case JobState::Queued: return QStringLiteral("queued");
    case JobState::Running: return QStringLiteral("running");
    case JobState::Succeeded: return QStringLiteral("succeeded");
    case JobState::Failed: return QStringLiteral("failed");
    case JobState::Cancelled: return QStringLiteral("cancelled");
    case JobState::Interrupted: return QStringLiteral("interrupted");
    }
    return {};
}

std::optional<JobState> jobStateFromKey(QStringView key)
{
    for (JobState state : {JobState::Queued, JobState::Running, JobState::Succeeded, JobState::Failed, JobState::Cancelled,
                           JobState::Interrupted}) {
        if (key == jobStateKey(state))
            return state;
    }
    return std::nullopt;
}

bool isFinalState(JobState state)
{
    return state != JobState::Queued && state != JobState::Running;
}

} // namespace Pilvi
