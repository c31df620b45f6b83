// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/environment.h"

#include <QColor>

namespace Pilvi {

/// The colour that marks an environment everywhere (sidebar, banner). Production is a strong red
/// so that nobody mistakes it for a test cloud.
QColor environmentColor(Environment environment);

} // namespace Pilvi
