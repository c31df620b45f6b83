// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/jobrecord.h"

#include <QSqlDatabase>

namespace Pilvi {

/// The jobs' journal: one SQLite file (WAL mode) that records every job, its state changes, its
/// progress and its log as they happen, so that a crash or kill of the process loses nothing a
/// job did, and the next start can reconcile what was left unfinished.
///
/// Threading: a JobJournal opens its own named QtSql connection in its constructor and must be
/// used, and destroyed, on the thread that created it (QtSql connections are per thread). The
/// JobRunner's journal lives on the runner's thread (the GUI thread in pilvi, the main thread in
/// pilvi-cli). Other threads open a JobJournal of their own on the same file: WAL lets readers
/// read while the writer writes.
///
/// Every write commits at once (synchronous=NORMAL in WAL: durable across a process kill).
class JobJournal
{
public:
    /// The schema version this code writes. Older files are upgraded when opened; newer ones
    /// are refused (isOpen() is false, error() says why).
    static constexpr int schemaVersion = 1;

    /// Opens (creating the file and its folder when missing) and upgrades the schema.
    explicit JobJournal(const QString &path);
    ~JobJournal();
    JobJournal(const JobJournal &) = delete;
    JobJournal &operator=(const JobJournal &) = delete;

    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }
    QString path() const { return m_path; }
    /// The file's schema version (PRAGMA user_version).
    int fileSchemaVersion() const;

    /// Records a new queued job, owned by this process; returns its id (0 on failure).
    qint64 addJob(const JobSpec &spec, qint64 retryOf = 0);
    /// Records a state change (and its time in the state history). Running sets the start time
    /// and the owner process; final states set the finish time and the error text.
    bool setState(qint64 id, JobState state, const QString &error = {}, qint64 ownerPid = 0);
    bool setProgress(qint64 id, int done, int total);
    /// Merges `facts` into the job's facts.
    bool addFacts(qint64 id, const QJsonObject &facts);
    bool appendLog(qint64 id, const QString &text);

    std::optional<JobRecord> job(qint64 id) const;
    /// Newest first.
    QList<JobRecord> jobs() const;
    /// Queued and running jobs, oldest first.
    QList<JobRecord> unfinishedJobs() const;
    QList<JobLogLine> log(qint64 id) const;
    QList<JobStateChange> stateHistory(qint64 id) const;

private:
    bool exec(const QString &sql);
    bool upgrade();
    QList<JobRecord> select(const QString &where) const;
    void warn(const QString &what, const QString &why) const;

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_open = false;
    QString m_error;
};

} // namespace Pilvi
