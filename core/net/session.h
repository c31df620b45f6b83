// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"
#include "net/authtoken.h"
#include "net/httptypes.h"
#include "net/microversion.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QPromise>
#include <QUrlQuery>

#include <memory>
#include <optional>

namespace Pilvi {

class NetworkAccess;
class TokenCache;

/// A call to a service of the cloud, relative to its catalog endpoint.
struct ServiceRequest {
    QString serviceType; ///< orchestration, block-storage, object-store, compute, identity
    QByteArray method = "GET";
    QString path; ///< appended to the endpoint: "/stacks"; or a full URL (a "next" link)
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString what; ///< for error messages: "list stacks"
    std::optional<bool> idempotent;
    QString bodyFile;          ///< see HttpRequest::bodyFile
    qint64 bodyOffset = 0;     ///< see HttpRequest::bodyOffset
    qint64 bodyLength = -1;    ///< see HttpRequest::bodyLength
    QString responseFile;      ///< see HttpRequest::responseFile
    TransferProgress progress; ///< see HttpRequest::progress
    AbortFlag abort;           ///< see HttpRequest::abort
};

/// One authenticated connection to one cloud (Keystone v3): keeps the token and catalog, renews
/// the token before it expires, re-authenticates once when a service answers 401, and turns
/// error answers into ApiError. Thread-safe; futures finish on the network thread.
class Session
{
public:
    Session(CloudProfile profile, NetworkAccess *network, TokenCache *cache = nullptr);

    const CloudProfile &profile() const { return m_profile; }

    /// A fresh token: the one held, the cached one, or a new one from Keystone.
    QFuture<AuthToken> authenticate();
    /// The token held now (maybe none yet).
    AuthToken currentToken() const;

    /// Sends an authenticated request; finishes with a 2xx response, or fails with ApiError.
    QFuture<HttpResponse> send(const ServiceRequest &request);

    /// The catalog URL of a service type, or an ApiError(Config) naming what is missing.
    QString endpointUrl(const AuthToken &token, const QString &serviceType) const;

    /// The newest microversion the service's endpoint offers for `major`, from its version
    /// document; read once per endpoint and kept. Null when the service has no microversions.
    /// (microversionHeader() and negotiateMicroversion() turn it into the header to send.)
    QFuture<ApiVersion> newestMicroversion(const QString &serviceType, int major);

    /// TLS settings from the profile (cacert, verify, cert/key).
    std::optional<QSslConfiguration> sslConfiguration() const;
    int timeoutMs() const;

private:
    // Sends the Keystone request; its answer goes to every waiter. Called with m_mutex held.
    void startTokenRequest();
    QFuture<HttpResponse> sendWith(const AuthToken &token, const ServiceRequest &request);
    void forget(const AuthToken &token);

    const CloudProfile m_profile;
    NetworkAccess *m_network;
    TokenCache *m_cache;
    mutable QMutex m_mutex;
    AuthToken m_token; // guarded by m_mutex
    // Callers waiting for the token being requested: one Keystone call serves them all. (A
    // QFuture takes one continuation only, so each waiter gets a promise of its own.)
    QList<std::shared_ptr<QPromise<AuthToken>>> m_waiters; // guarded by m_mutex
    QHash<QString, ApiVersion> m_microversions;            // version document URL + major; guarded by m_mutex
};

} // namespace Pilvi
