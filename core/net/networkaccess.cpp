// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/networkaccess.h"

#include "util/logging.h"
#include "util/version.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QPromise>
#include <QRandomGenerator>
#include <QTimer>

#include <atomic>
#include <memory>

namespace Pilvi {

/// Lives on the network thread; everything in it runs there.
class NetworkWorker final : public QObject
{
    Q_OBJECT
public:
    RetryPolicy policy;
    std::atomic_int attempts{0};

    void start(const HttpRequest &request, const std::shared_ptr<QPromise<HttpResponse>> &promise, int attempt,
               const std::shared_ptr<QElapsedTimer> &clock)
    {
        Q_ASSERT(QThread::currentThread() == thread());
        if (promise->isCanceled()) {
            promise->finish();
            return;
        }
        if (!m_manager) {
            m_manager = new QNetworkAccessManager(this);
            m_manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
        }
        QNetworkRequest networkRequest(request.url);
        networkRequest.setHeader(QNetworkRequest::UserAgentHeader, QByteArray(userAgent));
        networkRequest.setTransferTimeout(request.timeoutMs);
        for (const auto &[name, value] : request.headers)
            networkRequest.setRawHeader(name, value);
        if (request.ssl)
            networkRequest.setSslConfiguration(*request.ssl);
        ++attempts;
        qCDebug(lcNet) << request.method << request.url.toDisplayString(QUrl::RemoveQuery) << "attempt" << attempt;
        QNetworkReply *reply = m_manager->sendCustomRequest(networkRequest, request.method, request.body);
        connect(reply, &QNetworkReply::finished, this, [this, reply, request, promise, attempt, clock] {
            reply->deleteLater();
            HttpResponse response;
            response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            response.headers = reply->rawHeaderPairs();
            response.body = reply->readAll();
            response.networkError = reply->error();
            response.errorString = reply->errorString();
            response.attempts = attempt;
            if (response.status != 0 && response.networkError != QNetworkReply::NoError &&
                response.networkError > QNetworkReply::UnknownProxyError) {
                // An HTTP error status is not a network failure: the status says it all.
                response.networkError = QNetworkReply::NoError;
            }
            const auto delay = policy.nextDelay(request, response, attempt, QRandomGenerator::global()->generateDouble());
            if (delay && !promise->isCanceled()) {
                qCDebug(lcNet) << "retrying" << request.url.toDisplayString(QUrl::RemoveQuery) << "in" << delay->count() << "ms";
                QTimer::singleShot(*delay, this,
                                   [this, request, promise, attempt, clock] { start(request, promise, attempt + 1, clock); });
                return;
            }
            response.elapsedMs = clock->elapsed();
            promise->addResult(response);
            promise->finish();
        });
    }

private:
    QNetworkAccessManager *m_manager = nullptr;
};

NetworkAccess::NetworkAccess(QObject *parent)
    : QObject(parent)
    , m_worker(new NetworkWorker)
{
    m_thread.setObjectName(QStringLiteral("pilvi-network"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

NetworkAccess::~NetworkAccess()
{
    m_thread.quit();
    m_thread.wait();
}

void NetworkAccess::setRetryPolicy(const RetryPolicy &policy)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, policy] { worker->policy = policy; }, Qt::BlockingQueuedConnection);
}

int NetworkAccess::attemptsSent() const
{
    return m_worker->attempts.load();
}

QFuture<HttpResponse> NetworkAccess::send(const HttpRequest &request)
{
    auto promise = std::make_shared<QPromise<HttpResponse>>();
    QFuture<HttpResponse> future = promise->future();
    promise->start();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request, promise, clock] { worker->start(request, promise, 1, clock); },
        Qt::QueuedConnection);
    return future;
}

} // namespace Pilvi

#include "networkaccess.moc"
