// SPDX-License-Identifier: GPL-3.0-or-later
// The storage pages' core logic: temporary URL signatures, the folder loader that feeds the
// object tree and drops answers for a container no longer shown, and the volumes' protection
// columns (snapshot count, last backup).
#include "jobs/objecttransferjob.h"
#include "models/objectfolderloader.h"
#include "models/objecttreemodel.h"
#include "models/volumelistmodel.h"
#include "models/volumeprotectionproxymodel.h"
#include "openstack/objectstorage/containersettings.h"
#include "openstack/objectstorage/tempurl.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QPromise>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {
ObjectEntry object(const QString &name)
{
    ObjectEntry entry;
    entry.name = name;
    entry.isPseudoFolder = name.endsWith(u'/');
    entry.bytes = entry.isPseudoFolder ? 0 : 42;
    return entry;
}

QStringList rootNames(const ObjectTreeModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, 0).data(ObjectTreeModel::PathRole).toString());
    return names;
}

// A lister whose answers the test releases by hand, in any order.
struct ControlledLister {
    struct Call {
        QString container;
        QString prefix;
        std::shared_ptr<QPromise<QList<ObjectEntry>>> promise;
    };
    QList<Call> calls;

    ObjectFolderLoader::Lister lister()
    {
        return [this](const QString &container, const QString &prefix) {
            auto promise = std::make_shared<QPromise<QList<ObjectEntry>>>();
            promise->start();
            calls.append({container, prefix, promise});
            return promise->future();
        };
    }
    static void answer(const Call &call, const QList<ObjectEntry> &entries)
    {
        call.promise->addResult(entries);
        call.promise->finish();
    }
};
} // namespace

class TestObjectStorageLogic : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signature_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<qint64>("expires");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QCryptographicHash::Algorithm>("algorithm");
        QTest::addColumn<QByteArray>("expected");
        // Expected values computed independently with Python's hmac module.
        const QString swiftDocsPath = u"/v1/AUTH_account/container/object"_s;
        QTest::newRow("sha1 (Swift docs example)") << "mykey"_ba << "GET"_ba << qint64(1440619048) << swiftDocsPath
                                                   << QCryptographicHash::Sha1 << "da720a7e11f9f2c7b0fe46039811229c1c7a9cb4"_ba;
        QTest::newRow("sha256") << "mykey"_ba << "GET"_ba << qint64(1440619048) << swiftDocsPath << QCryptographicHash::Sha256
                                << "9ef8c448d4184fd16dd4013a1e3349149f895555655621dbf6d6a166f585af72"_ba;
        QTest::newRow("sha512")
            << "mykey"_ba << "GET"_ba << qint64(1440619048) << swiftDocsPath << QCryptographicHash::Sha512
            << "0822065892fca8ce37c30603cbae696b828bd2ed1ac867b965aea2de18cb448c53bf7122572a66840b79e16b4b7e42aee3096d0e0e42e115de443f9fcc7808c0"_ba;
        QTest::newRow("utf-8 key and path, PUT")
            << QByteArray("s3cr\xc3\xa9t") << "PUT"_ba << qint64(1700000000) << u"/v1/AUTH_test/c/docs/ä b.txt"_s
            << QCryptographicHash::Sha256 << "476a43370e1ae840a17f2590aaf88e92b14d77e1e82c8f516447c052dfafbdc0"_ba;
    }
    void signature()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, method);
        QFETCH(qint64, expires);
        QFETCH(QString, path);
        QFETCH(QCryptographicHash::Algorithm, algorithm);
        QFETCH(QByteArray, expected);
        QCOMPARE(TempUrl::signature(key, method, expires, path, algorithm), expected);
    }

    void makeSignsTheDecodedPath()
    {
        const QUrl objectUrl(u"https://swift.example:8080/v1/AUTH_test/c/docs/%C3%A4%20b.txt"_s);
        const QDateTime expires = QDateTime::fromSecsSinceEpoch(1700000000, QTimeZone::UTC);
        const QUrl url = TempUrl::make(objectUrl, QByteArray("s3cr\xc3\xa9t"), expires, "PUT");
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(u"temp_url_sig"_s), u"476a43370e1ae840a17f2590aaf88e92b14d77e1e82c8f516447c052dfafbdc0"_s);
        QCOMPARE(query.queryItemValue(u"temp_url_expires"_s), u"1700000000"_s);
        QCOMPARE(url.path(QUrl::FullyEncoded), objectUrl.path(QUrl::FullyEncoded));
        QCOMPARE(url.host(), u"swift.example"_s);
    }

    void preferredDigest_data()
    {
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<int>("digest");
        QTest::newRow("modern Swift") << QStringList{u"sha1"_s, u"sha256"_s, u"sha512"_s} << int(QCryptographicHash::Sha256);
        QTest::newRow("not said (older Swift, RGW)") << QStringList{} << int(QCryptographicHash::Sha1);
        QTest::newRow("sha1 only") << QStringList{u"sha1"_s} << int(QCryptographicHash::Sha1);
        QTest::newRow("sha512 only") << QStringList{u"sha512"_s} << int(QCryptographicHash::Sha512);
    }
    void preferredDigest()
    {
        QFETCH(QStringList, allowed);
        QFETCH(int, digest);
        QCOMPARE(int(TempUrl::preferredDigest(allowed)), digest);
    }

    void generatedKeysDiffer()
    {
        const QByteArray a = TempUrl::generateKey();
        const QByteArray b = TempUrl::generateKey();
        QCOMPARE(a.size(), 64);
        QVERIFY(a != b);
    }

    void downloadedFolderKeepsItsLastSegment_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("target");
        QTest::newRow("top folder") << QStringLiteral("site/") << QStringLiteral("site/index.html")
                                    << QStringLiteral("site/index.html");
        QTest::newRow("nested folder") << QStringLiteral("a/b/") << QStringLiteral("a/b/c/d.txt") << QStringLiteral("b/c/d.txt");
        QTest::newRow("unicode") << QStringLiteral("kuvat/kesä/") << QStringLiteral("kuvat/kesä/järvi.jpg")
                                 << QStringLiteral("kesä/järvi.jpg");
    }
    void downloadedFolderKeepsItsLastSegment()
    {
        QFETCH(QString, folder);
        QFETCH(QString, name);
        QFETCH(QString, target);
        QCOMPARE(ObjectDownloadJob::relativeTarget(folder, name), target);
    }

    void containerSettingsProblems_data()
    {
        QTest::addColumn<int>("versioning");
        QTest::addColumn<QString>("archive");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("problem"); // a word of it, or empty for none
        const int off = int(VersioningMode::Off);
        const int stack = int(VersioningMode::Stack);
        QTest::newRow("off, no archive needed") << off << QString() << u"owner"_s << QString();
        QTest::newRow("versions in another container") << stack << u"docs-versions"_s << u"Backup-Policy"_s << QString();
        QTest::newRow("no archive") << stack << QString() << u"owner"_s << u"Name the container"_s;
        QTest::newRow("its own archive") << stack << u"docs"_s << u"owner"_s << u"another container"_s;
        QTest::newRow("archive with a slash") << stack << u"a/b"_s << u"owner"_s << u"'/'"_s;
        QTest::newRow("underscore comes back as a dash") << off << QString() << u"my_key"_s << u"'_'"_s;
        QTest::newRow("space in a key") << off << QString() << u"my key"_s << u"' '"_s;
        QTest::newRow("non-ASCII key") << off << QString() << u"päivä"_s << u"'ä'"_s;
    }
    void containerSettingsProblems()
    {
        QFETCH(int, versioning);
        QFETCH(QString, archive);
        QFETCH(QString, key);
        QFETCH(QString, problem);
        ContainerSettings settings;
        settings.versioning = VersioningMode(versioning);
        settings.archive = archive;
        settings.metadata.insert(key, u"value"_s);
        const QString why = settings.problem(u"docs"_s);
        QVERIFY2(problem.isEmpty() ? why.isEmpty() : why.contains(problem), qPrintable(why));
        settings.metadata.insert(u"note"_s, u"two\nlines"_s);
        QVERIFY(!settings.problem(u"docs"_s).isEmpty()); // a value is one line
        QCOMPARE(containerNameProblem(archive).isEmpty(), !archive.isEmpty() && !archive.contains(u'/'));
    }

    void readAclKeepsOtherGrants_data()
    {
        QTest::addColumn<QString>("acl");
        QTest::addColumn<bool>("isPublic");
        QTest::addColumn<QString>("expected");
        QTest::newRow("private to public") << QString() << true << u".r:*,.rlistings"_s;
        QTest::newRow("public to private") << u".r:*,.rlistings"_s << false << QString();
        QTest::newRow("a project's grant stays when made public") << u"p1:*"_s << true << u"p1:*,.r:*,.rlistings"_s;
        QTest::newRow("a project's grant stays when made private")
            << u".r:*,p1:*, p2:alice ,.rlistings"_s << false << u"p1:*,p2:alice"_s;
        QTest::newRow("a narrower referrer rule gives way to everyone")
            << u".r:.example.com,p1:*"_s << true << u"p1:*,.r:*,.rlistings"_s;
        QTest::newRow("private takes out negative referrer rules too") << u".r:*,.r:-bad.example.com"_s << false << QString();
        QTest::newRow("already public: no duplicates") << u".r:*,.rlistings"_s << true << u".r:*,.rlistings"_s;
    }
    void readAclKeepsOtherGrants()
    {
        QFETCH(QString, acl);
        QFETCH(bool, isPublic);
        QFETCH(QString, expected);
        const QString result = readAclWithPublicAccess(acl, isPublic);
        QCOMPARE(result, expected);
        ContainerInfo info;
        info.readAcl = result;
        QCOMPARE(info.isPublic(), isPublic);
    }

    void downloadStaysInItsFolder_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("target"); // empty: refused
        QTest::newRow("plain") << u"site/index.html"_s << u"/dl/site/index.html"_s;
        QTest::newRow("up and out") << u"site/../../.bashrc"_s << QString();
        QTest::newRow("only up") << u".."_s << QString();
        QTest::newRow("dot segment") << u"site/./x"_s << QString();
        QTest::newRow("empty segment") << u"site//x"_s << QString();
        QTest::newRow("absolute") << u"/etc/passwd"_s << QString();
        QTest::newRow("dots in a name are fine") << u"site/..hidden/a..b"_s << u"/dl/site/..hidden/a..b"_s;
    }
    void downloadStaysInItsFolder()
    {
        QFETCH(QString, relative);
        QFETCH(QString, target);
        QCOMPARE(ObjectDownloadJob::targetPath(u"/dl"_s, relative), target);
    }

    // Files keep their names under the prefix; a folder keeps its own name and its tree; what
    // does not exist is named, not uploaded.
    void uploadNamesFilesAndFolders()
    {
        QTemporaryDir dir;
        const auto touch = [&](const QString &relative, const QByteArray &data) {
            QDir().mkpath(QFileInfo(dir.filePath(relative)).absolutePath());
            QFile file(dir.filePath(relative));
            return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
        };
        QVERIFY(touch(QStringLiteral("one.txt"), "1"));
        QVERIFY(touch(QStringLiteral("tree/b.txt"), "22"));
        QVERIFY(touch(QStringLiteral("tree/sub/a.txt"), "333"));
        QVERIFY(touch(QStringLiteral("tree/.hidden"), "4444"));
        QStringList skipped;
        const QJsonArray files = ObjectUploadJob::filesToUpload(
            QStringLiteral("in/"),
            {dir.filePath(QStringLiteral("tree")), dir.filePath(QStringLiteral("one.txt")), dir.filePath(QStringLiteral("nope"))},
            &skipped);
        QStringList names;
        qint64 bytes = 0;
        for (const auto &file : files) {
            names << file.toObject().value(QStringLiteral("name")).toString();
            bytes += file.toObject().value(QStringLiteral("bytes")).toInteger();
        }
        QCOMPARE(names, (QStringList{QStringLiteral("in/one.txt"), QStringLiteral("in/tree/.hidden"),
                                     QStringLiteral("in/tree/b.txt"), QStringLiteral("in/tree/sub/a.txt")}));
        QCOMPARE(bytes, 10);
        QCOMPARE(skipped, QStringList{dir.filePath(QStringLiteral("nope"))});
    }

    void loaderAnswersFolders()
    {
        ObjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ObjectFolderLoader loader(&model);
        ControlledLister lister;
        loader.setLister(lister.lister());
        loader.setContainer(u"photos"_s);
        model.fetchMore({});
        QCOMPARE(lister.calls.size(), 1);
        QCOMPARE(lister.calls[0].container, u"photos"_s);
        QCOMPARE(lister.calls[0].prefix, QString());
        QSignalSpy loaded(&loader, &ObjectFolderLoader::folderAnswered);
        ControlledLister::answer(lister.calls[0], {object(u"docs/"_s), object(u"a.txt"_s)});
        QTRY_COMPARE(loaded.size(), 1); // the continuation may run before wait() would start
        QCOMPARE(loaded.first().at(0).toString(), QString());
        QCOMPARE(loaded.first().at(1).toBool(), true);
        QCOMPARE(rootNames(model), QStringList({u"docs/"_s, u"a.txt"_s}));
        QCOMPARE(loader.droppedAnswers(), 0);
    }

    void loaderDropsStaleAnswers_data()
    {
        QTest::addColumn<bool>("switchCloud");
        QTest::newRow("other container") << false;
        QTest::newRow("other cloud, same container name") << true;
    }
    void loaderDropsStaleAnswers()
    {
        QFETCH(bool, switchCloud);
        ObjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ObjectFolderLoader loader(&model);
        ControlledLister first;
        ControlledLister second;
        loader.setLister(first.lister());
        loader.setContainer(u"old"_s);
        model.fetchMore({});
        QCOMPARE(first.calls.size(), 1);

        // The user moves on before the slow listing of "old" comes back.
        if (switchCloud)
            loader.setLister(second.lister());
        const QString shown = switchCloud ? u"old"_s : u"new"_s;
        loader.setContainer(shown);
        model.fetchMore({});
        ControlledLister &current = switchCloud ? second : first;
        QCOMPARE(current.calls.size(), switchCloud ? 1 : 2);
        QCOMPARE(current.calls.last().container, shown);

        QSignalSpy loaded(&loader, &ObjectFolderLoader::folderAnswered);
        // The stale answer arrives first and must not land; then the current one does.
        ControlledLister::answer(first.calls[0], {object(u"stale.txt"_s)});
        ControlledLister::answer(current.calls.last(), {object(u"fresh.txt"_s)});
        QTRY_COMPARE(loaded.size(), 1); // the continuation may run before wait() would start
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(rootNames(model), QStringList({u"fresh.txt"_s}));
        QCOMPARE(loader.droppedAnswers(), 1);
    }

    void ageText_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<QString>("expected");
        QTest::newRow("seconds") << qint64(30) << u"just now"_s;
        QTest::newRow("minutes") << qint64(5 * 60 + 10) << u"5 min ago"_s;
        QTest::newRow("hours") << qint64(3 * 3600 + 59) << u"3 h ago"_s;
        QTest::newRow("days") << qint64(2 * 86400 + 7200) << u"2 d ago"_s;
        QTest::newRow("clock skew: in the future") << qint64(-100) << u"just now"_s;
    }
    void ageText()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, expected);
        const QDateTime now(QDate(2026, 12, 4), QTime(12, 0), QTimeZone::UTC);
        QCOMPARE(VolumeProtectionProxyModel::ageText(now.addSecs(-secondsAgo), now), expected);
    }

    void protectionColumns()
    {
        VolumeListModel volumes;
        VolumeProtectionProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&volumes);
        proxy.setIdRole(VolumeListModel::IdRole);
        proxy.setSortRole(VolumeListModel::SortRole);
        const QDateTime now(QDate(2026, 12, 4), QTime(12, 0), QTimeZone::UTC);
        proxy.setNow(now);

        Volume a;
        a.id = u"vol-a"_s;
        a.name = u"data"_s;
        Volume b;
        b.id = u"vol-b"_s;
        b.name = u"scratch"_s;
        volumes.setItems({a, b});
        QCOMPARE(proxy.columnCount(), VolumeListModel::ColumnCount + 2);
        QCOMPARE(proxy.headerData(proxy.snapshotsColumn(), Qt::Horizontal).toString(), u"Snapshots"_s);

        auto snapshot = [](const QString &volumeId) {
            VolumeSnapshot s;
            s.id = QUuid::createUuid().toString();
            s.volumeId = volumeId;
            return s;
        };
        auto backup = [now](const QString &volumeId, const QString &status, qint64 hoursAgo) {
            VolumeBackup bk;
            bk.id = QUuid::createUuid().toString();
            bk.volumeId = volumeId;
            bk.status = status;
            bk.createdAt = now.addSecs(-hoursAgo * 3600);
            return bk;
        };
        QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
        proxy.setSnapshots({snapshot(u"vol-a"_s), snapshot(u"vol-a"_s), snapshot(u"gone"_s)});
        proxy.setBackups({backup(u"vol-a"_s, u"available"_s, 30), backup(u"vol-a"_s, u"available"_s, 5),
                          backup(u"vol-a"_s, u"error"_s, 1), backup(u"vol-b"_s, u"creating"_s, 0)});
        QCOMPARE(changed.size(), 2);

        const int rowA = proxy.index(0, 0).data(VolumeListModel::IdRole).toString() == u"vol-a"_s ? 0 : 1;
        const int rowB = 1 - rowA;
        QCOMPARE(proxy.index(rowA, proxy.snapshotsColumn()).data().toString(), u"2"_s);
        QCOMPARE(proxy.index(rowA, proxy.snapshotsColumn()).data(VolumeListModel::SortRole).toLongLong(), 2);
        QCOMPARE(proxy.index(rowB, proxy.snapshotsColumn()).data().toString(), u"0"_s);
        // The newest finished backup counts; the failed one an hour ago does not.
        QCOMPARE(proxy.index(rowA, proxy.lastBackupColumn()).data().toString(), u"5 h ago"_s);
        QCOMPARE(proxy.index(rowA, proxy.lastBackupColumn()).data(VolumeListModel::SortRole).toDateTime(),
                 now.addSecs(qint64(-5) * 3600));
        QCOMPARE(proxy.index(rowB, proxy.lastBackupColumn()).data().toString(), u"never"_s);
        // The source's own columns pass through.
        QCOMPARE(proxy.index(rowB, VolumeListModel::NameColumn).data().toString(), u"scratch"_s);
    }
};

QTEST_GUILESS_MAIN(TestObjectStorageLogic)
#include "tst_objectstoragelogic.moc"
