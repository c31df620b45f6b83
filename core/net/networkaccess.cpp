// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/networkaccess.h"

#include "net/streaming.h"
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

        // A body streamed from a file: opened here, on the thread that reads it, for each attempt.
        HashingFileSource *source = nullptr;
        if (!request.bodyFile.isEmpty()) {
            source = new HashingFileSource(request.bodyFile, request.bodyOffset, request.bodyLength);
            if (!source->open(QIODevice::ReadOnly)) {
                HttpResponse failed;
                failed.networkError = QNetworkReply::UnknownContentError;
                failed.errorString = QStringLiteral("cannot read %1: %2").arg(request.bodyFile, source->errorString());
                failed.attempts = attempt;
                delete source;
                promise->addResult(failed);
                promise->finish();
                return;
            }
            networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, source->size());
        }
        QNetworkReply *reply = nullptr;
        if (source)
            reply = m_manager->sendCustomRequest(networkRequest, request.method, source);
        else if (request.method == "HEAD")
            reply = m_manager->head(networkRequest); // as a custom verb, Qt would wait for a body after the headers
        else
            reply = m_manager->sendCustomRequest(networkRequest, request.method, request.body);
        if (source)
            source->setParent(reply);
        if (request.abort) {
            // Polled rather than signalled: the flag is set on another thread, and a timer
            // child of the reply goes with it.
            auto *watch = new QTimer(reply);
            watch->setInterval(100);
            connect(watch, &QTimer::timeout, reply, [reply, flag = request.abort] {
                if (flag->load())
                    reply->abort();
            });
            watch->start();
        }
        auto progress = std::make_shared<ProgressThrottle>(request.progress);
        std::shared_ptr<DownloadSink> sink;
        if (!request.responseFile.isEmpty()) {
            sink = std::make_shared<DownloadSink>(request.responseFile);
            // Keeps at most this much in memory when the disk is slower than the network.
            reply->setReadBufferSize(qint64(1) << 20);
            connect(reply, &QNetworkReply::readyRead, this, [reply, sink, progress] { drain(reply, *sink, *progress); });
        } else if (source && request.progress) {
            connect(reply, &QNetworkReply::uploadProgress, this,
                    [progress](qint64 sent, qint64 total) { progress->report(sent, total); });
        } else if (request.progress) {
            connect(reply, &QNetworkReply::downloadProgress, this,
                    [progress](qint64 received, qint64 total) { progress->report(received, total); });
        }
        connect(reply, &QNetworkReply::finished, this, [this, reply, request, promise, attempt, clock, source, sink, progress] {
            reply->deleteLater();
            HttpResponse response;
            response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            response.headers = reply->rawHeaderPairs();
            response.networkError = reply->error();
            response.errorString = reply->errorString();
            response.attempts = attempt;
            if (response.status != 0 && response.networkError != QNetworkReply::NoError &&
                response.networkError > QNetworkReply::UnknownProxyError) {
                // An HTTP error status is not a network failure: the status says it all.
                response.networkError = QNetworkReply::NoError;
            }
            if (response.networkError != QNetworkReply::NoError)
                response.status = 0; // a body cut off by the network is no answer, whatever its status line said
            if (sink && isSuccess(response.status) && response.networkError == QNetworkReply::NoError) {
                drain(reply, *sink, *progress);
                if (sink->errorString().isEmpty() && sink->complete()) {
                    response.streamedMd5 = sink->md5Hex();
                    response.streamedBytes = sink->written();
                    progress->finish(sink->written(), sink->written());
                }
            } else {
                response.body = reply->readAll();
            }
            if (sink && !sink->errorString().isEmpty()) {
                response.status = 0;
                response.networkError = QNetworkReply::UnknownContentError;
                response.errorString = sink->errorString();
            }
            if (sink && response.streamedMd5.isEmpty())
                sink->discard();
            if (source && response.ok()) {
                response.streamedMd5 = source->md5Hex();
                response.streamedBytes = source->size();
                progress->finish(source->size(), source->size());
            }
            const auto delay = policy.nextDelay(request, response, attempt, QRandomGenerator::global()->generateDouble());
            const bool aborted = request.abort && request.abort->load();
            if (delay && !promise->isCanceled() && !aborted) {
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
    static bool isSuccess(int status) { return status >= 200 && status < 300; }

    // Moves what arrived of a 2xx body into the file; an error answer stays in the reply for
    // the message. A file that cannot be written ends the transfer.
    static void drain(QNetworkReply *reply, DownloadSink &sink, ProgressThrottle &progress)
    {
        if (!isSuccess(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()) || !sink.errorString().isEmpty())
            return;
        while (reply->bytesAvailable() > 0) {
            if (!sink.write(reply->read(qint64(256) << 10))) {
                reply->abort();
                return;
            }
        }
        const QVariant total = reply->header(QNetworkRequest::ContentLengthHeader);
        progress.report(sink.written(), total.isValid() ? total.toLongLong() : -1);
    }

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
