// SPDX-License-Identifier: GPL-3.0-or-later
// The promotion dialog offscreen: target clouds by environment, a plan's diff coloured, hidden
// parameters masked, an edited target value sent, and the update job it submits.
#include "dialogs/promotedialog.h"
#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

CloudProfile cloud(const QString &name, Environment environment)
{
    CloudProfile profile;
    profile.name = name;
    profile.environment = environment;
    return profile;
}

constexpr char currentTemplate[] = R"(heat_template_version: 2021-04-16
parameters:
  flavor: {type: string}
  db_password: {type: string, hidden: true}
resources:
  server:
    type: OS::Nova::Server
    properties: {flavor: {get_param: flavor}, name: app}
)";

constexpr char newTemplate[] = R"(heat_template_version: 2021-04-16
parameters:
  flavor: {type: string}
  db_password: {type: string, hidden: true}
resources:
  server:
    type: OS::Nova::Server
    properties: {flavor: {get_param: flavor}, name: web}
)";

PromotionPlan updatePlan(Environment targetEnvironment)
{
    PromotionSource source;
    source.stackName = u"web"_s;
    source.templateText = newTemplate;
    source.parameters = {{u"flavor"_s, u"m1.small"_s}, {u"db_password"_s, u"dev-secret"_s}};
    PromotionTarget target;
    target.stackName = u"web"_s;
    target.environment = targetEnvironment;
    target.exists = true;
    target.stackId = u"stack-id-1"_s;
    target.templateText = currentTemplate;
    target.parameters = {{u"flavor"_s, u"m1.large"_s}, {u"db_password"_s, u"prod-secret"_s}};
    PromotionPlan plan = planPromotion(source, target);
    plan.preview = StackUpdatePreview{{}, {}, {}, {{u"network"_s, {}, {}, {}, {}}}, {{u"server"_s, {}, {}, {}, {}}}};
    return plan;
}

int rowOf(QTableWidget *table, const QString &name)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == name)
            return row;
    }
    return -1;
}

} // namespace

class TestPromoteDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    const QList<CloudProfile> m_clouds{cloud(u"dev-2"_s, Environment::Development), cloud(u"prod"_s, Environment::Production),
                                       cloud(u"test"_s, Environment::Testing), cloud(u"dev"_s, Environment::Development)};

private Q_SLOTS:
    void targetClouds()
    {
        PromoteDialog dialog(cloud(u"dev"_s, Environment::Development), u"web"_s, nullptr, nullptr, m_clouds);
        QComboBox *box = dialog.targetCloudBox();
        // Only the other environments, in the order of caution.
        QCOMPARE(box->count(), 2);
        QCOMPARE(box->itemData(0).toString(), u"test"_s);
        QCOMPARE(box->itemData(1).toString(), u"prod"_s);
        QVERIFY(box->itemData(0, Qt::ForegroundRole).value<QColor>() != box->itemData(1, Qt::ForegroundRole).value<QColor>());
    }

    void showsPlan()
    {
        PromoteDialog dialog(cloud(u"dev"_s, Environment::Development), u"web"_s, nullptr, nullptr, m_clouds);
        dialog.targetCloudBox()->setCurrentIndex(1);
        dialog.setPlan(updatePlan(Environment::Production));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.actionLabel()->text().contains(u"Update"_s));
        QVERIFY(dialog.applyButton()->isEnabled());

        // The one changed template line: removed red, added green, the rest plain.
        int added = 0;
        int removed = 0;
        for (QTextBlock block = dialog.diffView()->document()->begin(); block.isValid(); block = block.next()) {
            QTextCursor cursor(block);
            cursor.movePosition(QTextCursor::NextCharacter);
            const QColor background = cursor.charFormat().background().color();
            if (block.text().startsWith(u"+ "_s)) {
                ++added;
                QVERIFY(background.green() > background.red());
            } else if (block.text().startsWith(u"- "_s)) {
                ++removed;
                QVERIFY(background.red() > background.green());
            } else {
                QCOMPARE(cursor.charFormat().background().style(), Qt::NoBrush);
            }
        }
        QCOMPARE(added, 1);
        QCOMPARE(removed, 1);

        QTableWidget *table = dialog.parameterTable();
        QCOMPARE(table->rowCount(), 2);
        const int password = rowOf(table, u"db_password"_s);
        QVERIFY(password >= 0);
        for (int column = 0; column < table->columnCount(); ++column) {
            QVERIFY(!table->item(password, column)->text().contains(u"secret"_s));
        }
        QCOMPARE(table->item(password, 2)->text(), u"(hidden, changed)"_s);
        const int flavor = rowOf(table, u"flavor"_s);
        QCOMPARE(table->item(flavor, 2)->text(), u"m1.large"_s);
        QCOMPARE(table->item(flavor, 3)->text(), u"m1.small"_s);
        QVERIFY(dialog.previewLabel()->text().contains(u"updated: server"_s));
        QVERIFY(dialog.previewLabel()->text().contains(u"unchanged: network"_s));

        // The user adjusts the flavor for the target; the plan sends that.
        table->item(flavor, 3)->setText(u"m1.xlarge"_s);
        QCOMPARE(dialog.plan().targetParameters().value(u"flavor"_s), u"m1.xlarge"_s);

        const QString dir = qEnvironmentVariable("PILVI_SCREENSHOT_DIR", m_dir.path());
        const QString shot = dir + u"/promote-dialog.png"_s;
        QVERIFY(dialog.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
    }

    void applySubmitsUpdateJob()
    {
        JobJournal journal(m_dir.filePath(u"jobs.sqlite"_s));
        JobRunner runner(&journal, [](const QString &) { return nullptr; });
        QSignalSpy changed(&runner, &JobRunner::jobChanged);
        PromoteDialog dialog(cloud(u"dev"_s, Environment::Development), u"web"_s, nullptr, &runner, m_clouds);
        dialog.targetCloudBox()->setCurrentIndex(0); // test: no typed confirmation
        dialog.setPlan(updatePlan(Environment::Testing));
        dialog.show();
        dialog.applyButton()->click();
        QTRY_VERIFY(!changed.isEmpty());
        const JobRecord record = changed.first().first().value<JobRecord>();
        QCOMPARE(record.kind, u"stack.update"_s);
        QCOMPARE(record.cloud, u"test"_s);
        QCOMPARE(record.parameters.value(u"stackId"_s).toString(), u"stack-id-1"_s);
        QVERIFY(record.parameters.value(u"existing"_s).toBool());
        // The hidden value is a secret, never in the journal's parameters.
        QVERIFY(!QJsonDocument(record.parameters).toJson().contains("dev-secret"));
        QCOMPARE(record.parameters.value(u"parameters"_s).toObject().value(u"flavor"_s).toString(), u"m1.small"_s);
        QVERIFY(dialog.result() == QDialog::Accepted);
    }
};

QTEST_MAIN(TestPromoteDialog)
#include "tst_promotedialog.moc"
