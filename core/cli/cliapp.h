// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace Pilvi {

/// Exit codes of pilvi-cli, as a good Unix tool has them.
enum CliExit { CliSuccess = 0, CliError = 1, CliUsage = 2 };

/// The whole of pilvi-cli: global options before the command (as the openstack CLI takes them),
/// command options after it. `arguments` excludes the program name. Writes results to `out` and
/// messages to `err`; returns the exit code.
int runCli(const QStringList &arguments, const QProcessEnvironment &environment, const QString &workingDirectory,
           QTextStream &out, QTextStream &err);

} // namespace Pilvi
