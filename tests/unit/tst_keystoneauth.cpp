// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/apierror.h"
#include "net/keystoneauth.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Pilvi;

Q_DECLARE_METATYPE(Pilvi::CloudProfile)

namespace {
CloudProfile profile(const QString &authType, const std::function<void(CloudAuth &)> &fill)
{
    CloudProfile p;
    p.name = QStringLiteral("c");
    p.authType = authType;
    p.auth.authUrl = QStringLiteral("https://pouta.csc.fi:5001/v3");
    fill(p.auth);
    return p;
}
} // namespace

class TestKeystoneAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokensUrl_data()
    {
        QTest::addColumn<QString>("authUrl");
        QTest::addColumn<QString>("url");
        QTest::newRow("no version") << QStringLiteral("http://127.0.0.1:5000")
                                    << QStringLiteral("http://127.0.0.1:5000/v3/auth/tokens");
        QTest::newRow("trailing slash") << QStringLiteral("http://127.0.0.1:5000/")
                                        << QStringLiteral("http://127.0.0.1:5000/v3/auth/tokens");
        QTest::newRow("with v3") << QStringLiteral("https://pouta.csc.fi:5001/v3")
                                 << QStringLiteral("https://pouta.csc.fi:5001/v3/auth/tokens");
        QTest::newRow("with v3/") << QStringLiteral("https://k/identity/v3/")
                                  << QStringLiteral("https://k/identity/v3/auth/tokens");
    }
    void tokensUrl()
    {
        QFETCH(QString, authUrl);
        QFETCH(QString, url);
        QCOMPARE(KeystoneAuth::tokensUrl(authUrl).toString(), url);
    }

    void requestBody_data()
    {
        QTest::addColumn<CloudProfile>("cloud");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("application credential by id")
            << profile(QStringLiteral("v3applicationcredential"),
                       [](CloudAuth &a) {
                           a.applicationCredentialId = QStringLiteral("ID");
                           a.applicationCredentialSecret = QStringLiteral("S");
                           a.projectName = QStringLiteral("ignored: the credential has its project");
                       })
            << QByteArray(
                   R"({"auth":{"identity":{"application_credential":{"id":"ID","secret":"S"},"methods":["application_credential"]}}})");
        QTest::newRow("application credential by name")
            << profile(QStringLiteral("v3applicationcredential"),
                       [](CloudAuth &a) {
                           a.applicationCredentialName = QStringLiteral("N");
                           a.applicationCredentialSecret = QStringLiteral("S");
                           a.username = QStringLiteral("u");
                       })
            << QByteArray(
                   R"({"auth":{"identity":{"application_credential":{"name":"N","secret":"S","user":{"domain":{"name":"Default"},"name":"u"}},"methods":["application_credential"]}}})");
        QTest::newRow("password with domains")
            << profile(QStringLiteral("password"),
                       [](CloudAuth &a) {
                           a.username = QStringLiteral("u");
                           a.password = QStringLiteral("p");
                           a.userDomainName = QStringLiteral("Users");
                           a.projectName = QStringLiteral("proj");
                           a.projectDomainId = QStringLiteral("pd");
                       })
            << QByteArray(
                   R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"domain":{"name":"Users"},"name":"u","password":"p"}}},"scope":{"project":{"domain":{"id":"pd"},"name":"proj"}}}})");
        QTest::newRow("password, project domain from the user's")
            << profile(QString(),
                       [](CloudAuth &a) {
                           a.userId = QStringLiteral("uid");
                           a.password = QStringLiteral("p");
                           a.userDomainName = QStringLiteral("Users");
                           a.projectName = QStringLiteral("proj");
                       })
            << QByteArray(
                   R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"id":"uid","password":"p"}}},"scope":{"project":{"domain":{"name":"Users"},"name":"proj"}}}})");
        QTest::newRow("token scoped by project id") << profile(QStringLiteral("v3token"), [](CloudAuth &a) {
            a.token = QStringLiteral("T");
            a.projectId = QStringLiteral("P");
        }) << QByteArray(R"({"auth":{"identity":{"methods":["token"],"token":{"id":"T"}},"scope":{"project":{"id":"P"}}}})");
    }
    void requestBody()
    {
        QFETCH(CloudProfile, cloud);
        QFETCH(QByteArray, json);
        QCOMPARE(QJsonDocument(KeystoneAuth::requestBody(cloud)).toJson(QJsonDocument::Compact), json);
    }

    void unusableProfiles_data()
    {
        QTest::addColumn<CloudProfile>("cloud");
        QTest::addColumn<QString>("message");
        QTest::newRow("no secret")
            << profile(QStringLiteral("v3applicationcredential"),
                       [](CloudAuth &a) { a.applicationCredentialId = QStringLiteral("x"); })
            << QStringLiteral(
                   "cloud 'c' has no auth.application_credential_secret, which auth_type 'v3applicationcredential' needs");
        QTest::newRow("no password") << profile(QStringLiteral("password"), [](CloudAuth &a) {
            a.username = QStringLiteral("u");
        }) << QStringLiteral("cloud 'c' has no auth.password, which auth_type 'password' needs");
        QTest::newRow("no auth url") << profile(QStringLiteral("password"), [](CloudAuth &a) { a.authUrl.clear(); })
                                     << QStringLiteral("cloud 'c' has no auth.auth_url, which auth_type 'password' needs");
        QTest::newRow("unknown type")
            << profile(QStringLiteral("v3oidcpassword"), [](CloudAuth &) {})
            << QStringLiteral(
                   "cloud 'c': auth_type 'v3oidcpassword' is not supported (use password, v3applicationcredential or token)");
    }
    void unusableProfiles()
    {
        QFETCH(CloudProfile, cloud);
        QFETCH(QString, message);
        try {
            KeystoneAuth::requestBody(cloud);
            QFAIL("no error");
        } catch (const ApiError &error) {
            QCOMPARE(error.kind(), ApiError::Kind::Config);
            QCOMPARE(error.message(), message);
        }
    }

    void parsesRecordedToken()
    {
        QFile file(QStringLiteral(PILVI_TEST_DATA "/api/keystone_token_appcred.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const AuthToken token = KeystoneAuth::parseResponse(file.readAll(), "gAAAAsecret");
        QCOMPARE(token.id, QByteArray("gAAAAsecret"));
        QCOMPARE(token.projectName, QStringLiteral("demo"));
        QCOMPARE(token.userName, QStringLiteral("demo"));
        QVERIFY(token.expiresAt.isValid());
        QVERIFY(token.roles.contains(QStringLiteral("member")));
        // The catalog names Cinder both block-storage and volumev3; either finds it.
        const auto cinder =
            findEndpoint(token.catalog, QStringLiteral("block-storage"), QStringLiteral("public"), QStringLiteral("RegionOne"));
        const QString cinderUrl = cinder.value_or(QString());
        QVERIFY2(cinderUrl.startsWith(QStringLiteral("http://127.0.0.1:8776/v3/")), qPrintable(cinderUrl));
        QVERIFY(findEndpoint(token.catalog, QStringLiteral("orchestration"), QStringLiteral("publicURL"), QString()));
        QVERIFY(
            !findEndpoint(token.catalog, QStringLiteral("orchestration"), QStringLiteral("public"), QStringLiteral("RegionTwo")));
        QVERIFY(!findEndpoint(token.catalog, QStringLiteral("dns"), QStringLiteral("public"), QString()));
        QVERIFY(token.isFreshAt(token.expiresAt.addSecs(-301)));
        QVERIFY(!token.isFreshAt(token.expiresAt.addSecs(-299)));
    }

    void badTokenResponses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("subject");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("<html>") << QByteArray("t") << QStringLiteral("token response is not JSON");
        QTest::newRow("no header") << QByteArray("{\"token\": {}}") << QByteArray()
                                   << QStringLiteral("token response has no X-Subject-Token header");
        QTest::newRow("no expiry") << QByteArray("{\"token\": {\"methods\": []}}") << QByteArray("t")
                                   << QStringLiteral("token response: token.expires_at is missing or not text");
    }
    void badTokenResponses()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, subject);
        QFETCH(QString, message);
        try {
            KeystoneAuth::parseResponse(body, subject);
            QFAIL("no error");
        } catch (const ApiError &error) {
            QVERIFY2(error.message().startsWith(message), qPrintable(error.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeystoneAuth)
#include "tst_keystoneauth.moc"
