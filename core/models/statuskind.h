// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Pilvi {

/// What a status means for a delegate or a filter, whatever the service: "complete",
/// "in-progress" or "failed" (the words StackListModel's StatusKindRole also gives).
namespace StatusKind {
inline QString complete()
{
    return QStringLiteral("complete");
}
inline QString inProgress()
{
    return QStringLiteral("in-progress");
}
inline QString failed()
{
    return QStringLiteral("failed");
}

/// Heat: CREATE_IN_PROGRESS, UPDATE_FAILED, CREATE_COMPLETE...
QString ofHeat(const QString &status);
/// Cinder: creating, backing-up, restoring-backup, error_deleting, available, in-use...
QString ofCinder(const QString &status);
/// Nova: ERROR fails; BUILD, RESIZE, VERIFY_RESIZE (waiting for the user's confirm or revert),
/// REBOOT... or any task under way are in progress; ACTIVE, SHUTOFF, PAUSED... are settled.
QString ofNova(const QString &status, const QString &taskState = {});
} // namespace StatusKind

} // namespace Pilvi
