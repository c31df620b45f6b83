// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/stackjob.h"

#include <algorithm>

namespace Pilvi {

void StackJob::takeEvents(const QList<StackEvent> &events)
{
    const auto lines = m_events.add(events);
    for (const QString &line : lines)
        log(line);
    if (!events.isEmpty())
        setFact(QStringLiteral("marker"), m_events.marker());
    m_total = std::max(m_total, m_events.resourcesSeen());
}

} // namespace Pilvi
