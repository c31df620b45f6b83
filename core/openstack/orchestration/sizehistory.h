// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/stack.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Pilvi {

/// The size of a scaling group from a moment on.
struct SizeChange {
    QDateTime time;
    int size = 0;
    friend bool operator==(const SizeChange &, const SizeChange &) = default;
};

/// A scaling group's size over time from the events of its nested stack (the stack that holds
/// the members): a member's CREATE_COMPLETE adds one, its DELETE_COMPLETE takes one away, in time
/// order (events of the same instant keep Heat's order). The nested stack's own events (their
/// physical id is `nestedStackId`) are not members. A member is counted once however often it
/// completes (an update that replaces it), and a delete of a member never seen created is
/// ignored, so a partial event list never goes below zero. One entry per change of size,
/// starting from zero. Pure: safe on any thread.
QList<SizeChange> deriveSizeHistory(QList<StackEvent> events, const QString &nestedStackId);

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::SizeChange, Q_RELOCATABLE_TYPE);
