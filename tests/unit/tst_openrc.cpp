// SPDX-License-Identifier: GPL-3.0-or-later
// Reading openrc files (never running them) into a cloud profile.
#include "config/openrcreader.h"

#include <QTest>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

// Horizon's "OpenStack RC File" for a password user, as CSC's Pouta hands it out.
constexpr char horizonPasswordRc[] = R"(#!/usr/bin/env bash
# To use an OpenStack cloud you need to authenticate against the Identity
# service named keystone, which returns a **Token** and **Service Catalog**.
export OS_AUTH_URL=https://pouta.csc.fi:5001/v3
export OS_PROJECT_ID=0a1b2c3d4e5f
export OS_PROJECT_NAME="project_2001234"
export OS_USER_DOMAIN_NAME="Default"
if [ -z "$OS_USER_DOMAIN_NAME" ]; then unset OS_USER_DOMAIN_NAME; fi
export OS_PROJECT_DOMAIN_ID="default"
if [ -z "$OS_PROJECT_DOMAIN_ID" ]; then unset OS_PROJECT_DOMAIN_ID; fi
unset OS_TENANT_ID
unset OS_TENANT_NAME
export OS_USERNAME="jdoe"
echo "Please enter your OpenStack Password for project $OS_PROJECT_NAME as user $OS_USERNAME: "
read -sr OS_PASSWORD_INPUT
export OS_PASSWORD=$OS_PASSWORD_INPUT
export OS_REGION_NAME="regionOne"
if [ -z "$OS_REGION_NAME" ]; then unset OS_REGION_NAME; fi
export OS_INTERFACE=public
export OS_IDENTITY_API_VERSION=3
)";

// Horizon's openrc for an application credential.
constexpr char horizonAppCredRc[] = R"(#!/usr/bin/env bash
export OS_AUTH_TYPE=v3applicationcredential
export OS_AUTH_URL=https://pouta.csc.fi:5001/v3
export OS_IDENTITY_API_VERSION=3
export OS_REGION_NAME="regionOne"
export OS_INTERFACE=public
export OS_APPLICATION_CREDENTIAL_ID=4a5b6c
export OS_APPLICATION_CREDENTIAL_SECRET='s3cr3t "quoted" $notexpanded'
)";

// A hand-written file: plain variables reused, braces, several exports on a line, comments.
constexpr char handWrittenRc[] = R"(
BASE=https://keystone.example.org:5000   # the identity endpoint
export OS_AUTH_URL=${BASE}/v3 OS_REGION_NAME=north ; export OS_PASSWORD=pa\ ss
export OS_USERNAME=ops OS_PROJECT_NAME="team $USER_UNSET-x" OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default
)";

} // namespace

class TestOpenrc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsCloud_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("authType");
        QTest::addColumn<QString>("authUrl");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("projectName");
        QTest::addColumn<QString>("regionName");
        QTest::addColumn<QString>("appCredSecret");
        QTest::addColumn<bool>("asksForPassword");

        QTest::newRow("horizon password") << QByteArray(horizonPasswordRc) << QString() << u"https://pouta.csc.fi:5001/v3"_s
                                          << u"jdoe"_s << QString() << u"project_2001234"_s << u"regionOne"_s << QString()
                                          << true;
        QTest::newRow("horizon application credential")
            << QByteArray(horizonAppCredRc) << u"v3applicationcredential"_s << u"https://pouta.csc.fi:5001/v3"_s << QString()
            << QString() << QString() << u"regionOne"_s << u"s3cr3t \"quoted\" $notexpanded"_s << false;
        QTest::newRow("hand written") << QByteArray(handWrittenRc) << QString() << u"https://keystone.example.org:5000/v3"_s
                                      << u"ops"_s << u"pa ss"_s << u"team -x"_s << u"north"_s << QString() << false;
    }
    void readsCloud()
    {
        QFETCH(QByteArray, text);
        const OpenrcContents contents = readOpenrc(text, u"openrc.sh"_s);
        QVERIFY2(contents.problems.isEmpty(), qPrintable(contents.problems.value(0).toString()));
        QFETCH(bool, asksForPassword);
        QCOMPARE(contents.asksForPassword, asksForPassword);

        QList<ConfigProblem> problems;
        const std::optional<CloudProfile> cloud = cloudFromOpenrc(contents, u"pouta"_s, problems);
        if (!cloud) // not QVERIFY: clang-tidy's optional check follows an explicit branch only
            QFAIL(qPrintable(problems.value(0).toString()));
        QCOMPARE(cloud->name, u"pouta"_s);
        QFETCH(QString, authUrl);
        QCOMPARE(cloud->auth.authUrl, authUrl);
        QFETCH(QString, username);
        QCOMPARE(cloud->auth.username, username);
        QFETCH(QString, password);
        QCOMPARE(cloud->auth.password, password);
        QFETCH(QString, projectName);
        QCOMPARE(cloud->auth.projectName, projectName);
        QFETCH(QString, regionName);
        QCOMPARE(cloud->regionName, regionName);
        QFETCH(QString, appCredSecret);
        QCOMPARE(cloud->auth.applicationCredentialSecret, appCredSecret);
        QFETCH(QString, authType);
        if (!authType.isEmpty())
            QCOMPARE(cloud->authType, authType);
    }

    void unsetRemovesVariable()
    {
        const OpenrcContents contents =
            readOpenrc("export OS_AUTH_URL=http://a/v3\nexport OS_TENANT_NAME=x\nunset OS_TENANT_NAME\n", {});
        QVERIFY(contents.variables.contains(u"OS_AUTH_URL"_s));
        QVERIFY(!contents.variables.contains(u"OS_TENANT_NAME"_s));
    }

    void problems_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");

        QTest::newRow("unclosed double quote") << QByteArray("export OS_AUTH_URL=http://a/v3\nexport OS_USERNAME=\"jdoe\n")
                                               << u"rc:2:20: error: OS_USERNAME: a double quote is not closed"_s;
        QTest::newRow("unclosed single quote")
            << QByteArray("export OS_PASSWORD='x\n") << u"rc:1:20: error: OS_PASSWORD: a single quote is not closed"_s;
        QTest::newRow("no auth url") << QByteArray("export OS_USERNAME=jdoe\n")
                                     << u"rc: error: sets no OS_AUTH_URL, so it names no cloud"_s;
        QTest::newRow("wrong auth type at its line")
            << QByteArray("export OS_AUTH_URL=http://a/v3\n\nexport OS_AUTH_TYPE=kerberos-ish\n") << u"rc:3:1: error: "_s;
    }
    void problems()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const OpenrcContents contents = readOpenrc(text, u"rc"_s);
        QList<ConfigProblem> found = contents.problems;
        if (found.isEmpty())
            QVERIFY(!cloudFromOpenrc(contents, u"x"_s, found));
        QVERIFY(!found.isEmpty());
        QVERIFY2(found.constFirst().toString().startsWith(expected), qPrintable(found.constFirst().toString()));
    }
};

QTEST_GUILESS_MAIN(TestOpenrc)
#include "tst_openrc.moc"
