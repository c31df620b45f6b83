// SPDX-License-Identifier: GPL-3.0-or-later
// A job kind written for the runner's tests: it counts `steps` ticks of `intervalMs` on a timer,
// reporting progress as it goes, and fails at tick `failAt` when given. After a restart it
// reconciles as its parameter `resumeAs` says ("succeeded", "failed" or "follow": count on).
// It talks to no cloud: it exercises the runner, not OpenStack.
#pragma once

#include "jobs/job.h"
#include "jobs/jobrunner.h"

namespace Pilvi::Test {

inline constexpr QLatin1StringView countingKind("test.counting");

class CountingJob final : public Job
{
    Q_OBJECT
public:
    using Job::Job;

    static JobSpec spec(int steps, int intervalMs = 1, int failAt = -1, const QString &resumeAs = QStringLiteral("follow"))
    {
        return {countingKind,
                QStringLiteral("no-cloud"),
                QStringLiteral("counter"),
                QJsonObject{{QStringLiteral("steps"), steps},
                            {QStringLiteral("intervalMs"), intervalMs},
                            {QStringLiteral("failAt"), failAt},
                            {QStringLiteral("resumeAs"), resumeAs}},
                {}};
    }

    static void registerWith(JobRunner &runner)
    {
        runner.registerKind(
            countingKind, [](Job::Setup setup, JobHost *host) { return std::make_unique<CountingJob>(std::move(setup), host); });
    }

protected:
    bool needsSession() const override { return false; }

    void start() override
    {
        log(QStringLiteral("counting to %1").arg(steps()));
        tick();
    }

    void resume() override
    {
        const QString as = parameter(QStringLiteral("resumeAs"));
        reconciled(QStringLiteral("counter says %1.").arg(as));
        if (as == u"succeeded")
            succeed();
        else if (as == u"failed")
            fail(QStringLiteral("it had failed"));
        else
            tick();
    }

private:
    int steps() const { return parameters().value(QStringLiteral("steps")).toInt(); }

    void tick()
    {
        if (m_done == parameters().value(QStringLiteral("failAt")).toInt(-1)) {
            fail(QStringLiteral("failed at step %1").arg(m_done));
            return;
        }
        progress(m_done, steps());
        if (m_done == steps()) {
            succeed();
            return;
        }
        ++m_done;
        after(parameters().value(QStringLiteral("intervalMs")).toInt(), [this] { tick(); });
    }

    int m_done = 0;
};

} // namespace Pilvi::Test
