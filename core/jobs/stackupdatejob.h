// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/stackjob.h"

namespace Pilvi {

struct StackUpdateRequest;

/// Updates a Heat stack (PATCH with `existing`, else PUT) and follows its events from the last
/// one before the update until UPDATE_COMPLETE, or fails on UPDATE_FAILED / a rollback.
/// Parameters: name, stackId, existing, template, environment, files, parameters,
/// clearParameters, timeoutMinutes, rollback; parameters named hidden travel as secrets.
/// Facts: marker. Cancel: Heat's cancel-update; the job ends cancelled once the rollback ends.
class StackUpdateJob final : public StackJob
{
    Q_OBJECT
public:
    using StackJob::StackJob;

    static JobSpec spec(const QString &cloud, const QString &stackName, const QString &stackId, const StackUpdateRequest &request,
                        const QStringList &hiddenParameters = {});
    static StackUpdateRequest request(const QJsonObject &parameters, const QMap<QString, QString> &secrets);

protected:
    void start() override;
    void resume() override;
    void cancel() override;

private:
    void poll();
    void onStatus(const Stack &stack);
    QString stackRef() const;
};

} // namespace Pilvi
