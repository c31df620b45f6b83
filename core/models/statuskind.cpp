// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/statuskind.h"

#include <QStringView>

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

} // namespace Pilvi::StatusKind
