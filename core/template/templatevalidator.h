// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/environmentfile.h"
#include "template/heattemplate.h"
#include "template/resourceschema.h"
#include "template/templateproblem.h"

#include <functional>
#include <optional>

namespace Pilvi {

/// Reads a local file for get_file, nested templates and registry entries; nullopt when it
/// cannot be read. The default reads the file system.
using LocalFileReader = std::function<std::optional<QByteArray>(const QString &absolutePath)>;

/// Checks a Heat template (and its environment files and local nested templates) offline, the
/// way Heat's stack create would, and more strictly than Heat's own template validate: every
/// problem at the node that is wrong, Heat's wording where it has one. Pure logic; safe on any
/// thread (each call works on its own data).
class TemplateValidator
{
public:
    explicit TemplateValidator(ResourceSchemaRegistry registry = ResourceSchemaRegistry::bundled());

    void setFileReader(LocalFileReader reader);
    /// Adds an environment file (applied in order, as `-e` does). Problems in it are reported too.
    void addEnvironment(const QString &fileName, const QByteArray &text);

    /// Validates the template in `text`, named `fileName` (relative names resolve against the
    /// current directory; an empty name means an unsaved buffer: local files are not looked up).
    QList<TemplateProblem> validate(const QString &fileName, const QByteArray &text) const;
    /// The same for an already parsed template (the editor keeps one).
    QList<TemplateProblem> validate(const QString &fileName, const HeatTemplate &tmpl) const;

private:
    struct Environment {
        QString fileName;
        EnvironmentFile file;
    };
    ResourceSchemaRegistry m_registry;
    LocalFileReader m_reader;
    QList<Environment> m_environments;
    friend class TemplateValidation;
};

} // namespace Pilvi
