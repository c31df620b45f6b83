// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Pilvi {

/// Whether a process with this id exists (on this machine). The journal records which process
/// runs a job, so a restart reconciles only the jobs of processes that died, not those of a
/// pilvi-cli running beside the app.
bool processIsAlive(qint64 pid);

} // namespace Pilvi
