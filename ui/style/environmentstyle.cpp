// SPDX-License-Identifier: GPL-3.0-or-later
#include "style/environmentstyle.h"

namespace Pilvi {

QColor environmentColor(Environment environment)
{
    switch (environment) {
    case Environment::Development: return QColor(0x3d, 0xae, 0xe9);   // Breeze blue
    case Environment::Testing: return QColor(0x27, 0xae, 0x60);       // green
    case Environment::Preproduction: return QColor(0xf6, 0x74, 0x00); // orange
    case Environment::Production: return QColor(0xda, 0x44, 0x53);    // red
    }
    return {};
}

} // namespace Pilvi
