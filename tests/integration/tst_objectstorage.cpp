// SPDX-License-Identifier: GPL-3.0-or-later
// Swift beyond plain objects, against the sandbox cloud: static large objects in segments,
// public and private containers, temporary URLs, server-side copies of old versions.
#include "../sandboxcloud.h"
#include "cloudawait.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/objectstorage/objectstorageclient.h"
#include "openstack/objectstorage/tempurl.h"

#include <QCryptographicHash>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 mebibyte = qint64(1024) * 1024;

/// Writes `size` random bytes to `path` and returns their MD5.
QByteArray writeRandomFile(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QCryptographicHash md5(QCryptographicHash::Md5);
    QByteArray block(mebibyte, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        const qint64 count = std::min<qint64>(left, block.size());
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        md5.addData(QByteArrayView(block.constData(), count));
        file.write(block.constData(), count);
        left -= count;
    }
    return md5.result().toHex();
}

QByteArray md5OfFile(const QString &path)
{
    QFile file(path);
    QCryptographicHash md5(QCryptographicHash::Md5);
    if (!file.open(QIODevice::ReadOnly) || !md5.addData(&file))
        return {};
    return md5.result().toHex();
}

} // namespace

class TestObjectStorage : public QObject
{
    Q_OBJECT
private:
    NetworkAccess m_network;
    std::unique_ptr<Session> m_session;
    QString m_container;

    Session *session() { return m_session.get(); }
    ObjectStorageClient swift() { return ObjectStorageClient(session()); }

    /// A GET without a token, as a browser or curl holding a link would send it.
    HttpResponse anonymousGet(const QUrl &url)
    {
        HttpRequest request;
        request.url = url;
        return await(m_network.send(request));
    }

    QStringList segmentNames()
    {
        QStringList names;
        const QList<ObjectEntry> segments = await(swift().listObjects(ObjectStorageClient::segmentsContainer(m_container)));
        for (const ObjectEntry &segment : segments)
            names.append(segment.name);
        return names;
    }

    static void run(const std::function<void()> &body)
    {
        try {
            body();
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        const CloudSelection sandbox = findSandboxCloud(QStringLiteral("sandbox"));
        if (!sandbox.cloud)
            QFAIL(qPrintable(sandbox.error));
        m_session = std::make_unique<Session>(*sandbox.cloud, &m_network);
        m_container = unique("it-objects");
        run([this] {
            awaitVoid(swift().createContainer(m_container));
            awaitVoid(swift().createContainer(ObjectStorageClient::segmentsContainer(m_container)));
        });
    }

    void cleanupTestCase()
    {
        if (!m_session)
            return;
        try {
            const QStringList containers{m_container, ObjectStorageClient::segmentsContainer(m_container),
                                         m_container + QStringLiteral("-versions")};
            for (const QString &container : containers) {
                const QList<ObjectEntry> objects = await(swift().listObjects(container));
                for (const ObjectEntry &object : objects)
                    awaitVoid(swift().deleteObject(container, object.name));
                awaitVoid(swift().deleteContainer(container));
            }
        } catch (const ApiError &error) {
            if (error.httpStatus() != 404) // the archive exists only when its test ran
                qWarning("cleanup: %s", qPrintable(error.toString()));
        }
    }

    // 3 MiB and a bit in 1 MiB segments: four segments in <container>_segments, one manifest;
    // the download is the file byte for byte, and deleting the object takes its segments along.
    void largeObjectGoesUpInSegments()
    {
        run([this] {
            QTemporaryDir dir;
            const QString source = dir.filePath(QStringLiteral("large.bin"));
            const qint64 size = 3 * mebibyte + 123;
            const QByteArray md5 = writeRandomFile(source, size);
            QVERIFY(!md5.isEmpty());
            QList<qint64> progress;
            const TransferResult up = await(swift().uploadLargeFile(
                m_container, QStringLiteral("big/large.bin"), source, mebibyte,
                ObjectStorageClient::deliverOn(this, [&progress](qint64 done, qint64) { progress.append(done); })));
            QCOMPARE(up.bytes, size);
            QTRY_VERIFY(!progress.isEmpty() && progress.constLast() == size);
            QVERIFY(std::is_sorted(progress.cbegin(), progress.cend())); // one running count over the segments

            const QStringList segments = segmentNames();
            QCOMPARE(segments.size(), 4);
            QVERIFY2(segments.first().startsWith(QStringLiteral("big/large.bin/slo/")), qPrintable(segments.first()));
            QVERIFY(segments.first().contains(QStringLiteral("/3145851/1048576/"))); // size, segment size
            QVERIFY(segments.first().endsWith(QStringLiteral("/00000000")));

            const ObjectInfo info = await(swift().objectInfo(m_container, QStringLiteral("big/large.bin")));
            QVERIFY(info.isLargeObject);
            QCOMPARE(info.bytes, size);
            const QString target = dir.filePath(QStringLiteral("back.bin"));
            QCOMPARE(await(swift().downloadFile(m_container, QStringLiteral("big/large.bin"), target)).bytes, size);
            QCOMPARE(md5OfFile(target), md5);

            awaitVoid(swift().deleteObject(m_container, QStringLiteral("big/large.bin")));
            QVERIFY(segmentNames().isEmpty());
            QVERIFY(await(swift().listObjects(m_container)).isEmpty());
        });
    }

    void smallFileGoesUpWhole()
    {
        run([this] {
            QTemporaryDir dir;
            const QString source = dir.filePath(QStringLiteral("small.bin"));
            const QByteArray md5 = writeRandomFile(source, mebibyte);
            const TransferResult up = await(swift().uploadLargeFile(m_container, QStringLiteral("small.bin"), source, mebibyte));
            QCOMPARE(up.md5.toLatin1(), md5); // a plain object: its ETag is the file's MD5
            QVERIFY(!await(swift().objectInfo(m_container, QStringLiteral("small.bin"))).isLargeObject);
            QVERIFY(segmentNames().isEmpty());
            awaitVoid(swift().deleteObject(m_container, QStringLiteral("small.bin")));
        });
    }

    // Aborted in the second segment: the first is deleted again and no manifest exists.
    void abortedLargeUploadLeavesNoSegments()
    {
        run([this] {
            QTemporaryDir dir;
            const QString source = dir.filePath(QStringLiteral("aborted.bin"));
            writeRandomFile(source, 4 * mebibyte);
            auto abort = std::make_shared<std::atomic_bool>(false);
            const QFuture<TransferResult> upload = swift().uploadLargeFile(
                m_container, QStringLiteral("aborted.bin"), source, mebibyte,
                [abort](qint64 done, qint64) {
                    if (done > mebibyte + mebibyte / 2)
                        abort->store(true);
                },
                QStringLiteral("application/octet-stream"), abort);
            try {
                await(upload);
                QFAIL("the aborted upload succeeded");
            } catch (const ApiError &error) {
                QCOMPARE(error.kind(), ApiError::Kind::Cancelled);
            }
            QVERIFY(segmentNames().isEmpty());
            try {
                await(swift().objectInfo(m_container, QStringLiteral("aborted.bin")));
                QFAIL("a manifest was stored");
            } catch (const ApiError &error) {
                QCOMPARE(error.httpStatus(), 404);
            }
        });
    }

    // An upload of the same file that fails must not take the segments of the object already
    // there: each attempt has segments of its own.
    void abortedReuploadKeepsTheObjectThere()
    {
        run([this] {
            QTemporaryDir dir;
            const QString source = dir.filePath(QStringLiteral("same.bin"));
            const QByteArray md5 = writeRandomFile(source, 3 * mebibyte);
            await(swift().uploadLargeFile(m_container, QStringLiteral("same.bin"), source, mebibyte));
            auto abort = std::make_shared<std::atomic_bool>(false);
            try {
                await(swift().uploadLargeFile(
                    m_container, QStringLiteral("same.bin"), source, mebibyte,
                    [abort](qint64 done, qint64) {
                        if (done > mebibyte)
                            abort->store(true);
                    },
                    QStringLiteral("application/octet-stream"), abort));
                QFAIL("the aborted upload succeeded");
            } catch (const ApiError &error) {
                QCOMPARE(error.kind(), ApiError::Kind::Cancelled);
            }
            const QString back = dir.filePath(QStringLiteral("back.bin"));
            QCOMPARE(await(swift().downloadFile(m_container, QStringLiteral("same.bin"), back)).bytes, 3 * mebibyte);
            QCOMPARE(md5OfFile(back), md5);
            QCOMPARE(segmentNames().size(), 3); // the first upload's, and none of the second's
            awaitVoid(swift().deleteObject(m_container, QStringLiteral("same.bin")));
            QVERIFY(segmentNames().isEmpty());
        });
    }

    // A new upload over a large object deletes the segments it replaced, once it is stored; a
    // container that keeps old versions keeps them (the archived manifest uses them).
    void reuploadDeletesTheSegmentsItReplaces()
    {
        run([this] {
            QTemporaryDir dir;
            const QString first = dir.filePath(QStringLiteral("first.bin"));
            const QString second = dir.filePath(QStringLiteral("second.bin"));
            writeRandomFile(first, 3 * mebibyte);
            const QByteArray secondMd5 = writeRandomFile(second, 2 * mebibyte + 1);
            const QString name = QStringLiteral("replaced.bin");
            await(swift().uploadLargeFile(m_container, name, first, mebibyte));
            const QStringList before = segmentNames();
            QCOMPARE(before.size(), 3);

            await(swift().uploadLargeFile(m_container, name, second, mebibyte));
            const QStringList after = segmentNames();
            QCOMPARE(after.size(), 3); // 1 + 1 MiB + 1 byte
            for (const QString &segment : after)
                QVERIFY2(!before.contains(segment), qPrintable(segment + QStringLiteral(" of the first upload is left")));
            const QString back = dir.filePath(QStringLiteral("back.bin"));
            await(swift().downloadFile(m_container, name, back));
            QCOMPARE(md5OfFile(back), secondMd5);

            const QString archive = m_container + QStringLiteral("-old");
            awaitVoid(swift().createContainer(archive));
            awaitVoid(swift().setVersioning(m_container, VersioningMode::Stack, archive));
            // Versioning off first, or deleting the object would bring the archived one back.
            const auto cleanup = qScopeGuard([&] {
                try {
                    awaitVoid(swift().setVersioning(m_container, VersioningMode::Off));
                    awaitVoid(swift().deleteObject(m_container, name));
                    const QList<ObjectEntry> archived = await(swift().listObjects(archive));
                    for (const ObjectEntry &old : archived)
                        awaitVoid(swift().deleteObject(archive, old.name));
                    awaitVoid(swift().deleteContainer(archive));
                } catch (const ApiError &error) {
                    qWarning("cleanup: %s", qPrintable(error.toString()));
                }
            });
            await(swift().uploadLargeFile(m_container, name, first, mebibyte));
            QCOMPARE(segmentNames().size(), 6); // the archived version still needs its three
        });
    }

    void folderPrefixMustBeAFolder()
    {
        for (const QString &prefix : {QString(), QStringLiteral("photos")}) {
            try {
                await(swift().deleteFolder(m_container, prefix));
                QFAIL("deleted a prefix that is not a folder");
            } catch (const ApiError &error) {
                QCOMPARE(error.kind(), ApiError::Kind::Config);
            }
        }
    }

    void publicContainerIsReadableWithoutToken()
    {
        run([this] {
            awaitVoid(swift().putObject(m_container, QStringLiteral("page.html"), "<p>hello</p>"));
            const QUrl url = await(swift().objectUrl(m_container, QStringLiteral("page.html")));
            QVERIFY2(url.path().endsWith(u'/' + m_container + QStringLiteral("/page.html")), qPrintable(url.toString()));
            QVERIFY(!await(swift().containerInfo(m_container)).isPublic());
            QCOMPARE(anonymousGet(url).status, 401);

            awaitVoid(swift().setContainerReadAcl(m_container, ObjectStorageClient::publicReadAcl()));
            QVERIFY(await(swift().containerInfo(m_container)).isPublic());
            const HttpResponse shared = anonymousGet(url);
            QCOMPARE(shared.status, 200);
            QCOMPARE(shared.body, QByteArray("<p>hello</p>"));

            awaitVoid(swift().setContainerReadAcl(m_container, {}));
            QVERIFY(!await(swift().containerInfo(m_container)).isPublic());
            QCOMPARE(anonymousGet(url).status, 401);
            awaitVoid(swift().deleteObject(m_container, QStringLiteral("page.html")));
        });
    }

    void temporaryUrlWorksWithoutToken()
    {
        run([this] {
            awaitVoid(swift().putObject(m_container, QStringLiteral("report.pdf"), "%PDF-1.4 sandbox"));
            QString key = await(swift().accountInfo()).metadata.value(QStringLiteral("temp-url-key"));
            if (key.isEmpty()) {
                key = QString::fromLatin1(TempUrl::generateKey());
                awaitVoid(swift().setAccountMetadata({{QStringLiteral("Temp-URL-Key"), key}}));
            }
            const QUrl object = await(swift().objectUrl(m_container, QStringLiteral("report.pdf")));
            const QUrl link = TempUrl::make(object, key.toLatin1(), QDateTime::currentDateTimeUtc().addSecs(3600));
            const HttpResponse answer = anonymousGet(link);
            QCOMPARE(answer.status, 200);
            QCOMPARE(answer.body, QByteArray("%PDF-1.4 sandbox"));

            // The client's own: the account's key, the cluster's digest.
            const TemporaryUrl made = await(swift().temporaryUrl(m_container, QStringLiteral("report.pdf"), "GET",
                                                                 QDateTime::currentDateTimeUtc().addSecs(600)));
            QVERIFY(!made.keyCreated);
            QVERIFY2(made.url.query().contains(QStringLiteral("temp_url_sig=")), qPrintable(made.url.toString()));
            QCOMPARE(anonymousGet(made.url).body, QByteArray("%PDF-1.4 sandbox"));

            const QUrl wrongKey = TempUrl::make(object, "not-the-key", QDateTime::currentDateTimeUtc().addSecs(3600));
            QCOMPARE(anonymousGet(wrongKey).status, 401);
            const QUrl expired = TempUrl::make(object, key.toLatin1(), QDateTime::currentDateTimeUtc().addSecs(-60));
            QCOMPARE(anonymousGet(expired).status, 401);
            awaitVoid(swift().deleteObject(m_container, QStringLiteral("report.pdf")));
        });
    }

    void folderGoesWithEverythingInIt()
    {
        run([this] {
            for (const char *name : {"f/a.txt", "f/sub/b.txt", "f/sub/c.txt", "fx.txt"})
                awaitVoid(swift().putObject(m_container, QString::fromLatin1(name), name));
            QCOMPARE(await(swift().deleteFolder(m_container, QStringLiteral("f/"))), 3);
            const QList<ObjectEntry> left = await(swift().listObjects(m_container));
            QCOMPARE(left.size(), 1);
            QCOMPARE(left.first().name, QStringLiteral("fx.txt")); // beside the folder, not in it
            awaitVoid(swift().deleteObject(m_container, QStringLiteral("fx.txt")));
        });
    }

    // Swift's POST drops Content-Encoding, Content-Disposition and a DLO's X-Object-Manifest
    // unless it sends them again: setting metadata must not turn a DLO into an empty object.
    void metadataKeepsWhatAPostWouldDrop()
    {
        run([this] {
            const auto put = [this](const QString &name, const QByteArray &body,
                                    const QList<std::pair<QByteArray, QByteArray>> &headers) {
                ServiceRequest request;
                request.serviceType = QStringLiteral("object-store");
                request.method = "PUT";
                request.path = u'/' + m_container + u'/' + name;
                request.headers = headers;
                request.body = body;
                request.what = QStringLiteral("put ") + name;
                await(session()->send(request));
            };
            put(QStringLiteral("parts/1"), "first half, ", {});
            put(QStringLiteral("parts/2"), "second half", {});
            put(QStringLiteral("joined"), {}, {{"X-Object-Manifest", (m_container + QStringLiteral("/parts/")).toUtf8()}});
            put(QStringLiteral("page.gz"), "not really gzip",
                {{"Content-Encoding", "gzip"}, {"Content-Disposition", "attachment; filename=page.html"}});
            QCOMPARE(await(swift().getObject(m_container, QStringLiteral("joined"))), QByteArray("first half, second half"));

            awaitVoid(swift().setObjectMetadata(m_container, QStringLiteral("joined"), {{u"owner"_s, u"it"_s}}));
            awaitVoid(swift().setObjectMetadata(m_container, QStringLiteral("page.gz"), {{u"owner"_s, u"it"_s}}));

            QCOMPARE(await(swift().getObject(m_container, QStringLiteral("joined"))), QByteArray("first half, second half"));
            const ObjectInfo joined = await(swift().objectInfo(m_container, QStringLiteral("joined")));
            QVERIFY(joined.isLargeObject);
            QCOMPARE(joined.metadata.value(u"owner"_s), u"it"_s);
            const ObjectInfo page = await(swift().objectInfo(m_container, QStringLiteral("page.gz")));
            QCOMPARE(page.metadata.value(u"owner"_s), u"it"_s);
            const QList<std::pair<QByteArray, QByteArray>> kept = {{"Content-Disposition", "attachment; filename=page.html"},
                                                                   {"Content-Encoding", "gzip"}};
            QCOMPARE(page.headersPostDrops, kept);
            for (const char *name : {"joined", "page.gz", "parts/1", "parts/2"})
                awaitVoid(swift().deleteObject(m_container, QString::fromLatin1(name)));
        });
    }

    // Stack-mode versioning keeps the overwritten text; copying it back restores it.
    void oldVersionIsRestoredByCopy()
    {
        run([this] {
            const QString archive = m_container + QStringLiteral("-versions");
            awaitVoid(swift().createContainer(archive));
            awaitVoid(swift().setVersioning(m_container, VersioningMode::Stack, archive));
            const auto off = qScopeGuard([&] {
                try {
                    awaitVoid(swift().setVersioning(m_container, VersioningMode::Off));
                } catch (const ApiError &error) {
                    qWarning("versioning stays on: %s", qPrintable(error.toString()));
                }
            });
            awaitVoid(swift().putObject(m_container, QStringLiteral("notes.txt"), "version one"));
            awaitVoid(swift().putObject(m_container, QStringLiteral("notes.txt"), "version two"));
            QCOMPARE(await(swift().containerInfo(m_container)).archiveContainer(), archive);
            const QList<ObjectEntry> versions = await(swift().listVersions(archive, QStringLiteral("notes.txt")));
            QCOMPARE(versions.size(), 1);
            awaitVoid(swift().copyObject(archive, versions.first().name, m_container, QStringLiteral("notes.txt")));
            QCOMPARE(await(swift().getObject(m_container, QStringLiteral("notes.txt"))), QByteArray("version one"));
            // The copy was an overwrite too: "version two" is kept now.
            QCOMPARE(await(swift().listVersions(archive, QStringLiteral("notes.txt"))).size(), 2);
        });
    }
};

QTEST_GUILESS_MAIN(TestObjectStorage)
#include "tst_objectstorage.moc"
