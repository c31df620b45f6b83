// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>

#include <optional>

class QApplication;

namespace Pilvi {

/// "light" or "dark" (case-insensitive); nullopt for anything else.
std::optional<Qt::ColorScheme> colorSchemeFromName(const QString &name);

/// The palette Pilvi uses when the user picks a colour scheme over the desktop's (`pilvi
/// --color-scheme dark`): Fusion's light palette, or a dark one in the Breeze Dark colours.
QPalette paletteFor(Qt::ColorScheme scheme);

/// Switches the application to Fusion with paletteFor(scheme). The editor's and the graph's
/// colours follow the palette.
void applyColorScheme(QApplication &app, Qt::ColorScheme scheme);

} // namespace Pilvi
