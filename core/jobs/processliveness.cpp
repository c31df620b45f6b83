// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/processliveness.h"

#include <cerrno>
#include <csignal>
#include <sys/types.h>

namespace Pilvi {

bool processIsAlive(qint64 pid)
{
    if (pid <= 0 || pid > 0x7fffffff)
        return false;
    // Signal 0 checks existence only; EPERM means it exists but is someone else's.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

} // namespace Pilvi
