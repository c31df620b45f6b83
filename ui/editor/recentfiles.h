// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

namespace Pilvi {

/// The files the user opened or saved last, newest first, at most ten, kept in QSettings.
class RecentFiles final : public QObject
{
    Q_OBJECT
public:
    static constexpr int maximum = 10;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList files() const { return m_files; }
    /// Puts `path` first (as an absolute path), dropping the oldest beyond the maximum.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void store();

    QStringList m_files;
};

} // namespace Pilvi
