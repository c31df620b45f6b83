// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/jobrecord.h"
#include "net/apierror.h"

#include <QFuture>
#include <QObject>

#include <functional>

namespace Pilvi {

class Job;
class Session;

/// What a running job reports to: the JobRunner. Every call comes on the runner's thread.
class JobHost
{
public:
    virtual ~JobHost() = default;
    virtual void reportLog(Job *job, const QString &text) = 0;
    virtual void reportProgress(Job *job, int done, int total) = 0;
    virtual void reportFacts(Job *job, const QJsonObject &facts) = 0;
    /// After a restart, the job has checked the cloud and says what it found (`text`).
    virtual void reportReconciled(Job *job, const QString &text) = 0;
    virtual void reportFinished(Job *job, JobState state, const QString &error) = 0;
};

/// One job kind's state machine. Lives on the runner's thread and never blocks it: each step is
/// a QFuture continuation or a timer bound to this object, so destroying the job drops whatever
/// was still pending. Cancellation and staleness go through a generation number: a step started
/// under an older generation is dropped when its answer arrives.
class Job : public QObject
{
    Q_OBJECT
public:
    struct Setup {
        JobRecord record;
        Session *session = nullptr; ///< the job's cloud; null when the cloud is not configured
        QMap<QString, QString> secrets;
        bool resuming = false; ///< picked up from the journal after a restart: reconcile first
        int pollIntervalMs = 2000;
    };

    Job(Setup setup, JobHost *host);

    /// Starts the job, or reconciles it with the cloud when it is resumed after a restart.
    void begin();
    /// Asks the job to stop. A kind that can undo or stop what it started in the cloud does so
    /// (a stack create deletes the half-made stack); the others stop following and say so.
    void requestCancel();

    qint64 id() const { return m_setup.record.id; }
    bool isCancelRequested() const { return m_cancelRequested; }
    bool isFinished() const { return m_finished; }

protected:
    /// A fresh start.
    virtual void start() = 0;
    /// After a restart: look at the cloud, then call reconciled() and finish or follow on.
    virtual void resume() = 0;
    /// Default: stop and finish cancelled.
    virtual void cancel();
    /// Whether the kind talks to a cloud (test kinds do not).
    virtual bool needsSession() const { return true; }

    const JobRecord &record() const { return m_setup.record; }
    const QJsonObject &parameters() const { return m_setup.record.parameters; }
    QString parameter(const QString &key) const;
    QString fact(const QString &key) const;
    const QMap<QString, QString> &secrets() const { return m_setup.secrets; }
    Session *session() const { return m_setup.session; }
    int pollIntervalMs() const { return m_setup.pollIntervalMs; }

    void log(const QString &text);
    void progress(int done, int total);
    void setFact(const QString &key, const QJsonValue &value);
    void reconciled(const QString &text);
    void succeed();
    void fail(const QString &error);
    void finishCancelled(const QString &text);
    void interrupted(const QString &text);

    /// Drops every pending step (their answers are ignored when they come).
    void newGeneration() { ++m_generation; }
    /// Runs `step` after `ms` on this job's thread, unless the job finished or moved on.
    void after(int ms, std::function<void()> step);
    /// Hands `future`'s value to `onValue` on this job's thread; an ApiError goes to `onError`
    /// (default: the job fails with it). Dropped if the job finished or moved on meanwhile.
    template<typename T>
    void await(QFuture<T> future, std::function<void(const T &)> onValue, std::function<void(const ApiError &)> onError = {});
    void await(QFuture<void> future, std::function<void()> onDone, std::function<void(const ApiError &)> onError = {});

private:
    bool isCurrent(quint64 generation) const { return !m_finished && generation == m_generation; }
    void handleError(const std::exception_ptr &error, const std::function<void(const ApiError &)> &onError);
    void finish(JobState state, const QString &error);

    Setup m_setup;
    JobHost *m_host;
    quint64 m_generation = 0;
    bool m_cancelRequested = false;
    bool m_finished = false;
};

template<typename T>
void Job::await(QFuture<T> future, std::function<void(const T &)> onValue, std::function<void(const ApiError &)> onError)
{
    const quint64 generation = m_generation;
    future.then(this, [this, generation, onValue = std::move(onValue), onError = std::move(onError)](QFuture<T> done) {
        if (!isCurrent(generation))
            return;
        try {
            done.waitForFinished(); // finished already: rethrows the error, if any
            if (done.isCanceled() || done.resultCount() == 0)
                throw ApiError(ApiError::Kind::Cancelled, QStringLiteral("the request was cancelled"));
            const T value = done.result();
            onValue(value);
        } catch (...) {
            handleError(std::current_exception(), onError);
        }
    });
}

} // namespace Pilvi
