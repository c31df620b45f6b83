// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/syntaxdefinitions.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>

namespace Pilvi {

using namespace Qt::StringLiterals;

bool looksLikeAnsible(const QString &fileName, const QByteArray &head)
{
    const QString path = QFileInfo(fileName).filePath();
    static const QRegularExpression ansiblePath(uR"((^|/)(roles|playbooks|tasks|handlers|group_vars|host_vars)/)"_s);
    if (path.contains(ansiblePath))
        return true;
    // A play (`- hosts:`) or a task list with module calls; Heat templates never start so.
    static const QRegularExpression ansibleContent(uR"((^|\n)-\s+(hosts|name|import_playbook|include_tasks)\s*:)"_s);
    return QString::fromUtf8(head).contains(ansibleContent);
}

KSyntaxHighlighting::Definition definitionForFile(const KSyntaxHighlighting::Repository &repository, const QString &fileName,
                                                  const QByteArray &head)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const bool yaml = suffix == u"yaml" || suffix == u"yml";
    if (yaml && looksLikeAnsible(fileName, head)) {
        if (const auto ansible = repository.definitionForName(u"Ansible"_s); ansible.isValid())
            return ansible;
    }
    if (yaml || suffix == u"template" || suffix == u"hot" || suffix == u"env")
        return repository.definitionForName(u"YAML"_s);

    if (!fileName.isEmpty()) {
        if (auto byName = repository.definitionForFileName(fileName); byName.isValid())
            return byName;
    }
    // No telling name (user-data, a buffer not saved yet): the content's MIME type, e.g. a shell
    // script by its #! line, JSON by its brace.
    const QMimeDatabase mimes;
    const QMimeType mime = head.isEmpty() ? mimes.mimeTypeForFile(fileName) : mimes.mimeTypeForFileNameAndData(fileName, head);
    if (auto byMime = repository.definitionForMimeType(mime.name()); byMime.isValid())
        return byMime;
    const QStringList ancestors = mime.allAncestors();
    for (const QString &parent : ancestors) {
        if (parent == u"text/plain")
            break;
        if (auto byParent = repository.definitionForMimeType(parent); byParent.isValid())
            return byParent;
    }
    if (head.trimmed().startsWith('{'))
        return repository.definitionForName(u"JSON"_s);
    return repository.definitionForName(u"YAML"_s);
}

} // namespace Pilvi
