// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/transferpanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Pilvi {

namespace {
constexpr auto idProperty = "transferId";
} // namespace

TransferPanel::TransferPanel(QWidget *parent)
    : QWidget(parent)
    , m_rows(new QVBoxLayout)
{
    setObjectName(QStringLiteral("transferPanel"));
    setAccessibleName(tr("Transfers"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rows->setSpacing(2);
    layout->addLayout(m_rows);
    hide(); // shown while there is a row
}

QWidget *TransferPanel::row(int id) const
{
    for (int i = 0; i < m_rows->count(); ++i) {
        QWidget *widget = m_rows->itemAt(i)->widget();
        if (widget && widget->property(idProperty).toInt() == id)
            return widget;
    }
    return nullptr;
}

int TransferPanel::add(const QString &title, std::function<void()> cancel)
{
    const int id = m_nextId++;
    auto *rowWidget = new QWidget(this);
    rowWidget->setProperty(idProperty, id);
    auto *label = new QLabel(title, rowWidget);
    label->setObjectName(QStringLiteral("transferTitle"));
    auto *bar = new QProgressBar(rowWidget);
    bar->setObjectName(QStringLiteral("transferProgress"));
    bar->setAccessibleName(tr("Progress of %1").arg(title));
    bar->setRange(0, 0); // busy until the first progress report
    bar->setMaximumWidth(240);
    auto *button = new QToolButton(rowWidget);
    button->setObjectName(QStringLiteral("transferButton"));
    button->setText(tr("Cancel"));
    button->setAccessibleName(tr("Cancel %1").arg(title));
    connect(button, &QToolButton::clicked, this, [this, id, cancel = std::move(cancel)] {
        QWidget *current = row(id);
        if (!current)
            return;
        if (current->property("finished").toBool()) {
            current->deleteLater();
            m_rows->removeWidget(current);
            setVisible(m_rows->count() > 0);
        } else if (cancel) {
            cancel();
        }
    });
    auto *layout = new QHBoxLayout(rowWidget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label, 1);
    layout->addWidget(bar);
    layout->addWidget(button);
    m_rows->addWidget(rowWidget);
    ++m_active;
    show();
    return id;
}

void TransferPanel::setProgress(int id, qint64 done, qint64 total)
{
    QWidget *current = row(id);
    if (!current)
        return;
    auto *bar = current->findChild<QProgressBar *>();
    if (total > 0) {
        // Per mille, so files over 2 GiB fit an int range.
        bar->setRange(0, 1000);
        bar->setValue(static_cast<int>(done * 1000 / total));
        bar->setFormat(QStringLiteral("%1 / %2").arg(QLocale().formattedDataSize(done), QLocale().formattedDataSize(total)));
    } else {
        bar->setFormat(QLocale().formattedDataSize(done));
    }
}

void TransferPanel::finish(int id, const QString &error)
{
    QWidget *current = row(id);
    if (!current)
        return;
    --m_active;
    current->setProperty("finished", true);
    auto *bar = current->findChild<QProgressBar *>();
    bar->setRange(0, 1);
    bar->setValue(error.isEmpty() ? 1 : 0);
    bar->setFormat(error.isEmpty() ? tr("Done") : tr("Failed"));
    bar->setToolTip(error);
    auto *label = current->findChild<QLabel *>(QStringLiteral("transferTitle"));
    if (!error.isEmpty())
        label->setText(tr("%1 — %2").arg(label->text(), error));
    auto *button = current->findChild<QToolButton *>();
    button->setText(tr("Dismiss"));
}

} // namespace Pilvi
