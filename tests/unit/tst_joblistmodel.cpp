// SPDX-License-Identifier: GPL-3.0-or-later
#include "countingjob.h"
#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"
#include "models/joblistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pilvi;

namespace {
JobRecord job(qint64 id, JobState state = JobState::Running, int done = 0, int total = 0)
{
    JobRecord r;
    r.id = id;
    r.kind = JobKinds::stackCreate;
    r.cloud = QStringLiteral("sandbox");
    r.target = QStringLiteral("stack-%1").arg(id);
    r.state = state;
    r.progressDone = done;
    r.progressTotal = total;
    return r;
}

QList<qint64> ids(const JobListModel &model)
{
    QList<qint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, 0).data(JobListModel::IdRole).toLongLong();
    return result;
}
} // namespace

class TestJobListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newestFirstAndUpdatedInPlace()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.updateJob(job(1));
        model.updateJob(job(3));
        model.updateJob(job(2));
        QCOMPARE(ids(model), (QList<qint64>{3, 2, 1}));
        const QPersistentModelIndex kept = model.index(1, 0);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.updateJob(job(2, JobState::Succeeded, 4, 4));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(kept.row(), 1);
        QCOMPARE(model.index(1, JobListModel::StateColumn).data().toString(), QStringLiteral("succeeded"));
    }

    void progressRole_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("done");
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("percent");
        QTest::addColumn<QString>("text");
        QTest::newRow("total not known yet") << int(JobState::Running) << 0 << 0 << -1 << QString();
        QTest::newRow("half way") << int(JobState::Running) << 2 << 4 << 50 << QStringLiteral("2 / 4");
        QTest::newRow("more done than thought") << int(JobState::Running) << 5 << 4 << 100 << QStringLiteral("5 / 4");
        QTest::newRow("succeeded without a total") << int(JobState::Succeeded) << 0 << 0 << 100 << QString();
        QTest::newRow("failed at a third") << int(JobState::Failed) << 1 << 3 << 33 << QStringLiteral("1 / 3");
    }
    void progressRole()
    {
        QFETCH(int, state);
        QFETCH(int, done);
        QFETCH(int, total);
        QFETCH(int, percent);
        QFETCH(QString, text);
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.updateJob(job(7, JobState(state), done, total));
        const QModelIndex progress = model.index(0, JobListModel::ProgressColumn);
        QCOMPARE(progress.data(JobListModel::ProgressRole).toInt(), percent);
        QCOMPARE(progress.data().toString(), text);
        QCOMPARE(model.index(0, JobListModel::KindColumn).data().toString(), QStringLiteral("Create stack"));
        QCOMPARE(model.index(0, JobListModel::StateColumn).data(JobListModel::StateRole).toInt(), state);
    }

    void duration_data()
    {
        QTest::addColumn<int>("startedSecondsAgo");
        QTest::addColumn<int>("ranSeconds");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("not started") << -1 << -1 << qint64(-1);
        QTest::newRow("still running") << 90 << -1 << qint64(90);
        QTest::newRow("finished") << 500 << 42 << qint64(42);
    }
    void duration()
    {
        QFETCH(int, startedSecondsAgo);
        QFETCH(int, ranSeconds);
        QFETCH(qint64, expected);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        JobRecord r = job(1);
        if (startedSecondsAgo >= 0)
            r.startedAt = now.addSecs(-startedSecondsAgo);
        if (ranSeconds >= 0)
            r.finishedAt = r.startedAt.addSecs(ranSeconds);
        QCOMPARE(JobListModel::durationSeconds(r, now), expected);
    }

    void followsTheRunner()
    {
        QTemporaryDir dir;
        JobJournal journal(dir.filePath(QStringLiteral("j.sqlite")));
        JobRunner runner(&journal, [](const QString &) { return nullptr; });
        Test::CountingJob::registerWith(runner);
        runner.setProgressInterval(20);
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(&runner, &JobRunner::jobChanged, &model, &JobListModel::updateJob);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        runner.setMaxConcurrent(1);
        const qint64 a = runner.submit(Test::CountingJob::spec(10, 2));
        const qint64 b = runner.submit(Test::CountingJob::spec(4, 2, 2));
        QCOMPARE(ids(model), (QList<qint64>{b, a}));
        QCOMPARE(model.index(0, JobListModel::StateColumn).data().toString(), QStringLiteral("queued"));
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(model.index(1, JobListModel::StateColumn).data().toString(), QStringLiteral("succeeded"));
        QCOMPARE(model.index(1, 0).data(JobListModel::ProgressRole).toInt(), 100);
        QCOMPARE(model.index(0, JobListModel::StateColumn).data().toString(), QStringLiteral("failed"));
        QCOMPARE(model.index(0, 0).data(JobListModel::ErrorRole).toString(), QStringLiteral("failed at step 2"));
        // A fresh model from the journal shows the same.
        JobListModel fromJournal;
        QAbstractItemModelTester tester2(&fromJournal, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fromJournal.setItems(journal.jobs());
        QCOMPARE(ids(fromJournal), ids(model));
    }
};

QTEST_GUILESS_MAIN(TestJobListModel)
#include "tst_joblistmodel.moc"
