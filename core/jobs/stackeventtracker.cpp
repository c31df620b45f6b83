// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/stackeventtracker.h"

#include "yaml/yamldocument.h"

namespace Pilvi {

QStringList StackEventTracker::add(const QList<StackEvent> &events)
{
    QStringList lines;
    for (const StackEvent &event : events) {
        m_marker = event.id;
        QString line = event.resourceName + u' ' + event.status;
        if (!event.statusReason.isEmpty() && event.statusReason != u"state changed")
            line += QStringLiteral(": ") + event.statusReason;
        lines.append(line);
        if (event.resourceName != m_stackName)
            m_status.insert(event.resourceName, event.status);
    }
    return lines;
}

void StackEventTracker::prime(const QList<StackResource> &resources)
{
    for (const StackResource &resource : resources)
        m_status.insert(resource.name, resource.status);
}

int StackEventTracker::count(QStringView status) const
{
    return static_cast<int>(
        std::count_if(m_status.cbegin(), m_status.cend(), [status](const QString &s) { return s == status; }));
}

int templateResourceCount(const QByteArray &templateText)
{
    const YamlParseResult parsed = parseYaml(templateText);
    if (!parsed.root || !parsed.root->isMapping())
        return 0;
    const YamlNode *resources = parsed.root->value(u"resources");
    return resources && resources->isMapping() ? static_cast<int>(resources->keys.size()) : 0;
}

} // namespace Pilvi
