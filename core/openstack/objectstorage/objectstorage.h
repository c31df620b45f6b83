// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Pilvi {

struct Container {
    QString name;
    qint64 objectCount = 0;
    qint64 bytes = 0;
    QDateTime lastModified;
    friend bool operator==(const Container &, const Container &) = default;
};

/// An object, or with a delimiter a pseudo-folder ("subdir") of them.
struct ObjectEntry {
    QString name;
    qint64 bytes = 0;
    QString hash; ///< MD5 ETag (of the manifest for SLO/DLO)
    QString contentType;
    QDateTime lastModified;
    bool isPseudoFolder = false;
    friend bool operator==(const ObjectEntry &, const ObjectEntry &) = default;
};

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::Container, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::ObjectEntry, Q_RELOCATABLE_TYPE);
