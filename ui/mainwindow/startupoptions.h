// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mainwindow/pageid.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace Pilvi {

/// What `pilvi` was asked to do on the command line.
struct StartupOptions {
    bool offscreen = false;
    QString screenshotFile; ///< write a PNG of the main window, then exit
    QSize size;             ///< window size; 1280x800 for screenshots unless given
    std::optional<PageId> page;
    QString cloud;                              ///< --os-cloud, else OS_CLOUD
    QString templateFile;                       ///< a template to open on the Templates page
    std::optional<Qt::ColorScheme> colorScheme; ///< --color-scheme: over the desktop's
};

struct StartupParse {
    StartupOptions options;
    QString error; ///< non-empty: print it and exit 2
};

/// Parses `pilvi`'s arguments (arguments[0] is the program). --help and --version print and exit.
StartupParse parseStartupOptions(const QStringList &arguments, const QString &osCloudVariable);

} // namespace Pilvi
