// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Pilvi {

/// Progress of a streamed transfer: bytes done, and in all (-1 when unknown). Called on the
/// network thread, coalesced: at most every 100 ms and once at the end.
using TransferProgress = std::function<void(qint64 done, qint64 total)>;
/// Set to true from any thread to abort a request under way (checked every 100 ms): it then
/// fails with OperationCanceledError, is not retried, and a partial responseFile is removed.
using AbortFlag = std::shared_ptr<std::atomic_bool>;

/// One HTTP request as the network thread sends it. A plain value: it crosses threads by copy.
struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int timeoutMs = 60000;
    /// Whether sending it twice is harmless. Defaults by method (GET, HEAD, PUT, DELETE, OPTIONS);
    /// only idempotent requests are retried after a network error, since a POST may have reached
    /// the server before the connection dropped.
    std::optional<bool> idempotent;
    /// TLS settings of the cloud (CA file, verify off); empty for the defaults.
    std::optional<QSslConfiguration> ssl;
    /// Streams the body from this file instead of `body`, chunk by chunk (never whole in
    /// memory), and reports the MD5 of what was sent in HttpResponse::streamedMd5.
    QString bodyFile;
    /// With bodyFile: send only `bodyLength` bytes from `bodyOffset` on (a segment of a large
    /// object); -1 sends to the end of the file.
    qint64 bodyOffset = 0;
    qint64 bodyLength = -1;
    /// Writes a 2xx answer's body to this file instead of `body` (created or truncated, hashed
    /// on the way); the file is removed again when the transfer fails. Error answers stay in body.
    QString responseFile;
    /// Upload progress with bodyFile, download progress otherwise.
    TransferProgress progress;
    AbortFlag abort;

    bool isIdempotent() const
    {
        if (idempotent)
            return *idempotent;
        return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" || method == "OPTIONS";
    }
    void setHeader(const QByteArray &name, const QByteArray &value) { headers.append({name, value}); }
};

/// What came back: a status and body, or a network error (status 0).
struct HttpResponse {
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    int attempts = 1;
    qint64 elapsedMs = 0;
    /// MD5 (hex) of the streamed file: what bodyFile sent, or what responseFile received.
    QByteArray streamedMd5;
    qint64 streamedBytes = 0;

    bool ok() const { return networkError == QNetworkReply::NoError && status >= 200 && status < 300; }
    /// Header by case-insensitive name, or empty.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

} // namespace Pilvi

Q_DECLARE_METATYPE(Pilvi::HttpRequest)
Q_DECLARE_METATYPE(Pilvi::HttpResponse)
