// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/stack.h"

#include <QHash>

namespace Pilvi {

/// Follows a stack's events: the marker to ask from, each resource's latest status, and how many
/// resources reached a status (progress = resources complete / resources in the stack).
class StackEventTracker
{
public:
    explicit StackEventTracker(QString stackName = {})
        : m_stackName(std::move(stackName))
    {}

    /// Takes the events after the marker (oldest first); returns one log line per resource event
    /// (the stack's own events count too, but not as resources).
    QStringList add(const QList<StackEvent> &events);
    /// Takes the statuses of the resources as they are (after a restart, before following on).
    void prime(const QList<StackResource> &resources);
    void setMarker(const QString &marker) { m_marker = marker; }
    QString marker() const { return m_marker; }

    int resourcesSeen() const { return static_cast<int>(m_status.size()); }
    int count(QStringView status) const;

private:
    QString m_stackName;
    QString m_marker;
    QHash<QString, QString> m_status; // resource name -> latest status
};

/// The number of resources a Heat template declares (0 when it cannot be read).
int templateResourceCount(const QByteArray &templateText);

} // namespace Pilvi
