// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace Pilvi {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_buttons(new QHBoxLayout)
{
    setAccessibleName(tr("File message"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    close->setAccessibleName(tr("Dismiss message"));
    connect(close, &QToolButton::clicked, this, &MessageBar::dismiss);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 3, 3);
    layout->addWidget(m_label, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(close);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text, const QList<std::pair<QString, std::function<void()>>> &actions)
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        // deleteLater: the button being clicked may be the one that replaced the message.
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
    m_label->setText(text);
    for (const auto &[label, action] : actions) {
        auto *button = new QPushButton(label, this);
        connect(button, &QPushButton::clicked, this, [this, action] {
            dismiss();
            action();
        });
        m_buttons->addWidget(button);
    }
    QPalette pal = palette();
    const bool dark = parentWidget() && parentWidget()->palette().color(QPalette::Window).lightness() < 128;
    QColor tint;
    switch (kind) {
    case Kind::Information: tint = QColor(0x3d, 0xae, 0xe9); break;
    case Kind::Warning: tint = QColor(0xf6, 0x74, 0x00); break;
    case Kind::Error: tint = QColor(0xda, 0x44, 0x53); break;
    }
    const QColor base = parentWidget() ? parentWidget()->palette().color(QPalette::Window) : pal.color(QPalette::Window);
    const qreal mix = dark ? 0.35 : 0.2;
    pal.setColor(QPalette::Window,
                 QColor::fromRgbF(base.redF() * (1 - mix) + tint.redF() * mix, base.greenF() * (1 - mix) + tint.greenF() * mix,
                                  base.blueF() * (1 - mix) + tint.blueF() * mix));
    setPalette(pal);
    show();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void MessageBar::dismiss()
{
    hide();
}

} // namespace Pilvi
