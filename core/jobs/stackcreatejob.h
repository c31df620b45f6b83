// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/stackjob.h"

namespace Pilvi {

struct StackCreateRequest;

/// Creates a Heat stack and follows its events until CREATE_COMPLETE or CREATE_FAILED.
/// Parameters: name, template, environment, files, parameters, timeout, rollback; hidden template
/// parameters travel as secrets. Facts: stackId, marker.
/// Cancel: Heat has no "cancel create", so the half-made stack is deleted and the job ends
/// cancelled once it is gone.
class StackCreateJob final : public StackJob
{
    Q_OBJECT
public:
    using StackJob::StackJob;

    /// The job for a create request: parameters the template marks `hidden: true` go to the
    /// spec's secrets, never to the journal.
    static JobSpec spec(const QString &cloud, const StackCreateRequest &request);
    /// The request a job's parameters and secrets describe.
    static StackCreateRequest request(const QJsonObject &parameters, const QMap<QString, QString> &secrets);

protected:
    void start() override;
    void resume() override;
    void cancel() override;

private:
    void poll();
    void onStatus(const Stack &stack);
    void deleteAfterCancel();
    void followDelete();
    QString stackRef() const;
};

} // namespace Pilvi
