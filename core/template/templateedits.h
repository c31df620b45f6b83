// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/resourcegraph.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Pilvi {

/// One replacement in a text. Offsets and lengths count bytes of the UTF-8 text, as YamlNode's
/// ranges do, so an edit computed from a parse is exact; `toUtf16()` gives the QString positions
/// an editor's QTextCursor needs.
struct TextEdit {
    qsizetype offset = 0;
    qsizetype length = 0;
    QByteArray replacement;

    friend bool operator==(const TextEdit &, const TextEdit &) = default;
};

/// The same edit in UTF-16 code units of `QString::fromUtf8(text)`.
struct Utf16TextEdit {
    qsizetype position = 0;
    qsizetype length = 0;
    QString replacement;
};

/// What a visual edit does to the text: non-overlapping edits sorted by offset (an editor applies
/// them from the last to the first, as one undo step), or why the edit was refused.
struct TemplateEditResult {
    QList<TextEdit> edits;
    QString error; ///< non-empty when the edit was refused; `edits` is then empty
    /// For a delete: references to the deleted resource that remain, with ranges in the text after
    /// the edit (the editor marks them; the validator will report them too).
    QList<ResourceReference> remainingReferences;

    bool ok() const { return error.isEmpty(); }
};

/// The text with `edits` (sorted, non-overlapping) applied.
QByteArray applyTextEdits(const QByteArray &utf8, const QList<TextEdit> &edits);
/// `edit` in QString positions of `utf8` decoded.
Utf16TextEdit toUtf16(const QByteArray &utf8, const TextEdit &edit);

/// A scalar as YAML text: plain when YAML reads it back as the same string (numbers and
/// true/false stay plain, so typed values keep their type), otherwise quoted. Words YAML 1.1
/// reads as booleans or null (yes, off, ~...) are quoted.
QString yamlScalar(const QString &value);

/// Visual edits of a Heat template as minimal text edits. Each parses `utf8` and touches only the
/// bytes it must: comments, key order and formatting elsewhere stay as they are. New lines follow
/// the file's indentation and line endings. Block style is edited in place; flow style
/// (`{...}`, `[...]`) is extended where one insertion does it and refused otherwise, with a reason.
namespace TemplateEdits {

/// A new resource at the end of `resources:` (created when missing), with `requiredProperties`
/// as empty keys under `properties:` for the user to fill.
TemplateEditResult addResource(const QByteArray &utf8, const QString &name, const QString &type,
                               const QStringList &requiredProperties = {});
/// Renames the resource's key and every get_resource, get_attr and depends_on naming it.
TemplateEditResult renameResource(const QByteArray &utf8, const QString &from, const QString &to);
/// Removes the resource's block (with the comment lines right above it); reports the references
/// to it that remain.
TemplateEditResult deleteResource(const QByteArray &utf8, const QString &name);
/// Makes `from` reference `to`: a depends_on entry, or, with `property`, that property's value
/// becomes `{get_resource: to}`.
TemplateEditResult connectResources(const QByteArray &utf8, const QString &from, const QString &to, const QString &property = {});
/// Sets a property of a resource to a scalar value (see yamlScalar()), replacing the value written
/// there, or adding the key (and `properties:` when missing).
TemplateEditResult setPropertyValue(const QByteArray &utf8, const QString &resource, const QString &property,
                                    const QString &value);
/// Same with the value given as YAML text written as is (`{get_resource: net}`, `[a, b]`).
TemplateEditResult setPropertyYaml(const QByteArray &utf8, const QString &resource, const QString &property,
                                   const QString &yamlText);

} // namespace TemplateEdits

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::TextEdit, Q_RELOCATABLE_TYPE);
