// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/statuskind.h"

#include <QStringView>

#include <algorithm>
#include <iterator>

namespace Pilvi::StatusKind {

QString ofHeat(const QString &status)
{
    if (status.endsWith(u"_IN_PROGRESS"))
        return inProgress();
    if (status.endsWith(u"_FAILED"))
        return failed();
    return complete();
}

QString ofCinder(const QString &status)
{
    if (status.startsWith(u"error"))
        return failed();
    if (status == u"maintenance")
        return inProgress();
    // Cinder's transitional states are verbs: creating, backing-up, restoring-backup,
    // awaiting-transfer, extending... The settled ones are not: available, in-use, deleted.
    for (const QStringView word : QStringView(status).tokenize(u'-'))
        if (word.endsWith(u"ing"))
            return inProgress();
    return complete();
}

QString ofNova(const QString &status, const QString &taskState)
{
    if (status == u"ERROR")
        return failed();
    static constexpr QStringView settled[] = {
        u"ACTIVE",  u"SHUTOFF",      u"PAUSED",  u"SUSPENDED", u"SHELVED", u"SHELVED_OFFLOADED",
        u"STOPPED", u"SOFT_DELETED", u"DELETED", u"RESCUE"};
    const bool isSettled = std::find(std::begin(settled), std::end(settled), QStringView(status)) != std::end(settled);
    return taskState.isEmpty() && isSettled ? complete() : inProgress();
}

} // namespace Pilvi::StatusKind
