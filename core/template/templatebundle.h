// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/templateproblem.h"
#include "template/templatevalidator.h"

#include <QJsonObject>
#include <QStringList>

namespace Pilvi {

/// What the orchestration API receives for validate, create and update: the template, the
/// `files` map and the environment, built exactly as the openstack CLI (heatclient's
/// template_utils) builds them from local files: every `get_file` and every `type: x.yaml` or
/// `.template` is replaced by its absolute file:// URL and the file's content goes into `files`
/// under that URL (a file that is itself a template is stored as JSON, its own files resolved in
/// turn); environment resource_registry entries naming templates likewise; each environment goes
/// into `files` under its URL and is listed in `environment_files`. URLs other than file:// are
/// left to the server.
struct TemplateBundle {
    QJsonObject templateJson;
    QJsonObject files;
    QJsonObject environment;         ///< the environments merged in order (deep update)
    QStringList environmentFiles;    ///< file:// URLs of the environments, in order
    QList<TemplateProblem> problems; ///< files that could not be read or parsed, at the line naming them

    bool isValid() const;
    /// The request body fields: template, files, environment, environment_files.
    QJsonObject requestFields() const;
};

/// Builds the bundle for a template file and its environment files (paths as the user gave them).
TemplateBundle buildTemplateBundle(const QString &templatePath, const QStringList &environmentPaths,
                                   const LocalFileReader &reader = {});

/// The JSON value of a YAML node, typed as Heat's YAML 1.1 loader types it (timestamps stay
/// strings, as in Heat).
QJsonValue yamlToJson(const YamlNode &node);

} // namespace Pilvi
