// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QTextStream;

namespace Pilvi {

/// `pilvi-cli template validate FILE [-e ENV]... [-f text|json]`: checks a Heat template offline
/// (no cloud) against the bundled resource schemas. One problem a line,
/// `FILE:LINE:COLUMN: error|warning: message`, or a JSON list with --format json. `arguments`
/// starts after "template". Returns the exit code: 1 when there is an error (warnings do not
/// count), 0 otherwise, 2 for a usage error.
int runTemplateCommand(const QStringList &arguments, const QString &workingDirectory, QTextStream &out, QTextStream &err);

} // namespace Pilvi
