// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/objecttransferjob.h"

#include "openstack/objectstorage/objectstorageclient.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>
#include <QMimeDatabase>
#include <QtConcurrentRun>

#include <algorithm>
#include <limits>
#include <utility>

namespace Pilvi {

namespace {
constexpr QLatin1StringView filesKey("files");
constexpr QLatin1StringView doneKey("done");

int kibibytes(qint64 bytes)
{
    return static_cast<int>(std::min<qint64>((bytes + 1023) / 1024, std::numeric_limits<int>::max()));
}

QJsonObject fileEntry(const QString &name, const QString &path, qint64 bytes)
{
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("path"), path}, {QStringLiteral("bytes"), bytes}};
}

QString nameOf(const QJsonObject &file)
{
    return file.value(QStringLiteral("name")).toString();
}

QString pathOf(const QJsonObject &file)
{
    return file.value(QStringLiteral("path")).toString();
}

qint64 bytesOf(const QJsonObject &file)
{
    return file.value(QStringLiteral("bytes")).toInteger();
}

QString lastSegment(QStringView name)
{
    if (name.endsWith(u'/'))
        name.chop(1);
    return name.mid(name.lastIndexOf(u'/') + 1).toString();
}
} // namespace

// --- ObjectTransferJob ---------------------------------------------------------------------------

void ObjectTransferJob::start()
{
    setFact(QStringLiteral("progressUnit"), QStringLiteral("KiB"));
    listFiles();
}

void ObjectTransferJob::transferFiles(const QJsonArray &files)
{
    m_files = files;
    m_totalBytes = 0;
    for (const auto &file : files)
        m_totalBytes += bytesOf(file.toObject());
    setFact(QString(filesKey), files);
    setFact(QString(doneKey), 0);
    log(tr("%1 %n file(s), %2.", nullptr, static_cast<int>(files.size()))
            .arg(verb() == u"upload" ? tr("Uploading") : tr("Downloading"), QLocale().formattedDataSize(m_totalBytes)));
    transferAt(0);
}

void ObjectTransferJob::transferAt(int index)
{
    m_index = index;
    progress(kibibytes(m_bytesBefore), kibibytes(m_totalBytes));
    if (index >= m_files.size()) { // all through, even when a cancel came with the last one
        setFact(QString(doneKey), index);
        log(tr("All %n file(s) are through.", nullptr, static_cast<int>(m_files.size())));
        succeed();
        return;
    }
    if (isCancelRequested()) {
        setFact(QString(doneKey), index);
        finishCancelled(tr("Stopped after %1 of %2 files.").arg(index).arg(m_files.size()));
        return;
    }
    const QJsonObject file = m_files.at(index).toObject();
    const qint64 before = m_bytesBefore;
    transfer(file, ObjectStorageClient::deliverOn(this, [this, before](qint64 done, qint64) {
                 progress(kibibytes(before + done), kibibytes(m_totalBytes));
             }));
}

void ObjectTransferJob::next()
{
    const QJsonObject file = m_files.at(m_index).toObject();
    m_bytesBefore += bytesOf(file);
    log(tr("%1 (%2)").arg(nameOf(file), QLocale().formattedDataSize(bytesOf(file))));
    // The journal rewrites the facts on each change, and they hold the whole file list: record
    // the count now and then, not after every small file. A restart checks from it onward.
    if (!m_sinceCheckpoint.isValid() || m_sinceCheckpoint.elapsed() >= 2000) {
        setFact(QString(doneKey), m_index + 1);
        m_sinceCheckpoint.start();
    }
    transferAt(m_index + 1);
}

void ObjectTransferJob::cancel()
{
    // The transfer under way stops at the flag; between two files, transferAt() stops.
    m_abort->store(true);
    if (m_files.isEmpty())
        finishCancelled(tr("Cancelled before any file was transferred."));
}

bool ObjectTransferJob::isFromThisJob(const QDateTime &modified) const
{
    // Swift's Last-Modified has whole seconds: compare at that grain.
    return modified.isValid() && modified.toSecsSinceEpoch() >= record().createdAt.toSecsSinceEpoch();
}

void ObjectTransferJob::resume()
{
    m_files = record().facts.value(filesKey).toArray();
    if (!record().facts.contains(filesKey)) {
        reconciled(tr("the process ended before it had listed the files."));
        interrupted(tr("nothing was transferred; retry to start again"));
        return;
    }
    checkFrom(record().facts.value(doneKey).toInt(), 0);
}

void ObjectTransferJob::checkFrom(int index, int arrived)
{
    if (index < m_files.size()) {
        checkArrived(m_files.at(index).toObject(), [this, index, arrived](bool there) {
            // Files go one after another: the first one missing ends the check.
            if (there)
                checkFrom(index + 1, arrived + 1);
            else
                checkFrom(static_cast<int>(m_files.size()), arrived);
        });
        return;
    }
    const int done = record().facts.value(doneKey).toInt() + arrived;
    if (done >= m_files.size()) {
        reconciled(tr("all %1 files are where they should be.").arg(m_files.size()));
        succeed();
        return;
    }
    reconciled(tr("%1 of %2 files are where they should be.").arg(done).arg(m_files.size()));
    interrupted(tr("%1 of %2 files were transferred; a retry transfers them all again").arg(done).arg(m_files.size()));
}

// --- ObjectUploadJob -----------------------------------------------------------------------------

JobSpec ObjectUploadJob::spec(const QString &cloud, const QString &container, const QString &prefix, const QStringList &paths,
                              qint64 segmentSize)
{
    const QString what =
        paths.size() == 1 ? QFileInfo(paths.first()).fileName() : tr("%n item(s)", nullptr, static_cast<int>(paths.size()));
    return {JobKinds::objectUpload,
            cloud,
            QStringLiteral("%1/%2%3").arg(container, prefix, what),
            QJsonObject{{QStringLiteral("container"), container},
                        {QStringLiteral("prefix"), prefix},
                        {QStringLiteral("paths"), QJsonArray::fromStringList(paths)},
                        {QStringLiteral("segmentSize"), segmentSize}},
            {}};
}

QJsonArray ObjectUploadJob::filesToUpload(const QString &prefix, const QStringList &paths, QStringList *skipped)
{
    QJsonArray files;
    QStringList folders;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir())
            folders.append(info.absoluteFilePath());
        else if (info.isFile() && info.isReadable())
            files.append(fileEntry(prefix + info.fileName(), info.absoluteFilePath(), info.size()));
        else if (skipped)
            skipped->append(path);
    }
    for (const QString &folder : std::as_const(folders)) {
        const QDir base(folder);
        const QString folderName = base.dirName();
        QList<QFileInfo> found;
        QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo info = it.nextFileInfo();
            if (info.isReadable())
                found.append(info);
            else if (skipped)
                skipped->append(info.filePath());
        }
        std::sort(found.begin(), found.end(),
                  [](const QFileInfo &a, const QFileInfo &b) { return a.absoluteFilePath() < b.absoluteFilePath(); });
        for (const QFileInfo &info : std::as_const(found))
            files.append(fileEntry(prefix + folderName + u'/' + base.relativeFilePath(info.absoluteFilePath()),
                                   info.absoluteFilePath(), info.size()));
    }
    return files;
}

void ObjectUploadJob::listFiles()
{
    const QString prefix = parameter(QStringLiteral("prefix"));
    QStringList paths;
    const QJsonArray given = parameters().value(QStringLiteral("paths")).toArray();
    for (const auto &path : given)
        paths.append(path.toString());
    // A folder may hold many files: walk it on a worker, not on this (the GUI) thread.
    using Listing = std::pair<QJsonArray, QStringList>;
    await<Listing>(QtConcurrent::run([prefix, paths] {
                       QStringList skipped;
                       QJsonArray files = filesToUpload(prefix, paths, &skipped);
                       return Listing(std::move(files), std::move(skipped));
                   }),
                   [this](const Listing &listing) {
                       for (const QString &path : listing.second)
                           log(tr("Left out (cannot be read): %1").arg(path));
                       if (listing.first.isEmpty() && !listing.second.isEmpty()) {
                           fail(tr("none of the files can be read"));
                           return;
                       }
                       transferFiles(listing.first);
                   });
}

void ObjectUploadJob::transfer(const QJsonObject &file, const TransferProgress &onProgress)
{
    const QString container = parameter(QStringLiteral("container"));
    // Swift serves the object with this type: it matters for a public container (a website).
    const QString contentType = QMimeDatabase().mimeTypeForFile(pathOf(file), QMimeDatabase::MatchExtension).name();
    qint64 segmentSize = parameters().value(QStringLiteral("segmentSize")).toInteger();
    if (segmentSize <= 0)
        segmentSize = defaultSegmentSize;
    await<TransferResult>(
        ObjectStorageClient(session()).uploadLargeFile(container, nameOf(file), pathOf(file), segmentSize, onProgress,
                                                       contentType, abortFlag()),
        [this](const TransferResult &) { next(); },
        [this, file](const ApiError &error) {
            if (isCancelRequested())
                finishCancelled(tr("Stopped during %1; Swift keeps nothing of an unfinished upload.").arg(nameOf(file)));
            else
                fail(tr("%1: %2").arg(pathOf(file), error.toString()));
        });
}

void ObjectUploadJob::checkArrived(const QJsonObject &file, std::function<void(bool)> answer)
{
    await<ObjectInfo>(
        ObjectStorageClient(session()).objectInfo(parameter(QStringLiteral("container")), nameOf(file)),
        [this, answer, file](const ObjectInfo &info) { answer(info.bytes == bytesOf(file) && isFromThisJob(info.lastModified)); },
        [answer](const ApiError &) { answer(false); });
}

QString ObjectUploadJob::verb() const
{
    return QStringLiteral("upload");
}

// --- ObjectDownloadJob ---------------------------------------------------------------------------

JobSpec ObjectDownloadJob::spec(const QString &cloud, const QString &container, const QString &directory,
                                const QList<Object> &objects, const QStringList &folders)
{
    QJsonArray objectList;
    for (const Object &object : objects)
        objectList.append(QJsonObject{{QStringLiteral("name"), object.name}, {QStringLiteral("bytes"), object.bytes}});
    const qsizetype count = objects.size() + folders.size();
    const QString what = count == 1 ? (objects.isEmpty() ? folders.first() : objects.first().name)
                                    : tr("%n item(s)", nullptr, static_cast<int>(count));
    return {JobKinds::objectDownload,
            cloud,
            QStringLiteral("%1/%2").arg(container, what),
            QJsonObject{{QStringLiteral("container"), container},
                        {QStringLiteral("directory"), directory},
                        {QStringLiteral("objects"), objectList},
                        {QStringLiteral("folders"), QJsonArray::fromStringList(folders)}},
            {}};
}

QString ObjectDownloadJob::relativeTarget(const QString &folder, const QString &name)
{
    return lastSegment(folder) + u'/' + name.mid(folder.size());
}

QString ObjectDownloadJob::targetPath(const QString &directory, const QString &relative)
{
    // Object names are anyone's text: "a/../../.bashrc" must not land outside the folder chosen.
    const QStringList segments = relative.split(u'/');
    for (const QString &segment : segments) {
        if (segment.isEmpty() || segment == u"." || segment == u"..")
            return {};
    }
    const QString base = QDir::cleanPath(directory);
    const QString path = QDir::cleanPath(base + u'/' + relative);
    return path.startsWith(base + u'/') ? path : QString();
}

void ObjectDownloadJob::listFiles()
{
    const QDir directory(parameter(QStringLiteral("directory")));
    QJsonArray files;
    const QJsonArray objects = parameters().value(QStringLiteral("objects")).toArray();
    for (const auto &value : objects) {
        const QJsonObject object = value.toObject();
        const QString target = targetPath(directory.path(), lastSegment(nameOf(object)));
        if (target.isEmpty())
            log(tr("Left out (its name would land outside the folder): %1").arg(nameOf(object)));
        else
            files.append(fileEntry(nameOf(object), target, bytesOf(object)));
    }
    listFolder(0, files);
}

void ObjectDownloadJob::listFolder(int index, QJsonArray files)
{
    const QJsonArray folders = parameters().value(QStringLiteral("folders")).toArray();
    if (index >= folders.size()) {
        transferFiles(files);
        return;
    }
    const QString folder = folders.at(index).toString();
    await<QList<ObjectEntry>>(ObjectStorageClient(session()).listObjects(parameter(QStringLiteral("container")), folder),
                              [this, index, folder, files](const QList<ObjectEntry> &entries) mutable {
                                  const QDir directory(parameter(QStringLiteral("directory")));
                                  for (const ObjectEntry &entry : entries) {
                                      if (entry.name.endsWith(u'/'))
                                          continue; // a folder marker: the folders come with their files
                                      const QString target = targetPath(directory.path(), relativeTarget(folder, entry.name));
                                      if (target.isEmpty())
                                          log(tr("Left out (its name would land outside the folder): %1").arg(entry.name));
                                      else
                                          files.append(fileEntry(entry.name, target, entry.bytes));
                                  }
                                  listFolder(index + 1, files);
                              });
}

void ObjectDownloadJob::transfer(const QJsonObject &file, const TransferProgress &onProgress)
{
    const QString target = pathOf(file);
    if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
        fail(tr("cannot create the folder %1").arg(QFileInfo(target).absolutePath()));
        return;
    }
    await<TransferResult>(
        ObjectStorageClient(session()).downloadFile(parameter(QStringLiteral("container")), nameOf(file), target, onProgress,
                                                    abortFlag()),
        [this](const TransferResult &) { next(); },
        [this, file](const ApiError &error) {
            if (isCancelRequested())
                finishCancelled(tr("Stopped during %1; no partial file was left.").arg(nameOf(file)));
            else
                fail(tr("%1: %2").arg(nameOf(file), error.toString()));
        });
}

void ObjectDownloadJob::checkArrived(const QJsonObject &file, std::function<void(bool)> answer)
{
    const QFileInfo target(pathOf(file));
    answer(target.isFile() && target.size() == bytesOf(file) && isFromThisJob(target.lastModified()));
}

QString ObjectDownloadJob::verb() const
{
    return QStringLiteral("download");
}

} // namespace Pilvi
