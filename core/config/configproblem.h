// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Pilvi {

/// A problem in a configuration file, shown as `FILE:LINE:COLUMN: error: message`. A problem
/// with no position (an unreadable file, an OS_* variable: `file` is then the variable's name)
/// is shown as `FILE: error: message`.
struct ConfigProblem {
    QString file;
    int line = 0;
    int column = 0;
    QString message;

    QString toString() const
    {
        if (line <= 0)
            return QStringLiteral("%1: error: %2").arg(file, message);
        return QStringLiteral("%1:%2:%3: error: %4").arg(file).arg(line).arg(column).arg(message);
    }
    friend bool operator==(const ConfigProblem &, const ConfigProblem &) = default;
};

} // namespace Pilvi
