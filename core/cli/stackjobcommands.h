// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QStringList>

#include <optional>

class QTextStream;

namespace Pilvi {

class Session;

/// `stack create NAME -t FILE [-e ENV] [--parameter KEY=VALUE]... [--timeout MIN]
/// [--enable-rollback] [--wait] [--dry-run]` and `stack delete NAME [--wait] [--confirm NAME]`,
/// with the openstack CLI's option names. They run the same jobs as the app, journaled in the
/// same journal.
struct StackJobCommand {
    enum class Kind { Create, Delete };
    Kind kind = Kind::Create;
    QString name;
    QString templateFile;
    QStringList environmentFiles;
    QMap<QString, QString> parameters;
    int timeoutMinutes = 0;
    bool enableRollback = false; ///< as in the openstack CLI: off unless asked for
    bool wait = false;
    bool dryRun = false;
    QString confirm;
};

/// Parses the words after the global options when they are `stack create` or `stack delete`:
/// nullopt when they are another command; `usageError` is set when they are malformed.
std::optional<StackJobCommand> parseStackJobCommand(const QStringList &words, QString *usageError);

/// The journal pilvi and pilvi-cli share: $XDG_DATA_HOME/pilvi/journal.sqlite
/// (~/.local/share/pilvi/journal.sqlite when XDG_DATA_HOME is not set).
QString jobJournalPath(const QProcessEnvironment &environment);

/// Runs the command against `session`'s cloud: progress lines go to `err`, the result to `out`.
/// Waits on this thread's event loop (pilvi-cli's main thread). Returns the exit code.
int runStackJobCommand(const StackJobCommand &command, Session &session, const QString &journalPath,
                       const QString &workingDirectory, QTextStream &out, QTextStream &err);

} // namespace Pilvi
