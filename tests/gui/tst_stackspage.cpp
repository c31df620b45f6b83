// SPDX-License-Identifier: GPL-3.0-or-later
// The Stacks page against the real sandbox cloud: launch a stack through the launch dialog's
// code path (template file, parameters form filled in), see it reach CREATE_COMPLETE in the
// table and its resources in the Resources tab; preview an update that changes a parameter and
// see the diff on the topology and in the list; delete it through the confirmation dialog.
#include "../sandboxcloud.h"
#include "config/cloudsconfig.h"
#include "dialogs/confirmdestructive.h"
#include "dialogs/parameterform.h"
#include "dialogs/stacklaunchdialog.h"
#include "graph/resourcegraphview.h"
#include "graph/resourcenodeitem.h"
#include "jobs/cloudjobkinds.h"
#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"
#include "models/stacklistmodel.h"
#include "models/stackresourcetreemodel.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "views/stackdetails.h"
#include "views/stackspage.h"

#include <KSyntaxHighlighting/Repository>

#include <QAction>
#include <QDeadlineTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

constexpr int stackTimeoutMs = 300000;

// Two test resources: `first` takes the parameter `word`, `second` does not; changing `word`
// updates `first` in place and leaves `second` alone.
constexpr char templateText[] = R"(heat_template_version: 2021-04-16
parameters:
  word:
    type: string
    default: hello
    description: what the first resource holds
  size:
    type: number
    default: 2
    constraints:
      - range: {min: 1, max: 10}
  flavour:
    type: string
    default: plain
    constraints:
      - allowed_values: [plain, fancy]
  secret:
    type: string
    hidden: true
    default: hush
resources:
  first:
    type: OS::Heat::TestResource
    properties:
      value: {get_param: word}
  second:
    type: OS::Heat::TestResource
    properties:
      value: constant
outputs:
  word:
    value: {get_attr: [first, output]}
)";

QString statusOf(const StacksPage &page, const QString &name)
{
    const QAbstractItemModel *model = page.view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, StackListModel::NameColumn).data().toString() == name)
            return model->index(row, StackListModel::StatusColumn).data().toString();
    }
    return QStringLiteral("ABSENT");
}

QAction *actionNamed(const StacksPage &page, const QString &text)
{
    const QList<QAction *> actions = page.actions();
    for (QAction *action : actions) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

} // namespace

class TestStacksPage : public QObject
{
    Q_OBJECT
private:
    NetworkAccess m_network;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_dir;
    std::unique_ptr<JobJournal> m_journal;
    std::unique_ptr<JobRunner> m_runner;
    KSyntaxHighlighting::Repository m_repository;
    QString m_stackName;

private Q_SLOTS:
    void initTestCase()
    {
        const CloudSelection selection = findSandboxCloud(QStringLiteral("sandbox"));
        if (!selection.cloud)
            QFAIL(qPrintable(selection.error));
        m_session = std::make_unique<Session>(*selection.cloud, &m_network);
        m_journal = std::make_unique<JobJournal>(m_dir.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY2(m_journal->isOpen(), qPrintable(m_journal->error()));
        m_runner = std::make_unique<JobRunner>(m_journal.get(), [this](const QString &cloud) {
            return cloud == m_session->profile().name ? m_session.get() : nullptr;
        });
        registerCloudJobKinds(*m_runner);
        m_runner->setPollInterval(1000);
        m_stackName = QStringLiteral("gui-stacks-%1").arg(QRandomGenerator::global()->bounded(1000000));
        QFile file(m_dir.filePath(QStringLiteral("two.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(templateText);
    }

    void cleanupTestCase()
    {
        // Whatever a failed test leaves behind.
        // Step by step on this thread: a continuation that blocked on the second request would
        // block the network thread that has to answer it.
        OrchestrationClient client(m_session.get());
        QFuture<Stack> shown = client.showStack(m_stackName);
        QTRY_VERIFY_WITH_TIMEOUT(shown.isFinished(), 60000);
        if (shown.isValid() && shown.resultCount() > 0) {
            QFuture<void> gone = client.deleteStack(shown.result().name, shown.result().id);
            QTRY_VERIFY_WITH_TIMEOUT(gone.isFinished(), 60000);
        }
    }

    void launchUpdatePreviewDelete()
    {
        StacksPage page(m_repository, m_runner.get());
        page.resize(1200, 900);
        page.show();
        QSignalSpy loaded(&page, &CloudTablePage::loadFinished);
        page.setSession(m_session.get());
        QVERIFY(loaded.wait(60000));
        QCOMPARE(statusOf(page, m_stackName), QStringLiteral("ABSENT"));

        qInfo("step: launch dialog"); // the steps say where a timeout in a busy suite happened
        // Launch: the form is generated from the template's parameters.
        StackLaunchDialog *dialog = page.newLaunchDialog();
        QVERIFY(dialog->loadTemplateFile(m_dir.filePath(QStringLiteral("two.yaml"))));
        ParameterForm *form = dialog->parameterForm();
        QCOMPARE(form->parameterNames(), (QStringList{QStringLiteral("word"), QStringLiteral("size"), QStringLiteral("flavour"),
                                                      QStringLiteral("secret")}));
        QCOMPARE(form->value(QStringLiteral("word")), QStringLiteral("hello"));
        QVERIFY(form->isHidden(QStringLiteral("secret")));
        QVERIFY(!form->setValue(QStringLiteral("flavour"), QStringLiteral("spicy"))); // not an allowed value
        QVERIFY(form->setValue(QStringLiteral("flavour"), QStringLiteral("fancy")));
        QVERIFY(form->setValue(QStringLiteral("size"), QStringLiteral("3")));
        dialog->nameEdit()->setText(m_stackName);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>(QStringLiteral("quotaHeadroom"))->text().contains(u"Instances"),
                                 60000);
        QVERIFY(page.launch(*dialog) > 0);
        delete dialog;

        qInfo("step: waiting for CREATE_COMPLETE in the table");
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(page, m_stackName), QStringLiteral("CREATE_COMPLETE"), stackTimeoutMs);

        qInfo("step: details of the new stack");
        // The details of the selected stack: both resources in the Resources tab.
        QSignalSpy resources(page.details(), &StackDetails::resourcesLoaded);
        QVERIFY(page.selectStack(m_stackName));
        QTRY_COMPARE_WITH_TIMEOUT(page.details()->resourceModel()->rowCount(), 2, 60000);
        StackResourceTreeModel *model = page.details()->resourceModel();
        QStringList names;
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->index(row, StackResourceTreeModel::NameColumn).data().toString();
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
        QCOMPARE(model->index(0, StackResourceTreeModel::StatusColumn).data().toString(), QStringLiteral("CREATE_COMPLETE"));
        QTRY_VERIFY_WITH_TIMEOUT(page.details()->graphView()->nodeItem(QStringLiteral("first")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(page.details()->graphView()->nodeItem(QStringLiteral("first"))->status(),
                                  QStringLiteral("CREATE_COMPLETE"), 30000);

        qInfo("step: update preview");
        // Update preview: changing `word` updates `first` and leaves `second` unchanged.
        QSignalSpy ready(&page, &StacksPage::updateDialogReady);
        StackLaunchDialog *update = page.newUpdateDialog();
        QVERIFY(update);
        QVERIFY(ready.wait(60000));
        QCOMPARE(update->parameterForm()->value(QStringLiteral("size")),
                 QStringLiteral("3")); // the stack's value, not the default
        QVERIFY(update->parameterForm()->setValue(QStringLiteral("word"), QStringLiteral("changed")));
        QCOMPARE(update->updateRequest().parameters,
                 (QMap<QString, QString>{{QStringLiteral("word"), QStringLiteral("changed")}}));
        QVERIFY(update->updateRequest().existing);
        QSignalSpy previewed(update, &StackLaunchDialog::previewReady);
        update->preview();
        QVERIFY2(previewed.wait(60000), qPrintable(update->problemText()));
        QStringList updated;
        for (const ResourceSummary &resource : update->lastPreview().updated)
            updated << resource.name;
        QStringList unchanged;
        for (const ResourceSummary &resource : update->lastPreview().unchanged)
            unchanged << resource.name;
        QCOMPARE(updated, QStringList{QStringLiteral("first")});
        QCOMPARE(unchanged, QStringList{QStringLiteral("second")});
        QTRY_VERIFY_WITH_TIMEOUT(update->previewGraph()->nodeItem(QStringLiteral("first")), 30000);
        QCOMPARE(update->previewGraph()->nodeItem(QStringLiteral("first"))->change(), NodeChange::Updated);
        QCOMPARE(update->previewGraph()->nodeItem(QStringLiteral("second"))->change(), NodeChange::Unchanged);
        QVERIFY(update->previewGraph()->legendVisible());
        QTreeWidget *list = update->previewList();
        QCOMPARE(list->topLevelItemCount(), 5);
        QCOMPARE(list->topLevelItem(2)->text(0), QStringLiteral("Updated (1)"));
        QCOMPARE(list->topLevelItem(2)->child(0)->text(0), QStringLiteral("first"));
        QCOMPARE(list->topLevelItem(4)->child(0)->text(0), QStringLiteral("second"));
        if (!qEnvironmentVariableIsEmpty("PILVI_STACKS_SHOTS")) { // screenshots for the report
            update->resize(1200, 700);
            update->show();
            QTest::qWait(500);
            update->grab().save(qEnvironmentVariable("PILVI_STACKS_SHOTS") + QStringLiteral("/pilvi-stacks-preview.png"));
            for (int tab = 0; tab < page.details()->tabs()->count(); ++tab) {
                page.details()->tabs()->setCurrentIndex(tab);
                QTest::qWait(300);
                page.grab().save(qEnvironmentVariable("PILVI_STACKS_SHOTS") + QStringLiteral("/pilvi-stacks-tab%1.png").arg(tab));
            }
        }
        delete update;

        qInfo("step: delete");
        // Delete, confirmed in the dialog.
        QAction *remove = actionNamed(page, QStringLiteral("Delete"));
        QVERIFY(remove && remove->isEnabled());
        remove->trigger();
        auto *confirm = page.findChild<ConfirmDestructiveDialog *>();
        QVERIFY(confirm);
        if (confirm->nameEdit())
            confirm->nameEdit()->setText(m_stackName);
        QVERIFY(confirm->actionButton()->isEnabled());
        confirm->actionButton()->click();
        QDeadlineTimer gone(180000);
        while (statusOf(page, m_stackName) != u"ABSENT" && !gone.hasExpired())
            QTest::qWait(100);
        if (statusOf(page, m_stackName) != u"ABSENT") {
            // Say what the delete job and the page were doing.
            QStringList jobs;
            const QList<JobRecord> records = m_journal->jobs();
            for (const JobRecord &record : records)
                jobs << record.kind + u' ' + record.target + u' ' + jobStateKey(record.state) + u' ' + record.error;
            QFAIL(qPrintable(u"still "_s + statusOf(page, m_stackName) + u"; page: "_s + page.statusText() + u"; jobs: "_s +
                             jobs.join(u" | "_s)));
        }
    }
};

QTEST_MAIN(TestStacksPage)
#include "tst_stackspage.moc"
