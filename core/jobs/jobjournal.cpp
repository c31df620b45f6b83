// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobjournal.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace Pilvi {

namespace {

// Each schema version's statements, in order; index i upgrades version i to i + 1.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{{
        QStringLiteral("CREATE TABLE jobs ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " kind TEXT NOT NULL, cloud TEXT NOT NULL, target TEXT NOT NULL,"
                       " parameters TEXT NOT NULL DEFAULT '{}', facts TEXT NOT NULL DEFAULT '{}',"
                       " state TEXT NOT NULL,"
                       " progress_done INTEGER NOT NULL DEFAULT 0, progress_total INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER NOT NULL, started_at INTEGER, finished_at INTEGER,"
                       " error TEXT NOT NULL DEFAULT '', owner_pid INTEGER NOT NULL DEFAULT 0,"
                       " retry_of INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE job_log ("
                       " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
                       " time INTEGER NOT NULL, text TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE job_states ("
                       " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
                       " state TEXT NOT NULL, time INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX job_log_job ON job_log(job_id)"),
        QStringLiteral("CREATE INDEX job_states_job ON job_states(job_id)"),
        QStringLiteral("CREATE INDEX jobs_state ON jobs(state)"),
    }};
    return steps;
}

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("pilvi-journal-%1").arg(++counter);
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), QTimeZone::UTC);
}

QJsonObject objectFrom(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QString textOf(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

JobJournal::JobJournal(const QString &path)
    : m_path(path)
    , m_connectionName(nextConnectionName())
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    // Another connection holding the write lock makes us wait, not fail.
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!m_db.open()) {
        m_error = QStringLiteral("cannot open the job journal %1: %2").arg(path, m_db.lastError().text());
        return;
    }
    m_open = exec(QStringLiteral("PRAGMA journal_mode=WAL")) && exec(QStringLiteral("PRAGMA synchronous=NORMAL")) &&
             exec(QStringLiteral("PRAGMA foreign_keys=ON")) && upgrade();
    if (!m_open)
        m_db.close();
}

JobJournal::~JobJournal()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool JobJournal::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    m_error = QStringLiteral("job journal %1: %2").arg(m_path, query.lastError().text());
    return false;
}

int JobJournal::fileSchemaVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool JobJournal::upgrade()
{
    // IMMEDIATE takes the write lock first, so two processes opening a new file do not both
    // create the tables.
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    const int version = fileSchemaVersion();
    if (version > schemaVersion) {
        exec(QStringLiteral("ROLLBACK"));
        m_error = QStringLiteral("the job journal %1 is from a newer Pilvi (schema %2, this one knows %3)")
                      .arg(m_path)
                      .arg(version)
                      .arg(schemaVersion);
        return false;
    }
    for (int step = std::max(version, 0); step < schemaVersion; ++step) {
        for (const QString &statement : migrations().at(step)) {
            if (!exec(statement)) {
                exec(QStringLiteral("ROLLBACK"));
                return false;
            }
        }
    }
    if (version < schemaVersion && !exec(QStringLiteral("PRAGMA user_version=%1").arg(schemaVersion))) {
        exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return exec(QStringLiteral("COMMIT"));
}

void JobJournal::warn(const QString &what, const QString &why) const
{
    qCWarning(lcJobs).noquote() << "job journal:" << what << "failed:" << why;
}

qint64 JobJournal::addJob(const JobSpec &spec, qint64 retryOf)
{
    const qint64 created = now();
    if (!m_db.transaction())
        return 0;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO jobs (kind, cloud, target, parameters, state, created_at, retry_of, owner_pid)"
                                 " VALUES (COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?, ?, ?)"));
    query.addBindValue(spec.kind);
    query.addBindValue(spec.cloud);
    query.addBindValue(spec.target);
    query.addBindValue(textOf(spec.parameters)); // secrets stay out: they are not in parameters
    query.addBindValue(jobStateKey(JobState::Queued));
    query.addBindValue(created);
    query.addBindValue(retryOf);
    query.addBindValue(QCoreApplication::applicationPid());
    if (!query.exec()) {
        warn(QStringLiteral("add job"), query.lastError().text());
        m_db.rollback();
        return 0;
    }
    const qint64 id = query.lastInsertId().toLongLong();
    QSqlQuery history(m_db);
    history.prepare(QStringLiteral("INSERT INTO job_states (job_id, state, time) VALUES (?, ?, ?)"));
    history.addBindValue(id);
    history.addBindValue(jobStateKey(JobState::Queued));
    history.addBindValue(created);
    if (!history.exec() || !m_db.commit()) {
        warn(QStringLiteral("add job"), history.lastError().text());
        m_db.rollback();
        return 0;
    }
    return id;
}

bool JobJournal::setState(qint64 id, JobState state, const QString &error, qint64 ownerPid)
{
    const qint64 time = now();
    if (!m_db.transaction())
        return false;
    QSqlQuery query(m_db);
    if (state == JobState::Running) {
        // A resumed job keeps its first start time.
        query.prepare(QStringLiteral(
            "UPDATE jobs SET state = ?, started_at = COALESCE(started_at, ?), owner_pid = ?, error = '' WHERE id = ?"));
        query.addBindValue(jobStateKey(state));
        query.addBindValue(time);
        query.addBindValue(ownerPid);
    } else if (isFinalState(state)) {
        query.prepare(QStringLiteral("UPDATE jobs SET state = ?, finished_at = ?, error = COALESCE(?, '') WHERE id = ?"));
        query.addBindValue(jobStateKey(state));
        query.addBindValue(time);
        query.addBindValue(error);
    } else {
        query.prepare(QStringLiteral("UPDATE jobs SET state = ? WHERE id = ?"));
        query.addBindValue(jobStateKey(state));
    }
    query.addBindValue(id);
    QSqlQuery history(m_db);
    history.prepare(QStringLiteral("INSERT INTO job_states (job_id, state, time) VALUES (?, ?, ?)"));
    history.addBindValue(id);
    history.addBindValue(jobStateKey(state));
    history.addBindValue(time);
    if (!query.exec() || query.numRowsAffected() != 1 || !history.exec() || !m_db.commit()) {
        warn(QStringLiteral("state of job %1").arg(id), query.lastError().text() + history.lastError().text());
        m_db.rollback();
        return false;
    }
    return true;
}

bool JobJournal::setProgress(qint64 id, int done, int total)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE jobs SET progress_done = ?, progress_total = ? WHERE id = ?"));
    query.addBindValue(done);
    query.addBindValue(total);
    query.addBindValue(id);
    if (query.exec())
        return true;
    warn(QStringLiteral("progress of job %1").arg(id), query.lastError().text());
    return false;
}

bool JobJournal::addFacts(qint64 id, const QJsonObject &facts)
{
    const std::optional<JobRecord> record = job(id);
    if (!record)
        return false;
    QJsonObject merged = record->facts;
    for (auto it = facts.constBegin(); it != facts.constEnd(); ++it)
        merged.insert(it.key(), it.value());
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE jobs SET facts = ? WHERE id = ?"));
    query.addBindValue(textOf(merged));
    query.addBindValue(id);
    if (query.exec())
        return true;
    warn(QStringLiteral("facts of job %1").arg(id), query.lastError().text());
    return false;
}

bool JobJournal::appendLog(qint64 id, const QString &text)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO job_log (job_id, time, text) VALUES (?, ?, COALESCE(?, ''))"));
    query.addBindValue(id);
    query.addBindValue(now());
    query.addBindValue(text);
    if (query.exec())
        return true;
    warn(QStringLiteral("log of job %1").arg(id), query.lastError().text());
    return false;
}

QList<JobRecord> JobJournal::select(const QString &where) const
{
    QList<JobRecord> records;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, kind, cloud, target, parameters, facts, state, progress_done, progress_total,"
                                   " created_at, started_at, finished_at, error, owner_pid, retry_of FROM jobs ") +
                    where)) {
        warn(QStringLiteral("read jobs"), query.lastError().text());
        return records;
    }
    while (query.next()) {
        JobRecord r;
        r.id = query.value(0).toLongLong();
        r.kind = query.value(1).toString();
        r.cloud = query.value(2).toString();
        r.target = query.value(3).toString();
        r.parameters = objectFrom(query.value(4));
        r.facts = objectFrom(query.value(5));
        r.state = jobStateFromKey(query.value(6).toString()).value_or(JobState::Interrupted);
        r.progressDone = query.value(7).toInt();
        r.progressTotal = query.value(8).toInt();
        r.createdAt = timeFrom(query.value(9));
        r.startedAt = timeFrom(query.value(10));
        r.finishedAt = timeFrom(query.value(11));
        r.error = query.value(12).toString();
        r.ownerPid = query.value(13).toLongLong();
        r.retryOf = query.value(14).toLongLong();
        records.append(r);
    }
    return records;
}

std::optional<JobRecord> JobJournal::job(qint64 id) const
{
    const QList<JobRecord> records = select(QStringLiteral("WHERE id = %1").arg(id));
    if (records.isEmpty())
        return std::nullopt;
    return records.constFirst();
}

QList<JobRecord> JobJournal::jobs() const
{
    return select(QStringLiteral("ORDER BY id DESC"));
}

QList<JobRecord> JobJournal::unfinishedJobs() const
{
    return select(QStringLiteral("WHERE state IN ('queued', 'running') ORDER BY id ASC"));
}

QList<JobLogLine> JobJournal::log(qint64 id) const
{
    QList<JobLogLine> lines;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT time, text FROM job_log WHERE job_id = ? ORDER BY seq"));
    query.addBindValue(id);
    if (!query.exec()) {
        warn(QStringLiteral("read log of job %1").arg(id), query.lastError().text());
        return lines;
    }
    while (query.next())
        lines.append({timeFrom(query.value(0)), query.value(1).toString()});
    return lines;
}

QList<JobStateChange> JobJournal::stateHistory(qint64 id) const
{
    QList<JobStateChange> changes;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT state, time FROM job_states WHERE job_id = ? ORDER BY seq"));
    query.addBindValue(id);
    if (!query.exec()) {
        warn(QStringLiteral("read states of job %1").arg(id), query.lastError().text());
        return changes;
    }
    while (query.next())
        changes.append({jobStateFromKey(query.value(0).toString()).value_or(JobState::Interrupted), timeFrom(query.value(1))});
    return changes;
}

} // namespace Pilvi
