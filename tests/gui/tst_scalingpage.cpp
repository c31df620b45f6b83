// SPDX-License-Identifier: GPL-3.0-or-later
// The Scaling page against the real sandbox cloud: a stack with an AutoScalingGroup created
// here shows with one member, the page's Scale out button runs a stack.scale-signal job, and
// after it the table shows two members and the size history chart's model has grown to two.
// Vertical scaling: a server made here is resized through the page's servers tab (server.resize
// jobs), confirmed, resized again and reverted.
#include "../sandboxcloud.h"
#include "config/cloudsconfig.h"
#include "dialogs/resizeserverdialog.h"
#include "jobs/cloudjobkinds.h"
#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"
#include "models/scalinggrouplistmodel.h"
#include "models/serverlistmodel.h"
#include "models/sizehistorymodel.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/compute/computeclient.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "views/scalingpage.h"
#include "views/serverresizepanel.h"

#include <QAbstractItemModelTester>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {
// Waits for a future without blocking this thread's event loop (results arrive on the network thread).
template<typename T>
T await(const QFuture<T> &future, int timeoutMs = 120000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(20);
    if (!future.isFinished())
        throw ApiError(ApiError::Kind::Network, QStringLiteral("no answer in %1 s").arg(timeoutMs / 1000));
    return future.result(); // rethrows the ApiError the call failed with
}
} // namespace

class TestScalingPage : public QObject
{
    Q_OBJECT

    NetworkAccess m_network;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_dir;
    std::unique_ptr<JobJournal> m_journal;
    std::unique_ptr<JobRunner> m_runner;
    QString m_stackName;
    QString m_stackId;
    QString m_serverId;

    OrchestrationClient heat() { return OrchestrationClient(m_session.get()); }

    // The row of the group `asg` of the test's stack, in the page's table (-1 while absent).
    static int rowOf(const ScalingGroupListModel *model, const QString &stackId)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(ScalingGroupListModel::StackIdRole).toString() == stackId)
                return row;
        }
        return -1;
    }

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
        m_runner->setPollInterval(1000);
        registerCloudJobKinds(*m_runner);
    }

    void cleanupTestCase()
    {
        if (!m_serverId.isEmpty()) {
            QFuture<void> deleted = ComputeClient(m_session.get()).deleteServer(m_serverId);
            QDeadlineTimer deadline(60000);
            while (!deleted.isFinished() && !deadline.hasExpired())
                QTest::qWait(20);
        }
        if (m_stackId.isEmpty())
            return;
        try {
            QFuture<void> deleted = heat().deleteStack(m_stackName, m_stackId);
            QDeadlineTimer deadline(120000);
            while (!deleted.isFinished() && !deadline.hasExpired())
                QTest::qWait(20);
            deleted.waitForFinished();
        } catch (const ApiError &error) {
            qWarning("could not delete %s: %s", qPrintable(m_stackName), qPrintable(error.toString()));
        }
    }

    void scalesOutThroughThePage()
    {
        QFile templateFile(QStringLiteral(PILVI_TEMPLATES "/asg.yaml"));
        QVERIFY(templateFile.open(QIODevice::ReadOnly));
        m_stackName = QStringLiteral("pilvi-scalingpage-%1").arg(QRandomGenerator::global()->bounded(1000000));
        StackCreateRequest create;
        create.name = m_stackName;
        create.templateText = templateFile.readAll();
        create.timeoutMinutes = 10;
        m_stackId = await(heat().createStack(create));
        Stack stack;
        QDeadlineTimer created(300000);
        do {
            QTest::qWait(1000);
            stack = await(heat().showStack(m_stackId));
        } while (stack.status.endsWith(u"IN_PROGRESS") && !created.hasExpired());
        QCOMPARE(stack.status, u"CREATE_COMPLETE");

        ScalingPage page(m_runner.get());
        QAbstractItemModelTester tester(page.groups(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester historyTester(page.sizeHistory(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1200, 800);
        page.show();
        QSignalSpy loaded(&page, &ScalingPage::loadFinished);
        page.setSession(m_session.get());
        QVERIFY(loaded.wait(120000));
        QVERIFY2(page.statusText().contains(u"scaling group"), qPrintable(page.statusText()));

        const ScalingGroupListModel *groups = page.groups();
        const int row = rowOf(groups, m_stackId);
        QVERIFY2(row >= 0, "the new stack's group is not in the table");
        const auto cell = [&](int column) { return groups->index(rowOf(groups, m_stackId), column).data().toString(); };
        QCOMPARE(cell(ScalingGroupListModel::GroupColumn), u"asg");
        QCOMPARE(cell(ScalingGroupListModel::CurrentColumn), u"1");
        QCOMPARE(cell(ScalingGroupListModel::MinColumn), u"1");
        QCOMPARE(cell(ScalingGroupListModel::MaxColumn), u"4");

        // Select the group as a user would: its members and policies show, Scale out works and
        // Scale in does not (the only policy adds a member).
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(page.view()->model());
        QVERIFY(proxy);
        page.view()->setCurrentIndex(proxy->mapFromSource(groups->index(row, 0)));
        auto *members = page.findChild<QTreeWidget *>(QStringLiteral("members"));
        auto *policies = page.findChild<QTreeWidget *>(QStringLiteral("policies"));
        auto *scaleOut = page.findChild<QPushButton *>(QStringLiteral("scaleOut"));
        auto *scaleIn = page.findChild<QPushButton *>(QStringLiteral("scaleIn"));
        QVERIFY(members && policies && scaleOut && scaleIn);
        QCOMPARE(members->topLevelItemCount(), 1);
        QCOMPARE(policies->topLevelItemCount(), 1);
        QCOMPARE(policies->topLevelItem(0)->text(0), u"scale_up");
        QCOMPARE(policies->topLevelItem(0)->text(1), u"+1");
        QVERIFY(scaleOut->isEnabled());
        QVERIFY(!scaleIn->isEnabled());
        // The history from Heat's events: the one member created.
        QTRY_COMPARE_WITH_TIMEOUT(page.sizeHistory()->history().size(), 1, 60000);
        QCOMPARE(page.sizeHistory()->history().constLast().size, 1);

        QSignalSpy finished(&page, &ScalingPage::scalingJobFinished);
        QSignalSpy reloaded(&page, &ScalingPage::sizeHistoryLoaded);
        QTest::mouseClick(scaleOut, Qt::LeftButton);
        QVERIFY2(finished.wait(300000), "the scale-signal job did not finish");
        if (!finished.at(0).at(1).toBool()) {
            const QList<JobRecord> jobs = m_journal->jobs();
            QFAIL(qPrintable(u"the scale-signal job failed: "_s + (jobs.isEmpty() ? QString() : jobs.constLast().error)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(cell(ScalingGroupListModel::CurrentColumn), u"2"_s, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(members->topLevelItemCount(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!page.sizeHistory()->history().isEmpty() && page.sizeHistory()->history().constLast().size == 2,
                                 60000);
        QVERIFY(page.sizeHistory()->rowCount() >= 4); // step corners: 0→1, 1→2
        if (const QString dir = qEnvironmentVariable("PILVI_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(page.grab().save(dir + u"/pilvi-scaling-page.png"_s));
        // The job is on the journal that the Jobs page reads.
        const QList<JobRecord> records = m_journal->jobs();
        QVERIFY(std::any_of(records.cbegin(), records.cend(), [&](const JobRecord &record) {
            return record.kind == u"stack.scale-signal" && record.target == m_stackName && record.state == JobState::Succeeded;
        }));
    }

    void resizesAServerThroughThePage()
    {
        ComputeClient nova(m_session.get());
        const QList<Flavor> flavors = await(nova.listFlavors());
        const auto flavorNamed = [&flavors](const QString &name) {
            const auto it = std::find_if(flavors.cbegin(), flavors.cend(), [&name](const Flavor &f) { return f.name == name; });
            return it == flavors.cend() ? Flavor() : *it;
        };
        ServiceRequest images; // Pilvi has no image client: ask Glance for the sandbox's image
        images.serviceType = QStringLiteral("image");
        images.path = QStringLiteral("/v2/images");
        images.query.addQueryItem(QStringLiteral("name"), QStringLiteral("cirros-fake"));
        images.what = QStringLiteral("find the sandbox's image");
        const QJsonArray found =
            QJsonDocument::fromJson(await(m_session->send(images)).body).object().value(QStringLiteral("images")).toArray();
        QVERIFY(!found.isEmpty());
        ServerCreateRequest create;
        create.name = QStringLiteral("pilvi-resize-%1").arg(QRandomGenerator::global()->bounded(1000000));
        create.flavorId = flavorNamed(QStringLiteral("m1.tiny")).id;
        create.imageId = found.first().toObject().value(QStringLiteral("id")).toString();
        m_serverId = await(nova.createServer(create));
        QVERIFY(!m_serverId.isEmpty());

        ScalingPage page(m_runner.get());
        ServerResizePanel *panel = page.servers();
        QAbstractItemModelTester tester(panel->servers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1200, 800);
        page.show();
        page.showServers(true);
        page.setSession(m_session.get());
        // The panel polls by itself while a server builds.
        const auto status = [&] {
            const int row = panel->servers()->rowOf(m_serverId);
            return row < 0 ? QString() : panel->servers()->index(row, 0).data(ServerListModel::StatusRole).toString();
        };
        const auto flavor = [&] {
            const int row = panel->servers()->rowOf(m_serverId);
            return row < 0 ? QString() : panel->servers()->index(row, 0).data(ServerListModel::FlavorNameRole).toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(status(), u"ACTIVE"_s, 180000);
        QCOMPARE(flavor(), u"m1.tiny"_s);
        QVERIFY(panel->selectServer(m_serverId));
        auto *resize = panel->findChild<QPushButton *>(QStringLiteral("resizeServer"));
        auto *confirm = panel->findChild<QPushButton *>(QStringLiteral("confirmResize"));
        auto *revert = panel->findChild<QPushButton *>(QStringLiteral("revertResize"));
        QVERIFY(resize && confirm && revert);
        QVERIFY(resize->isEnabled());
        QVERIFY(!confirm->isEnabled());
        QVERIFY(!revert->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!panel->flavors().isEmpty(), 60000);

        // Resize to m1.small through the flavor picker; the current flavor cannot be picked.
        QSignalSpy finished(panel, &ServerResizePanel::resizeJobFinished);
        ResizeServerDialog *dialog = panel->openResizeDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->selectFlavor(u"m1.tiny"_s));
        QVERIFY(!dialog->resizeButton()->isEnabled());
        QVERIFY(dialog->selectFlavor(u"m1.small"_s));
        QVERIFY(dialog->resizeButton()->isEnabled());
        if (const QString dir = qEnvironmentVariable("PILVI_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog->grab().save(dir + u"/pilvi-resize-dialog.png"_s));
        dialog->resizeButton()->click();
        QVERIFY2(finished.wait(300000), "the resize job did not finish");
        QVERIFY2(finished.at(0).at(1).toBool(), qPrintable(panel->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(status(), u"VERIFY_RESIZE"_s, 60000);
        QCOMPARE(flavor(), u"m1.small"_s);
        QTRY_VERIFY_WITH_TIMEOUT(confirm->isEnabled(), 10000);
        QVERIFY(revert->isEnabled());
        QVERIFY(!resize->isEnabled());
        if (const QString dir = qEnvironmentVariable("PILVI_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(page.grab().save(dir + u"/pilvi-scaling-servers.png"_s));

        // Confirm: it stays on m1.small.
        finished.clear();
        QTest::mouseClick(confirm, Qt::LeftButton);
        QVERIFY2(finished.wait(300000), "the confirm job did not finish");
        QVERIFY2(finished.at(0).at(1).toBool(), qPrintable(panel->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(status(), u"ACTIVE"_s, 60000);
        QCOMPARE(flavor(), u"m1.small"_s);

        // Resize to m1.medium, then revert: back on m1.small.
        finished.clear();
        QVERIFY(panel->resize(m_serverId, flavorNamed(QStringLiteral("m1.medium"))) > 0);
        QVERIFY2(finished.wait(300000), "the second resize job did not finish");
        QTRY_COMPARE_WITH_TIMEOUT(status(), u"VERIFY_RESIZE"_s, 60000);
        finished.clear();
        QVERIFY(panel->revertResize(m_serverId) > 0);
        QVERIFY2(finished.wait(300000), "the revert job did not finish");
        QVERIFY2(finished.at(0).at(1).toBool(), qPrintable(panel->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(status(), u"ACTIVE"_s, 60000);
        QCOMPARE(flavor(), u"m1.small"_s);
        const QList<JobRecord> records = m_journal->jobs();
        QCOMPARE(std::count_if(records.cbegin(), records.cend(),
                               [](const JobRecord &r) { return r.kind == u"server.resize" && r.state == JobState::Succeeded; }),
                 4);
    }
};

QTEST_MAIN(TestScalingPage)
#include "tst_scalingpage.moc"
