// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace KSyntaxHighlighting {
class Definition;
class Repository;
} // namespace KSyntaxHighlighting

namespace Pilvi {

/// The highlighting definition for a file the editor opens, by its name and, when the name says
/// nothing, its first bytes (a `#!` line, a `{`): Heat templates and environments are YAML,
/// Ansible playbooks get the Ansible definition where the repository has one, `.tf` Terraform,
/// user-data scripts their shell, JSON JSON. Falls back to YAML, the format the editor is for.
KSyntaxHighlighting::Definition definitionForFile(const KSyntaxHighlighting::Repository &repository, const QString &fileName,
                                                  const QByteArray &head = {});

/// Whether the text looks like an Ansible playbook or task list rather than a Heat template.
bool looksLikeAnsible(const QString &fileName, const QByteArray &head);

} // namespace Pilvi
