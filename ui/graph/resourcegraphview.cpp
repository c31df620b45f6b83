// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/resourcegraphview.h"

#include "graph/referenceedgeitem.h"
#include "graph/resourcenodeitem.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QMenu>
#include <QPainter>
#include <QSvgGenerator>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace Pilvi {

namespace {
constexpr double zoomStep = 1.25;
constexpr double minimumZoom = 0.05;
constexpr double maximumZoom = 8.0;
constexpr double sceneMargin = 16;
constexpr std::array<NodeChange, 4> legendChanges{NodeChange::Added, NodeChange::Replaced, NodeChange::Updated,
                                                  NodeChange::Deleted};
} // namespace

ResourceGraphView::ResourceGraphView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setObjectName(QStringLiteral("resourceGraphView"));
    setAccessibleName(tr("Resource graph"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setFocusPolicy(Qt::StrongFocus);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &ResourceGraphView::onSceneSelectionChanged);

    const auto addAction = [this](const QString &text, const QKeySequence &shortcut, void (ResourceGraphView::*slot)()) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        QWidget::addAction(action);
    };
    addAction(tr("Zoom In"), QKeySequence(Qt::CTRL | Qt::Key_Equal), &ResourceGraphView::zoomIn);
    addAction(tr("Zoom In"), QKeySequence(Qt::CTRL | Qt::Key_Plus), &ResourceGraphView::zoomIn);
    addAction(tr("Zoom Out"), QKeySequence(Qt::CTRL | Qt::Key_Minus), &ResourceGraphView::zoomOut);
    addAction(tr("Fit to View"), QKeySequence(Qt::CTRL | Qt::Key_0), &ResourceGraphView::fitToView);
    addAction(tr("Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_1), &ResourceGraphView::zoomToActualSize);
    updateAccessibleDescription();
}

ResourceGraphView::~ResourceGraphView()
{
    // The scene is a child and outlives this class's part of the object; its clearing on
    // destruction must not call back into a half-destroyed view.
    disconnect(m_scene, nullptr, this, nullptr);
}

void ResourceGraphView::setGraphLayout(const GraphLayout &layout)
{
    // Keep what the user and the caller set on resources that survive the new layout.
    const QString selected = selectedNode();

    const QSignalBlocker blocker(m_scene);
    m_scene->clear();
    m_items.clear();
    m_layout = layout;
    const QColor text = palette().color(QPalette::Text);
    for (const LaidOutEdge &edge : layout.edges)
        m_scene->addItem(new ReferenceEdgeItem(edge, text));
    for (const LaidOutNode &node : layout.nodes) {
        auto *item = new ResourceNodeItem(node);
        item->setFont(font());
        item->setStatus(m_statuses.value(node.name));
        item->setChange(m_changes.value(node.name, NodeChange::Unchanged));
        m_scene->addItem(item);
        m_items.insert(node.name, item);
    }
    m_scene->setSceneRect(layout.boundingBox.adjusted(-sceneMargin, -sceneMargin, sceneMargin, sceneMargin));
    if (ResourceNodeItem *item = nodeItem(selected))
        item->setSelected(true);
    m_lastSelection = selectedNode();
    updateAccessibleDescription();
    viewport()->update();
}

GraphLayoutOptions ResourceGraphView::layoutOptions(const ResourceGraph &graph) const
{
    GraphLayoutOptions options;
    for (const ResourceNode &node : graph.nodes)
        options.nodeSizes.insert(node.name, ResourceNodeItem::sizeFor(node.name, node.type, font()));
    return options;
}

QString ResourceGraphView::selectedNode() const
{
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    for (QGraphicsItem *item : selected) {
        if (item->type() == ResourceNodeItem::Type)
            return static_cast<ResourceNodeItem *>(item)->name();
    }
    return {};
}

void ResourceGraphView::selectNode(const QString &name)
{
    m_selectingFromOutside = true;
    m_scene->clearSelection();
    if (ResourceNodeItem *item = nodeItem(name)) {
        item->setSelected(true);
        ensureVisible(item, 24, 24);
    }
    m_selectingFromOutside = false;
    m_lastSelection = selectedNode();
    updateAccessibleDescription();
}

void ResourceGraphView::onSceneSelectionChanged()
{
    // One resource at a time: a click on a second one moves the selection.
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    if (selected.size() > 1) {
        const QSignalBlocker blocker(m_scene);
        for (QGraphicsItem *item : selected) {
            if (item->type() == ResourceNodeItem::Type && static_cast<ResourceNodeItem *>(item)->name() == m_lastSelection)
                item->setSelected(false);
        }
    }
    const QString name = selectedNode();
    if (m_selectingFromOutside || name == m_lastSelection)
        return;
    m_lastSelection = name;
    updateAccessibleDescription();
    Q_EMIT selectionChanged(name);
}

void ResourceGraphView::setNodeStatus(const QString &name, const QString &status)
{
    if (status.isEmpty())
        m_statuses.remove(name);
    else
        m_statuses.insert(name, status);
    if (ResourceNodeItem *item = nodeItem(name))
        item->setStatus(status);
}

void ResourceGraphView::clearNodeStatuses()
{
    m_statuses.clear();
    for (ResourceNodeItem *item : std::as_const(m_items))
        item->setStatus({});
}

void ResourceGraphView::setNodeChange(const QString &name, NodeChange change)
{
    if (change == NodeChange::Unchanged)
        m_changes.remove(name);
    else
        m_changes.insert(name, change);
    if (ResourceNodeItem *item = nodeItem(name))
        item->setChange(change);
    viewport()->update(); // the legend
}

void ResourceGraphView::clearNodeChanges()
{
    m_changes.clear();
    for (ResourceNodeItem *item : std::as_const(m_items))
        item->setChange(NodeChange::Unchanged);
    viewport()->update();
}

bool ResourceGraphView::legendVisible() const
{
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [](const ResourceNodeItem *item) { return item->change() != NodeChange::Unchanged; });
}

ResourceNodeItem *ResourceGraphView::nodeItem(const QString &name) const
{
    return m_items.value(name);
}

double ResourceGraphView::zoom() const
{
    return transform().m11();
}

void ResourceGraphView::scaleBy(double factor)
{
    const double target = std::clamp(zoom() * factor, minimumZoom, maximumZoom);
    scale(target / zoom(), target / zoom());
}

void ResourceGraphView::zoomIn()
{
    scaleBy(zoomStep);
}

void ResourceGraphView::zoomOut()
{
    scaleBy(1 / zoomStep);
}

void ResourceGraphView::zoomToActualSize()
{
    resetTransform();
}

void ResourceGraphView::fitToView()
{
    if (m_layout.nodes.isEmpty())
        return;
    fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    // Never blow a small graph up beyond its natural size.
    if (zoom() > 1.0)
        resetTransform();
}

void ResourceGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        scaleBy(std::pow(zoomStep, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void ResourceGraphView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !selectedNode().isEmpty()) {
        Q_EMIT nodeActivated(selectedNode());
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void ResourceGraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    for (QGraphicsItem *item = itemAt(event->pos()); item; item = item->parentItem()) {
        if (item->type() == ResourceNodeItem::Type) {
            if (!item->isSelected()) {
                m_scene->clearSelection();
                item->setSelected(true);
            }
            Q_EMIT nodeActivated(static_cast<ResourceNodeItem *>(item)->name());
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

QSizeF ResourceGraphView::legendSize() const
{
    const QFontMetricsF metrics(font());
    double width = 0;
    for (NodeChange change : legendChanges)
        width = std::max(width, metrics.horizontalAdvance(GraphStyle::changeName(change)));
    return {width + 40, legendChanges.size() * (metrics.height() + 4) + 12};
}

void ResourceGraphView::paintLegend(QPainter *painter, const QPointF &topLeft) const
{
    const QFontMetricsF metrics(font());
    const QSizeF size = legendSize();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font());
    QColor background = palette().color(QPalette::Base);
    background.setAlpha(230);
    painter->setPen(palette().color(QPalette::Mid));
    painter->setBrush(background);
    painter->drawRoundedRect(QRectF(topLeft, size), 4, 4);
    double y = topLeft.y() + 6;
    for (NodeChange change : legendChanges) {
        const QRectF badge(topLeft.x() + 8, y + (metrics.height() - 14) / 2, 14, 14);
        painter->setPen(Qt::NoPen);
        painter->setBrush(GraphStyle::changeColor(change));
        painter->drawEllipse(badge);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, GraphStyle::changeBadge(change));
        painter->setPen(palette().color(QPalette::Text));
        painter->drawText(QPointF(badge.right() + 8, y + metrics.ascent()), GraphStyle::changeName(change));
        y += metrics.height() + 4;
    }
    painter->restore();
}

void ResourceGraphView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (!legendVisible())
        return;
    // In the viewport's corner, whatever the zoom and scroll.
    painter->save();
    painter->resetTransform();
    paintLegend(painter, QPointF(viewport()->width() - legendSize().width() - 8, 8));
    painter->restore();
}

QImage ResourceGraphView::renderImage(double scale) const
{
    const QRectF source = m_scene->sceneRect();
    const QSizeF legend = legendVisible() ? legendSize() : QSizeF();
    const QSize size((QSizeF(std::max(source.width(), legend.width() + 16), source.height() + legend.height()) * scale)
                         .toSize()
                         .expandedTo(QSize(1, 1)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_scene->render(&painter, QRectF(0, legend.height() * scale, source.width() * scale, source.height() * scale), source);
    if (!legend.isEmpty()) {
        painter.scale(scale, scale);
        paintLegend(&painter, QPointF(8, 0));
    }
    return image;
}

bool ResourceGraphView::exportPng(const QString &fileName) const
{
    return renderImage().save(fileName, "PNG");
}

bool ResourceGraphView::exportSvg(const QString &fileName) const
{
    const QRectF source = m_scene->sceneRect();
    QSvgGenerator generator;
    generator.setFileName(fileName);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("Resource graph"));
    generator.setDescription(tr("%n resource(s)", nullptr, int(m_layout.nodes.size())));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    return painter.end();
}

void ResourceGraphView::contextMenuEvent(QContextMenuEvent *event)
{
    // popup(), not exec(): no nested event loop.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QList<QAction *> viewActions = actions();
    for (QAction *action : viewActions) {
        if (!menu->actions().isEmpty() && menu->actions().constLast()->text() == action->text())
            continue; // the second Zoom In shortcut
        menu->addAction(action);
    }
    menu->addSeparator();
    menu->addAction(tr("Export as PNG…"), this, [this] { chooseExportFile(QStringLiteral("png")); });
    menu->addAction(tr("Export as SVG…"), this, [this] { chooseExportFile(QStringLiteral("svg")); });
    menu->popup(event->globalPos());
}

void ResourceGraphView::chooseExportFile(const QString &suffix)
{
    // A window-modal dialog opened with open(): no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Export Resource Graph"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(suffix);
    dialog->setNameFilter(suffix == u"png" ? tr("PNG images (*.png)") : tr("SVG drawings (*.svg)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, suffix](const QString &file) {
        if (suffix == u"png")
            exportPng(file);
        else
            exportSvg(file);
    });
    dialog->open();
}

void ResourceGraphView::updateAccessibleDescription()
{
    QString description = tr("%n resource(s)", nullptr, int(m_layout.nodes.size())) + QStringLiteral(", ") +
                          tr("%n reference(s)", nullptr, int(m_layout.edges.size()));
    if (const ResourceNodeItem *item = nodeItem(selectedNode()))
        description += QStringLiteral("; ") + tr("selected: %1 (%2)").arg(item->name(), item->resourceType());
    setAccessibleDescription(description);
}

} // namespace Pilvi
