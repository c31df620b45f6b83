// SPDX-License-Identifier: GPL-3.0-or-later
// Waiting on the sandbox cloud in integration tests, without blocking the test thread's event
// loop (the clients' futures finish on the network thread).
#pragma once

#include "net/apierror.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QRandomGenerator>
#include <QTest>

#include <functional>

namespace CloudAwait {

inline void waitFor(const QFuture<void> &future, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(20);
    if (!future.isFinished())
        throw Pilvi::ApiError(Pilvi::ApiError::Kind::Network, QStringLiteral("no answer in %1 s").arg(timeoutMs / 1000));
}

} // namespace CloudAwait

/// The future's value; its ApiError is rethrown, and no answer in time is one too.
template<typename T>
T await(const QFuture<T> &future, int timeoutMs = 180000)
{
    CloudAwait::waitFor(QFuture<void>(future), timeoutMs);
    return future.result();
}

inline void awaitVoid(QFuture<void> future, int timeoutMs = 180000)
{
    CloudAwait::waitFor(future, timeoutMs);
    future.waitForFinished(); // rethrows an ApiError
}

/// Polls `probe` once a second until it returns true, for at most `seconds`.
inline bool eventually(const std::function<bool()> &probe, int seconds = 240)
{
    QDeadlineTimer deadline(qint64(seconds) * 1000);
    while (!deadline.hasExpired()) {
        if (probe())
            return true;
        QTest::qWait(1000);
    }
    return false;
}

/// A name no other run uses: "prefix-123456".
inline QString unique(const char *prefix)
{
    return QStringLiteral("%1-%2").arg(QLatin1StringView(prefix)).arg(QRandomGenerator::global()->bounded(1000000));
}
