// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/templatefiles.h"

#include "template/templatebundle.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace Pilvi {

TemplateFiles readTemplateFiles(const QString &templatePath, const QStringList &environmentPaths,
                                const std::optional<QByteArray> &editedTemplate)
{
    LocalFileReader reader;
    if (editedTemplate) {
        reader = [absolute = QFileInfo(templatePath).absoluteFilePath(),
                  text = *editedTemplate](const QString &path) -> std::optional<QByteArray> {
            if (path == absolute)
                return text;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return std::nullopt;
            return file.readAll();
        };
    }
    const TemplateBundle bundle = buildTemplateBundle(templatePath, environmentPaths, reader);
    TemplateFiles result;
    if (!bundle.isValid()) {
        QStringList messages;
        for (const TemplateProblem &problem : bundle.problems)
            messages.append(problem.message);
        result.problem = messages.join(u"; ");
        return result;
    }
    result.templateText = QJsonDocument(bundle.templateJson).toJson(QJsonDocument::Compact);
    // The bundle's JSON has its keys sorted; forms follow the order the author wrote.
    if (editedTemplate)
        result.sourceText = *editedTemplate;
    else if (QFile source(templatePath); source.open(QIODevice::ReadOnly))
        result.sourceText = source.readAll();
    for (auto it = bundle.files.constBegin(); it != bundle.files.constEnd(); ++it)
        result.files.insert(it.key(), it.value().toString().toUtf8());
    if (!bundle.environment.isEmpty())
        result.environmentText = QJsonDocument(bundle.environment).toJson(QJsonDocument::Compact);
    return result;
}

} // namespace Pilvi
