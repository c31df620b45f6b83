// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httptypes.h"
#include "net/retrypolicy.h"

#include <QFuture>
#include <QObject>
#include <QThread>

namespace Pilvi {

class NetworkWorker;

/// The network thread. It owns the only QNetworkAccessManager; callers on any thread hand it a
/// request and get a QFuture that finishes on the network thread (attach continuations with a
/// context object to receive the result on your own thread). Retries follow the RetryPolicy.
class NetworkAccess final : public QObject
{
    Q_OBJECT
public:
    explicit NetworkAccess(QObject *parent = nullptr);
    /// Stops the thread; unfinished requests are aborted and their futures cancelled.
    ~NetworkAccess() override;

    QFuture<HttpResponse> send(const HttpRequest &request);

    /// Set before the first request.
    void setRetryPolicy(const RetryPolicy &policy);
    /// Requests sent so far (each attempt counts), for benchmarks and tests.
    int attemptsSent() const;

private:
    QThread m_thread;
    NetworkWorker *m_worker;
};

} // namespace Pilvi
