// SPDX-License-Identifier: GPL-3.0-or-later
// The "Add a cloud" dialog, the production guard and the object storage dialogs, offscreen.
#include "dialogs/addclouddialog.h"
#include "dialogs/confirmdestructive.h"
#include "dialogs/containersettingsdialog.h"
#include "dialogs/metadatatable.h"
#include "dialogs/objectpropertiesdialog.h"
#include "dialogs/tempurldialog.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPromise>
#include <QSignalSpy>
#include <QTableWidget>

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

#include <algorithm>

using namespace Pilvi;

namespace {
// With PILVI_SCREENSHOT_DIR set, keeps a picture of the dialog.
void saveScreenshot(QWidget &dialog, const QString &name)
{
    const QString directory = qEnvironmentVariable("PILVI_SCREENSHOT_DIR");
    if (!directory.isEmpty())
        QVERIFY(dialog.grab().save(directory + u'/' + name));
}

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

    void metadataProblems_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem"); // a word of the message, or empty for none
        QTest::newRow("plain") << QStringLiteral("owner") << QStringLiteral("team a") << QString();
        QTest::newRow("dash") << QStringLiteral("Backup-Policy-v2") << QStringLiteral("daily") << QString();
        QTest::newRow("underscore comes back as a dash")
            << QStringLiteral("my_key") << QStringLiteral("x") << QStringLiteral("'_'");
        QTest::newRow("space in key") << QStringLiteral("my key") << QStringLiteral("x") << QStringLiteral("letters");
        QTest::newRow("colon in key") << QStringLiteral("a:b") << QStringLiteral("x") << QStringLiteral("':'");
        QTest::newRow("non-ASCII key") << QStringLiteral("päivä") << QStringLiteral("x") << QStringLiteral("'ä'");
        QTest::newRow("two-line value") << QStringLiteral("note") << QStringLiteral("one\ntwo") << QStringLiteral("one line");
        QTest::newRow("value without key") << QString() << QStringLiteral("orphan") << QStringLiteral("no key");
        QTest::newRow("empty row is ignored") << QString() << QString() << QString();
    }
    void metadataProblems()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        MetadataTable table;
        table.setMetadata({{QStringLiteral("kept"), QStringLiteral("1")}});
        table.addRow(key, value);
        QVERIFY2(problem.isEmpty() ? table.problem().isEmpty() : table.problem().contains(problem), qPrintable(table.problem()));
        QCOMPARE(table.problem().startsWith(QStringLiteral("Row 2")), !problem.isEmpty());
        if (problem.isEmpty() && !key.isEmpty())
            QCOMPARE(table.metadata().value(key), value);
        QCOMPARE(table.metadata().value(QStringLiteral("kept")), QStringLiteral("1"));
    }

    void containerSettingsShowAndReturnTheChoice()
    {
        ContainerInfo info;
        info.readAcl = QStringLiteral(".r:*,.rlistings,3f1c9a:*"); // public, and a grant to another project
        info.historyLocation = QStringLiteral("docs-history");
        info.metadata = {{QStringLiteral("purpose"), QStringLiteral("docs")}};
        ContainerSettingsDialog dialog(QStringLiteral("docs"), info, {QStringLiteral("docs"), QStringLiteral("docs-history")});
        QCOMPARE(dialog.settings(), ContainerSettings::of(info));
        QVERIFY(dialog.publicButton()->isChecked());
        QCOMPARE(dialog.archiveBox()->currentText(), QStringLiteral("docs-history"));
        QCOMPARE(dialog.archiveBox()->findText(QStringLiteral("docs")), -1); // not its own archive
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->text().contains(QStringLiteral("3f1c9a:*")) && label->text().contains(QStringLiteral("stay"));
        }));
        saveScreenshot(dialog, QStringLiteral("pilvi-container-settings.png"));

        child<QRadioButton>(&dialog, "privateButton")->setChecked(true);
        dialog.versioningBox()->setCurrentIndex(dialog.versioningBox()->findData(QVariant::fromValue(VersioningMode::Off)));
        const ContainerSettings chosen = dialog.settings();
        QVERIFY(!chosen.isPublic);
        QCOMPARE(chosen.versioning, VersioningMode::Off);
        QVERIFY(chosen.archive.isEmpty());
        QVERIFY(!dialog.archiveBox()->isEnabled());
        QCOMPARE(chosen.metadata, info.metadata);
    }

    void containerSettingsRefuseABadArchive_data()
    {
        QTest::addColumn<QString>("archive");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("another container") << QStringLiteral("docs-versions") << true;
        QTest::newRow("itself") << QStringLiteral("docs") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("with a slash") << QStringLiteral("a/b") << false;
    }
    void containerSettingsRefuseABadArchive()
    {
        QFETCH(QString, archive);
        QFETCH(bool, accepted);
        ContainerSettingsDialog dialog(QStringLiteral("docs"), ContainerInfo{}, {QStringLiteral("docs")});
        dialog.versioningBox()->setCurrentIndex(dialog.versioningBox()->findData(QVariant::fromValue(VersioningMode::Stack)));
        QCOMPARE(dialog.archiveBox()->currentText(), QStringLiteral("docs-versions")); // the suggestion
        dialog.archiveBox()->setCurrentText(archive);
        QCOMPARE(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled(), accepted);
        QCOMPARE(child<QLabel>(&dialog, "problemLabel")->isHidden(), accepted);
    }

    void objectPropertiesExpiry()
    {
        ObjectInfo info;
        info.bytes = 2048;
        info.contentType = QStringLiteral("text/plain");
        info.metadata = {{QStringLiteral("owner"), QStringLiteral("me")}};
        ObjectPropertiesDialog dialog(QStringLiteral("notes.txt"), info);
        saveScreenshot(dialog, QStringLiteral("pilvi-object-properties.png"));
        QVERIFY(!dialog.deleteAt().isValid()); // kept until deleted
        QVERIFY(!dialog.expiryEdit()->isEnabled());
        dialog.expiresBox()->setChecked(true);
        QVERIFY(dialog.expiryEdit()->isEnabled());
        QVERIFY(dialog.deleteAt() > QDateTime::currentDateTimeUtc());
        QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        dialog.expiryEdit()->setDateTime(QDateTime::currentDateTime().addDays(-1));
        QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled()); // Swift refuses a past X-Delete-At
        QCOMPARE(dialog.metadata(), info.metadata);
    }

    // The link shown is the one made for the choices shown: changing them drops it, and an
    // answer for older choices is not shown.
    void temporaryUrlFollowsTheChoices()
    {
        QList<std::pair<QByteArray, qint64>> asked;
        QList<std::shared_ptr<QPromise<TemporaryUrl>>> pending;
        TempUrlDialog dialog(QStringLiteral("report.pdf"), [&](const QByteArray &method, const QDateTime &expires) {
            asked.append({method, QDateTime::currentDateTimeUtc().secsTo(expires)});
            auto promise = std::make_shared<QPromise<TemporaryUrl>>();
            promise->start();
            pending.append(promise);
            return promise->future();
        });
        QSignalSpy finished(&dialog, &TempUrlDialog::linkFinished);
        dialog.createButton()->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).first, QByteArray("GET"));
        QVERIFY(qAbs(asked.at(0).second - 86400) <= 2);
        dialog.methodBox()->setCurrentIndex(1); // PUT: the GET answer still to come must not show
        pending.at(0)->addResult(TemporaryUrl{QUrl(QStringLiteral("http://swift/old")), false});
        pending.at(0)->finish();
        QTest::qWait(50);
        QVERIFY(dialog.linkEdit()->text().isEmpty());
        dialog.createButton()->click();
        QCOMPARE(asked.at(1).first, QByteArray("PUT"));
        pending.at(1)->addResult(TemporaryUrl{QUrl(QStringLiteral("http://swift/new?temp_url_sig=x")), true});
        pending.at(1)->finish();
        QTRY_COMPARE(dialog.linkEdit()->text(), QStringLiteral("http://swift/new?temp_url_sig=x"));
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("Temp-URL-Key")));
        QCOMPARE(finished.size(), 1);
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
