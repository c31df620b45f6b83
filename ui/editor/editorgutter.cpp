// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/editorgutter.h"

#include "editor/codeeditor.h"

#include <QMouseEvent>

namespace Pilvi {

EditorGutter::EditorGutter(CodeEditor *editor)
    : QWidget(editor)
    , m_editor(editor)
{
    setAccessibleName(tr("Line numbers and folding"));
    setCursor(Qt::ArrowCursor);
}

QSize EditorGutter::sizeHint() const
{
    return {m_editor->gutterWidth(), 0};
}

int EditorGutter::foldMarkerWidth() const
{
    return fontMetrics().height();
}

void EditorGutter::paintEvent(QPaintEvent *event)
{
    m_editor->paintGutter(event, this);
}

void EditorGutter::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && event->position().x() >= width() - foldMarkerWidth()) {
        m_editor->gutterClicked(event->position().toPoint());
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

} // namespace Pilvi
