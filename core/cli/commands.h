// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/outputtable.h"

#include <QStringList>

class QTextStream;

namespace Pilvi {

class Session;

/// One pilvi-cli command that talks to a cloud: its words ("stack list"), how many positional
/// arguments it takes, and what it does with a ready session. Runs on the CLI's main thread and
/// may wait for futures there (pilvi-cli has no GUI thread to keep free).
struct CloudCommand {
    QStringList words;
    QStringList arguments; ///< names of the positional arguments, for usage messages
    QString summary;
    /// Fills `table` (or throws ApiError); returns the exit code.
    int (*run)(Session &session, const QStringList &arguments, OutputTable &table);
};

/// Every cloud command, in help order.
const QList<CloudCommand> &cloudCommands();

} // namespace Pilvi
