// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/retrypolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace Pilvi {

namespace {
bool isTransientNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError: return true;
    default: return false;
    }
}
} // namespace

std::optional<std::chrono::milliseconds> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds >= 0 ? std::optional(std::chrono::milliseconds(seconds * 1000)) : std::nullopt;
    // HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT"
    const QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeZone(QTimeZone::UTC);
    return std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(utc)));
}

std::optional<std::chrono::milliseconds> RetryPolicy::nextDelay(const HttpRequest &request, const HttpResponse &response,
                                                                int attempt, double jitter) const
{
    if (attempt >= maxAttempts)
        return std::nullopt;
    const bool throttled = response.status == 429 || response.status == 503;
    const bool dropped = response.status == 0 && isTransientNetworkError(response.networkError);
    if (!throttled && !(dropped && request.isIdempotent()))
        return std::nullopt;

    if (throttled) {
        if (const auto after = parseRetryAfter(response.header("Retry-After"), QDateTime::currentDateTimeUtc()))
            return std::min(*after, maxDelay);
    }
    // Exponential backoff with "full jitter" between half and the whole step.
    const auto step = baseDelay * (1LL << (attempt - 1));
    const auto delay = std::chrono::milliseconds(static_cast<qint64>(static_cast<double>(step.count()) * (0.5 + jitter / 2)));
    return std::min(delay, maxDelay);
}

} // namespace Pilvi
