// SPDX-License-Identifier: GPL-3.0-or-later
#include "yaml/yamldocument.h"

#include <QHash>
#include <QRegularExpression>

#include <libfyaml.h>

#include <vector>

namespace Pilvi {

namespace {

// libfyaml marks are 0-based line/column with a byte offset; columns there count characters.
SourcePosition toPosition(const fy_mark *mark)
{
    if (!mark)
        return {};
    return {mark->line + 1, mark->column + 1, static_cast<qsizetype>(mark->input_pos)};
}

QString tokenText(fy_token *token)
{
    size_t length = 0;
    const char *text = token ? fy_token_get_text(token, &length) : nullptr;
    return text ? QString::fromUtf8(text, static_cast<qsizetype>(length)) : QString();
}

struct DiagDeleter {
    void operator()(fy_diag *diag) const { fy_diag_destroy(diag); }
};
struct ParserDeleter {
    void operator()(fy_parser *parser) const { fy_parser_destroy(parser); }
};

/// Builds YamlNode trees from libfyaml's event stream. libfyaml 0.8 (Debian 13) has start and
/// end marks on events but not on document nodes, so the tree is built here, from events.
class TreeBuilder
{
public:
    void scalar(fy_event *event)
    {
        const fy_event_scalar_data &data = event->scalar;
        YamlNode node;
        node.range = {toPosition(fy_event_start_mark(event)), toPosition(fy_event_end_mark(event))};
        node.scalar = tokenText(data.value);
        const fy_scalar_style style = fy_token_scalar_style(data.value);
        node.quoted = style != FYSS_PLAIN && style != FYSS_ANY;
        // libfyaml marks a quoted scalar's content; the node's range includes its quotes.
        if (style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) {
            node.range.start.column -= 1;
            node.range.start.offset -= 1;
            node.range.end.column += 1;
            node.range.end.offset += 1;
        }
        // An unquoted empty value, `~` or `null` is YAML's null.
        const bool isNullWord = node.scalar.isEmpty() || node.scalar == u"~" || node.scalar == u"null" ||
                                node.scalar == u"Null" || node.scalar == u"NULL";
        node.kind = (!node.quoted && isNullWord && !data.tag) ? YamlNode::Kind::Null : YamlNode::Kind::Scalar;
        remember(data.anchor, node);
        add(std::move(node));
    }

    void alias(fy_event *event, QList<YamlError> &errors)
    {
        const QString name = tokenText(event->alias.anchor);
        const auto found = m_anchors.constFind(name);
        const SourceRange range{toPosition(fy_event_start_mark(event)), toPosition(fy_event_end_mark(event))};
        if (found == m_anchors.constEnd()) {
            errors.append({range.start, QStringLiteral("unknown alias '*%1'").arg(name)});
            add(YamlNode{});
            return;
        }
        YamlNode node = *found;
        node.range = range;
        add(std::move(node));
    }

    void startCollection(fy_event *event, YamlNode::Kind kind, fy_token *anchor, fy_token *startToken)
    {
        Frame frame;
        frame.node.kind = kind;
        frame.node.range.start = toPosition(fy_event_start_mark(event));
        const fy_token_type type = fy_token_get_type(startToken);
        frame.flow = type == FYTT_FLOW_SEQUENCE_START || type == FYTT_FLOW_MAPPING_START;
        frame.anchor = tokenText(anchor);
        m_stack.push_back(std::move(frame));
    }

    void endCollection(fy_event *event)
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        YamlNode &node = frame.node;
        // A flow collection ends at its bracket; a block one where its last value ends (its end
        // event stands at the next token, possibly lines below).
        if (frame.flow || node.items.isEmpty())
            node.range.end = toPosition(fy_event_end_mark(event));
        else
            node.range.end = node.items.constLast().range.end;
        if (!frame.anchor.isEmpty())
            m_anchors.insert(frame.anchor, node);
        add(std::move(node));
    }

    std::optional<YamlNode> takeRoot() { return std::move(m_root); }

private:
    struct Frame {
        YamlNode node;
        bool flow = false;
        bool expectingKey = true; // mappings alternate key, value
        QString anchor;
    };

    void remember(fy_token *anchor, const YamlNode &node)
    {
        if (anchor)
            m_anchors.insert(tokenText(anchor), node);
    }

    void add(YamlNode &&node)
    {
        if (m_stack.empty()) {
            m_root = std::move(node);
            return;
        }
        Frame &parent = m_stack.back();
        if (parent.node.kind == YamlNode::Kind::Mapping) {
            (parent.expectingKey ? parent.node.keys : parent.node.items).append(std::move(node));
            parent.expectingKey = !parent.expectingKey;
        } else {
            parent.node.items.append(std::move(node));
        }
    }

    std::vector<Frame> m_stack;
    std::optional<YamlNode> m_root;
    QHash<QString, YamlNode> m_anchors;
};

} // namespace

const YamlNode *YamlNode::value(QStringView name) const
{
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (keys[i].isScalar() && keys[i].scalar == name)
            return &items[i];
    }
    return nullptr;
}

const YamlNode *YamlNode::key(QStringView name) const
{
    for (const YamlNode &k : keys) {
        if (k.isScalar() && k.scalar == name)
            return &k;
    }
    return nullptr;
}

QString YamlNode::kindName() const
{
    switch (kind) {
    case Kind::Null: return QStringLiteral("empty");
    case Kind::Scalar: return QStringLiteral("a single value");
    case Kind::Sequence: return QStringLiteral("a list");
    case Kind::Mapping: return QStringLiteral("a mapping");
    }
    return {};
}

YamlParseResult parseYaml(const QByteArray &utf8)
{
    YamlParseResult result;

    // Collect diagnostics instead of printing them: the caller decides where messages go.
    fy_diag_cfg diagConfig;
    fy_diag_cfg_default(&diagConfig);
    // libfyaml 0.8 reports parse errors only as text ("<input>:LINE:COLUMN: error: message"
    // followed by the source line), so the text is kept and read back below.
    QByteArray diagnostics;
    diagConfig.fp = nullptr;
    diagConfig.user = &diagnostics;
    diagConfig.output_fn = [](fy_diag *, void *user, const char *text, size_t length) {
        static_cast<QByteArray *>(user)->append(text, static_cast<qsizetype>(length));
    };
    diagConfig.colorize = false;
    const std::unique_ptr<fy_diag, DiagDeleter> diag(fy_diag_create(&diagConfig));

    fy_parse_cfg config{};
    config.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_COLLECT_DIAG | FYPCF_DEFAULT_VERSION_1_1);
    config.diag = diag.get();
    const std::unique_ptr<fy_parser, ParserDeleter> parser(fy_parser_create(&config));
    if (!parser || fy_parser_set_string(parser.get(), utf8.constData(), static_cast<size_t>(utf8.size())) != 0) {
        result.errors.append({{1, 1, 0}, QStringLiteral("cannot start the YAML parser")});
        return result;
    }

    TreeBuilder builder;
    int documents = 0;
    bool done = false;
    while (fy_event *event = fy_parser_parse(parser.get())) {
        switch (event->type) {
        case FYET_DOCUMENT_START:
            if (++documents > 1) {
                result.errors.append(
                    {toPosition(fy_event_start_mark(event)), QStringLiteral("only one YAML document is expected here")});
                done = true;
            }
            break;
        case FYET_SCALAR: builder.scalar(event); break;
        case FYET_ALIAS: builder.alias(event, result.errors); break;
        case FYET_SEQUENCE_START: {
            const fy_event_sequence_start_data &data = event->sequence_start;
            builder.startCollection(event, YamlNode::Kind::Sequence, data.anchor, data.sequence_start);
            break;
        }
        case FYET_MAPPING_START: {
            const fy_event_mapping_start_data &data = event->mapping_start;
            builder.startCollection(event, YamlNode::Kind::Mapping, data.anchor, data.mapping_start);
            break;
        }
        case FYET_SEQUENCE_END:
        case FYET_MAPPING_END: builder.endCollection(event); break;
        default: break;
        }
        fy_parser_event_free(parser.get(), event);
        if (done)
            break;
    }

    static const QRegularExpression errorLine(QStringLiteral(":(\\d+):(\\d+): error: (.*)$"),
                                              QRegularExpression::MultilineOption);
    for (auto match = errorLine.globalMatch(QString::fromUtf8(diagnostics)); match.hasNext();) {
        const QRegularExpressionMatch m = match.next();
        result.errors.append({{m.captured(1).toInt(), m.captured(2).toInt(), -1}, m.captured(3).trimmed()});
    }
    if (fy_parser_get_stream_error(parser.get()) && result.errors.isEmpty())
        result.errors.append({{1, 1, 0}, QStringLiteral("not a valid YAML document")});
    if (result.errors.isEmpty())
        result.root = builder.takeRoot().value_or(YamlNode{});
    return result;
}

} // namespace Pilvi
