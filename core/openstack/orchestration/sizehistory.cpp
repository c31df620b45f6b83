// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/orchestration/sizehistory.h"

#include <QSet>

#include <algorithm>

namespace Pilvi {

QList<SizeChange> deriveSizeHistory(QList<StackEvent> events, const QString &nestedStackId)
{
    // Heat lists events oldest first by default, but a caller may have merged pages or asked for
    // another order; a stable sort keeps Heat's order within one instant.
    std::stable_sort(events.begin(), events.end(), [](const StackEvent &a, const StackEvent &b) { return a.time < b.time; });
    QList<SizeChange> history;
    QSet<QString> alive;
    for (const StackEvent &event : std::as_const(events)) {
        if (!nestedStackId.isEmpty() && event.physicalId == nestedStackId)
            continue;
        bool changed = false;
        if (event.status == u"CREATE_COMPLETE" && !alive.contains(event.resourceName)) {
            alive.insert(event.resourceName);
            changed = true;
        } else if (event.status == u"DELETE_COMPLETE")
            changed = alive.remove(event.resourceName);
        if (!changed)
            continue;
        const int size = static_cast<int>(alive.size());
        if (!history.isEmpty() && history.last().time == event.time)
            history.last().size = size; // one point per instant: the size after all of them
        else
            history.append({event.time, size});
    }
    return history;
}

} // namespace Pilvi
