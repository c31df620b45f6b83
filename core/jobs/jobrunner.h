// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace Pilvi {

class JobJournal;
class Session;

/// Runs jobs without blocking its thread: each job is a small state machine (a Job subclass per
/// kind) driven by QFuture continuations and timers on this thread; the HTTP itself runs on the
/// network thread. At most maxConcurrent() jobs run at once, the others wait queued.
///
/// Every state change is written to the journal before it is announced (jobChanged,
/// jobFinished). Progress and log lines are written as they come and announced coalesced, at
/// most once per progressInterval per job.
///
/// Threading: the runner, its journal and its jobs live on one thread (the GUI thread in pilvi,
/// the main thread in pilvi-cli); every public function is called there.
///
/// Destroying the runner drops its jobs without touching the journal: jobs still running in the
/// cloud stay "running" there, and the next start reconciles them (reconcile()).
class JobRunner final
    : public QObject
    , private JobHost
{
    Q_OBJECT
public:
    /// The session of a cloud by its clouds.yaml name, or null when it is not configured.
    using SessionProvider = std::function<Session *(const QString &cloud)>;
    using JobFactory = std::function<std::unique_ptr<Job>(Job::Setup setup, JobHost *host)>;

    JobRunner(JobJournal *journal, SessionProvider sessions, QObject *parent = nullptr);
    ~JobRunner() override;

    void registerKind(const QString &kind, const JobFactory &factory);
    void setMaxConcurrent(int jobs);
    int maxConcurrent() const { return m_maxConcurrent; }
    void setPollInterval(int ms) { m_pollIntervalMs = ms; }
    void setProgressInterval(int ms);

    JobJournal *journal() const { return m_journal; }

    /// Journals the job as queued and starts it when a slot is free. Returns its id (0 when the
    /// journal cannot be written: the job does not run unrecorded).
    qint64 submit(const JobSpec &spec);
    /// A queued job is cancelled at once; a running one is asked to stop (see Job::requestCancel).
    void cancel(qint64 id);
    /// A new job with the same kind, cloud, target and parameters (and, while this process
    /// lives, the same secrets). Returns its id, or 0 when there is no such finished job.
    qint64 retry(qint64 id);
    /// Picks up the jobs a dead process left queued or running: a running job checks the cloud
    /// and is recorded as it really ended, or followed on; a queued one never started and is
    /// recorded as interrupted. reconcileFinished() tells when each has said what it found.
    /// Returns the number of jobs picked up.
    int reconcile();

    bool isActive(qint64 id) const { return m_running.contains(id) || m_queue.contains(id); }
    int runningCount() const { return static_cast<int>(m_running.size()); }

Q_SIGNALS:
    /// The journaled record after a change (state, progress, log, facts); coalesced.
    void jobChanged(const Pilvi::JobRecord &record);
    void jobFinished(const Pilvi::JobRecord &record);
    /// Every job reconcile() picked up has checked the cloud: the records as they stand then
    /// (finished, or running again and followed).
    void reconcileFinished(const QList<Pilvi::JobRecord> &records);

private:
    void reportLog(Job *job, const QString &text) override;
    void reportProgress(Job *job, int done, int total) override;
    void reportFacts(Job *job, const QJsonObject &facts) override;
    void reportReconciled(Job *job, const QString &text) override;
    void reportFinished(Job *job, JobState state, const QString &error) override;

    void startNext();
    bool launch(const JobRecord &record, bool resuming);
    void finishWithoutRunning(qint64 id, JobState state, const QString &text);
    void markDirty(qint64 id);
    void flush();
    void announce(qint64 id);
    void noteReconciled(qint64 id);

    JobJournal *m_journal;
    SessionProvider m_sessions;
    QHash<QString, JobFactory> m_factories;
    int m_maxConcurrent = 2;
    int m_pollIntervalMs = 2000;
    QList<qint64> m_queue;
    std::map<qint64, std::unique_ptr<Job>> m_running;
    QHash<qint64, QMap<QString, QString>> m_secrets; // only in memory, for retries
    QHash<qint64, std::pair<int, int>> m_pendingProgress;
    QSet<qint64> m_dirty;
    QTimer m_flushTimer;
    QSet<qint64> m_reconciling; // picked up by reconcile(), not yet said what they found
    QList<qint64> m_reconciled;
};

} // namespace Pilvi
