// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"
#include "jobs/jobrecord.h"
#include "openstack/orchestration/stackpromotion.h"

#include <QDialog>
#include <QFutureWatcher>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Pilvi {

class JobRunner;
class SessionPool;

/// Promotes a stack into a cloud of another environment: the user picks the target cloud (and
/// the stack name there), sees whether it is a create or an update, the template diff, the
/// parameters (target values editable: keys, networks, flavors, images differ between
/// environments) and, for an update, Heat's preview; Apply (typed name in production) submits
/// a stack.create or stack.update job. Non-blocking: show it with open().
class PromoteDialog final : public QDialog
{
    Q_OBJECT
public:
    PromoteDialog(const CloudProfile &sourceCloud, const QString &stackName, SessionPool *sessions, JobRunner *runner,
                  const QList<CloudProfile> &clouds, QWidget *parent = nullptr);

    /// Creates the dialog, opens it window-modal and returns; it deletes itself when closed.
    static PromoteDialog *open(QWidget *parent, const CloudProfile &sourceCloud, const QString &stackName, SessionPool *sessions,
                               JobRunner *runner, const QList<CloudProfile> &clouds);
    using QDialog::open;

    /// Shows a plan (what the comparison produced); public for tests.
    void setPlan(const PromotionPlan &plan);
    const PromotionPlan &plan() const { return m_plan; }

    QComboBox *targetCloudBox() const { return m_targetCloud; }
    QPlainTextEdit *diffView() const { return m_diff; }
    QTableWidget *parameterTable() const { return m_parameters; }
    QLabel *actionLabel() const { return m_action; }
    QLabel *previewLabel() const { return m_preview; }
    QPushButton *applyButton() const { return m_apply; }

    /// The job a stack.update of `plan` runs: parameters name, stackId, template, environment,
    /// files, parameters, existing (true: PATCH); hidden parameters travel as secrets.
    static JobSpec updateJobSpec(const QString &cloud, const PromotionPlan &plan);

private:
    void compare();
    void apply();
    void submit();
    void onParameterEdited(int row, int column);
    const CloudProfile *targetProfile() const;

    CloudProfile m_source;
    QString m_stackName;
    SessionPool *m_sessions;
    JobRunner *m_runner;
    QList<CloudProfile> m_clouds;
    PromotionPlan m_plan;
    bool m_hasPlan = false;
    QFutureWatcher<PromotionPlan> m_watcher;

    QComboBox *m_targetCloud;
    QLineEdit *m_targetName;
    QPushButton *m_compare;
    QLabel *m_action;
    QPlainTextEdit *m_diff;
    QTableWidget *m_parameters;
    QLabel *m_preview;
    QPushButton *m_apply;
};

} // namespace Pilvi
