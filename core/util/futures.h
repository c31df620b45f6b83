// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QList>

namespace Pilvi {

/// Finishes once every one of `futures` has, whatever each came to (its errors stay with it).
inline QFuture<void> whenAllDone(QList<QFuture<void>> futures)
{
    return QtFuture::whenAll(futures.begin(), futures.end()).then([](const QList<QFuture<void>> &) {});
}

} // namespace Pilvi
