// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QWidget;

namespace Pilvi {

/// Writes a PNG of a window once it says it is ready, then reports the outcome. Used by
/// `pilvi --screenshot` for docs, reviews and tests.
class WindowCapture final : public QObject
{
    Q_OBJECT
public:
    WindowCapture(QWidget *window, QString file, QObject *parent = nullptr);

    /// Call when the window has its data; the capture follows after a short settle, so that
    /// layouts and queued repaints are done.
    void windowReady();

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void capture();

    QPointer<QWidget> m_window;
    QString m_file;
    QTimer m_settle;
};

} // namespace Pilvi
