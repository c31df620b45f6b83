// SPDX-License-Identifier: GPL-3.0-or-later
// What the benchmarks share: big API answers made from the recorded ones, and the process's memory.
#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace BenchData {

inline QJsonObject firstOf(const QString &recording, const QString &key)
{
    QFile file(QStringLiteral(PILVI_TEST_DATA "/api/") + recording + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object().value(key).toArray().first().toObject();
}

/// A body of `count` copies of a recorded item with distinct ids and names.
inline QByteArray manyOf(const QString &recording, const QString &key, int count, const QStringList &uniqueFields)
{
    const QJsonObject model = firstOf(recording, key);
    QJsonArray items;
    for (int i = 0; i < count; ++i) {
        QJsonObject item = model;
        for (const QString &field : uniqueFields)
            item.insert(field, QStringLiteral("%1-%2").arg(field).arg(i));
        items.append(item);
    }
    return QJsonDocument(QJsonObject{{key, items}}).toJson(QJsonDocument::Compact);
}

/// A field of /proc/self/status in KiB ("VmRSS:", "VmHWM:"); -1 when it cannot be read.
inline long statusKib(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(static_cast<qsizetype>(qstrlen(field))).trimmed().split(' ').first().toLong();
    }
    return -1;
}

} // namespace BenchData
