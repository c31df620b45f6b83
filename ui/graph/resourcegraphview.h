// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/graphstyle.h"
#include "template/graphlayout.h"

#include <QGraphicsView>
#include <QHash>

namespace Pilvi {

class ResourceNodeItem;

/// Draws a laid-out resource graph: a template's resources, or a live stack's with status
/// colours, or an update preview with what is added, replaced, updated and deleted (and a
/// legend). Zooms (Ctrl+wheel, Ctrl+= and Ctrl+-), pans (drag the background), fits (Ctrl+0) and
/// exports PNG and SVG. Takes a ready GraphLayout: laying out is slow for big graphs and belongs
/// off the GUI thread (GraphLayoutRunner).
class ResourceGraphView final : public QGraphicsView
{
    Q_OBJECT
public:
    explicit ResourceGraphView(QWidget *parent = nullptr);
    ~ResourceGraphView() override;

    /// Shows `layout`; the selection, statuses and changes of resources still there are kept.
    void setGraphLayout(const GraphLayout &layout);
    const GraphLayout &graphLayout() const { return m_layout; }
    /// Layout options with node sizes measured in this view's font.
    GraphLayoutOptions layoutOptions(const ResourceGraph &graph) const;

    QString selectedNode() const;
    /// Selects (and shows) a resource, e.g. the one under the editor's cursor. Emits no
    /// selectionChanged(), so text and graph can follow each other without a loop. An empty or
    /// unknown name clears the selection.
    void selectNode(const QString &name);

    /// A live stack's status for a resource (CREATE_COMPLETE, UPDATE_FAILED...); empty clears.
    void setNodeStatus(const QString &name, const QString &status);
    void clearNodeStatuses();
    /// An update preview's change for a resource; any change other than Unchanged shows the legend.
    void setNodeChange(const QString &name, NodeChange change);
    void clearNodeChanges();
    bool legendVisible() const;

    ResourceNodeItem *nodeItem(const QString &name) const;
    double zoom() const;

    /// The graph (and the legend when shown) as an image at `scale` device pixels per point.
    QImage renderImage(double scale = 2.0) const;
    bool exportPng(const QString &fileName) const;
    bool exportSvg(const QString &fileName) const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void zoomToActualSize();
    void fitToView();

Q_SIGNALS:
    /// The user selected a resource (empty: none).
    void selectionChanged(const QString &name);
    /// The user double-clicked a resource or pressed Enter on it.
    void nodeActivated(const QString &name);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void onSceneSelectionChanged();
    void scaleBy(double factor);
    void paintLegend(QPainter *painter, const QPointF &topLeft) const;
    QSizeF legendSize() const;
    void updateAccessibleDescription();
    void chooseExportFile(const QString &suffix);

    QGraphicsScene *m_scene;
    GraphLayout m_layout;
    QHash<QString, ResourceNodeItem *> m_items;
    // Kept by name, not on the items: a stack's statuses or a preview's changes may arrive before
    // the layout they are drawn on (it is computed on another thread).
    QHash<QString, QString> m_statuses;
    QHash<QString, NodeChange> m_changes;
    bool m_selectingFromOutside = false;
    QString m_lastSelection;
};

} // namespace Pilvi
