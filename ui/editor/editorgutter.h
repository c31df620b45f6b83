// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace Pilvi {

class CodeEditor;

/// The strip left of the text: line numbers, problem marks and fold markers. It draws what the
/// editor tells it and hands fold clicks back to the editor.
class EditorGutter final : public QWidget
{
    Q_OBJECT
public:
    explicit EditorGutter(CodeEditor *editor);

    QSize sizeHint() const override;
    int foldMarkerWidth() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    CodeEditor *m_editor;
};

} // namespace Pilvi
