// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/graphlayout.h"

#include <QFile>
#include <QTest>
#include <QtConcurrentRun>

using namespace Pilvi;
using Direction = GraphLayoutOptions::Direction;

namespace {

QByteArray readTemplate(const QString &name)
{
    QFile file(QStringLiteral(PILVI_TEST_DATA "/templates/graph/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// How far along the rank direction a point is: references point "forwards".
double along(Direction direction, QPointF point)
{
    switch (direction) {
    case Direction::TopToBottom: return point.y();
    case Direction::BottomToTop: return -point.y();
    case Direction::LeftToRight: return point.x();
    case Direction::RightToLeft: return -point.x();
    }
    return 0;
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layout_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Direction>("direction");
        QTest::addColumn<int>("edgeCount");
        QTest::newRow("asg top to bottom") << QStringLiteral("asg_policy.yaml") << Direction::TopToBottom << 4;
        QTest::newRow("asg left to right") << QStringLiteral("asg_policy.yaml") << Direction::LeftToRight << 4;
        // attach names server and volume both by depends_on and get_resource: two edges each.
        QTest::newRow("depends_on bottom to top") << QStringLiteral("depends_on.yaml") << Direction::BottomToTop << 6;
        QTest::newRow("nested right to left") << QStringLiteral("nested_functions.yaml") << Direction::RightToLeft << 4;
        QTest::newRow("resource group") << QStringLiteral("resource_group.yaml") << Direction::TopToBottom << 2;
    }
    void layout()
    {
        QFETCH(QString, file);
        QFETCH(Direction, direction);
        QFETCH(int, edgeCount);
        const ResourceGraph graph = buildResourceGraph(readTemplate(file));
        QVERIFY(!graph.nodes.isEmpty());
        GraphLayoutOptions options;
        options.direction = direction;
        options.nodeSizes.insert(graph.nodes[0].name, QSizeF(200, 60));
        const GraphLayout layout = layoutResourceGraph(graph, options);
        QCOMPARE(layout.error, QString());
        QCOMPARE(layout.nodes.size(), graph.nodes.size());
        QCOMPARE(layout.edges.size(), edgeCount);
        QVERIFY(layout.boundingBox.width() > 0 && layout.boundingBox.height() > 0);
        QCOMPARE(layout.boundingBox.topLeft(), QPointF(0, 0));
        // The caller's size is kept; the others get the estimate.
        QCOMPARE(layout.nodes[0].size, QSizeF(200, 60));
        QCOMPARE(layout.nodes[1].size, estimatedNodeSize(graph.nodes[1]));
        const QRectF box = layout.boundingBox.adjusted(-0.5, -0.5, 0.5, 0.5);
        for (const LaidOutNode &node : layout.nodes) {
            QVERIFY2(box.contains(node.rect()), qPrintable(node.name));
            QCOMPARE(node.type, graph.node(node.name)->type);
        }
        // No two boxes overlap.
        for (qsizetype i = 0; i < layout.nodes.size(); ++i) {
            for (qsizetype j = i + 1; j < layout.nodes.size(); ++j)
                QVERIFY(!layout.nodes[i].rect().intersects(layout.nodes[j].rect()));
        }
        for (const LaidOutEdge &edge : layout.edges) {
            QVERIFY(edge.points.size() >= 4);
            QCOMPARE((edge.points.size() - 1) % 3, 0);
            for (const QPointF &point : edge.points)
                QVERIFY(box.contains(point));
            const LaidOutNode *from = layout.node(edge.from);
            const LaidOutNode *to = layout.node(edge.to);
            QVERIFY(from && to);
            // Ranks follow references: the referring resource comes first along the direction,
            // and the arrow ends at the referenced resource's box.
            QVERIFY2(along(direction, from->centre) < along(direction, to->centre), qPrintable(edge.from + u" -> " + edge.to));
            QVERIFY(to->rect().adjusted(-2, -2, 2, 2).contains(edge.arrowTip));
            QVERIFY(from->rect().adjusted(-2, -2, 2, 2).contains(edge.points.constFirst()));
        }
    }

    void emptyGraph()
    {
        const GraphLayout layout = layoutResourceGraph(ResourceGraph{});
        QVERIFY(layout.nodes.isEmpty());
        QVERIFY(layout.error.isEmpty());
        QVERIFY(layout.boundingBox.isEmpty());
    }

    void namesGraphvizWouldReadAsSyntax()
    {
        ResourceGraph graph;
        graph.nodes.append(
            {QStringLiteral("a \"quoted\" -> \\N name"), QStringLiteral("OS::Nova::Server"), ResourceFamily::Server, {}, {}});
        graph.nodes.append({QStringLiteral("ääkköset"), QStringLiteral("OS::Cinder::Volume"), ResourceFamily::Volume, {}, {}});
        graph.edges.append({graph.nodes[0].name, graph.nodes[1].name, ResourceReference::Kind::GetResource, {}});
        const GraphLayout layout = layoutResourceGraph(graph);
        QCOMPARE(layout.nodes.size(), 2);
        QCOMPARE(layout.edges.size(), 1);
        QCOMPARE(layout.nodes[0].name, graph.nodes[0].name);
        QString error;
        const QByteArray svg = renderResourceGraphSvg(graph, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(svg.contains("ääkköset"));
        QVERIFY(svg.contains("a &quot;quoted&quot; &#45;&gt; \\N name"));
    }

    void svgHasEveryResourceAndStyle()
    {
        const ResourceGraph graph = buildResourceGraph(readTemplate(QStringLiteral("depends_on.yaml")));
        QString error;
        const QByteArray svg = renderResourceGraphSvg(graph, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(svg.startsWith("<?xml"));
        QVERIFY(svg.contains("<svg"));
        for (const ResourceNode &node : graph.nodes) {
            QVERIFY(svg.contains(QByteArray(">" + node.name.toUtf8() + "</text>")));
            QVERIFY(svg.contains(QByteArray(">" + node.type.toUtf8() + "</text>")));
        }
        QVERIFY(svg.contains("class=\"node server\""));
        QVERIFY(svg.contains("stroke-dasharray")); // depends_on is dashed
        QCOMPARE(svg.count("class=\"edge"), 6);
    }

    // Graphviz is not thread-safe; layouts from several threads at once must still all succeed.
    void concurrentLayouts()
    {
        const ResourceGraph graph = buildResourceGraph(readTemplate(QStringLiteral("asg_policy.yaml")));
        QList<QFuture<GraphLayout>> futures;
        for (int i = 0; i < 8; ++i)
            futures.append(QtConcurrent::run([graph] { return layoutResourceGraph(graph); }));
        const GraphLayout first = futures[0].result();
        for (QFuture<GraphLayout> &future : futures) {
            const GraphLayout layout = future.result();
            QCOMPARE(layout.nodes.size(), 5);
            QCOMPARE(layout.boundingBox, first.boundingBox);
            for (qsizetype i = 0; i < layout.nodes.size(); ++i)
                QCOMPARE(layout.nodes[i].centre, first.nodes[i].centre);
        }
    }
};

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
