// SPDX-License-Identifier: GPL-3.0-or-later
// The network thread, retries, the Keystone session and paging, driven through a loopback
// server that plays throttling, dropped connections and expired tokens.
#include "scriptedhttpserver.h"

#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/paging.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Pilvi;

namespace {

RetryPolicy fastRetries()
{
    RetryPolicy policy;
    policy.baseDelay = std::chrono::milliseconds(5);
    return policy;
}

ScriptedReply tokenReply(const QString &serviceUrl, const QByteArray &token)
{
    const QJsonObject endpoint{{QStringLiteral("interface"), QStringLiteral("public")},
                               {QStringLiteral("region_id"), QStringLiteral("RegionOne")},
                               {QStringLiteral("url"), QString(serviceUrl + QStringLiteral("/v1/p"))}};
    const QJsonObject service{{QStringLiteral("type"), QStringLiteral("orchestration")},
                              {QStringLiteral("endpoints"), QJsonArray{endpoint}}};
    const QJsonObject body{
        {QStringLiteral("token"),
         QJsonObject{{QStringLiteral("expires_at"), QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs)},
                     {QStringLiteral("catalog"), QJsonArray{service}}}}};
    return {201, {{"X-Subject-Token", token}, {"Content-Type", "application/json"}}, QJsonDocument(body).toJson(), false};
}

CloudProfile profileFor(const ScriptedHttpServer &server)
{
    CloudProfile profile;
    profile.name = QStringLiteral("loopback");
    profile.authType = QStringLiteral("v3applicationcredential");
    profile.auth.authUrl = server.url();
    profile.auth.applicationCredentialId = QStringLiteral("id");
    profile.auth.applicationCredentialSecret = QStringLiteral("secret");
    profile.regionName = QStringLiteral("RegionOne");
    return profile;
}

// The server lives on this thread: keep its event loop running while waiting.
template<typename T>
T resultOf(const QFuture<T> &future)
{
    QDeadlineTimer deadline(15000);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    if (!future.isFinished())
        qFatal("request did not finish in 15 s");
    return future.result();
}

} // namespace

class TestTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retriesThrottledRequestsHonouringRetryAfter()
    {
        ScriptedHttpServer server;
        server.script = {{503, {{"Retry-After", "0"}}, "busy", false}, {429, {}, "slow down", false}, {200, {}, "ok", false}};
        NetworkAccess network;
        network.setRetryPolicy(fastRetries());
        HttpRequest request;
        request.method = "POST"; // throttled requests did not run: safe to send again
        request.url = QUrl(server.url() + QStringLiteral("/x"));
        const HttpResponse response = resultOf(network.send(request));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray("ok"));
        QCOMPARE(response.attempts, 3);
        QCOMPARE(server.seen.size(), 3);
    }

    // Qt 6.8's HTTP layer itself sends a request once more when the connection closes before
    // any answer, for every method (newer Qt does it for idempotent methods only). Pilvi cannot
    // switch that off; what it controls is its own retry, tested here: after Qt gives up, a GET
    // is sent again by Pilvi, a POST is not.
    void droppedConnection_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("pilviAttempts");
        QTest::addColumn<int>("status");
        QTest::newRow("GET is sent again") << QByteArray("GET") << 3 << 200;
        QTest::newRow("POST may have run: not sent again") << QByteArray("POST") << 1 << 0;
    }
    void droppedConnection()
    {
        QFETCH(QByteArray, method);
        QFETCH(int, pilviAttempts);
        QFETCH(int, status);
        ScriptedHttpServer server;
        for (int i = 0; i < 3; ++i)
            server.script.append({0, {}, {}, true});
        server.script.append({200, {}, "ok", false});
        NetworkAccess network;
        network.setRetryPolicy(fastRetries());
        HttpRequest request;
        request.method = method;
        request.url = QUrl(server.url() + QStringLiteral("/x"));
        const HttpResponse response = resultOf(network.send(request));
        QCOMPARE(response.status, status);
        QCOMPARE(response.attempts, pilviAttempts);
        QVERIFY(server.seen.size() >= pilviAttempts);
        if (status == 0) {
            QCOMPARE(response.networkError, QNetworkReply::RemoteHostClosedError);
            const ApiError error = ApiError::fromResponse(response, QStringLiteral("create thing"));
            QCOMPARE(error.kind(), ApiError::Kind::Network);
            QVERIFY(error.toString().startsWith(QStringLiteral("create thing: ")));
        }
    }

    void sessionReauthenticatesOnceOn401()
    {
        ScriptedHttpServer server;
        server.script = {tokenReply(server.url(), "first"),
                         {401, {}, "{}", false},
                         tokenReply(server.url(), "second"),
                         {200, {{"Content-Type", "application/json"}}, R"({"stacks": []})", false}};
        NetworkAccess network;
        Session session(profileFor(server), &network);
        ServiceRequest request;
        request.serviceType = QStringLiteral("orchestration");
        request.path = QStringLiteral("/stacks");
        request.what = QStringLiteral("list stacks");
        const HttpResponse response = resultOf(session.send(request));
        QCOMPARE(response.status, 200);
        QCOMPARE(server.seen.size(), 4);
        QCOMPARE(server.seen[0].target, QByteArray("/v3/auth/tokens"));
        QVERIFY(server.seen[0].body.contains("\"application_credential\""));
        QCOMPARE(server.seen[1].target, QByteArray("/v1/p/stacks"));
        QCOMPARE(server.seen[1].header("X-Auth-Token"), QByteArray("first"));
        QCOMPARE(server.seen[3].header("X-Auth-Token"), QByteArray("second"));
        QVERIFY(server.seen[3].header("User-Agent").startsWith("pilvi/"));
        QCOMPARE(session.currentToken().id, QByteArray("second"));
    }

    // Two pages loading at once: one Keystone request serves both, and both get their answer
    // (a QFuture takes one continuation only; sharing it silently dropped the first caller).
    void concurrentCallersShareOneToken()
    {
        ScriptedHttpServer server;
        server.script = {tokenReply(server.url(), "shared"), {200, {}, "first", false}, {200, {}, "second", false}};
        NetworkAccess network;
        Session session(profileFor(server), &network);
        ServiceRequest request;
        request.serviceType = QStringLiteral("orchestration");
        request.path = QStringLiteral("/a");
        const QFuture<HttpResponse> first = session.send(request);
        request.path = QStringLiteral("/b");
        const QFuture<HttpResponse> second = session.send(request);
        const QByteArray bodies = resultOf(first).body + resultOf(second).body;
        QVERIFY(bodies == "firstsecond" || bodies == "secondfirst");
        QCOMPARE(server.seen.size(), 3);
        QCOMPARE(server.seen[0].target, QByteArray("/v3/auth/tokens"));
        QCOMPARE(server.seen[1].header("X-Auth-Token"), QByteArray("shared"));
        QCOMPARE(server.seen[2].header("X-Auth-Token"), QByteArray("shared"));
    }

    void serviceErrorsCarryStatusMessageAndRequestId()
    {
        ScriptedHttpServer server;
        server.script = {
            tokenReply(server.url(), "t"),
            {403,
             {{"x-openstack-request-id", "req-42"}},
             R"({"error": {"message": "Delegated tokens cannot manage trusts.", "type": "Forbidden"}, "title": "Forbidden"})",
             false}};
        NetworkAccess network;
        Session session(profileFor(server), &network);
        ServiceRequest request;
        request.serviceType = QStringLiteral("orchestration");
        request.method = "POST";
        request.path = QStringLiteral("/stacks");
        request.what = QStringLiteral("create stack web");
        QFuture<HttpResponse> future = session.send(request);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 15000);
        try {
            future.result();
            QFAIL("no error");
        } catch (const ApiError &error) {
            QCOMPARE(error.httpStatus(), 403);
            QCOMPARE(error.toString(),
                     QStringLiteral("create stack web: Delegated tokens cannot manage trusts. (HTTP 403, request req-42)"));
        }
    }

    void missingEndpointIsAConfigError()
    {
        ScriptedHttpServer server;
        server.script = {tokenReply(server.url(), "t")};
        NetworkAccess network;
        Session session(profileFor(server), &network);
        ServiceRequest request;
        request.serviceType = QStringLiteral("block-storage");
        request.path = QStringLiteral("/volumes");
        QFuture<HttpResponse> future = session.send(request);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 15000);
        try {
            future.result();
            QFAIL("no error");
        } catch (const ApiError &error) {
            QCOMPARE(error.kind(), ApiError::Kind::Config);
            QCOMPARE(error.message(), QStringLiteral("cloud 'loopback' has no block-storage endpoint for interface 'public' in "
                                                     "region 'RegionOne' in its catalog"));
        }
    }

    void pagingFollowsMarkersToTheEnd()
    {
        ScriptedHttpServer server;
        server.script = {tokenReply(server.url(), "t"),
                         {200, {}, R"({"items": [{"id": "a"}, {"id": "b"}]})", false},
                         {200, {}, R"({"items": [{"id": "c"}, {"id": "d"}]})", false},
                         {200, {}, R"({"items": [{"id": "e"}]})", false}};
        NetworkAccess network;
        Session session(profileFor(server), &network);
        ServiceRequest request;
        request.serviceType = QStringLiteral("orchestration");
        request.path = QStringLiteral("/items");
        const std::function<QList<QString>(const QByteArray &)> parse = [](const QByteArray &body) {
            QList<QString> ids;
            const QJsonArray items = QJsonDocument::fromJson(body).object().value(QStringLiteral("items")).toArray();
            for (const auto &item : items)
                ids.append(item.toObject().value(QStringLiteral("id")).toString());
            return ids;
        };
        const QList<QString> all =
            resultOf(fetchAllPages<QString>(&session, request, 2, parse, [](const QString &id) { return id; }));
        QCOMPARE(all, (QList<QString>{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
                                      QStringLiteral("e")}));
        QCOMPARE(server.seen.size(), 4);
        QCOMPARE(server.seen[1].target, QByteArray("/v1/p/items?limit=2"));
        QCOMPARE(server.seen[2].target, QByteArray("/v1/p/items?limit=2&marker=b"));
        QCOMPARE(server.seen[3].target, QByteArray("/v1/p/items?limit=2&marker=d"));
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
