// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/job.h"

#include <QJsonValue>
#include <QTimer>

namespace Pilvi {

Job::Job(Setup setup, JobHost *host)
    : m_setup(std::move(setup))
    , m_host(host)
{}

void Job::begin()
{
    if (needsSession() && !m_setup.session) {
        fail(tr("the cloud '%1' is not configured (not in clouds.yaml)").arg(m_setup.record.cloud));
        return;
    }
    if (m_setup.resuming)
        resume();
    else
        start();
}

void Job::requestCancel()
{
    if (m_finished || m_cancelRequested)
        return;
    m_cancelRequested = true;
    cancel();
}

void Job::cancel()
{
    finishCancelled(tr("Cancelled."));
}

QString Job::parameter(const QString &key) const
{
    const QJsonValue value = m_setup.record.parameters.value(key);
    return value.isString() ? value.toString() : value.toVariant().toString();
}

QString Job::fact(const QString &key) const
{
    return m_setup.record.facts.value(key).toString();
}

void Job::log(const QString &text)
{
    if (!m_finished)
        m_host->reportLog(this, text);
}

void Job::progress(int done, int total)
{
    if (!m_finished)
        m_host->reportProgress(this, done, total);
}

void Job::setFact(const QString &key, const QJsonValue &value)
{
    m_setup.record.facts.insert(key, value);
    if (!m_finished)
        m_host->reportFacts(this, QJsonObject{{key, value}});
}

void Job::reconciled(const QString &text)
{
    if (!m_finished)
        m_host->reportReconciled(this, text);
}

void Job::succeed()
{
    finish(JobState::Succeeded, {});
}

void Job::fail(const QString &error)
{
    finish(JobState::Failed, error);
}

void Job::finishCancelled(const QString &text)
{
    log(text);
    finish(JobState::Cancelled, {});
}

void Job::interrupted(const QString &text)
{
    finish(JobState::Interrupted, text);
}

void Job::finish(JobState state, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_host->reportFinished(this, state, error);
}

void Job::after(int ms, std::function<void()> step)
{
    const quint64 generation = m_generation;
    QTimer::singleShot(ms, this, [this, generation, step = std::move(step)] {
        if (isCurrent(generation))
            step();
    });
}

void Job::await(QFuture<void> future, std::function<void()> onDone, std::function<void(const ApiError &)> onError)
{
    const quint64 generation = m_generation;
    future.then(this, [this, generation, onDone = std::move(onDone), onError = std::move(onError)](QFuture<void> done) {
        if (!isCurrent(generation))
            return;
        try {
            done.waitForFinished(); // finished already: rethrows the error, if any
            if (done.isCanceled())
                throw ApiError(ApiError::Kind::Cancelled, QStringLiteral("the request was cancelled"));
            onDone();
        } catch (...) {
            handleError(std::current_exception(), onError);
        }
    });
}

void Job::handleError(const std::exception_ptr &error, const std::function<void(const ApiError &)> &onError)
{
    try {
        std::rethrow_exception(error);
    } catch (const ApiError &apiError) {
        if (onError)
            onError(apiError);
        else
            fail(apiError.toString());
    } catch (const QUnhandledException &) {
        fail(tr("an unexpected error in the network code"));
    } catch (const QException &) {
        fail(tr("the request was cancelled"));
    } catch (const std::exception &e) {
        fail(QString::fromLocal8Bit(e.what()));
    }
}

} // namespace Pilvi
