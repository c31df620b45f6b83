// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/scalinggroups.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Pilvi {

class Session;
struct StackUpdatePreview;

/// Changes a scaling group's min_size, max_size, desired_capacity (or a ResourceGroup's count)
/// by a stack update (PATCH, `existing`) of the parameter the template takes it from, after a
/// preview that lists what the update would add, delete, replace and update. A size written as
/// a literal in the template cannot be changed this way: the dialog says so and points to the
/// Templates page.
class GroupSizeDialog final : public QDialog
{
    Q_OBJECT
public:
    GroupSizeDialog(Session *session, ScalingGroup group, QWidget *parent = nullptr);

    QComboBox *propertyBox() const { return m_property; }
    QSpinBox *valueBox() const { return m_value; }
    QPushButton *previewButton() const { return m_preview; }
    QPushButton *applyButton() const { return m_apply; }
    QString resultText() const;

Q_SIGNALS:
    void previewFinished();
    /// Heat accepted the update; the stack is updating.
    void updateStarted();

private:
    void preview();
    void apply();
    void showPreview(const QString &parameter, const StackUpdatePreview &preview);
    void invalidate();

    Session *m_session;
    ScalingGroup m_group;
    QComboBox *m_property;
    QSpinBox *m_value;
    QPushButton *m_preview;
    QPushButton *m_apply;
    QLabel *m_message;
    QPlainTextEdit *m_summary;
    QString m_previewedParameter; // set once a preview of the current choice succeeded
    int m_request = 0;            // answers to an earlier preview are dropped
};

} // namespace Pilvi
