// SPDX-License-Identifier: GPL-3.0-or-later
// The "Add a cloud" dialog and the production guard, offscreen.
#include "dialogs/addclouddialog.h"
#include "dialogs/confirmdestructive.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace Pilvi;

namespace {
template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1StringView(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}
} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addCloudValidation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("authUrl");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("error"); // a word of the message, or empty for none
        QTest::newRow("complete") << QStringLiteral("pouta-dev") << QStringLiteral("https://pouta.csc.fi:5001/v3")
                                  << QStringLiteral("s") << QString();
        QTest::newRow("no name") << QString() << QStringLiteral("https://pouta.csc.fi:5001/v3") << QStringLiteral("s")
                                 << QStringLiteral("name");
        QTest::newRow("existing name") << QStringLiteral("sandbox") << QStringLiteral("https://pouta.csc.fi:5001/v3")
                                       << QStringLiteral("s") << QStringLiteral("exists");
        QTest::newRow("space in name") << QStringLiteral("my cloud") << QStringLiteral("https://pouta.csc.fi:5001/v3")
                                       << QStringLiteral("s") << QStringLiteral("spaces");
        QTest::newRow("not a URL") << QStringLiteral("x") << QStringLiteral("pouta.csc.fi") << QStringLiteral("s")
                                   << QStringLiteral("http(s) URL");
        QTest::newRow("no secret") << QStringLiteral("x") << QStringLiteral("https://pouta.csc.fi:5001/v3") << QString()
                                   << QStringLiteral("secret");
    }
    void addCloudValidation()
    {
        QFETCH(QString, name);
        QFETCH(QString, authUrl);
        QFETCH(QString, secret);
        QFETCH(QString, error);
        AddCloudDialog dialog({QStringLiteral("sandbox")});
        child<QLineEdit>(&dialog, "cloudName")->setText(name);
        child<QLineEdit>(&dialog, "authUrl")->setText(authUrl);
        child<QLineEdit>(&dialog, "appCredId")->setText(QStringLiteral("4a5b"));
        child<QLineEdit>(&dialog, "appCredSecret")->setText(secret);
        const QString message = dialog.validationError();
        if (error.isEmpty())
            QVERIFY2(message.isEmpty(), qPrintable(message));
        else
            QVERIFY2(message.contains(error), qPrintable(message));
    }

    void addCloudProfile()
    {
        AddCloudDialog dialog({});
        child<QLineEdit>(&dialog, "cloudName")->setText(QStringLiteral("pouta-prod"));
        auto *environment = child<QComboBox>(&dialog, "cloudEnvironment");
        environment->setCurrentIndex(environment->findData(QVariant::fromValue(Environment::Production)));
        child<QComboBox>(&dialog, "authType")->setCurrentIndex(1);
        child<QLineEdit>(&dialog, "authUrl")->setText(QStringLiteral("https://pouta.csc.fi:5001/v3"));
        child<QLineEdit>(&dialog, "username")->setText(QStringLiteral("jdoe"));
        child<QLineEdit>(&dialog, "password")->setText(QStringLiteral("pw"));
        child<QLineEdit>(&dialog, "projectName")->setText(QStringLiteral("project_2001234"));
        child<QRadioButton>(&dialog, "secretToKeychain")->setChecked(true);
        QCOMPARE(dialog.validationError(), QString());
        const CloudProfile cloud = dialog.profile();
        QCOMPARE(cloud.environment, Environment::Production);
        QCOMPARE(cloud.authType, QStringLiteral("password"));
        QCOMPARE(cloud.auth.username, QStringLiteral("jdoe"));
        QCOMPARE(cloud.auth.userDomainName, QStringLiteral("Default"));
        QVERIFY(cloud.auth.applicationCredentialId.isEmpty());
        QCOMPARE(dialog.placement(), SecretPlacement::Keychain);
    }

    void addCloudImportsOpenrc()
    {
        AddCloudDialog dialog({});
        const QStringList problems = dialog.importOpenrc("export OS_AUTH_TYPE=v3applicationcredential\n"
                                                         "export OS_AUTH_URL=https://pouta.csc.fi:5001/v3\n"
                                                         "export OS_APPLICATION_CREDENTIAL_ID=abc\n"
                                                         "export OS_APPLICATION_CREDENTIAL_SECRET=def\n"
                                                         "export OS_REGION_NAME=regionOne\n",
                                                         QStringLiteral("app-openrc.sh"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(child<QLineEdit>(&dialog, "authUrl")->text(), QStringLiteral("https://pouta.csc.fi:5001/v3"));
        QCOMPARE(child<QLineEdit>(&dialog, "appCredId")->text(), QStringLiteral("abc"));
        QCOMPARE(child<QLineEdit>(&dialog, "region")->text(), QStringLiteral("regionOne"));
        QCOMPARE(dialog.profile().authType, QStringLiteral("v3applicationcredential"));

        const QStringList broken = dialog.importOpenrc("export OS_USERNAME=\"jdoe\n", QStringLiteral("bad-openrc.sh"));
        QVERIFY(!broken.isEmpty());
        QVERIFY2(broken.constFirst().startsWith(u"bad-openrc.sh:1:"), qPrintable(broken.constFirst()));
    }

    void productionNeedsTypedName()
    {
        ConfirmDestructiveDialog dialog(Environment::Production, QStringLiteral("pouta-prod"), QStringLiteral("Delete"),
                                        QStringLiteral("web-tier"));
        QVERIFY(dialog.nameEdit());
        QVERIFY(!dialog.actionButton()->isEnabled());
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("web-tie"));
        QVERIFY(!dialog.actionButton()->isEnabled());
        QTest::keyClick(dialog.nameEdit(), Qt::Key_R);
        QVERIFY(dialog.actionButton()->isEnabled());
    }

    void elsewhereAPlainQuestion_data()
    {
        QTest::addColumn<Environment>("environment");
        QTest::newRow("development") << Environment::Development;
        QTest::newRow("testing") << Environment::Testing;
        QTest::newRow("preproduction") << Environment::Preproduction;
    }
    void elsewhereAPlainQuestion()
    {
        QFETCH(Environment, environment);
        ConfirmDestructiveDialog dialog(environment, QStringLiteral("sandbox"), QStringLiteral("Delete"), QStringLiteral("demo"));
        QVERIFY(!dialog.nameEdit());
        QVERIFY(dialog.actionButton()->isEnabled());
    }

    void askRunsActionOnConfirm()
    {
        QWidget parent;
        bool confirmed = false;
        ConfirmDestructiveDialog *dialog =
            ConfirmDestructiveDialog::ask(&parent, Environment::Production, QStringLiteral("prod"), QStringLiteral("Delete"),
                                          QStringLiteral("db"), [&confirmed] { confirmed = true; });
        dialog->actionButton()->click(); // disabled: nothing happens
        QVERIFY(!confirmed);
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("db"));
        dialog->actionButton()->click();
        QVERIFY(confirmed);
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
