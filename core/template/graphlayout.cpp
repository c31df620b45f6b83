// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/graphlayout.h"

#include <QMutex>
#include <QSet>

#include <dlfcn.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace Pilvi {

namespace {

constexpr double pointsPerInch = 72.0;

// Graphviz keeps global state: cgraph's error handler and message buffer, the layout engines'
// globals (common/globals.h: State, Ndim, the dot ranking's static work lists) and the plugin
// registry a context loads. Two layouts at once, on two threads, corrupt each other, so every call
// into Graphviz holds this lock. Guards also s_graphvizMessages.
Q_GLOBAL_STATIC(QMutex, s_graphvizMutex)
Q_GLOBAL_STATIC(QByteArray, s_graphvizMessages)

int collectGraphvizMessage(char *message)
{
    s_graphvizMessages->append(message);
    return 0;
}

// Graphviz with only the plugins Pilvi uses: the dot layout and the core renderers (SVG), loaded
// here from Graphviz's plugin folder. Graphviz's own loading (gvContext) reads a config file and
// also loads the pango text layout, which starts fontconfig (slow, and its caches are still held
// at exit, which LeakSanitizer reports) and, in 2.42, reads a freed font name once a second
// context exists. Without it, Graphviz estimates text widths from its built-in font metrics,
// which is all the SVG labels need. Falls back to gvContext() when the plugins are elsewhere.
GVC_t *makeGraphvizContext()
{
    static lt_symlist_t builtins[3] = {};
    const std::pair<const char *, const char *> plugins[] = {
        {PILVI_GRAPHVIZ_PLUGIN_DIR "/libgvplugin_dot_layout.so.6", "gvplugin_dot_layout_LTX_library"},
        {PILVI_GRAPHVIZ_PLUGIN_DIR "/libgvplugin_core.so.6", "gvplugin_core_LTX_library"},
    };
    int count = 0;
    for (const auto &[file, symbol] : plugins) {
        // Never closed: the plugins live as long as the context, the life of the process.
        void *library = dlopen(file, RTLD_NOW | RTLD_LOCAL);
        void *address = library ? dlsym(library, symbol) : nullptr;
        if (!address)
            return gvContext();
        builtins[count++] = {symbol, address};
    }
    return gvContextPlugins(builtins, 0);
}

// One context for the life of the process, made on first use (under s_graphvizMutex).
GVC_t *graphvizContext()
{
    static GVC_t *const context = makeGraphvizContext();
    return context;
}
struct GraphDeleter {
    void operator()(Agraph_t *graph) const { agclose(graph); }
};

// cgraph's C API takes `char *` for strings it only reads.
char *cstr(QByteArray &bytes)
{
    return bytes.data();
}

void setAttribute(void *object, const char *name, const QByteArray &value)
{
    QByteArray key(name);
    QByteArray copy(value);
    QByteArray empty;
    agsafeset(object, cstr(key), cstr(copy), cstr(empty));
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'f', 3);
}

// A Graphviz label: backslashes start escapes (\n, \N, \G) there, so a literal one is doubled.
QByteArray labelText(const QString &text)
{
    return text.toUtf8().replace('\\', "\\\\");
}

QByteArray familyFill(ResourceFamily family)
{
    switch (family) {
    case ResourceFamily::Server: return "#d6ecfa";
    case ResourceFamily::Volume: return "#fde3cc";
    case ResourceFamily::Network: return "#d4efdf";
    case ResourceFamily::ScalingGroup: return "#e8daef";
    case ResourceFamily::Policy: return "#fcf3cf";
    case ResourceFamily::SoftwareConfig: return "#d1f2eb";
    case ResourceFamily::Other: return "#e5e8e8";
    }
    return "#e5e8e8";
}

/// A graph built in cgraph from a ResourceGraph and laid out; only under s_graphvizMutex.
class GraphvizLayout
{
public:
    GraphvizLayout(const ResourceGraph &graph, const GraphLayoutOptions &options, bool withLabels)
        : m_context(graphvizContext())
    {
        s_graphvizMessages->clear();
        agseterrf(collectGraphvizMessage);
        QByteArray name("resources");
        m_graph.reset(agopen(cstr(name), Agdirected, nullptr));
        Agraph_t *g = m_graph.get();
        setAttribute(g, "rankdir", directionKey(options.direction).toLatin1());
        setAttribute(g, "nodesep", number(options.nodeSeparation / pointsPerInch));
        setAttribute(g, "ranksep", number(options.rankSeparation / pointsPerInch));
        // Fewer crossing-minimisation passes on big graphs: little visible difference, and the
        // time goes to routing the edges then.
        if (graph.nodes.size() > 200)
            setAttribute(g, "mclimit", "0.3");

        for (const ResourceNode &node : graph.nodes) {
            QByteArray id = node.name.toUtf8();
            Agnode_t *n = agnode(g, cstr(id), 1);
            const QSizeF size = options.nodeSizes.value(node.name, estimatedNodeSize(node));
            setAttribute(n, "shape", "box");
            setAttribute(n, "fixedsize", "true");
            setAttribute(n, "width", number(size.width() / pointsPerInch));
            setAttribute(n, "height", number(size.height() / pointsPerInch));
            if (withLabels) {
                setAttribute(n, "style", "rounded,filled");
                setAttribute(n, "fillcolor", familyFill(node.family));
                setAttribute(n, "fontname", "sans-serif");
                setAttribute(n, "fontsize", "10");
                setAttribute(n, "class", resourceFamilyKey(node.family).toLatin1());
                setAttribute(n, "label", labelText(node.name) + "\\n" + labelText(node.type));
            } else {
                setAttribute(n, "label", "");
            }
            m_nodes.push_back({&node, n});
        }

        QSet<QString> seen;
        for (const ResourceEdge &edge : graph.edges) {
            const QString key = edge.from + u'\n' + edge.to + u'\n' + referenceKindKey(edge.kind);
            Agnode_t *tail = nodeNamed(edge.from);
            Agnode_t *head = nodeNamed(edge.to);
            if (seen.contains(key) || !tail || !head)
                continue;
            seen.insert(key);
            QByteArray edgeName = referenceKindKey(edge.kind).toLatin1();
            Agedge_t *e = agedge(g, tail, head, cstr(edgeName), 1);
            if (edge.kind == ResourceReference::Kind::DependsOn)
                setAttribute(e, "style", "dashed");
            if (withLabels) {
                setAttribute(e, "class", edgeName);
                setAttribute(e, "color", edge.kind == ResourceReference::Kind::GetAttr ? "#2980b9" : "#4d4d4d");
            }
            m_edges.push_back({&edge, e});
        }
        m_laidOut = gvLayout(m_context, g, "dot") == 0;
    }

    ~GraphvizLayout()
    {
        if (m_laidOut)
            gvFreeLayout(m_context, m_graph.get());
        agseterrf(nullptr);
    }
    GraphvizLayout(const GraphvizLayout &) = delete;
    GraphvizLayout &operator=(const GraphvizLayout &) = delete;

    bool laidOut() const { return m_laidOut; }
    QString error() const
    {
        const QString messages = QString::fromUtf8(*s_graphvizMessages).trimmed();
        return messages.isEmpty() ? QStringLiteral("Graphviz could not lay the graph out") : messages;
    }

    GraphLayout result(GraphLayoutOptions::Direction direction) const
    {
        GraphLayout layout;
        layout.direction = direction;
        const boxf bb = GD_bb(m_graph.get());
        // Graphviz's y grows upwards; Qt's downwards from the top-left corner.
        const auto toQt = [&bb](pointf p) { return QPointF(p.x - bb.LL.x, bb.UR.y - p.y); };
        layout.boundingBox = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
        for (const auto &[node, n] : m_nodes) {
            LaidOutNode out;
            out.name = node->name;
            out.type = node->type;
            out.family = node->family;
            out.centre = toQt(ND_coord(n));
            out.size = QSizeF(ND_width(n) * pointsPerInch, ND_height(n) * pointsPerInch);
            layout.nodes.append(std::move(out));
        }
        for (const auto &[edge, e] : m_edges) {
            LaidOutEdge out;
            out.from = edge->from;
            out.to = edge->to;
            out.kind = edge->kind;
            const splines *spl = ED_spl(e);
            if (spl && spl->size > 0) {
                const bezier &curve = spl->list[0];
                for (int i = 0; i < curve.size; ++i)
                    out.points.append(toQt(curve.list[i]));
                out.arrowTip = curve.eflag ? toQt(curve.ep) : out.points.constLast();
            }
            layout.edges.append(std::move(out));
        }
        return layout;
    }

    QByteArray svg() const
    {
        char *data = nullptr;
        unsigned int length = 0;
        if (gvRenderData(m_context, m_graph.get(), "svg", &data, &length) != 0 || !data)
            return {};
        QByteArray svg(data, static_cast<qsizetype>(length));
        gvFreeRenderData(data);
        return svg;
    }

private:
    Agnode_t *nodeNamed(const QString &name) const
    {
        const auto found =
            std::find_if(m_nodes.begin(), m_nodes.end(), [&name](const auto &entry) { return entry.first->name == name; });
        return found == m_nodes.end() ? nullptr : found->second;
    }

    GVC_t *m_context;
    std::unique_ptr<Agraph_t, GraphDeleter> m_graph;
    std::vector<std::pair<const ResourceNode *, Agnode_t *>> m_nodes;
    std::vector<std::pair<const ResourceEdge *, Agedge_t *>> m_edges;
    bool m_laidOut = false;
};

} // namespace

QString directionKey(GraphLayoutOptions::Direction direction)
{
    switch (direction) {
    case GraphLayoutOptions::Direction::TopToBottom: return QStringLiteral("TB");
    case GraphLayoutOptions::Direction::LeftToRight: return QStringLiteral("LR");
    case GraphLayoutOptions::Direction::BottomToTop: return QStringLiteral("BT");
    case GraphLayoutOptions::Direction::RightToLeft: return QStringLiteral("RL");
    }
    return QStringLiteral("TB");
}

const LaidOutNode *GraphLayout::node(QStringView name) const
{
    const auto found = std::find_if(nodes.begin(), nodes.end(), [name](const LaidOutNode &n) { return n.name == name; });
    return found == nodes.end() ? nullptr : &*found;
}

QSizeF estimatedNodeSize(const ResourceNode &node)
{
    // About 6.5 points a character for a 10-point sans name, 5.5 for the 8-point type line, and
    // 40 points for the icon and margins.
    // Whole points: Graphviz rounds node sizes to them.
    const double text = std::max(node.name.size() * 6.5, node.type.size() * 5.5);
    return {std::ceil(std::max(110.0, text + 40.0)), 42.0};
}

GraphLayout layoutResourceGraph(const ResourceGraph &graph, const GraphLayoutOptions &options)
{
    GraphLayout layout;
    layout.direction = options.direction;
    if (graph.nodes.isEmpty())
        return layout;
    const QMutexLocker locker(s_graphvizMutex());
    const GraphvizLayout graphviz(graph, options, false);
    if (!graphviz.laidOut()) {
        layout.error = graphviz.error();
        return layout;
    }
    return graphviz.result(options.direction);
}

QByteArray renderResourceGraphSvg(const ResourceGraph &graph, const GraphLayoutOptions &options, QString *error)
{
    const QMutexLocker locker(s_graphvizMutex());
    const GraphvizLayout graphviz(graph, options, true);
    QByteArray svg = graphviz.laidOut() ? graphviz.svg() : QByteArray();
    if (svg.isEmpty() && error)
        *error = graphviz.error();
    return svg;
}

} // namespace Pilvi
