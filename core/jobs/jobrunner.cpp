// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobrunner.h"

#include "jobs/jobjournal.h"
#include "jobs/processliveness.h"
#include "util/logging.h"

#include <QCoreApplication>

namespace Pilvi {

JobRunner::JobRunner(JobJournal *journal, SessionProvider sessions, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_sessions(std::move(sessions))
{
    qRegisterMetaType<Pilvi::JobRecord>();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(250);
    connect(&m_flushTimer, &QTimer::timeout, this, &JobRunner::flush);
}

JobRunner::~JobRunner()
{
    // Jobs go without a word to the journal: what runs in the cloud is reconciled next start.
    m_running.clear();
}

void JobRunner::registerKind(const QString &kind, const JobFactory &factory)
{
    m_factories.insert(kind, factory);
}

void JobRunner::setMaxConcurrent(int jobs)
{
    m_maxConcurrent = std::max(1, jobs);
    startNext();
}

void JobRunner::setProgressInterval(int ms)
{
    m_flushTimer.setInterval(ms);
}

qint64 JobRunner::submit(const JobSpec &spec)
{
    const qint64 id = m_journal->addJob(spec);
    if (id == 0)
        return 0;
    if (!spec.secrets.isEmpty())
        m_secrets.insert(id, spec.secrets);
    m_queue.append(id);
    announce(id);
    startNext();
    return id;
}

void JobRunner::cancel(qint64 id)
{
    if (m_queue.removeOne(id)) {
        m_journal->appendLog(id, tr("Cancelled before it started."));
        finishWithoutRunning(id, JobState::Cancelled, {});
        return;
    }
    const auto it = m_running.find(id);
    if (it != m_running.end()) {
        m_journal->appendLog(id, tr("Cancel requested."));
        markDirty(id);
        it->second->requestCancel();
    }
}

qint64 JobRunner::retry(qint64 id)
{
    const std::optional<JobRecord> old = m_journal->job(id);
    if (!old || !isFinalState(old->state))
        return 0;
    const JobSpec spec{old->kind, old->cloud, old->target, old->parameters, m_secrets.value(id)};
    const qint64 newId = m_journal->addJob(spec, id);
    if (newId == 0)
        return 0;
    if (!spec.secrets.isEmpty())
        m_secrets.insert(newId, spec.secrets);
    m_journal->appendLog(newId, tr("Retry of job %1.").arg(id));
    m_queue.append(newId);
    announce(newId);
    startNext();
    return newId;
}

int JobRunner::reconcile()
{
    const qint64 self = QCoreApplication::applicationPid();
    QList<JobRecord> found;
    const auto unfinished = m_journal->unfinishedJobs();
    for (const JobRecord &record : unfinished) {
        if (isActive(record.id))
            continue;
        // A job whose process still runs is that process's (pilvi-cli next to pilvi). This
        // process's own jobs that no runner holds were left by an earlier runner here.
        if (record.ownerPid != 0 && record.ownerPid != self && processIsAlive(record.ownerPid))
            continue;
        found.append(record);
    }
    // All of them first: the summary goes out when the last one has said what it found.
    for (const JobRecord &record : std::as_const(found))
        m_reconciling.insert(record.id);
    for (const JobRecord &record : std::as_const(found)) {
        if (record.state == JobState::Queued) {
            m_journal->appendLog(record.id, tr("Reconciled after a restart: it never started. Retry to run it."));
            finishWithoutRunning(record.id, JobState::Interrupted, tr("never started: the process that queued it ended"));
            continue;
        }
        m_journal->appendLog(record.id, tr("Found unfinished after a restart; checking the cloud."));
        if (!launch(record, true))
            noteReconciled(record.id);
    }
    return static_cast<int>(found.size());
}

void JobRunner::startNext()
{
    while (!m_queue.isEmpty() && runningCount() < m_maxConcurrent) {
        const qint64 id = m_queue.takeFirst();
        const std::optional<JobRecord> record = m_journal->job(id);
        if (!record)
            continue;
        launch(*record, false);
    }
}

bool JobRunner::launch(const JobRecord &record, bool resuming)
{
    const auto factory = m_factories.constFind(record.kind);
    if (factory == m_factories.cend()) {
        m_journal->appendLog(record.id, tr("This Pilvi does not know jobs of kind '%1'.").arg(record.kind));
        finishWithoutRunning(record.id, resuming ? JobState::Interrupted : JobState::Failed,
                             tr("unknown job kind '%1'").arg(record.kind));
        return false;
    }
    // Written first, then announced, then run.
    if (!m_journal->setState(record.id, JobState::Running, {}, QCoreApplication::applicationPid())) {
        qCWarning(lcJobs) << "job" << record.id << "not started: the journal cannot be written";
        return false;
    }
    Job::Setup setup;
    setup.record = m_journal->job(record.id).value_or(record);
    setup.session = m_sessions ? m_sessions(record.cloud) : nullptr;
    setup.secrets = m_secrets.value(record.id);
    setup.resuming = resuming;
    setup.pollIntervalMs = m_pollIntervalMs;
    std::unique_ptr<Job> job = (*factory)(std::move(setup), this);
    Job *raw = job.get();
    m_running[record.id] = std::move(job);
    announce(record.id);
    raw->begin();
    return true;
}

void JobRunner::finishWithoutRunning(qint64 id, JobState state, const QString &text)
{
    m_journal->setState(id, state, text);
    m_pendingProgress.remove(id);
    m_dirty.remove(id);
    const std::optional<JobRecord> record = m_journal->job(id);
    if (record) {
        Q_EMIT jobChanged(*record);
        Q_EMIT jobFinished(*record);
    }
    noteReconciled(id);
}

void JobRunner::reportLog(Job *job, const QString &text)
{
    m_journal->appendLog(job->id(), text);
    markDirty(job->id());
}

void JobRunner::reportProgress(Job *job, int done, int total)
{
    m_pendingProgress.insert(job->id(), {done, total});
    markDirty(job->id());
}

void JobRunner::reportFacts(Job *job, const QJsonObject &facts)
{
    // What a job learned (a stack id) is what a restart needs: written at once.
    m_journal->addFacts(job->id(), facts);
    markDirty(job->id());
}

void JobRunner::reportReconciled(Job *job, const QString &text)
{
    m_journal->appendLog(job->id(), tr("Reconciled after a restart: %1").arg(text));
    announce(job->id());
    noteReconciled(job->id());
}

void JobRunner::reportFinished(Job *job, JobState state, const QString &error)
{
    const qint64 id = job->id();
    // The last progress goes in before the final state.
    if (const auto progress = m_pendingProgress.constFind(id); progress != m_pendingProgress.cend())
        m_journal->setProgress(id, progress->first, progress->second);
    m_pendingProgress.remove(id);
    m_dirty.remove(id);
    m_journal->setState(id, state, error);
    // The job is in the middle of a call into us: delete it later, on the event loop.
    const auto it = m_running.find(id);
    if (it != m_running.end()) {
        it->second.release()->deleteLater();
        m_running.erase(it);
    }
    const std::optional<JobRecord> record = m_journal->job(id);
    if (record) {
        Q_EMIT jobChanged(*record);
        Q_EMIT jobFinished(*record);
    }
    noteReconciled(id);
    // Start the next one from the event loop, not from inside the finishing job's call.
    QMetaObject::invokeMethod(this, &JobRunner::startNext, Qt::QueuedConnection);
}

void JobRunner::noteReconciled(qint64 id)
{
    if (id != 0 && !m_reconciling.remove(id))
        return;
    if (id != 0)
        m_reconciled.append(id);
    if (!m_reconciling.isEmpty())
        return;
    QList<JobRecord> records;
    for (qint64 each : std::as_const(m_reconciled)) {
        if (const std::optional<JobRecord> record = m_journal->job(each))
            records.append(*record);
    }
    m_reconciled.clear();
    if (!records.isEmpty())
        Q_EMIT reconcileFinished(records);
}

void JobRunner::markDirty(qint64 id)
{
    m_dirty.insert(id);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void JobRunner::flush()
{
    const QSet<qint64> dirty = std::exchange(m_dirty, {});
    for (qint64 id : dirty) {
        if (const auto progress = m_pendingProgress.constFind(id); progress != m_pendingProgress.cend()) {
            m_journal->setProgress(id, progress->first, progress->second);
            m_pendingProgress.erase(progress);
        }
        announce(id);
    }
}

void JobRunner::announce(qint64 id)
{
    if (const std::optional<JobRecord> record = m_journal->job(id))
        Q_EMIT jobChanged(*record);
}

} // namespace Pilvi
