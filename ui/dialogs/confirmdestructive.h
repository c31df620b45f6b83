// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/environment.h"

#include <QDialog>

#include <functional>

class QLineEdit;
class QPushButton;

namespace Pilvi {

/// Asks before a destructive action. In production (needsTypedConfirmation) the user must type
/// the resource's name before the action button works; elsewhere a plain question.
class ConfirmDestructiveDialog final : public QDialog
{
    Q_OBJECT
public:
    ConfirmDestructiveDialog(Environment environment, const QString &cloud, const QString &action, const QString &resourceName,
                             QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_typed; }
    QPushButton *actionButton() const { return m_action; }

    /// Opens the dialog window-modal without a nested event loop; `onConfirmed` runs when the
    /// user confirms. The dialog deletes itself when closed.
    static ConfirmDestructiveDialog *ask(QWidget *parent, Environment environment, const QString &cloud, const QString &action,
                                         const QString &resourceName, std::function<void()> onConfirmed);

private:
    QString m_resourceName;
    QLineEdit *m_typed = nullptr;
    QPushButton *m_action;
};

} // namespace Pilvi
