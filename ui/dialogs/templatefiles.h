// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Pilvi {

/// A template file with its environments, read as `openstack stack create -t -e` reads them,
/// in the shape a create or update request sends.
struct TemplateFiles {
    QByteArray templateText;         ///< JSON
    QByteArray sourceText;           ///< the template file as written (parameter order, comments)
    QMap<QString, QByteArray> files; ///< get_file and nested templates
    QByteArray environmentText;      ///< the environments merged, JSON; empty when none
    QString problem;                 ///< why the files cannot be used; empty when they can
};

/// `editedTemplate`, when given, stands for the template file's content (an editor's unsaved text);
/// its get_file and nested templates are still read from beside the file.
TemplateFiles readTemplateFiles(const QString &templatePath, const QStringList &environmentPaths,
                                const std::optional<QByteArray> &editedTemplate = std::nullopt);

} // namespace Pilvi
