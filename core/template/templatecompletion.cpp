// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/templatecompletion.h"

#include "yaml/yamldocument.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace Pilvi {

namespace {

using namespace Qt::StringLiterals;

/// One line of the text as indentation sees it. Half-typed YAML still has lines and indentation,
/// so everything here works whether or not the whole text parses.
struct LineInfo {
    bool blank = true;  ///< empty or only a comment
    int indent = 0;     ///< leading spaces
    bool dash = false;  ///< a block sequence item (`- ...`)
    int keyIndent = -1; ///< column (0-based) of the key, after any dashes; -1 without a key
    QString key;
    QString value; ///< the text after `key:`, comment removed
    QString item;  ///< for a sequence item without a key, its text, comment removed
};

LineInfo analyseLine(QStringView line)
{
    static const QRegularExpression keyPattern(
        uR"(^(\s*)((?:-\s+)*)(["']?)([^\s"'#:\-][^"'#:]*?|-[^\s"'#:][^"'#:]*?)\3\s*:(?:\s+(.*))?$)"_s);
    LineInfo info;
    const auto firstNonSpace = std::ranges::find_if(line, [](QChar c) { return c != u' '; });
    info.indent = int(firstNonSpace - line.begin());
    const QStringView rest = line.sliced(info.indent);
    if (rest.isEmpty() || rest.startsWith(u'#'))
        return info;
    info.blank = false;
    info.dash = rest.startsWith(u'-') && (rest.size() == 1 || rest[1] == u' ');
    if (info.dash) {
        QString item = rest.sliced(1).trimmed().toString();
        if (const qsizetype hash = item.indexOf(u" #"_s); hash >= 0)
            item.truncate(hash);
        info.item = item.trimmed();
    }
    const auto match = keyPattern.matchView(line);
    if (match.hasMatch()) {
        info.keyIndent = int(match.capturedStart(4) - match.captured(3).size());
        info.key = match.captured(4);
        QString value = match.captured(5);
        if (const qsizetype hash = value.indexOf(u" #"_s); hash >= 0)
            value.truncate(hash);
        info.value = value.trimmed();
    }
    return info;
}

/// The text split in lines, each analysed when first asked for: completion looks at the lines
/// around the cursor, so a keystroke in a 5,000-line file does not analyse all of them.
class LineModel
{
public:
    explicit LineModel(const QString &text)
        : m_text(QStringView(text).split(u'\n'))
        , m_lines(m_text.size())
    {}

    int size() const { return int(m_text.size()); }
    const LineInfo &at(int index) const
    {
        std::optional<LineInfo> &line = m_lines[index];
        if (!line) {
            QStringView text = m_text[index];
            if (text.endsWith(u'\r'))
                text.chop(1);
            line = analyseLine(text);
        }
        return *line;
    }

    /// Index of the line whose key owns the content at `indent` on line `index` (a parent key
    /// is less indented; a sequence item may stand at its parent key's indentation), or -1.
    int parentOf(int index, int indent, bool isDash) const
    {
        for (int i = index - 1; i >= 0; --i) {
            const LineInfo &line = at(i);
            if (line.blank)
                continue;
            if (line.keyIndent >= 0 && (line.keyIndent < indent || (isDash && line.keyIndent == indent && line.value.isEmpty())))
                return i;
            if (line.indent < indent && line.keyIndent < 0)
                return -1; // a less indented line without a key (a scalar in a list): no key above
        }
        return -1;
    }

    /// The keys from the top level down to the key owning `indent` on line `index`.
    QStringList ancestors(int index, int indent, bool isDash) const
    {
        QStringList keys;
        int current = parentOf(index, indent, isDash);
        while (current >= 0) {
            const LineInfo &line = at(current);
            keys.prepend(line.key);
            if (line.keyIndent == 0)
                break;
            // A dashed key (`- key:`) belongs to the sequence whose parent stands at the dash's indent.
            current = parentOf(current, line.dash ? line.indent : line.keyIndent, line.dash);
        }
        return keys;
    }

    /// Line indexes of the direct child keys of the key at line `parent`.
    QList<int> children(int parent) const
    {
        QList<int> result;
        const int parentIndent = at(parent).keyIndent;
        int childIndent = -1;
        for (int i = parent + 1; i < size(); ++i) {
            const LineInfo &line = at(i);
            if (line.blank)
                continue;
            if (line.indent <= parentIndent && !(line.dash && line.indent == parentIndent))
                break;
            if (line.keyIndent < 0)
                continue;
            if (childIndent < 0)
                childIndent = line.keyIndent;
            if (line.keyIndent == childIndent)
                result.append(i);
        }
        return result;
    }

    int topLevel(QStringView key) const
    {
        for (int i = 0; i < size(); ++i) {
            if (at(i).keyIndent == 0 && at(i).key == key)
                return i;
        }
        return -1;
    }

private:
    QList<QStringView> m_text;
    mutable QList<std::optional<LineInfo>> m_lines;
};

/// What the template declares: parameter names, and resource names with their types.
struct Declarations {
    QStringList parameters;
    QStringList resources;
    QHash<QString, QString> resourceTypes;
};

std::optional<Declarations> declarationsFromTree(const QString &text)
{
    const YamlParseResult parsed = parseYaml(text.toUtf8());
    if (!parsed.root || !parsed.root->isMapping())
        return std::nullopt;
    Declarations result;
    if (const YamlNode *parameters = parsed.root->value(u"parameters"); parameters && parameters->isMapping()) {
        for (const YamlNode &key : parameters->keys)
            result.parameters.append(key.scalar);
    }
    if (const YamlNode *resources = parsed.root->value(u"resources"); resources && resources->isMapping()) {
        for (qsizetype i = 0; i < resources->keys.size(); ++i) {
            const QString &name = resources->keys[i].scalar;
            result.resources.append(name);
            if (const YamlNode *type = resources->items[i].value(u"type"); type && type->isScalar())
                result.resourceTypes.insert(name, type->scalar);
        }
    }
    return result;
}

QString unquoted(const QString &value)
{
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
        return value.sliced(1, value.size() - 2);
    return value;
}

Declarations declarationsFromLines(const LineModel &lines)
{
    Declarations result;
    if (const int parameters = lines.topLevel(u"parameters"); parameters >= 0) {
        const auto parameterLines = lines.children(parameters);
        for (int child : parameterLines)
            result.parameters.append(lines.at(child).key);
    }
    if (const int resources = lines.topLevel(u"resources"); resources >= 0) {
        const auto resourceLines = lines.children(resources);
        for (int child : resourceLines) {
            const QString &name = lines.at(child).key;
            result.resources.append(name);
            const auto keys = lines.children(child);
            for (int key : keys) {
                if (lines.at(key).key == u"type")
                    result.resourceTypes.insert(name, unquoted(lines.at(key).value));
            }
        }
    }
    return result;
}

QStringList filtered(const QStringList &candidates, const QString &prefix)
{
    QStringList result;
    for (const QString &candidate : candidates) {
        if (candidate.startsWith(prefix, Qt::CaseInsensitive) && candidate != prefix)
            result.append(candidate);
    }
    result.removeDuplicates();
    return result;
}

const QStringList &sectionKeys()
{
    static const QStringList keys = {u"heat_template_version"_s,
                                     u"description"_s,
                                     u"parameter_groups"_s,
                                     u"parameters"_s,
                                     u"resources"_s,
                                     u"outputs"_s,
                                     u"conditions"_s};
    return keys;
}

const QStringList &resourceKeys()
{
    static const QStringList keys = {u"type"_s,     u"properties"_s,    u"depends_on"_s,     u"condition"_s,
                                     u"metadata"_s, u"update_policy"_s, u"deletion_policy"_s};
    return keys;
}

/// Decides the kind of place and the prefix from the line alone, before any names are looked up.
class Classifier
{
public:
    Classifier(const LineModel &lines, int lineIndex, QStringView before)
        : m_lines(lines)
        , m_line(lineIndex)
        , m_before(before)
    {}

    /// Returns the kind, and sets prefix and (for AttributeName) the resource the attribute is of.
    CompletionKind classify(QString &prefix, QString &attributeOf) const
    {
        static const QRegularExpression getParam(uR"(get_param\s*:\s*\[?\s*([\w-]*)$)"_s);
        static const QRegularExpression getResource(uR"(get_resource\s*:\s*([\w-]*)$)"_s);
        static const QRegularExpression dependsOn(uR"(^\s*depends_on\s*:\s*(?:\[\s*(?:[\w-]+\s*,\s*)*)?([\w-]*)$)"_s);
        static const QRegularExpression getAttrResource(uR"(get_attr\s*:\s*\[?\s*([\w-]*)$)"_s);
        static const QRegularExpression getAttrName(uR"(get_attr\s*:\s*\[\s*([\w-]+)\s*,\s*([\w-]*)$)"_s);
        static const QRegularExpression listItem(uR"(^(\s*)-\s+([\w-]*)$)"_s);
        static const QRegularExpression typeValue(uR"(^(\s*)type\s*:\s*["']?([\w:.-]*)$)"_s);
        static const QRegularExpression keyStart(uR"(^(\s*)([\w-]*)$)"_s);

        if (const auto match = getAttrName.matchView(m_before); match.hasMatch()) {
            attributeOf = match.captured(1);
            prefix = match.captured(2);
            return CompletionKind::AttributeName;
        }
        if (const auto match = getAttrResource.matchView(m_before); match.hasMatch()) {
            prefix = match.captured(1);
            return CompletionKind::AttributeResource;
        }
        if (const auto match = getParam.matchView(m_before); match.hasMatch()) {
            prefix = match.captured(1);
            return CompletionKind::ParameterRef;
        }
        for (const QRegularExpression *reference : {&getResource, &dependsOn}) {
            if (const auto match = reference->matchView(m_before); match.hasMatch()) {
                prefix = match.captured(1);
                return CompletionKind::ResourceRef;
            }
        }
        if (const auto match = listItem.matchView(m_before); match.hasMatch()) {
            prefix = match.captured(2);
            return classifyListItem(int(match.captured(1).size()), attributeOf);
        }
        if (const auto match = typeValue.matchView(m_before); match.hasMatch()) {
            prefix = match.captured(2);
            const QStringList keys = m_lines.ancestors(m_line, int(match.captured(1).size()), false);
            return keys.size() == 2 && keys[0] == u"resources" ? CompletionKind::ResourceType : CompletionKind::None;
        }
        if (const auto match = keyStart.matchView(m_before); match.hasMatch()) {
            prefix = match.captured(2);
            const QStringList keys = m_lines.ancestors(m_line, int(match.captured(1).size()), false);
            if (keys.isEmpty())
                return CompletionKind::SectionKey;
            if (keys[0] != u"resources")
                return CompletionKind::None;
            if (keys.size() == 2)
                return CompletionKind::ResourceKey;
            if (keys.size() == 3 && keys[2] == u"properties")
                return CompletionKind::PropertyName;
        }
        return CompletionKind::None;
    }

    /// The name of the resource the cursor line is inside (`resources: NAME: ...`), or empty.
    QString enclosingResource(int indent) const
    {
        const QStringList keys = m_lines.ancestors(m_line, indent, false);
        return keys.size() >= 2 && keys[0] == u"resources" ? keys[1] : QString();
    }

private:
    /// A block sequence item `- word`: under depends_on a resource; under get_param the parameter
    /// (first item); under get_attr the resource (first item) or its attribute (second item).
    CompletionKind classifyListItem(int dashIndent, QString &attributeOf) const
    {
        const int parent = m_lines.parentOf(m_line, dashIndent, true);
        if (parent < 0)
            return CompletionKind::None;
        const QString &key = m_lines.at(parent).key;
        if (key == u"depends_on")
            return CompletionKind::ResourceRef;
        QStringList earlierItems;
        for (int i = parent + 1; i < m_line; ++i) {
            const LineInfo &line = m_lines.at(i);
            if (!line.blank && line.dash && line.indent == dashIndent)
                earlierItems.append(line.keyIndent < 0 ? line.item : QString());
        }
        if (key == u"get_param")
            return earlierItems.isEmpty() ? CompletionKind::ParameterRef : CompletionKind::None;
        if (key == u"get_attr") {
            if (earlierItems.isEmpty())
                return CompletionKind::AttributeResource;
            if (earlierItems.size() == 1) {
                attributeOf = earlierItems[0];
                return CompletionKind::AttributeName;
            }
        }
        return CompletionKind::None;
    }

    const LineModel &m_lines;
    int m_line;
    QStringView m_before;
};

} // namespace

CompletionResult completeTemplate(const QString &text, int line, int column, const CompletionData &data)
{
    CompletionResult result;
    const QList<QStringView> lines = QStringView(text).split(u'\n');
    if (line < 1 || line > lines.size())
        return result;
    QStringView current = lines[line - 1];
    if (current.endsWith(u'\r'))
        current.chop(1);
    if (column < 1 || column - 1 > current.size())
        return result;
    const QStringView before = current.first(column - 1);

    const LineModel model(text);
    const Classifier classifier(model, line - 1, before);
    QString prefix;
    QString attributeOf;
    result.kind = classifier.classify(prefix, attributeOf);
    result.prefix = prefix;
    result.prefixColumn = column - int(prefix.size());
    if (result.kind == CompletionKind::None)
        return result;

    // Names the template declares: from the YAML tree when the text parses, else from indentation.
    auto declarations = [&] {
        if (auto fromTree = declarationsFromTree(text))
            return *fromTree;
        return declarationsFromLines(model);
    };

    switch (result.kind) {
    case CompletionKind::None: break;
    case CompletionKind::SectionKey: result.candidates = filtered(sectionKeys(), prefix); break;
    case CompletionKind::ResourceKey: result.candidates = filtered(resourceKeys(), prefix); break;
    case CompletionKind::ResourceType: result.candidates = filtered(data.resourceTypes, prefix); break;
    case CompletionKind::PropertyName: {
        const QString resource = classifier.enclosingResource(int(before.size() - prefix.size()));
        const QString type = declarations().resourceTypes.value(resource);
        result.candidates = filtered(data.properties.value(type), prefix);
        break;
    }
    case CompletionKind::ParameterRef: result.candidates = filtered(declarations().parameters, prefix); break;
    case CompletionKind::ResourceRef:
    case CompletionKind::AttributeResource: {
        QStringList resources = declarations().resources;
        // A resource does not refer to itself.
        resources.removeAll(classifier.enclosingResource(model.at(line - 1).indent));
        result.candidates = filtered(resources, prefix);
        break;
    }
    case CompletionKind::AttributeName: {
        const QString type = declarations().resourceTypes.value(attributeOf);
        result.candidates = filtered(data.attributes.value(type), prefix);
        break;
    }
    }
    std::ranges::sort(result.candidates,
                      [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return result;
}

QDebug operator<<(QDebug debug, CompletionKind kind)
{
    QDebugStateSaver saver(debug);
    switch (kind) {
    case CompletionKind::None: return debug << "None";
    case CompletionKind::SectionKey: return debug << "SectionKey";
    case CompletionKind::ResourceKey: return debug << "ResourceKey";
    case CompletionKind::ResourceType: return debug << "ResourceType";
    case CompletionKind::PropertyName: return debug << "PropertyName";
    case CompletionKind::ParameterRef: return debug << "ParameterRef";
    case CompletionKind::ResourceRef: return debug << "ResourceRef";
    case CompletionKind::AttributeResource: return debug << "AttributeResource";
    case CompletionKind::AttributeName: return debug << "AttributeName";
    }
    return debug;
}

} // namespace Pilvi
