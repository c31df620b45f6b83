// SPDX-License-Identifier: GPL-3.0-or-later
#include "countingjob.h"
#include "jobs/cloudjobkinds.h"
#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"
#include "jobs/stackcreatejob.h"
#include "openstack/orchestration/orchestrationclient.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pilvi;
using Pilvi::Test::CountingJob;

namespace {
// No process has this id (Linux pids stay below 2^22).
constexpr qint64 deadPid = 0x7ffffff0;

QList<JobState> states(const QList<JobStateChange> &history)
{
    QList<JobState> result;
    for (const JobStateChange &change : history)
        result.append(change.state);
    return result;
}

bool logContains(const JobJournal &journal, qint64 id, const QString &text)
{
    const QList<JobLogLine> log = journal.log(id);
    return std::any_of(log.cbegin(), log.cend(), [&](const JobLogLine &line) { return line.text.contains(text); });
}
} // namespace

class TestJobRunner : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString m_path;
    std::unique_ptr<JobJournal> m_journal;
    std::unique_ptr<JobRunner> m_runner;

    JobRunner &runner() { return *m_runner; }
    JobJournal &journal() { return *m_journal; }
    // The job as the journal has it (an empty record with id 0 when it has none).
    JobRecord stored(qint64 id) { return m_journal->job(id).value_or(JobRecord{}); }

    void makeRunner()
    {
        m_runner = std::make_unique<JobRunner>(m_journal.get(), [](const QString &) { return nullptr; });
        CountingJob::registerWith(*m_runner);
        m_runner->setProgressInterval(50);
    }

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(++m_files));
        m_journal = std::make_unique<JobJournal>(m_path);
        QVERIFY(m_journal->isOpen());
        makeRunner();
    }
    void cleanup()
    {
        m_runner.reset();
        m_journal.reset();
    }

    void endsAsTheJobSays_data()
    {
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("failAt");
        QTest::addColumn<JobState>("expected");
        QTest::addColumn<int>("progressDone");
        QTest::addColumn<QString>("error");
        QTest::newRow("counts to the end") << 5 << -1 << JobState::Succeeded << 5 << QString();
        QTest::newRow("fails half way") << 6 << 3 << JobState::Failed << 2 << QStringLiteral("failed at step 3");
        QTest::newRow("nothing to do") << 0 << -1 << JobState::Succeeded << 0 << QString();
    }
    void endsAsTheJobSays()
    {
        QFETCH(int, steps);
        QFETCH(int, failAt);
        QFETCH(JobState, expected);
        QFETCH(int, progressDone);
        QFETCH(QString, error);
        QSignalSpy finished(&runner(), &JobRunner::jobFinished);
        const qint64 id = runner().submit(CountingJob::spec(steps, 1, failAt));
        QVERIFY(id > 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000); // no steps: it ends inside submit()
        const JobRecord record = finished.at(0).at(0).value<JobRecord>();
        QCOMPARE(record.id, id);
        QCOMPARE(record.state, expected);
        QCOMPARE(record.error, error);
        QCOMPARE(record.progressDone, progressDone);
        QCOMPARE(record.progressTotal, steps);
        QCOMPARE(states(journal().stateHistory(id)), (QList<JobState>{JobState::Queued, JobState::Running, expected}));
        QCOMPARE(stored(id), record);
        QVERIFY(!runner().isActive(id));
    }

    void everyAnnouncementIsJournaledFirst()
    {
        // A second connection sees only what is committed to the file.
        JobJournal reader(m_path);
        int announcements = 0;
        QStringList mismatches;
        const QObject scope; // the connection ends with the locals it captures
        connect(&runner(), &JobRunner::jobChanged, &scope, [&](const JobRecord &announced) {
            ++announcements;
            const std::optional<JobRecord> stored = reader.job(announced.id);
            if (!stored || stored->state != announced.state || stored->progressDone != announced.progressDone)
                mismatches << jobStateKey(announced.state);
        });
        QSignalSpy finished(&runner(), &JobRunner::jobFinished);
        runner().submit(CountingJob::spec(20, 2));
        QVERIFY(finished.wait(5000));
        QVERIFY(announcements >= 3); // queued, running, succeeded at least
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u',')));
    }

    void progressIsCoalesced()
    {
        runner().setProgressInterval(200);
        int announcements = 0;
        const QObject scope; // the connection ends with the locals it captures
        connect(&runner(), &JobRunner::jobChanged, &scope, [&](const JobRecord &) { ++announcements; });
        QSignalSpy finished(&runner(), &JobRunner::jobFinished);
        runner().submit(CountingJob::spec(2000, 0)); // 2000 progress reports, as fast as the loop goes
        QVERIFY(finished.wait(20000));
        const JobRecord record = finished.at(0).at(0).value<JobRecord>();
        QCOMPARE(record.progressDone, 2000);
        QVERIFY2(announcements < 100, qPrintable(QString::number(announcements)));
    }

    void concurrencyLimit_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("jobs");
        QTest::newRow("one at a time") << 1 << 3;
        QTest::newRow("two at a time") << 2 << 5;
    }
    void concurrencyLimit()
    {
        QFETCH(int, limit);
        QFETCH(int, jobs);
        runner().setMaxConcurrent(limit);
        int most = 0;
        const QObject scope; // the connection ends with the locals it captures
        connect(&runner(), &JobRunner::jobChanged, &scope,
                [&](const JobRecord &) { most = std::max(most, runner().runningCount()); });
        QSignalSpy finished(&runner(), &JobRunner::jobFinished);
        QList<qint64> ids;
        for (int i = 0; i < jobs; ++i)
            ids << runner().submit(CountingJob::spec(5, 5));
        QCOMPARE(runner().runningCount(), limit);
        QCOMPARE(stored(ids.constLast()).state, JobState::Queued);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), jobs, 10000);
        QCOMPARE(most, limit);
        for (qint64 id : std::as_const(ids))
            QCOMPARE(stored(id).state, JobState::Succeeded);
    }

    void cancel_data()
    {
        QTest::addColumn<bool>("whileQueued");
        QTest::newRow("while queued") << true;
        QTest::newRow("while running") << false;
    }
    void cancel()
    {
        QFETCH(bool, whileQueued);
        runner().setMaxConcurrent(1);
        const qint64 first = runner().submit(CountingJob::spec(1000, 10));
        const qint64 second = runner().submit(CountingJob::spec(3, 1));
        const qint64 victim = whileQueued ? second : first;
        QSignalSpy finished(&runner(), &JobRunner::jobFinished);
        runner().cancel(victim);
        QTRY_VERIFY(stored(victim).state == JobState::Cancelled);
        QVERIFY(!runner().isActive(victim));
        QVERIFY(logContains(journal(), victim, QStringLiteral("Cancel")));
        if (whileQueued) {
            QCOMPARE(states(journal().stateHistory(victim)), (QList<JobState>{JobState::Queued, JobState::Cancelled}));
            runner().cancel(first);
        } else {
            // The slot it freed goes to the next job, which runs to its end.
            QTRY_COMPARE(stored(second).state, JobState::Succeeded);
        }
        QTRY_VERIFY(!runner().isActive(first) && !runner().isActive(second));
    }

    void retryRunsTheSameParametersAgain()
    {
        QSignalSpy finished(&runner(), &JobRunner::jobFinished);
        const qint64 id = runner().submit(CountingJob::spec(4, 1, 2));
        QVERIFY(finished.wait(5000));
        QCOMPARE(stored(id).state, JobState::Failed);
        QCOMPARE(runner().retry(-1), 0);
        const qint64 again = runner().retry(id);
        QVERIFY(again > id);
        QVERIFY(finished.wait(5000));
        const JobRecord record = stored(again);
        QCOMPARE(record.parameters, stored(id).parameters);
        QCOMPARE(record.kind, stored(id).kind);
        QCOMPARE(record.retryOf, id);
        QCOMPARE(record.state, JobState::Failed); // the same parameters fail the same way
        QVERIFY(logContains(journal(), again, QStringLiteral("Retry of job %1").arg(id)));
    }

    void unknownKindFails()
    {
        QSignalSpy finished(&runner(), &JobRunner::jobFinished);
        const qint64 id = runner().submit({QStringLiteral("no.such.kind"), QStringLiteral("c"), QStringLiteral("t"), {}, {}});
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(stored(id).state, JobState::Failed);
        QCOMPARE(stored(id).error, QStringLiteral("unknown job kind 'no.such.kind'"));
    }

    void cloudKindWithoutCloudFails()
    {
        QSignalSpy finished(&runner(), &JobRunner::jobFinished);
        registerCloudJobKinds(runner());
        const qint64 id =
            runner().submit({QString(JobKinds::volumeBackup), QStringLiteral("gone-cloud"), QStringLiteral("v"), {}, {}});
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(stored(id).state, JobState::Failed);
        QVERIFY(stored(id).error.contains(QStringLiteral("'gone-cloud' is not configured")));
    }

    void hiddenParametersStayInMemory()
    {
        StackCreateRequest create;
        create.name = QStringLiteral("db");
        create.templateText = "heat_template_version: 2021-04-16\n"
                              "parameters:\n  password: {type: string, hidden: true}\n  size: {type: number}\n"
                              "resources:\n  a: {type: OS::Heat::None}\n";
        create.parameters = {{QStringLiteral("password"), QStringLiteral("hunter2-secret")},
                             {QStringLiteral("size"), QStringLiteral("3")}};
        const JobSpec spec = StackCreateJob::spec(QStringLiteral("sandbox"), create);
        QCOMPARE(spec.secrets, (QMap<QString, QString>{{QStringLiteral("password"), QStringLiteral("hunter2-secret")}}));
        QCOMPARE(spec.parameters.value(QStringLiteral("parameters")).toObject(),
                 (QJsonObject{{QStringLiteral("size"), QStringLiteral("3")}}));
        // The job still sends every value.
        QCOMPARE(StackCreateJob::request(spec.parameters, spec.secrets).parameters, create.parameters);
        QVERIFY(journal().addJob(spec) > 0);
        const QStringList files{m_path, m_path + QStringLiteral("-wal")};
        for (const QString &name : files) {
            QFile file(name);
            if (file.open(QIODevice::ReadOnly))
                QVERIFY2(!file.readAll().contains("hunter2-secret"), qPrintable(name));
        }
    }

    void reconcile_data()
    {
        QTest::addColumn<JobState>("left");
        QTest::addColumn<QString>("resumeAs");
        QTest::addColumn<JobState>("expected");
        QTest::newRow("running, done meanwhile") << JobState::Running << QStringLiteral("succeeded") << JobState::Succeeded;
        QTest::newRow("running, failed meanwhile") << JobState::Running << QStringLiteral("failed") << JobState::Failed;
        QTest::newRow("running, still going") << JobState::Running << QStringLiteral("follow") << JobState::Succeeded;
        QTest::newRow("queued, never started") << JobState::Queued << QStringLiteral("follow") << JobState::Interrupted;
    }
    void reconcile()
    {
        QFETCH(JobState, left);
        QFETCH(QString, resumeAs);
        QFETCH(JobState, expected);
        // What a killed process leaves: a job in the journal, owned by a process that is gone.
        const qint64 id = journal().addJob(CountingJob::spec(3, 1, -1, resumeAs));
        QVERIFY(journal().setState(id, JobState::Running, {}, deadPid));
        if (left == JobState::Queued)
            QVERIFY(journal().setState(id, JobState::Queued));
        // And one owned by a live process (pid 1): not ours to reconcile.
        const qint64 othersJob = journal().addJob(CountingJob::spec(3));
        QVERIFY(journal().setState(othersJob, JobState::Running, {}, 1));

        m_runner.reset();
        makeRunner();
        QSignalSpy summary(&runner(), &JobRunner::reconcileFinished);
        QSignalSpy finished(&runner(), &JobRunner::jobFinished);
        QCOMPARE(runner().reconcile(), 1);
        QTRY_COMPARE(summary.size(), 1);
        const auto reconciled = summary.at(0).at(0).value<QList<JobRecord>>();
        QCOMPARE(reconciled.size(), 1);
        QCOMPARE(reconciled.at(0).id, id);
        QTRY_COMPARE(stored(id).state, expected);
        QVERIFY(logContains(journal(), id, QStringLiteral("Reconciled after a restart")));
        QCOMPARE(stored(othersJob).state, JobState::Running);
        QVERIFY(!logContains(journal(), othersJob, QStringLiteral("Reconciled")));
        // A second reconcile finds nothing more.
        QTRY_VERIFY(!runner().isActive(id));
        QCOMPARE(runner().reconcile(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
