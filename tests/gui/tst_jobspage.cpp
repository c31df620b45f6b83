// SPDX-License-Identifier: GPL-3.0-or-later
// The Jobs page offscreen, on a real journal and runner (with a job kind written for the test).
#include "countingjob.h"
#include "jobs/jobjournal.h"
#include "models/joblistmodel.h"
#include "views/jobspage.h"

#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Pilvi;

class TestJobsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsProgressLogCancelAndRetry()
    {
        QTemporaryDir dir;
        JobJournal journal(dir.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY2(journal.isOpen(), qPrintable(journal.error()));
        JobRunner runner(&journal, [](const QString &) { return nullptr; });
        runner.setProgressInterval(10);
        Test::CountingJob::registerWith(runner);

        // A job finished before the page opened is read from the journal.
        const qint64 earlier = runner.submit(Test::CountingJob::spec(2));
        QTRY_VERIFY(!runner.isActive(earlier));

        JobsPage page(&runner);
        page.resize(900, 500);
        page.show();
        QCOMPARE(page.model()->rowCount(), 1);
        page.selectJob(earlier);
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("retryJob"))->isEnabled()); // it succeeded

        const qint64 slow = runner.submit(Test::CountingJob::spec(1000, 20));
        QTRY_COMPARE(page.model()->rowCount(), 2);
        page.selectJob(slow);
        QTRY_VERIFY(page.model()->index(0, JobListModel::ProgressColumn).data(JobListModel::ProgressRole).toInt() > 0);
        QTRY_VERIFY(page.logText().contains(u"counting to 1000"));

        auto *cancel = page.findChild<QPushButton *>(QStringLiteral("cancelJob"));
        auto *retry = page.findChild<QPushButton *>(QStringLiteral("retryJob"));
        QVERIFY(cancel->isEnabled());
        QVERIFY(!retry->isEnabled());
        cancel->click();
        QTRY_COMPARE(page.model()->index(0, 0).data(JobListModel::StateRole).toInt(), int(JobState::Cancelled));
        QTRY_VERIFY(retry->isEnabled());
        retry->click();
        QTRY_COMPARE(page.model()->rowCount(), 3);
        QCOMPARE(page.view()->currentIndex().row(), 0); // the retry is selected
        runner.cancel(page.view()->currentIndex().data(JobListModel::IdRole).toLongLong());

        QImage shot = page.grab().toImage();
        QVERIFY(!shot.isNull());
    }
};

QTEST_MAIN(TestJobsPage)
#include "tst_jobspage.moc"
