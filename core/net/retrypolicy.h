// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httptypes.h"

#include <chrono>
#include <optional>

namespace Pilvi {

/// When to send a request again and how long to wait first. Pure logic: the network thread asks
/// it after each attempt.
class RetryPolicy
{
public:
    int maxAttempts = 4;
    std::chrono::milliseconds baseDelay{500};
    std::chrono::milliseconds maxDelay{30000};

    /// The delay before the next attempt, or nullopt to give up. `attempt` counts from 1.
    /// - 429 and 503 are retried for every method (the server refused the request, so it did not
    ///   run), after Retry-After when the server gives it;
    /// - network errors (refused, reset, timeout) only for idempotent requests;
    /// - anything else is final.
    /// `jitter` in [0, 1) spreads clients out; tests pass a fixed value.
    std::optional<std::chrono::milliseconds> nextDelay(const HttpRequest &request, const HttpResponse &response, int attempt,
                                                       double jitter) const;

    /// Retry-After as seconds or an HTTP date, relative to `now`; nullopt if absent or unreadable.
    static std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value, const QDateTime &now);
};

} // namespace Pilvi
