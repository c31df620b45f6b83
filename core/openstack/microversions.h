// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/microversion.h"

namespace Pilvi::Microversions {

// The microversions Pilvi's clients are written and tested for, in one place. Each client sends
// min(this, the newest the cloud's version document offers) (negotiateMicroversion()).

/// Cinder 3.40 (Queens, 2018): what the parsers and recorded answers were written for; every
/// cloud still running offers it.
inline constexpr ApiVersion blockStorage{3, 40};

/// Nova 2.79 (Train, 2019). From 2.47 a server embeds its flavor (name, vcpus, ram, disk), so a
/// server list needs no flavor lookups; 2.37 makes "networks" explicit on create; 2.75 fixes
/// flavor swap to a number; 2.79 is the newest that Debian 13's Nova (31, 2025.1), the sandbox,
/// and clouds kept a few releases behind (Train and later, as Pouta) all offer, with nothing
/// after it that Pilvi needs.
inline constexpr ApiVersion compute{2, 79};

} // namespace Pilvi::Microversions
