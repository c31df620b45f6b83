// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/session.h"

#include "net/apierror.h"
#include "net/keystoneauth.h"
#include "net/networkaccess.h"
#include "net/tokencache.h"
#include "util/logging.h"

#include <QFile>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslKey>

namespace Pilvi {

Session::Session(CloudProfile profile, NetworkAccess *network, TokenCache *cache)
    : m_profile(std::move(profile))
    , m_network(network)
    , m_cache(cache)
{}

AuthToken Session::currentToken() const
{
    const QMutexLocker lock(&m_mutex);
    return m_token;
}

int Session::timeoutMs() const
{
    return m_profile.apiTimeoutSeconds > 0 ? m_profile.apiTimeoutSeconds * 1000 : 60000;
}

std::optional<QSslConfiguration> Session::sslConfiguration() const
{
    if (m_profile.verify && m_profile.cacert.isEmpty() && m_profile.cert.isEmpty())
        return std::nullopt;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!m_profile.verify)
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!m_profile.cacert.isEmpty()) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_profile.cacert);
        if (certificates.isEmpty())
            throw ApiError(ApiError::Kind::Config,
                           QStringLiteral("cloud '%1': no certificate in cacert file %2").arg(m_profile.name, m_profile.cacert));
        ssl.setCaCertificates(certificates);
    }
    if (!m_profile.cert.isEmpty()) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_profile.cert);
        if (!certificates.isEmpty())
            ssl.setLocalCertificate(certificates.constFirst());
        QFile keyFile(m_profile.key.isEmpty() ? m_profile.cert : m_profile.key);
        if (keyFile.open(QIODevice::ReadOnly))
            ssl.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
    }
    return ssl;
}

QFuture<AuthToken> Session::authenticate()
{
    const QMutexLocker lock(&m_mutex);
    if (m_token.isFreshAt(QDateTime::currentDateTimeUtc()))
        return QtFuture::makeReadyValueFuture(m_token);
    if (m_waiters.isEmpty() && m_cache) {
        if (const auto cached = m_cache->load(m_profile)) {
            qCDebug(lcAuth) << "using cached token for" << m_profile.name;
            m_token = *cached;
            return QtFuture::makeReadyValueFuture(m_token);
        }
    }
    auto waiter = std::make_shared<QPromise<AuthToken>>();
    waiter->start();
    m_waiters.append(waiter);
    if (m_waiters.size() == 1)
        startTokenRequest();
    return waiter->future();
}

void Session::startTokenRequest()
{
    const auto failAll = [](const QList<std::shared_ptr<QPromise<AuthToken>>> &waiters, const std::exception_ptr &error) {
        for (const auto &waiter : waiters) {
            waiter->setException(error);
            waiter->finish();
        }
    };
    HttpRequest request;
    request.method = "POST";
    // Sending the same credentials twice is harmless: Keystone only issues a second token.
    request.idempotent = true;
    request.timeoutMs = timeoutMs();
    try {
        request.url = KeystoneAuth::tokensUrl(m_profile.auth.authUrl);
        request.body = QJsonDocument(KeystoneAuth::requestBody(m_profile)).toJson(QJsonDocument::Compact);
        request.ssl = sslConfiguration();
    } catch (const ApiError &) {
        failAll(std::exchange(m_waiters, {}), std::current_exception());
        return;
    }
    request.setHeader("Content-Type", "application/json");
    request.setHeader("Accept", "application/json");
    qCDebug(lcAuth) << "requesting a token for" << m_profile.name << "from" << request.url.toDisplayString();
    // The promises carry the outcome; the continuation's own future is not needed.
    m_network->send(request).then([this, failAll](const HttpResponse &response) {
        QList<std::shared_ptr<QPromise<AuthToken>>> waiters;
        try {
            if (!response.ok())
                throw ApiError::fromResponse(response, QStringLiteral("authenticate to cloud '%1'").arg(m_profile.name));
            const AuthToken token = KeystoneAuth::parseResponse(response.body, response.header("X-Subject-Token"));
            {
                const QMutexLocker lock(&m_mutex);
                // The analyzer loses track of AuthToken's implicitly shared members in this
                // lambda and reports a null call in their copy; nothing here is a pointer.
                m_token = token; // NOLINT(clang-analyzer-core.CallAndMessage)
                waiters = std::exchange(m_waiters, {});
            }
            if (m_cache)
                m_cache->store(m_profile, token);
            for (const auto &waiter : std::as_const(waiters)) {
                waiter->addResult(token);
                waiter->finish();
            }
        } catch (const ApiError &) {
            {
                const QMutexLocker lock(&m_mutex);
                waiters = std::exchange(m_waiters, {});
            }
            failAll(waiters, std::current_exception());
        }
    });
}

void Session::forget(const AuthToken &token)
{
    const QMutexLocker lock(&m_mutex);
    if (m_token.id == token.id)
        m_token = {};
    if (m_cache)
        m_cache->drop(m_profile);
}

QString Session::endpointUrl(const AuthToken &token, const QString &serviceType) const
{
    const auto url = findEndpoint(token.catalog, serviceType, m_profile.interface, m_profile.regionName);
    if (!url) {
        throw ApiError(
            ApiError::Kind::Config,
            QStringLiteral("cloud '%1' has no %2 endpoint for interface '%3'%4 in its catalog")
                .arg(m_profile.name, serviceType, m_profile.interface,
                     m_profile.regionName.isEmpty() ? QString() : QStringLiteral(" in region '%1'").arg(m_profile.regionName)));
    }
    return *url;
}

QFuture<HttpResponse> Session::sendWith(const AuthToken &token, const ServiceRequest &request)
{
    HttpRequest http;
    http.method = request.method;
    http.body = request.body;
    http.headers = request.headers;
    http.idempotent = request.idempotent;
    http.bodyFile = request.bodyFile;
    http.bodyOffset = request.bodyOffset;
    http.bodyLength = request.bodyLength;
    http.responseFile = request.responseFile;
    http.progress = request.progress;
    http.abort = request.abort;
    http.timeoutMs = timeoutMs();
    try {
        http.ssl = sslConfiguration();
        QUrl url = request.path.startsWith(QStringLiteral("http")) ? QUrl(request.path)
                                                                   : QUrl(endpointUrl(token, request.serviceType) + request.path);
        if (!request.query.isEmpty()) {
            QUrlQuery query(url);
            const auto items = request.query.queryItems(QUrl::FullyEncoded);
            for (const auto &[key, value] : items)
                query.addQueryItem(key, value);
            url.setQuery(query);
        }
        http.url = url;
    } catch (const ApiError &error) {
        return QtFuture::makeExceptionalFuture<HttpResponse>(error);
    }
    http.setHeader("X-Auth-Token", token.id);
    if (!request.body.isEmpty() && std::none_of(http.headers.cbegin(), http.headers.cend(), [](const auto &h) {
            return h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
        }))
        http.setHeader("Content-Type", "application/json");
    if (std::none_of(http.headers.cbegin(), http.headers.cend(),
                     [](const auto &h) { return h.first.compare("Accept", Qt::CaseInsensitive) == 0; }))
        http.setHeader("Accept", "application/json");
    return m_network->send(http);
}

QFuture<HttpResponse> Session::send(const ServiceRequest &request)
{
    return authenticate()
        .then([this, request](const AuthToken &token) {
            return sendWith(token, request).then([this, request, token](const HttpResponse &response) {
                if (response.status != 401)
                    return QtFuture::makeReadyValueFuture(response);
                // The token was revoked or expired early: authenticate once more and resend once.
                qCDebug(lcAuth) << "401 from" << request.serviceType << "- authenticating again";
                forget(token);
                return authenticate().then([this, request](const AuthToken &fresh) { return sendWith(fresh, request); }).unwrap();
            });
        })
        .unwrap()
        .then([request](const HttpResponse &response) {
            if (!response.ok())
                throw ApiError::fromResponse(response, request.what);
            return response;
        });
}

QFuture<ApiVersion> Session::newestMicroversion(const QString &serviceType, int major)
{
    return authenticate()
        .then([this, serviceType, major](const AuthToken &token) {
            const QString url = versionDocumentUrl(endpointUrl(token, serviceType), token.projectId);
            const QString key = url + u'#' + QString::number(major);
            {
                const QMutexLocker lock(&m_mutex);
                if (const auto it = m_microversions.constFind(key); it != m_microversions.cend())
                    return QtFuture::makeReadyValueFuture(*it);
            }
            ServiceRequest request;
            request.serviceType = serviceType;
            request.path = url;
            request.what = QStringLiteral("read the API versions of %1").arg(serviceType);
            return send(request).then([this, key, major](const HttpResponse &response) {
                const ApiVersion newest = parseNewestMicroversion(response.body, major);
                qCDebug(lcNet) << key << "offers microversions up to" << newest.toString();
                const QMutexLocker lock(&m_mutex);
                // The analyzer loses track of the QHash's implicitly shared data in this lambda, as
                // with m_token above; nothing here is a pointer.
                m_microversions.insert(key, newest); // NOLINT(clang-analyzer-core.CallAndMessage)
                return newest;
            });
        })
        .unwrap();
}

} // namespace Pilvi
