// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/jobspage.h"

#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"
#include "models/joblistmodel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace Pilvi {

namespace {

/// The progress column as a progress bar (busy while the total is not known).
class ProgressDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int percent = index.data(JobListModel::ProgressRole).toInt();
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 3, -2, -3);
        bar.minimum = 0;
        bar.maximum = percent < 0 ? 0 : 100; // 0..0: the style draws a busy bar
        bar.progress = std::max(0, percent);
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        QStyledItemDelegate::paint(painter, option, QModelIndex()); // the selection background
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
    }
};

} // namespace

JobsPage::JobsPage(JobRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_model(new JobListModel(this))
    , m_view(new QTableView(this))
    , m_log(new QPlainTextEdit(this))
    , m_reconcile(new QLabel(this))
    , m_cancel(new QPushButton(tr("&Cancel job"), this))
    , m_retry(new QPushButton(tr("&Retry"), this))
{
    auto *title = new QLabel(tr("Jobs"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);

    m_view->setObjectName(QStringLiteral("jobsTable"));
    m_view->setAccessibleName(tr("Jobs"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(JobListModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(JobListModel::TargetColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(JobListModel::ProgressColumn, 160);

    m_log->setObjectName(QStringLiteral("jobLog"));
    m_log->setAccessibleName(tr("Job log"));
    m_log->setReadOnly(true);
    m_log->setPlaceholderText(tr("Select a job to see its log."));
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_reconcile->setObjectName(QStringLiteral("reconcileSummary"));
    m_reconcile->setWordWrap(true);
    m_reconcile->setTextFormat(Qt::PlainText);
    m_reconcile->hide();

    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_retry->setObjectName(QStringLiteral("retryJob"));
    m_cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(title);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_retry);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_log);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(buttons);
    layout->addWidget(m_reconcile);
    layout->addWidget(split, 1);

    connect(m_runner, &JobRunner::jobChanged, this, &JobsPage::onJobChanged);
    connect(m_runner, &JobRunner::jobFinished, this, &JobsPage::onJobChanged);
    connect(m_runner, &JobRunner::reconcileFinished, this, &JobsPage::onReconciled);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showLog();
        updateButtons();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedJob())
            m_runner->cancel(id);
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedJob()) {
            if (const qint64 retry = m_runner->retry(id))
                selectJob(retry);
        }
    });
    reload();
    if (m_model->rowCount() > 0) // the newest job's log rather than an empty pane
        m_view->setCurrentIndex(m_model->index(0, 0));
    updateButtons();
}

void JobsPage::reload()
{
    const QList<JobRecord> jobs = m_runner->journal()->jobs();
    // Oldest first, so each lands above the ones before it (the model keeps newest first).
    for (auto it = jobs.crbegin(); it != jobs.crend(); ++it)
        m_model->updateJob(*it);
}

void JobsPage::selectJob(qint64 id)
{
    const int row = m_model->rowOf(QString::number(id));
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

qint64 JobsPage::selectedJob() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(JobListModel::IdRole).toLongLong() : 0;
}

QString JobsPage::logText() const
{
    return m_log->toPlainText();
}

QString JobsPage::reconcileText() const
{
    return m_reconcile->isVisible() ? m_reconcile->text() : QString();
}

void JobsPage::showLog()
{
    const qint64 id = selectedJob();
    if (!id) {
        m_log->clear();
        return;
    }
    QStringList lines;
    const std::optional<JobRecord> record = m_runner->journal()->job(id);
    const QList<JobLogLine> log = m_runner->journal()->log(id);
    for (const JobLogLine &line : log)
        lines.append(QLocale().toString(line.time.toLocalTime(), QStringLiteral("HH:mm:ss")) + QStringLiteral("  ") + line.text);
    if (record && !record->error.isEmpty())
        lines.append(tr("Error: %1").arg(record->error));
    m_log->setPlainText(lines.join(QLatin1Char('\n')));
    m_log->moveCursor(QTextCursor::End);
}

void JobsPage::onJobChanged(const JobRecord &record)
{
    m_model->updateJob(record);
    if (record.id == selectedJob()) {
        showLog();
        updateButtons();
    }
}

void JobsPage::onReconciled(const QList<JobRecord> &records)
{
    if (records.isEmpty())
        return;
    QStringList lines;
    for (const JobRecord &record : records) {
        m_model->updateJob(record);
        lines.append(tr("%1 %2 on %3: %4")
                         .arg(JobListModel::kindText(record.kind), record.target, record.cloud, jobStateKey(record.state)));
    }
    m_reconcile->setText(tr("Pilvi stopped while %n job(s) ran; checked with the cloud after the restart:", nullptr,
                            static_cast<int>(records.size())) +
                         QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    m_reconcile->show();
}

void JobsPage::updateButtons()
{
    const qint64 id = selectedJob();
    const bool active = id && m_runner->isActive(id);
    m_cancel->setEnabled(active);
    // What worked needs no retry; what failed, was cancelled or was cut off does.
    const auto record = id ? m_runner->journal()->job(id) : std::nullopt;
    m_retry->setEnabled(record && !active && isFinalState(record->state) && record->state != JobState::Succeeded);
}

} // namespace Pilvi
