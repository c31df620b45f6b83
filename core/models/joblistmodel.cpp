// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/joblistmodel.h"

#include <QLocale>

namespace Pilvi {

namespace {
QString durationText(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return JobListModel::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return JobListModel::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return JobListModel::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

int percent(const JobRecord &record)
{
    if (record.state == JobState::Succeeded)
        return 100;
    if (record.progressTotal <= 0)
        return -1;
    return static_cast<int>(std::clamp<qint64>(qint64(record.progressDone) * 100 / record.progressTotal, 0, 100));
}
} // namespace

JobListModel::JobListModel(QObject *parent)
    : KeyedListModel<JobRecord>(parent)
{}

void JobListModel::updateJob(const JobRecord &record)
{
    QList<JobRecord> jobs = items();
    const int row = rowOf(keyOf(record));
    if (row >= 0) {
        jobs[row] = record;
    } else {
        const auto at = std::find_if(jobs.begin(), jobs.end(), [&](const JobRecord &j) { return j.id < record.id; });
        jobs.insert(at, record);
    }
    setItems(jobs);
}

QString JobListModel::kindText(const QString &kind)
{
    if (kind == JobKinds::stackCreate)
        return tr("Create stack");
    if (kind == JobKinds::stackDelete)
        return tr("Delete stack");
    if (kind == JobKinds::stackUpdate)
        return tr("Update stack");
    if (kind == JobKinds::scaleSignal)
        return tr("Scale group");
    if (kind == JobKinds::volumeBackup)
        return tr("Back up volume");
    if (kind == JobKinds::backupRestore)
        return tr("Restore backup");
    if (kind == JobKinds::serverResize)
        return tr("Resize server");
    if (kind == JobKinds::objectUpload)
        return tr("Upload");
    if (kind == JobKinds::objectDownload)
        return tr("Download");
    return kind;
}

QString JobListModel::progressText(const JobRecord &record)
{
    if (record.progressTotal <= 0)
        return {};
    if (record.facts.value(QStringLiteral("progressUnit")).toString() == u"KiB") {
        const QLocale locale;
        return tr("%1 / %2").arg(locale.formattedDataSize(qint64(record.progressDone) * 1024),
                                 locale.formattedDataSize(qint64(record.progressTotal) * 1024));
    }
    return tr("%1 / %2").arg(record.progressDone).arg(record.progressTotal);
}

qint64 JobListModel::durationSeconds(const JobRecord &record, const QDateTime &now)
{
    if (!record.startedAt.isValid())
        return -1;
    const QDateTime end = record.finishedAt.isValid() ? record.finishedAt : now;
    return std::max<qint64>(0, record.startedAt.secsTo(end));
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobRecord &job = itemAt(index.row());
    switch (role) {
    case IdRole: return job.id;
    case StateRole: return static_cast<int>(job.state);
    case ProgressRole: return percent(job);
    case ErrorRole: return job.error;
    case Qt::ToolTipRole: return job.error.isEmpty() ? QVariant() : QVariant(job.error);
    case Qt::DisplayRole:
    case SortRole: break;
    default: return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
    case KindColumn: return kindText(job.kind);
    case TargetColumn: return job.target;
    case CloudColumn: return job.cloud;
    case StateColumn: return sort ? QVariant(static_cast<int>(job.state)) : QVariant(jobStateKey(job.state));
    case ProgressColumn:
        if (sort)
            return percent(job);
        return progressText(job);
    case StartedColumn:
        if (sort)
            return job.startedAt;
        return job.startedAt.isValid() ? QLocale().toString(job.startedAt.toLocalTime(), QLocale::ShortFormat) : QString();
    case DurationColumn: {
        const qint64 seconds = durationSeconds(job, QDateTime::currentDateTimeUtc());
        return sort ? QVariant(seconds) : QVariant(durationText(seconds));
    }
    default: return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn: return tr("Job");
    case TargetColumn: return tr("Target");
    case CloudColumn: return tr("Cloud");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case StartedColumn: return tr("Started");
    case DurationColumn: return tr("Duration");
    default: return {};
    }
}

} // namespace Pilvi
