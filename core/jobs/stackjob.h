// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"
#include "jobs/stackeventtracker.h"

namespace Pilvi {

/// What the stack jobs (create, update, delete) share: the stack's events, read from a marker on,
/// go to the log, the marker to the facts (a restart reads on from there), and the resources
/// seen make the progress total.
class StackJob : public Job
{
    Q_OBJECT
public:
    using Job::Job;

protected:
    /// Logs `events` not seen before, records the marker, and grows the total.
    void takeEvents(const QList<StackEvent> &events);

    StackEventTracker m_events;
    int m_total = 0;
};

} // namespace Pilvi
