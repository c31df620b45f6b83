// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/retrypolicy.h"

#include <QDateTime>
#include <QTest>

using namespace Pilvi;
using std::chrono::milliseconds;

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nextDelay_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("networkError");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<int>("delayMs"); // -1: no retry

        const int none = QNetworkReply::NoError;
        const int refused = QNetworkReply::ConnectionRefusedError;
        const int closed = QNetworkReply::RemoteHostClosedError;
        QTest::newRow("200 is final") << QByteArray("GET") << 200 << none << QByteArray() << 1 << -1;
        QTest::newRow("404 is final") << QByteArray("GET") << 404 << none << QByteArray() << 1 << -1;
        QTest::newRow("500 is final") << QByteArray("GET") << 500 << none << QByteArray() << 1 << -1;
        QTest::newRow("503 first backoff") << QByteArray("GET") << 503 << none << QByteArray() << 1 << 375;
        QTest::newRow("503 third backoff") << QByteArray("GET") << 503 << none << QByteArray() << 3 << 1500;
        QTest::newRow("429 POST honours Retry-After") << QByteArray("POST") << 429 << none << QByteArray("2") << 1 << 2000;
        QTest::newRow("Retry-After capped") << QByteArray("GET") << 503 << none << QByteArray("3600") << 1 << 30000;
        QTest::newRow("GET after refused") << QByteArray("GET") << 0 << refused << QByteArray() << 2 << 750;
        QTest::newRow("DELETE after reset") << QByteArray("DELETE") << 0 << closed << QByteArray() << 1 << 375;
        QTest::newRow("POST after reset is not resent") << QByteArray("POST") << 0 << closed << QByteArray() << 1 << -1;
        QTest::newRow("give up at max attempts") << QByteArray("GET") << 503 << none << QByteArray() << 4 << -1;
        QTest::newRow("TLS error is final") << QByteArray("GET") << 0 << int(QNetworkReply::SslHandshakeFailedError)
                                            << QByteArray() << 1 << -1;
    }
    void nextDelay()
    {
        QFETCH(QByteArray, method);
        QFETCH(int, status);
        QFETCH(int, networkError);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, attempt);
        QFETCH(int, delayMs);
        HttpRequest request;
        request.method = method;
        HttpResponse response;
        response.status = status;
        response.networkError = static_cast<QNetworkReply::NetworkError>(networkError);
        if (!retryAfter.isEmpty())
            response.headers.append({"Retry-After", retryAfter});
        const RetryPolicy policy;
        const auto delay = policy.nextDelay(request, response, attempt, 0.5);
        if (delayMs < 0)
            QVERIFY(!delay);
        else
            QCOMPARE(delay.value_or(milliseconds(-1)).count(), delayMs);
    }

    void jitterStaysInItsBand()
    {
        HttpRequest request;
        HttpResponse response;
        response.status = 503;
        const RetryPolicy policy;
        QCOMPARE(policy.nextDelay(request, response, 2, 0.0).value_or(milliseconds(-1)).count(), 500);
        QCOMPARE(policy.nextDelay(request, response, 2, 0.999).value_or(milliseconds(-1)).count(), 999);
    }

    void retryAfterForms_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("ms");
        QTest::newRow("seconds") << QByteArray("7") << 7000;
        QTest::newRow("date") << QByteArray("Wed, 25 Nov 2026 10:00:05 GMT") << 5000;
        QTest::newRow("past date") << QByteArray("Wed, 25 Nov 2026 09:00:00 GMT") << 0;
        QTest::newRow("garbage") << QByteArray("soon") << -1;
        QTest::newRow("negative") << QByteArray("-3") << -1;
    }
    void retryAfterForms()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, ms);
        const QDateTime now(QDate(2026, 11, 25), QTime(10, 0, 0), QTimeZone::UTC);
        const auto parsed = RetryPolicy::parseRetryAfter(value, now);
        QCOMPARE(parsed.value_or(milliseconds(-1)).count(), ms);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
