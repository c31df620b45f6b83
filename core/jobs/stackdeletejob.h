// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/stackjob.h"

namespace Pilvi {

/// Deletes a Heat stack and follows it until DELETE_COMPLETE or until Heat no longer knows it.
/// Parameters: name. Facts: stackId, marker. Cancel stops following only: a delete cannot be
/// taken back, and the job says so.
class StackDeleteJob final : public StackJob
{
    Q_OBJECT
public:
    using StackJob::StackJob;

    static JobSpec spec(const QString &cloud, const QString &stackName);

protected:
    void start() override;
    void resume() override;
    void cancel() override;

private:
    void poll();
    void gone();
};

} // namespace Pilvi
