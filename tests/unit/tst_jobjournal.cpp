// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobjournal.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrentRun>

using namespace Pilvi;

namespace {
JobSpec sampleSpec()
{
    return {QStringLiteral("stack.create"),
            QStringLiteral("sandbox"),
            QStringLiteral("web"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("web")}, {QStringLiteral("timeoutMinutes"), 10}},
            {{QStringLiteral("db_password"), QStringLiteral("s3cret-value")}}};
}

QList<JobState> states(const QList<JobStateChange> &history)
{
    QList<JobState> result;
    for (const JobStateChange &change : history)
        result.append(change.state);
    return result;
}

struct ReadStats {
    int reads = 0;
    int maxJobs = 0;
    bool shrank = false;
    QString error;
};

// Reads the journal over its own connection on a pool thread until it sees `expected` finished
// jobs (or 30 s pass): the number of finished jobs must never go down.
ReadStats readUntil(const QString &path, int expected)
{
    ReadStats stats;
    JobJournal reader(path);
    if (!reader.isOpen()) {
        stats.error = reader.error();
        return stats;
    }
    QDeadlineTimer deadline(30000);
    int lastFinished = 0;
    while (!deadline.hasExpired()) {
        const QList<JobRecord> jobs = reader.jobs();
        ++stats.reads;
        stats.maxJobs = std::max(stats.maxJobs, static_cast<int>(jobs.size()));
        const int finished =
            static_cast<int>(std::count_if(jobs.cbegin(), jobs.cend(), [](const JobRecord &j) { return isFinalState(j.state); }));
        stats.shrank = stats.shrank || finished < lastFinished;
        lastFinished = finished;
        if (finished >= expected)
            break;
    }
    return stats;
}
} // namespace

class TestJobJournal : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void roundTrip()
    {
        const QString file = path("roundtrip/journal.sqlite"); // the folder is made too
        qint64 id = 0;
        {
            JobJournal journal(file);
            QVERIFY2(journal.isOpen(), qPrintable(journal.error()));
            id = journal.addJob(sampleSpec());
            QVERIFY(id > 0);
            QVERIFY(journal.setState(id, JobState::Running, {}, 4242));
            QVERIFY(journal.setProgress(id, 3, 7));
            QVERIFY(journal.addFacts(id, {{QStringLiteral("stackId"), QStringLiteral("abc")}}));
            QVERIFY(journal.addFacts(id, {{QStringLiteral("marker"), QStringLiteral("ev-9")}}));
            QVERIFY(journal.appendLog(id, QStringLiteral("first")));
            QVERIFY(journal.appendLog(id, QStringLiteral("second")));
            QVERIFY(journal.setState(id, JobState::Failed, QStringLiteral("CREATE_FAILED: quota")));
        }
        JobJournal reopened(file);
        QVERIFY(reopened.isOpen());
        const std::optional<JobRecord> stored = reopened.job(id);
        QVERIFY(stored);
        const JobRecord record = stored.value_or(JobRecord{});
        QCOMPARE(record.kind, QStringLiteral("stack.create"));
        QCOMPARE(record.cloud, QStringLiteral("sandbox"));
        QCOMPARE(record.target, QStringLiteral("web"));
        QCOMPARE(record.parameters, sampleSpec().parameters);
        QCOMPARE(record.facts, (QJsonObject{{QStringLiteral("stackId"), QStringLiteral("abc")},
                                            {QStringLiteral("marker"), QStringLiteral("ev-9")}}));
        QCOMPARE(record.state, JobState::Failed);
        QCOMPARE(record.progressDone, 3);
        QCOMPARE(record.progressTotal, 7);
        QCOMPARE(record.error, QStringLiteral("CREATE_FAILED: quota"));
        QCOMPARE(record.ownerPid, 4242);
        QVERIFY(record.createdAt.isValid());
        QVERIFY(record.startedAt >= record.createdAt);
        QVERIFY(record.finishedAt >= record.startedAt);
        const QList<JobLogLine> log = reopened.log(id);
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[0].text, QStringLiteral("first"));
        QCOMPARE(log[1].text, QStringLiteral("second"));
        QVERIFY(reopened.unfinishedJobs().isEmpty());
        QCOMPARE(reopened.jobs().size(), 1);
    }

    void secretsAreNeverWritten()
    {
        const QString file = path("secrets.sqlite");
        {
            JobJournal journal(file);
            QVERIFY(journal.addJob(sampleSpec()) > 0);
        }
        const QStringList files{file, file + QStringLiteral("-wal")};
        for (const QString &name : files) {
            QFile f(name);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            QVERIFY2(!f.readAll().contains("s3cret-value"), qPrintable(name));
        }
    }

    void stateChangesPersistInOrder_data()
    {
        QTest::addColumn<QList<JobState>>("changes");
        QTest::addColumn<bool>("started");
        QTest::addColumn<bool>("finished");
        QTest::newRow("runs and succeeds") << QList<JobState>{JobState::Running, JobState::Succeeded} << true << true;
        QTest::newRow("cancelled while queued") << QList<JobState>{JobState::Cancelled} << false << true;
        QTest::newRow("resumed after a restart")
            << QList<JobState>{JobState::Running, JobState::Running, JobState::Failed} << true << true;
        QTest::newRow("still running") << QList<JobState>{JobState::Running} << true << false;
    }
    void stateChangesPersistInOrder()
    {
        QFETCH(QList<JobState>, changes);
        QFETCH(bool, started);
        QFETCH(bool, finished);
        const QString file = path("states.sqlite");
        qint64 id = 0;
        {
            JobJournal journal(file);
            id = journal.addJob(sampleSpec());
            for (JobState state : changes)
                QVERIFY(journal.setState(id, state));
        }
        JobJournal journal(file);
        QCOMPARE(states(journal.stateHistory(id)), QList<JobState>{JobState::Queued} + changes);
        const QList<JobStateChange> history = journal.stateHistory(id);
        for (qsizetype i = 1; i < history.size(); ++i)
            QVERIFY(history[i].time >= history[i - 1].time);
        const JobRecord record = journal.job(id).value_or(JobRecord{});
        QCOMPARE(record.state, changes.constLast());
        QCOMPARE(record.startedAt.isValid(), started);
        QCOMPARE(record.finishedAt.isValid(), finished);
    }

    void unknownJobIsNotChanged()
    {
        JobJournal journal(path("unknown.sqlite"));
        QVERIFY(!journal.setState(999, JobState::Running));
        QVERIFY(!journal.job(999));
    }

    void schemaUpgradeFromEmpty()
    {
        const QString file = path("empty.sqlite");
        {
            QFile empty(file);
            QVERIFY(empty.open(QIODevice::WriteOnly)); // a zero-byte file: SQLite's empty database
        }
        JobJournal journal(file);
        QVERIFY2(journal.isOpen(), qPrintable(journal.error()));
        QCOMPARE(journal.fileSchemaVersion(), JobJournal::schemaVersion);
        QVERIFY(journal.jobs().isEmpty());
        QVERIFY(journal.addJob(sampleSpec()) > 0);
        // Opening again upgrades nothing and keeps the job.
        JobJournal again(file);
        QVERIFY(again.isOpen());
        QCOMPARE(again.jobs().size(), 1);
    }

    void newerSchemaIsRefused()
    {
        const QString file = path("newer.sqlite");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version=99"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        JobJournal journal(file);
        QVERIFY(!journal.isOpen());
        QVERIFY2(journal.error().contains(QStringLiteral("newer Pilvi")), qPrintable(journal.error()));
    }

    void concurrentReaders()
    {
        const QString file = path("concurrent.sqlite");
        JobJournal writer(file);
        QVERIFY(writer.isOpen());
        constexpr int jobs = 60;
        QFuture<ReadStats> first = QtConcurrent::run(readUntil, file, jobs);
        QFuture<ReadStats> second = QtConcurrent::run(readUntil, file, jobs);
        for (int i = 0; i < jobs; ++i) {
            const qint64 id = writer.addJob(sampleSpec());
            QVERIFY(id > 0);
            QVERIFY(writer.setState(id, JobState::Running));
            for (int step = 1; step <= 5; ++step) {
                QVERIFY(writer.setProgress(id, step, 5));
                QVERIFY(writer.appendLog(id, QStringLiteral("step %1").arg(step)));
            }
            QVERIFY(writer.setState(id, JobState::Succeeded));
        }
        for (QFuture<ReadStats> *reader : {&first, &second}) {
            reader->waitForFinished();
            const ReadStats stats = reader->result();
            QVERIFY2(stats.error.isEmpty(), qPrintable(stats.error));
            QVERIFY(stats.reads > 1);
            QCOMPARE(stats.maxJobs, jobs);
            QVERIFY(!stats.shrank);
        }
    }
};

QTEST_GUILESS_MAIN(TestJobJournal)
#include "tst_jobjournal.moc"
