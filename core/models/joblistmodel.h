// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/jobrecord.h"
#include "models/keyedlistmodel.h"

namespace Pilvi {

/// The jobs as a table (newest first), refreshed by diff, keyed by job id. Fed by the runner's
/// jobChanged signal (updateJob) or a journal listing (setItems); does no IO itself.
class JobListModel final : public KeyedListModel<JobRecord>
{
    Q_OBJECT
public:
    enum Column {
        KindColumn,
        TargetColumn,
        CloudColumn,
        StateColumn,
        ProgressColumn,
        StartedColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        SortRole,
        StateRole,    ///< JobState as int
        ProgressRole, ///< percent 0..100, or -1 while the total is not known (a busy bar)
        ErrorRole,
    };
    Q_ENUM(Role)

    explicit JobListModel(QObject *parent = nullptr);

    /// Inserts or updates one job, keeping newest first.
    void updateJob(const JobRecord &record);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// A kind as people read it: "Create stack".
    static QString kindText(const QString &kind);
    /// "3 / 7" (resources, steps), or "1.5 MiB / 4 MiB" for a job that counts KiB (the fact
    /// progressUnit); empty while the total is not known.
    static QString progressText(const JobRecord &record);
    /// How long the job ran (or runs, until `now`), in seconds; -1 before it started.
    static qint64 durationSeconds(const JobRecord &record, const QDateTime &now);

protected:
    QString keyOf(const JobRecord &record) const override { return QString::number(record.id); }
};

} // namespace Pilvi
