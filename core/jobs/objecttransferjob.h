// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"
#include "net/httptypes.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace Pilvi {

/// What both transfer kinds share: a list of files worked through one after another, progress
/// in KiB over all of them (the fact progressUnit says so), an abort flag that Cancel sets, and a
/// restart that checks which files arrived. Facts: files (the list, [{name, path, bytes}]: the
/// object, the local file, its size), done (how many are through).
class ObjectTransferJob : public Job
{
    Q_OBJECT
public:
    using Job::Job;

    /// Files larger than this go up as static large objects in segments of this size.
    static constexpr qint64 defaultSegmentSize = qint64(1) << 30;

protected:
    void start() final;
    void resume() final;
    void cancel() final;

    /// Lists the files to transfer (folders expanded), then calls begin(files).
    virtual void listFiles() = 0;
    /// Transfers one file; calls next() when it is through.
    virtual void transfer(const QJsonObject &file, const TransferProgress &onProgress) = 0;
    /// After a restart: whether `file` is already where it should be (calls `answer`).
    virtual void checkArrived(const QJsonObject &file, std::function<void(bool)> answer) = 0;
    virtual QString verb() const = 0; ///< "upload", "download": for the log

    void transferFiles(const QJsonArray &files);
    /// After a restart: whether a file or object modified at `modified` can be this job's work.
    bool isFromThisJob(const QDateTime &modified) const;
    void next();
    const AbortFlag &abortFlag() const { return m_abort; }

private:
    void transferAt(int index);
    void checkFrom(int index, int arrived);

    AbortFlag m_abort = std::make_shared<std::atomic_bool>(false);
    QJsonArray m_files;
    qint64 m_totalBytes = 0;
    qint64 m_bytesBefore = 0; ///< of the files already through
    int m_index = 0;
    QElapsedTimer m_sinceCheckpoint;
};

/// Uploads local files and folders into a container (kind object.upload). Parameters: container,
/// prefix (put before every name: the pseudo-folder they go into), paths (local files and
/// folders; a folder keeps its name and its tree under the prefix), segmentSize.
class ObjectUploadJob final : public ObjectTransferJob
{
    Q_OBJECT
public:
    using ObjectTransferJob::ObjectTransferJob;

    static JobSpec spec(const QString &cloud, const QString &container, const QString &prefix, const QStringList &paths,
                        qint64 segmentSize = defaultSegmentSize);
    /// The files of `paths` with their object names (files first, then each folder's tree, sorted);
    /// runs on a worker thread. Unreadable entries are left out and named in `skipped`.
    static QJsonArray filesToUpload(const QString &prefix, const QStringList &paths, QStringList *skipped = nullptr);

protected:
    void listFiles() override;
    void transfer(const QJsonObject &file, const TransferProgress &onProgress) override;
    void checkArrived(const QJsonObject &file, std::function<void(bool)> answer) override;
    QString verb() const override;
};

/// Downloads objects and pseudo-folders into a local folder (kind object.download). Parameters:
/// container, directory, objects ([{name, bytes}]: each lands as directory/<last segment>),
/// folders (prefixes ending in "/": everything under one lands as directory/<its last segment>/...).
class ObjectDownloadJob final : public ObjectTransferJob
{
    Q_OBJECT
public:
    using ObjectTransferJob::ObjectTransferJob;

    struct Object {
        QString name;
        qint64 bytes = 0;
    };
    static JobSpec spec(const QString &cloud, const QString &container, const QString &directory, const QList<Object> &objects,
                        const QStringList &folders);
    /// Where an object under `folder` lands below the target directory: the folder's last
    /// segment and the rest of the name ("a/b/" + "a/b/c/d.txt" -> "b/c/d.txt").
    static QString relativeTarget(const QString &folder, const QString &name);
    /// `relative` below `directory`, or empty when it would land elsewhere ("..", "/x", "a//b").
    static QString targetPath(const QString &directory, const QString &relative);

protected:
    void listFiles() override;
    void transfer(const QJsonObject &file, const TransferProgress &onProgress) override;
    void checkArrived(const QJsonObject &file, std::function<void(bool)> answer) override;
    QString verb() const override;

private:
    void listFolder(int index, QJsonArray files);
};

} // namespace Pilvi
