// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"
#include "config/configproblem.h"

#include <QHash>
#include <QList>
#include <QProcessEnvironment>

#include <optional>

namespace Pilvi {

/// What an openrc file (Horizon's "OpenStack RC File", CSC's Pouta openrc, an application
/// credential openrc) sets, read without running it.
struct OpenrcContents {
    QString fileName;              ///< as the user named it, for messages
    QProcessEnvironment variables; ///< the OS_* variables it exports, as the shell would see them
    /// True when the file asks for the password at run time (`read -sr OS_PASSWORD_INPUT` and
    /// `export OS_PASSWORD=$OS_PASSWORD_INPUT`): the user must type it.
    bool asksForPassword = false;
    QList<ConfigProblem> problems; ///< lines that could not be read, at their line and column
    QHash<QString, int> lineOf;    ///< the line that last set each variable, for messages
};

/// Reads the `export NAME=value` / `NAME=value` / `unset NAME` lines of an openrc file: single
/// and double quotes, `$NAME` and `${NAME}` of variables it set before, comments. Everything else
/// (if, echo, read...) is skipped: an openrc file is read, never run.
OpenrcContents readOpenrc(const QByteArray &text, const QString &fileName);

/// The cloud an openrc file describes, named `name`, as openstacksdk's `envvars` cloud would be,
/// or nullopt with problems (no OS_AUTH_URL; a wrong value).
std::optional<CloudProfile> cloudFromOpenrc(const OpenrcContents &contents, const QString &name, QList<ConfigProblem> &problems);

} // namespace Pilvi
