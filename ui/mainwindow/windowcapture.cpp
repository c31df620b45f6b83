// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/windowcapture.h"

#include <QPixmap>
#include <QWidget>

namespace Pilvi {

WindowCapture::WindowCapture(QWidget *window, QString file, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_file(std::move(file))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(300);
    connect(&m_settle, &QTimer::timeout, this, &WindowCapture::capture);
}

void WindowCapture::windowReady()
{
    m_settle.start();
}

void WindowCapture::capture()
{
    if (!m_window) {
        Q_EMIT finished(false, tr("the window is gone"));
        return;
    }
    const QPixmap pixmap = m_window->grab();
    if (pixmap.isNull() || !pixmap.save(m_file, "PNG")) {
        Q_EMIT finished(false, tr("cannot write %1").arg(m_file));
        return;
    }
    Q_EMIT finished(true, tr("wrote %1 (%2x%3)").arg(m_file).arg(pixmap.width()).arg(pixmap.height()));
}

} // namespace Pilvi
