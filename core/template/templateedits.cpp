// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/templateedits.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace Pilvi {

QByteArray applyTextEdits(const QByteArray &utf8, const QList<TextEdit> &edits)
{
    QByteArray text = utf8;
    // From the last edit to the first, so earlier offsets stay valid.
    for (auto it = edits.crbegin(); it != edits.crend(); ++it)
        text.replace(it->offset, it->length, it->replacement);
    return text;
}

Utf16TextEdit toUtf16(const QByteArray &utf8, const TextEdit &edit)
{
    const qsizetype position = QString::fromUtf8(utf8.left(edit.offset)).size();
    const qsizetype length = QString::fromUtf8(utf8.mid(edit.offset, edit.length)).size();
    return {position, length, QString::fromUtf8(edit.replacement)};
}

QString yamlScalar(const QString &value)
{
    // Conservative: letters, digits and a few marks, inner spaces allowed, `:` only inside a word
    // (`OS::Nova::Server`, `http://x`); no `#`, quotes or brackets, which mean something in some
    // context (a flow collection, a comment). Digits and colons alone are YAML 1.1's base 60.
    static const QRegularExpression plain(
        QStringLiteral("^[A-Za-z0-9_./](?:[A-Za-z0-9_./@+\\- ]|:(?=[^ ]))*(?<=[A-Za-z0-9_./@+\\-])$"));
    static const QRegularExpression sexagesimal(QStringLiteral("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?$"));
    static const QRegularExpression yaml11Words(QStringLiteral("^(y|n|yes|no|on|off|null|~)$"),
                                                QRegularExpression::CaseInsensitiveOption);
    if (plain.match(value).hasMatch() && !yaml11Words.match(value).hasMatch() && !sexagesimal.match(value).hasMatch())
        return value;
    QString quoted = value;
    quoted.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'\n', QStringLiteral("\\n"))
        .replace(u'\t', QStringLiteral("\\t"))
        .replace(u'\r', QStringLiteral("\\r"));
    return u'"' + quoted + u'"';
}

namespace {

using Kind = YamlNode::Kind;

/// The parsed text and what the edits need to know about how it is written.
class TemplateText
{
public:
    explicit TemplateText(const QByteArray &utf8)
        : text(utf8)
        , eol(utf8.contains("\r\n") ? QByteArray("\r\n") : QByteArray("\n"))
    {
        YamlParseResult parsed = parseYaml(utf8);
        if (parsed.root) {
            root = std::move(*parsed.root);
            valid = true;
        } else {
            const YamlError first = parsed.errors.value(0);
            error = QStringLiteral("The template is not valid YAML (line %1: %2); fix the text first.")
                        .arg(first.position.line)
                        .arg(first.message);
        }
    }

    const QByteArray &text;
    QByteArray eol;
    YamlNode root;
    bool valid = false;
    QString error;

    const YamlNode *resources() const { return root.isMapping() ? root.value(u"resources") : nullptr; }

    /// The index of resource `name` in `resources`, or -1.
    qsizetype resourceIndex(const QString &name) const
    {
        const YamlNode *section = resources();
        if (!section || !section->isMapping())
            return -1;
        for (qsizetype i = 0; i < section->keys.size(); ++i) {
            if (section->keys[i].isScalar() && section->keys[i].scalar == name)
                return i;
        }
        return -1;
    }

    bool isFlow(const YamlNode &node) const
    {
        if (!node.isMapping() && !node.isSequence())
            return false;
        const qsizetype at = node.range.start.offset;
        return at >= 0 && at < text.size() && (text[at] == '{' || text[at] == '[');
    }

    qsizetype lineStart(qsizetype offset) const
    {
        const qsizetype newline = text.lastIndexOf('\n', offset - 1);
        return newline < 0 ? 0 : newline + 1;
    }

    /// The start of the line after the one holding `offset` (or `offset` when it starts a line,
    /// as after a block scalar); the text's size when that line is the last.
    qsizetype nextLineStart(qsizetype offset) const
    {
        if (offset > 0 && text[offset - 1] == '\n')
            return offset;
        const qsizetype newline = text.indexOf('\n', offset);
        return newline < 0 ? text.size() : newline + 1;
    }

    /// The start of the line after the one `lineAt` starts (the text's size for the last line).
    qsizetype followingLine(qsizetype lineAt) const
    {
        const qsizetype newline = text.indexOf('\n', lineAt);
        return newline < 0 ? text.size() : newline + 1;
    }

    bool onlySpacesBefore(qsizetype offset) const
    {
        for (qsizetype i = lineStart(offset); i < offset; ++i) {
            if (text[i] != ' ')
                return false;
        }
        return true;
    }

    /// How far in the line holding `offset` is indented.
    qsizetype indentAt(qsizetype offset) const
    {
        const qsizetype start = lineStart(offset);
        qsizetype i = start;
        while (i < text.size() && text[i] == ' ')
            ++i;
        return i - start;
    }

    /// Where a node's text really ends. An empty value's position is not reliable (it may stand
    /// on the next line), so a mapping whose last value is empty ends with its last key.
    qsizetype contentEnd(const YamlNode &node) const
    {
        if (node.isNull())
            return -1;
        if (node.isScalar() || isFlow(node))
            return node.range.end.offset;
        if (node.isMapping() && !node.keys.isEmpty()) {
            const qsizetype value = contentEnd(node.items.constLast());
            return value >= 0 ? value : node.keys.constLast().range.end.offset;
        }
        if (node.isSequence() && !node.items.isEmpty()) {
            const qsizetype item = contentEnd(node.items.constLast());
            return item >= 0 ? item : node.items.constLast().range.start.offset;
        }
        return node.range.end.offset;
    }

    /// The end of a mapping entry: its value's end, or its key's when the value is empty.
    qsizetype entryEnd(const YamlNode &key, const YamlNode &value) const
    {
        const qsizetype end = contentEnd(value);
        return std::max(end, key.range.end.offset);
    }

    /// The indentation step the file uses: from the first block mapping under a top-level key.
    qsizetype indentStep() const
    {
        if (!root.isMapping())
            return 2;
        for (const YamlNode &value : root.items) {
            if (value.isMapping() && !isFlow(value) && !value.keys.isEmpty()) {
                const qsizetype step = value.keys[0].range.start.column - 1;
                if (step > 0)
                    return step;
            }
        }
        return 2;
    }

    /// Lines to insert at `at` (a line start, or the end of the text): prefixed with a line break
    /// when the text ends without one.
    TextEdit insertLines(qsizetype at, const QList<QByteArray> &lines) const
    {
        QByteArray block;
        if (at == text.size() && !text.isEmpty() && !text.endsWith('\n'))
            block += eol;
        for (const QByteArray &line : lines)
            block += line + eol;
        return {at, 0, block};
    }

    /// The edit that gives an empty mapping value (`key:`) the value `yaml`.
    TextEdit fillEmptyValue(const YamlNode &key, const QByteArray &yaml) const
    {
        qsizetype colon = key.range.end.offset;
        while (colon < text.size() && text[colon] != ':' && text[colon] != '\n')
            ++colon;
        qsizetype after = colon + 1;
        while (after < text.size() && (text[after] == ' ' || text[after] == '\t'))
            ++after;
        // Keep a space before a comment that followed the colon.
        const bool comment = after < text.size() && text[after] == '#';
        return {colon + 1, after - colon - 1, QByteArray(" ") + yaml + (comment ? QByteArray(" ") : QByteArray())};
    }

    /// A scalar rewritten to `value`, in the quoting it was written with; nullopt when the scalar
    /// is written in a way this cannot rewrite (a block scalar, an alias, a multi-line plain one).
    std::optional<QByteArray> rewriteScalar(const YamlNode &node, const QString &value) const
    {
        const QByteArray written = text.mid(node.range.start.offset, node.range.end.offset - node.range.start.offset);
        if (written.startsWith('\'')) {
            QString inner = value;
            inner.replace(u'\'', QStringLiteral("''"));
            const QString quoted = u'\'' + inner + u'\'';
            return quoted.toUtf8();
        }
        if (written.startsWith('"')) {
            QString quoted = yamlScalar(value);
            if (!quoted.startsWith(u'"'))
                quoted = u'"' + quoted + u'"';
            return quoted.toUtf8();
        }
        if (written != node.scalar.toUtf8())
            return std::nullopt;
        return yamlScalar(value).toUtf8();
    }
};

TemplateEditResult refused(const QString &reason)
{
    TemplateEditResult result;
    result.error = reason;
    return result;
}

TemplateEditResult done(QList<TextEdit> edits)
{
    std::sort(edits.begin(), edits.end(), [](const TextEdit &a, const TextEdit &b) { return a.offset < b.offset; });
    TemplateEditResult result;
    result.edits = std::move(edits);
    return result;
}

QByteArray spaces(qsizetype count)
{
    return QByteArray(count, ' ');
}

QByteArray key(const QString &name)
{
    return yamlScalar(name).toUtf8() + ':';
}

QString flowRefusal(const QString &what)
{
    return QStringLiteral("%1 is written in flow style ({...} or [...]); change it in the text.").arg(what);
}

// Adds `name: yaml` (yaml may be several lines already indented, joined by the file's line
// break) as the last entry of `mapping`, the value of `mappingKey`.
std::optional<TextEdit> appendEntry(const TemplateText &t, const YamlNode &mappingKey, const YamlNode &mapping,
                                    const QList<QByteArray> &lines, const QByteArray &flowEntry, QString &error)
{
    if (mapping.isNull())
        return t.insertLines(t.nextLineStart(mappingKey.range.end.offset), lines);
    if (!mapping.isMapping()) {
        error = QStringLiteral("'%1' is %2, not a mapping.").arg(mappingKey.scalar, mapping.kindName());
        return std::nullopt;
    }
    if (t.isFlow(mapping)) {
        if (flowEntry.isEmpty()) {
            error = flowRefusal(QStringLiteral("'%1'").arg(mappingKey.scalar));
            return std::nullopt;
        }
        const qsizetype close = mapping.range.end.offset - 1; // the closing brace
        if (mapping.keys.isEmpty())
            return TextEdit{close, 0, flowEntry};
        return TextEdit{t.entryEnd(mapping.keys.constLast(), mapping.items.constLast()), 0, ", " + flowEntry};
    }
    return t.insertLines(t.nextLineStart(t.contentEnd(mapping)), lines);
}

qsizetype childIndentOf(const TemplateText &t, const YamlNode &mappingKey, const YamlNode &mapping)
{
    if (mapping.isMapping() && !t.isFlow(mapping) && !mapping.keys.isEmpty())
        return mapping.keys[0].range.start.column - 1;
    return t.indentAt(mappingKey.range.start.offset) + t.indentStep();
}

} // namespace

namespace TemplateEdits {

TemplateEditResult addResource(const QByteArray &utf8, const QString &name, const QString &type,
                               const QStringList &requiredProperties)
{
    const TemplateText t(utf8);
    if (!t.valid)
        return refused(t.error);
    if (name.trimmed().isEmpty())
        return refused(QStringLiteral("A resource needs a name."));
    if (type.trimmed().isEmpty())
        return refused(QStringLiteral("A resource needs a type."));
    if (!t.root.isNull() && !t.root.isMapping())
        return refused(QStringLiteral("The template is %1, not a mapping of sections.").arg(t.root.kindName()));
    if (t.root.isMapping() && t.isFlow(t.root))
        return refused(flowRefusal(QStringLiteral("The template")));
    if (t.resourceIndex(name) >= 0)
        return refused(QStringLiteral("A resource named '%1' already exists.").arg(name));

    const qsizetype step = t.indentStep();
    const YamlNode *sectionKey = t.root.isMapping() ? t.root.key(u"resources") : nullptr;
    const YamlNode *section = t.root.isMapping() ? t.root.value(u"resources") : nullptr;
    qsizetype indent = step;
    qsizetype innerStep = step;
    if (section && section->isMapping() && !t.isFlow(*section) && !section->keys.isEmpty()) {
        indent = section->keys[0].range.start.column - 1;
        // The step inside a resource, from a resource written as a block.
        for (const YamlNode &body : section->items) {
            if (body.isMapping() && !t.isFlow(body) && !body.keys.isEmpty()) {
                innerStep = body.keys[0].range.start.column - 1 - indent;
                break;
            }
        }
    }
    QList<QByteArray> lines{spaces(indent) + key(name), spaces(indent + innerStep) + "type: " + yamlScalar(type).toUtf8()};
    if (!requiredProperties.isEmpty()) {
        lines.append(spaces(indent + innerStep) + "properties:");
        for (const QString &property : requiredProperties)
            lines.append(spaces(indent + 2 * innerStep) + key(property));
    }

    if (!sectionKey) {
        lines.prepend("resources:");
        return done({t.insertLines(utf8.size(), lines)});
    }
    if (section && section->isMapping() && !t.isFlow(*section) && section->keys.size() >= 2) {
        // Keep the blank line between resources when the file has one.
        const qsizetype n = section->keys.size();
        const qsizetype previousEnd = t.nextLineStart(t.entryEnd(section->keys[n - 2], section->items[n - 2]));
        const qsizetype lastStart = t.lineStart(section->keys[n - 1].range.start.offset);
        const QByteArray between = utf8.mid(previousEnd, lastStart - previousEnd);
        if (between.startsWith('\n') || between.startsWith("\r\n"))
            lines.prepend(QByteArray());
    }
    QString error;
    const std::optional<TextEdit> edit = appendEntry(t, *sectionKey, *section, lines, {}, error);
    if (!edit)
        return refused(error);
    return done({*edit});
}

TemplateEditResult renameResource(const QByteArray &utf8, const QString &from, const QString &to)
{
    const TemplateText t(utf8);
    if (!t.valid)
        return refused(t.error);
    const qsizetype index = t.resourceIndex(from);
    if (index < 0)
        return refused(QStringLiteral("There is no resource named '%1'.").arg(from));
    if (to.trimmed().isEmpty())
        return refused(QStringLiteral("A resource needs a name."));
    if (to == from)
        return refused(QStringLiteral("The resource is already named '%1'.").arg(to));
    if (t.resourceIndex(to) >= 0)
        return refused(QStringLiteral("A resource named '%1' already exists.").arg(to));

    QList<TextEdit> edits;
    const auto rewrite = [&](const SourceRange &range) -> bool {
        YamlNode node;
        node.kind = Kind::Scalar;
        node.scalar = from;
        node.range = range;
        const std::optional<QByteArray> replacement = t.rewriteScalar(node, to);
        if (!replacement)
            return false;
        edits.append({range.start.offset, range.end.offset - range.start.offset, *replacement});
        return true;
    };
    if (!rewrite(t.resources()->keys[index].range))
        return refused(
            QStringLiteral("The name of '%1' is written in a way Pilvi cannot rewrite; rename it in the text.").arg(from));
    const auto references = findResourceReferences(t.root);
    for (const ResourceReference &reference : references) {
        if (reference.to != from)
            continue;
        if (!rewrite(reference.range)) {
            return refused(QStringLiteral("The reference to '%1' at line %2 is written in a way Pilvi cannot rewrite; "
                                          "rename it in the text.")
                               .arg(from)
                               .arg(reference.range.start.line));
        }
    }
    return done(std::move(edits));
}

TemplateEditResult deleteResource(const QByteArray &utf8, const QString &name)
{
    const TemplateText t(utf8);
    if (!t.valid)
        return refused(t.error);
    const qsizetype index = t.resourceIndex(name);
    if (index < 0)
        return refused(QStringLiteral("There is no resource named '%1'.").arg(name));
    const YamlNode &section = *t.resources();
    if (t.isFlow(section))
        return refused(flowRefusal(QStringLiteral("'resources'")));
    const YamlNode &nameKey = section.keys[index];
    if (!t.onlySpacesBefore(nameKey.range.start.offset))
        return refused(QStringLiteral("'%1' does not start its own line; delete it in the text.").arg(name));

    const qsizetype indent = nameKey.range.start.column - 1;
    const auto isBlank = [&](qsizetype lineAt) {
        for (qsizetype i = lineAt; i < utf8.size() && utf8[i] != '\n'; ++i) {
            if (utf8[i] != ' ' && utf8[i] != '\t' && utf8[i] != '\r')
                return false;
        }
        return lineAt < utf8.size();
    };
    const auto isCommentLine = [&](qsizetype lineAt, bool deeper) {
        const qsizetype at = lineAt + t.indentAt(lineAt);
        const qsizetype lineIndent = at - lineAt;
        return at < utf8.size() && utf8[at] == '#' && (deeper ? lineIndent > indent : lineIndent == indent);
    };

    qsizetype start = t.lineStart(nameKey.range.start.offset);
    // Comment lines right above the resource, at its indentation, describe it.
    while (start > 0) {
        const qsizetype previous = t.lineStart(start - 1);
        if (!isCommentLine(previous, false))
            break;
        start = previous;
    }
    qsizetype end = t.nextLineStart(t.entryEnd(nameKey, section.items[index]));
    // Commented-out lines inside the block (deeper than the name) go with it.
    while (end < utf8.size() && isCommentLine(end, true))
        end = t.followingLine(end);
    // One blank line goes too when the block had one above it (or opened the section), so
    // the blank lines between resources stay as they were.
    if (end < utf8.size() && isBlank(end) && (index == 0 || (start > 0 && isBlank(t.lineStart(start - 1)))))
        end = t.followingLine(end);

    TemplateEditResult result = done({{start, end - start, QByteArray()}});
    const qsizetype removedLines = utf8.mid(start, end - start).count('\n');
    auto references = findResourceReferences(t.root); // adjusted in place, then kept
    for (ResourceReference &reference : references) {
        if (reference.to != name)
            continue;
        if (reference.range.start.offset >= start && reference.range.start.offset < end)
            continue;
        if (reference.range.start.offset >= end) {
            for (SourcePosition *position : {&reference.range.start, &reference.range.end}) {
                position->offset -= end - start;
                position->line -= static_cast<int>(removedLines);
            }
        }
        result.remainingReferences.append(reference);
    }
    return result;
}

TemplateEditResult setPropertyYaml(const QByteArray &utf8, const QString &resource, const QString &property,
                                   const QString &yamlText)
{
    const TemplateText t(utf8);
    if (!t.valid)
        return refused(t.error);
    const qsizetype index = t.resourceIndex(resource);
    if (index < 0)
        return refused(QStringLiteral("There is no resource named '%1'.").arg(resource));
    const YamlNode &resourceKey = t.resources()->keys[index];
    const YamlNode &body = t.resources()->items[index];
    if (!body.isMapping())
        return refused(
            QStringLiteral("Resource '%1' is %2, not a mapping; give it a type first.").arg(resource, body.kindName()));
    if (t.isFlow(body))
        return refused(flowRefusal(QStringLiteral("Resource '%1'").arg(resource)));
    const QByteArray value = yamlText.toUtf8();
    const qsizetype bodyIndent = body.keys[0].range.start.column - 1;
    const qsizetype step = std::max<qsizetype>(1, bodyIndent - (resourceKey.range.start.column - 1));

    const YamlNode *propertiesKey = body.key(u"properties");
    const YamlNode *properties = body.value(u"properties");
    if (!propertiesKey) {
        return done(
            {t.insertLines(t.nextLineStart(t.contentEnd(body)),
                           {spaces(bodyIndent) + "properties:", spaces(bodyIndent + step) + key(property) + ' ' + value})});
    }
    if (properties->isMapping()) {
        for (qsizetype i = 0; i < properties->keys.size(); ++i) {
            const YamlNode &k = properties->keys[i];
            const YamlNode &v = properties->items[i];
            if (!k.isScalar() || k.scalar != property)
                continue;
            if (v.isNull())
                return done({t.fillEmptyValue(k, value)});
            if (v.isScalar() || t.isFlow(v))
                return done({{v.range.start.offset, v.range.end.offset - v.range.start.offset, value}});
            return refused(QStringLiteral("Property '%1' of '%2' holds %3 written over several lines; change it in the text.")
                               .arg(property, resource, v.kindName()));
        }
    }
    const qsizetype indent = childIndentOf(t, *propertiesKey, *properties);
    QString error;
    const std::optional<TextEdit> edit = appendEntry(
        t, *propertiesKey, *properties, {spaces(indent) + key(property) + ' ' + value}, key(property) + ' ' + value, error);
    if (!edit)
        return refused(error);
    return done({*edit});
}

TemplateEditResult setPropertyValue(const QByteArray &utf8, const QString &resource, const QString &property,
                                    const QString &value)
{
    return setPropertyYaml(utf8, resource, property, yamlScalar(value));
}

TemplateEditResult connectResources(const QByteArray &utf8, const QString &from, const QString &to, const QString &property)
{
    const TemplateText t(utf8);
    if (!t.valid)
        return refused(t.error);
    const qsizetype index = t.resourceIndex(from);
    if (index < 0)
        return refused(QStringLiteral("There is no resource named '%1'.").arg(from));
    if (t.resourceIndex(to) < 0)
        return refused(QStringLiteral("There is no resource named '%1'.").arg(to));
    if (from == to)
        return refused(QStringLiteral("A resource cannot depend on itself."));
    if (!property.isEmpty())
        return setPropertyYaml(utf8, from, property, QStringLiteral("{get_resource: %1}").arg(yamlScalar(to)));

    const YamlNode &body = t.resources()->items[index];
    if (!body.isMapping())
        return refused(QStringLiteral("Resource '%1' is %2, not a mapping; give it a type first.").arg(from, body.kindName()));
    if (t.isFlow(body))
        return refused(flowRefusal(QStringLiteral("Resource '%1'").arg(from)));
    const QByteArray target = yamlScalar(to).toUtf8();
    const qsizetype bodyIndent = body.keys[0].range.start.column - 1;
    const YamlNode *dependsKey = body.key(u"depends_on");
    const YamlNode *depends = body.value(u"depends_on");
    if (!dependsKey)
        return done({t.insertLines(t.nextLineStart(t.contentEnd(body)), {spaces(bodyIndent) + "depends_on: " + target})});
    const auto already = [&] { return refused(QStringLiteral("'%1' already depends on '%2'.").arg(from, to)); };
    if (depends->isNull())
        return done({t.fillEmptyValue(*dependsKey, target)});
    if (depends->isScalar()) {
        if (depends->scalar == to)
            return already();
        const QByteArray written = utf8.mid(depends->range.start.offset, depends->range.end.offset - depends->range.start.offset);
        return done({{depends->range.start.offset, written.size(), QByteArray("[") + written + ", " + target + ']'}});
    }
    if (!depends->isSequence())
        return refused(QStringLiteral("depends_on of '%1' is %2, not a list.").arg(from, depends->kindName()));
    for (const YamlNode &item : depends->items) {
        if (item.isScalar() && item.scalar == to)
            return already();
    }
    if (t.isFlow(*depends)) {
        if (depends->items.isEmpty())
            return done({{depends->range.end.offset - 1, 0, target}});
        return done({{t.contentEnd(depends->items.constLast()), 0, ", " + target}});
    }
    // A block list: a new `- item` line with the dash where the others have it.
    const YamlNode &last = depends->items.constLast();
    const qsizetype dash = utf8.lastIndexOf('-', last.range.start.offset);
    const qsizetype dashIndent = dash - t.lineStart(dash);
    return done({t.insertLines(t.nextLineStart(t.contentEnd(*depends)), {spaces(dashIndent) + "- " + target})});
}

} // namespace TemplateEdits

} // namespace Pilvi
