// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/transferpanel.h"

#include "jobs/jobrunner.h"
#include "models/joblistmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Pilvi {

namespace {
constexpr auto idProperty = "jobId";
constexpr auto finishedProperty = "finished";
constexpr int maxRows = 3;
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

void TransferPanel::setJobRunner(JobRunner *runner)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    if (!runner)
        return;
    connect(runner, &JobRunner::jobChanged, this, &TransferPanel::update);
    connect(runner, &JobRunner::jobFinished, this, &TransferPanel::showFinished);
}

QWidget *TransferPanel::row(qint64 jobId) const
{
    for (int i = 0; i < m_rows->count(); ++i) {
        QWidget *widget = m_rows->itemAt(i)->widget();
        if (widget && widget->property(idProperty).toLongLong() == jobId)
            return widget;
    }
    return nullptr;
}

void TransferPanel::track(qint64 jobId, const QString &title)
{
    // A few rows at most: the oldest finished ones make room (the Jobs page keeps them all).
    for (int i = 0; i < m_rows->count() && m_rows->count() >= maxRows; ++i) {
        QWidget *old = m_rows->itemAt(i)->widget();
        if (old && old->property(finishedProperty).toBool()) {
            m_rows->removeWidget(old);
            delete old;
            --i;
        }
    }
    auto *rowWidget = new QWidget(this);
    rowWidget->setProperty(idProperty, jobId);
    auto *label = new QLabel(tr("%1 (job %2)").arg(title).arg(jobId), rowWidget);
    label->setObjectName(QStringLiteral("transferTitle"));
    auto *bar = new QProgressBar(rowWidget);
    bar->setObjectName(QStringLiteral("transferProgress"));
    bar->setAccessibleName(tr("Progress of %1").arg(title));
    bar->setRange(0, 0); // busy until the first progress report
    bar->setMaximumWidth(260);
    auto *button = new QToolButton(rowWidget);
    button->setObjectName(QStringLiteral("transferButton"));
    button->setText(tr("Cancel"));
    button->setAccessibleName(tr("Cancel %1").arg(title));
    connect(button, &QToolButton::clicked, this, [this, jobId] {
        QWidget *current = row(jobId);
        if (!current)
            return;
        if (current->property(finishedProperty).toBool()) {
            m_rows->removeWidget(current);
            current->deleteLater();
            setVisible(m_rows->count() > 0);
        } else if (m_runner) {
            m_runner->cancel(jobId);
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
}

void TransferPanel::update(const JobRecord &record)
{
    QWidget *current = row(record.id);
    if (!current || current->property(finishedProperty).toBool() || record.progressTotal <= 0)
        return;
    auto *bar = current->findChild<QProgressBar *>();
    // Transfer jobs count KiB: an int range holds 2 TiB.
    bar->setRange(0, record.progressTotal);
    bar->setValue(record.progressDone);
    bar->setFormat(JobListModel::progressText(record));
}

void TransferPanel::showFinished(const JobRecord &record)
{
    QWidget *current = row(record.id);
    if (!current || current->property(finishedProperty).toBool())
        return;
    --m_active;
    current->setProperty(finishedProperty, true);
    auto *bar = current->findChild<QProgressBar *>();
    const bool ok = record.state == JobState::Succeeded;
    bar->setRange(0, 1);
    bar->setValue(ok ? 1 : 0);
    bar->setFormat(ok ? tr("Done") : record.state == JobState::Cancelled ? tr("Cancelled") : tr("Failed"));
    bar->setToolTip(record.error);
    auto *label = current->findChild<QLabel *>(QStringLiteral("transferTitle"));
    if (!record.error.isEmpty())
        label->setText(tr("%1 — %2").arg(label->text(), record.error));
    current->findChild<QToolButton *>()->setText(tr("Dismiss"));
}

} // namespace Pilvi
