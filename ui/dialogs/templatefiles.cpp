// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/templatefiles.h"

#include "template/templatebundle.h"

#include <QFile>
#include <QJsonDocument>

namespace Pilvi {

TemplateFiles readTemplateFiles(const QString &templatePath, const QStringList &environmentPaths)
{
    const TemplateBundle bundle = buildTemplateBundle(templatePath, environmentPaths);
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
    if (QFile source(templatePath); source.open(QIODevice::ReadOnly))
        result.sourceText = source.readAll();
    for (auto it = bundle.files.constBegin(); it != bundle.files.constEnd(); ++it)
        result.files.insert(it.key(), it.value().toString().toUtf8());
    if (!bundle.environment.isEmpty())
        result.environmentText = QJsonDocument(bundle.environment).toJson(QJsonDocument::Compact);
    return result;
}

} // namespace Pilvi
