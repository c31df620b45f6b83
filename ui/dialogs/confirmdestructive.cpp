// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/confirmdestructive.h"

#include "style/environmentstyle.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Pilvi {

ConfirmDestructiveDialog::ConfirmDestructiveDialog(Environment environment, const QString &cloud, const QString &action,
                                                   const QString &resourceName, QWidget *parent)
    : QDialog(parent)
    , m_resourceName(resourceName)
{
    setObjectName(QStringLiteral("confirmDestructiveDialog"));
    setWindowTitle(tr("%1 %2?").arg(action, resourceName));
    auto *layout = new QVBoxLayout(this);
    const bool typed = needsTypedConfirmation(environment);

    auto *question = new QLabel(this);
    question->setWordWrap(true);
    question->setTextFormat(Qt::PlainText);
    question->setText(typed ? tr("%1 is a PRODUCTION cloud. %2 “%3” cannot be undone.\nType the name to confirm:")
                                  .arg(cloud, action, resourceName)
                            : tr("%1 “%2” on %3? This cannot be undone.").arg(action, resourceName, cloud));
    if (typed) {
        // The environment's colour as a band: the same red as the production banner.
        question->setAutoFillBackground(true);
        QPalette palette = question->palette();
        palette.setColor(QPalette::Window, environmentColor(environment));
        palette.setColor(QPalette::WindowText, Qt::white);
        question->setPalette(palette);
        question->setMargin(8);
    }
    layout->addWidget(question);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_action = buttons->addButton(action, QDialogButtonBox::DestructiveRole);
    m_action->setObjectName(QStringLiteral("confirmAction"));
    connect(m_action, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);

    if (typed) {
        m_typed = new QLineEdit(this);
        m_typed->setObjectName(QStringLiteral("confirmName"));
        m_typed->setAccessibleName(tr("Name to confirm"));
        m_typed->setPlaceholderText(resourceName);
        layout->addWidget(m_typed);
        m_action->setEnabled(false);
        connect(m_typed, &QLineEdit::textChanged, this,
                [this](const QString &text) { m_action->setEnabled(text == m_resourceName); });
    }
    layout->addWidget(buttons);
}

ConfirmDestructiveDialog *ConfirmDestructiveDialog::ask(QWidget *parent, Environment environment, const QString &cloud,
                                                        const QString &action, const QString &resourceName,
                                                        std::function<void()> onConfirmed)
{
    auto *dialog = new ConfirmDestructiveDialog(environment, cloud, action, resourceName, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, dialog, [onConfirmed = std::move(onConfirmed)] { onConfirmed(); });
    dialog->open();
    return dialog;
}

} // namespace Pilvi
