// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/compute/server.h"

namespace Pilvi {

/// Nova resizes a server only when it is ACTIVE or SHUTOFF with no task under way.
bool canResize(const Server &server);
/// After a resize Nova waits in VERIFY_RESIZE for the user to confirm or revert.
bool awaitsResizeAnswer(const Server &server);

/// Whether a server running `current` can be resized to `to`, and how `to` compares.
struct FlavorChoice {
    bool allowed = true;
    QString note; ///< "current", why not, or what changes ("+2 vCPU, +4 GiB RAM")
};
FlavorChoice flavorChoice(const Flavor &to, const Flavor &current);

} // namespace Pilvi
