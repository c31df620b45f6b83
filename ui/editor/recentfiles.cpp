// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace Pilvi {

namespace {
QString settingsKey()
{
    return QStringLiteral("editor/recentFiles");
}
} // namespace

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
    , m_files(QSettings().value(settingsKey()).toStringList())
{
    m_files.removeAll(QString());
    m_files.removeDuplicates();
    while (m_files.size() > maximum)
        m_files.removeLast();
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!m_files.isEmpty() && m_files.front() == absolute)
        return;
    m_files.removeAll(absolute);
    m_files.prepend(absolute);
    while (m_files.size() > maximum)
        m_files.removeLast();
    store();
}

void RecentFiles::remove(const QString &path)
{
    if (m_files.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        store();
}

void RecentFiles::clear()
{
    if (m_files.isEmpty())
        return;
    m_files.clear();
    store();
}

void RecentFiles::store()
{
    QSettings().setValue(settingsKey(), m_files);
    Q_EMIT changed();
}

} // namespace Pilvi
