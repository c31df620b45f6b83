// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Pilvi {

/// Where a job stands. Interrupted: its process died before it finished and a restart could not
/// tell how it ended (or it never started); a retry runs it again.
enum class JobState { Queued, Running, Succeeded, Failed, Cancelled, Interrupted };

/// The journal's word for a state: queued, running, succeeded, failed, cancelled, interrupted.
QString jobStateKey(JobState state);
std::optional<JobState> jobStateFromKey(QStringView key);
/// Succeeded, failed, cancelled or interrupted: nothing more will happen to the job.
bool isFinalState(JobState state);

/// The kinds of job Pilvi runs, as the journal names them.
namespace JobKinds {
inline constexpr QLatin1StringView stackCreate("stack.create");
inline constexpr QLatin1StringView stackDelete("stack.delete");
inline constexpr QLatin1StringView stackUpdate("stack.update");
inline constexpr QLatin1StringView scaleSignal("stack.scale-signal");
inline constexpr QLatin1StringView volumeBackup("volume.backup");
inline constexpr QLatin1StringView backupRestore("backup.restore");
inline constexpr QLatin1StringView serverResize("server.resize");
inline constexpr QLatin1StringView objectUpload("object.upload");
inline constexpr QLatin1StringView objectDownload("object.download");
} // namespace JobKinds

/// What is asked for: a job before it has an id. `secrets` (hidden Heat parameters) are handed to
/// the job in memory and never written to the journal, logs or signals.
struct JobSpec {
    QString kind;
    QString cloud;  ///< the clouds.yaml name
    QString target; ///< what it acts on, for people: a stack name, a volume id
    QJsonObject parameters;
    QMap<QString, QString> secrets;
};

struct JobLogLine {
    QDateTime time;
    QString text;
    friend bool operator==(const JobLogLine &, const JobLogLine &) = default;
};

struct JobStateChange {
    JobState state = JobState::Queued;
    QDateTime time;
    friend bool operator==(const JobStateChange &, const JobStateChange &) = default;
};

/// One job as the journal holds it.
struct JobRecord {
    qint64 id = 0;
    QString kind;
    QString cloud;
    QString target;
    QJsonObject parameters;
    QJsonObject facts; ///< what the job learned on the way (a stack id, a backup id, an event marker)
    JobState state = JobState::Queued;
    int progressDone = 0;
    int progressTotal = 0; ///< 0: not known yet
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString error;
    qint64 ownerPid = 0; ///< the process that ran it last
    qint64 retryOf = 0;  ///< the job this one retries, or 0

    friend bool operator==(const JobRecord &, const JobRecord &) = default;
};

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::JobLogLine, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::JobStateChange, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::JobRecord, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(Pilvi::JobRecord)
