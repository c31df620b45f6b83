// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Pilvi {

class JobRunner;

/// Registers every job kind that works on a cloud (stack create/delete, scale signal, volume
/// backup, backup restore) with the runner.
void registerCloudJobKinds(JobRunner &runner);

} // namespace Pilvi
