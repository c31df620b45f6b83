// SPDX-License-Identifier: GPL-3.0-or-later
// The resource graph widget offscreen: a template's graph laid out off the GUI thread, selection
// both ways, status colours, the update-preview legend, zoom and export.
#include "graph/graphlayoutrunner.h"
#include "graph/resourcegraphview.h"
#include "graph/resourcenodeitem.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

QByteArray readTemplate(const QString &name)
{
    QFile file(QStringLiteral(PILVI_TEST_DATA "/templates/graph/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// How many distinct colours an image has, sampled on a grid: a blank image has one or two.
qsizetype colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return colours.size();
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x23, 0x26));
    palette.setColor(QPalette::Base, QColor(0x14, 0x16, 0x18));
    palette.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    palette.setColor(QPalette::Mid, QColor(0x4d, 0x4d, 0x4d));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    return palette;
}

} // namespace

class TestResourceGraphView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // The directory screenshots go to: PILVI_SCREENSHOT_DIR when set (to look at them), else a
    // temporary one.
    QString shotPath(const QString &name) const
    {
        const QString dir = qEnvironmentVariable("PILVI_SCREENSHOT_DIR", m_dir.path());
        return dir + u'/' + name;
    }

    // Lays the template out through the runner, as the Templates page does, and shows it.
    void show(ResourceGraphView &view, const QString &file)
    {
        const ResourceGraph graph = buildResourceGraph(readTemplate(file));
        QVERIFY(!graph.nodes.isEmpty());
        GraphLayoutRunner runner;
        QSignalSpy ready(&runner, &GraphLayoutRunner::layoutReady);
        runner.request(graph, view.layoutOptions(graph));
        QVERIFY(ready.wait(10000));
        view.setGraphLayout(ready.at(0).at(0).value<GraphLayout>());
        view.resize(900, 620);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitToView();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void runnerDropsStaleLayouts()
    {
        const ResourceGraph first = buildResourceGraph(readTemplate(u"depends_on.yaml"_s));
        const ResourceGraph second = buildResourceGraph(readTemplate(u"asg_policy.yaml"_s));
        GraphLayoutRunner runner;
        QSignalSpy ready(&runner, &GraphLayoutRunner::layoutReady);
        runner.request(first);
        runner.request(first);
        const quint64 newest = runner.request(second);
        QCOMPARE(newest, quint64(3));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        QTRY_VERIFY(!runner.isBusy());
        // Only the newest request's layout arrives.
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.at(0).at(1).value<quint64>(), newest);
        const auto layout = ready.at(0).at(0).value<GraphLayout>();
        QCOMPARE(layout.nodes.size(), second.nodes.size());
        QCOMPARE(layout.nodes[0].name, u"web_net"_s);
    }

    void showsTheGraphAndSelects()
    {
        ResourceGraphView view;
        show(view, u"asg_policy.yaml"_s);
        QCOMPARE(view.accessibleName(), u"Resource graph"_s);
        QVERIFY(view.accessibleDescription().startsWith(u"5 resource"_s));
        QVERIFY(view.nodeItem(u"asg"_s));
        QCOMPARE(view.nodeItem(u"asg"_s)->resourceType(), u"OS::Heat::AutoScalingGroup"_s);

        // A click on a resource selects it and says so.
        QSignalSpy selection(&view, &ResourceGraphView::selectionChanged);
        QSignalSpy activated(&view, &ResourceGraphView::nodeActivated);
        const QPoint scale = view.mapFromScene(view.graphLayout().node(u"scale_up")->centre);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, scale);
        QCOMPARE(selection.size(), 1);
        QCOMPARE(selection.at(0).at(0).toString(), u"scale_up"_s);
        QCOMPARE(view.selectedNode(), u"scale_up"_s);
        QVERIFY(view.accessibleDescription().contains(u"selected: scale_up (OS::Heat::ScalingPolicy)"_s));
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), u"scale_up"_s);
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(view.graphLayout().node(u"asg")->centre));
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), u"asg"_s);
        QCOMPARE(view.selectedNode(), u"asg"_s);

        // From outside (the editor's cursor): selected, no signal back.
        const qsizetype before = selection.size();
        view.selectNode(u"web_net"_s);
        QCOMPARE(view.selectedNode(), u"web_net"_s);
        QCOMPARE(selection.size(), before);
        view.selectNode(QString());
        QCOMPARE(view.selectedNode(), QString());

        // A click on the background clears the selection.
        view.selectNode(u"asg"_s);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(2, 2));
        QCOMPARE(view.selectedNode(), QString());
        QCOMPARE(selection.constLast().at(0).toString(), QString());

        // A new layout keeps the selection.
        view.selectNode(u"cpu_high"_s);
        view.setGraphLayout(view.graphLayout());
        QCOMPARE(view.selectedNode(), u"cpu_high"_s);
    }

    void statusColours_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QColor>("tint");
        QTest::newRow("complete") << u"CREATE_COMPLETE"_s << QColor(0x27, 0xae, 0x60);
        QTest::newRow("failed") << u"UPDATE_FAILED"_s << QColor(0xda, 0x44, 0x53);
        QTest::newRow("in progress") << u"DELETE_IN_PROGRESS"_s << QColor(0xf6, 0x74, 0x00);
    }
    void statusColours()
    {
        QFETCH(QString, status);
        QFETCH(QColor, tint);
        ResourceGraphView view;
        show(view, u"depends_on.yaml"_s);
        ResourceNodeItem *item = view.nodeItem(u"server"_s);
        QVERIFY(item);
        const QColor plain = item->fillBrush().color();
        view.setNodeStatus(u"server"_s, status);
        const QColor colour = item->fillBrush().color();
        QVERIFY(colour != plain);
        // The fill leans towards the status colour: closer to it than the plain fill was.
        const auto distance = [&tint](const QColor &c) {
            return std::abs(c.red() - tint.red()) + std::abs(c.green() - tint.green()) + std::abs(c.blue() - tint.blue());
        };
        QVERIFY(distance(colour) < distance(plain));
        QVERIFY(item->toolTip().contains(status));
        // Kept across a new layout; cleared on request.
        view.setGraphLayout(view.graphLayout());
        QCOMPARE(view.nodeItem(u"server"_s)->fillBrush().color(), colour);
        view.clearNodeStatuses();
        QCOMPARE(view.nodeItem(u"server"_s)->fillBrush().color(), plain);
    }

    void statusAndChangeBeforeTheLayout()
    {
        // A live stack's resources (and a preview's changes) may arrive before the layout, which
        // is computed on another thread: the view keeps them and draws them when it comes.
        ResourceGraphView view;
        view.setNodeStatus(u"server"_s, u"CREATE_COMPLETE"_s);
        view.setNodeChange(u"server"_s, NodeChange::Replaced);
        QVERIFY(!view.nodeItem(u"server"_s));
        show(view, u"depends_on.yaml"_s);
        QVERIFY(view.nodeItem(u"server"_s));
        QCOMPARE(view.nodeItem(u"server"_s)->status(), u"CREATE_COMPLETE"_s);
        QCOMPARE(view.nodeItem(u"server"_s)->change(), NodeChange::Replaced);
        view.setNodeStatus(u"server"_s, QString()); // an empty status clears
        view.clearNodeChanges();
        view.setGraphLayout(view.graphLayout());
        QCOMPARE(view.nodeItem(u"server"_s)->status(), QString());
        QCOMPARE(view.nodeItem(u"server"_s)->change(), NodeChange::Unchanged);
    }

    void updatePreviewAndExport()
    {
        ResourceGraphView view;
        show(view, u"depends_on.yaml"_s);
        QVERIFY(!view.legendVisible());
        const QImage withoutLegend = view.renderImage(1.0);
        view.setNodeChange(u"attach"_s, NodeChange::Replaced);
        view.setNodeChange(u"late"_s, NodeChange::Deleted);
        view.setNodeChange(u"server"_s, NodeChange::Updated);
        view.setNodeChange(u"volume"_s, NodeChange::Added);
        QVERIFY(view.legendVisible());
        QVERIFY(view.nodeItem(u"attach"_s)->toolTip().endsWith(u"Replaced"_s));
        // The legend goes into exported images too.
        QVERIFY(view.renderImage(1.0).height() > withoutLegend.height());

        const QString png = m_dir.filePath(u"graph.png"_s);
        QVERIFY(view.exportPng(png));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= int(view.graphLayout().boundingBox.width()));
        QVERIFY2(colourCount(image) > 20, qPrintable(QString::number(colourCount(image))));

        const QString svg = m_dir.filePath(u"graph.svg"_s);
        QVERIFY(view.exportSvg(svg));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("VolumeAttachment"));

        QVERIFY(view.grab().save(shotPath(u"resource-graph-preview.png"_s)));
        view.clearNodeChanges();
        QVERIFY(!view.legendVisible());
    }

    void zoomAndFit()
    {
        ResourceGraphView view;
        show(view, u"nested_functions.yaml"_s);
        view.zoomToActualSize();
        QCOMPARE(view.zoom(), 1.0);
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(view.zoom(), 1.25);
        QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(view.zoom(), 0.8);
        QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
        QVERIFY(view.zoom() <= 1.0);
        // After fitting, every resource is in sight.
        for (const LaidOutNode &node : view.graphLayout().nodes)
            QVERIFY(view.viewport()->rect().contains(view.mapFromScene(node.centre)));
    }

    // What `pilvi-cli template graph --svg` writes is an SVG Qt (and so browsers) can draw.
    void graphvizSvgRenders()
    {
        const ResourceGraph graph = buildResourceGraph(readTemplate(u"nested_functions.yaml"_s));
        QString error;
        const QByteArray svg = renderResourceGraphSvg(graph, {}, &error);
        QVERIFY2(!svg.isEmpty(), qPrintable(error));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QImage image(renderer.defaultSize() * 2, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        QVERIFY(colourCount(image) > 20);
        QVERIFY(image.save(shotPath(u"cli-graph.png"_s)));
    }

    void screenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void screenshots()
    {
        QFETCH(bool, dark);
        const QPalette original = QApplication::palette();
        if (dark)
            QApplication::setPalette(darkPalette());
        ResourceGraphView view;
        show(view, u"asg_policy.yaml"_s);
        view.setNodeStatus(u"web_net"_s, u"CREATE_COMPLETE"_s);
        view.setNodeStatus(u"asg"_s, u"UPDATE_IN_PROGRESS"_s);
        view.setNodeStatus(u"cpu_high"_s, u"CREATE_FAILED"_s);
        view.selectNode(u"scale_up"_s);
        const QImage shot = view.grab().toImage();
        QApplication::setPalette(original);
        QVERIFY(colourCount(shot) > 20);
        QVERIFY(shot.save(shotPath(dark ? u"resource-graph-dark.png"_s : u"resource-graph-light.png"_s)));
    }
};

QTEST_MAIN(TestResourceGraphView)
#include "tst_resourcegraphview.moc"
