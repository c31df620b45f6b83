// SPDX-License-Identifier: GPL-3.0-or-later
#include "style/colorscheme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

#include <memory>

namespace Pilvi {

std::optional<Qt::ColorScheme> colorSchemeFromName(const QString &name)
{
    if (name.compare(u"light", Qt::CaseInsensitive) == 0)
        return Qt::ColorScheme::Light;
    if (name.compare(u"dark", Qt::CaseInsensitive) == 0)
        return Qt::ColorScheme::Dark;
    return std::nullopt;
}

QPalette paletteFor(Qt::ColorScheme scheme)
{
    if (scheme != Qt::ColorScheme::Dark) {
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        return fusion ? fusion->standardPalette() : QPalette();
    }
    // Breeze Dark's colours, so Pilvi looks at home beside KDE applications.
    const QColor window(0x20, 0x23, 0x26);
    const QColor base(0x14, 0x16, 0x18);
    const QColor button(0x29, 0x2c, 0x30);
    const QColor text(0xfc, 0xfc, 0xfc);
    const QColor disabledText(0x6e, 0x71, 0x75);
    const QColor highlight(0x3d, 0xae, 0xe9);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xda, 0x44, 0x53));
    palette.setColor(QPalette::Light, button.lighter(150));
    palette.setColor(QPalette::Midlight, button.lighter(120));
    palette.setColor(QPalette::Mid, button.darker(120));
    palette.setColor(QPalette::Dark, button.darker(150));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, text);
    palette.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    palette.setColor(QPalette::LinkVisited, QColor(0x9b, 0x59, 0xb6));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    return palette;
}

void applyColorScheme(QApplication &app, Qt::ColorScheme scheme)
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    // Tell the platform too where it can follow (Qt 6.8); the palette is what offscreen honours.
    QGuiApplication::styleHints()->setColorScheme(scheme);
    app.setPalette(paletteFor(scheme));
}

} // namespace Pilvi
