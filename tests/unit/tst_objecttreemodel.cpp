// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/objecttreemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {
// A Swift listing with delimiter "/": names ending in "/" are subdir entries, others objects
// ("name=bytes" sets the size).
QList<ObjectEntry> listing(const QString &spec)
{
    QList<ObjectEntry> entries;
    const QStringList tokens = spec.split(u' ', Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        ObjectEntry e;
        const QStringList parts = token.split(u'=');
        e.name = parts[0];
        e.isPseudoFolder = e.name.endsWith(u'/');
        if (!e.isPseudoFolder) {
            e.bytes = parts.value(1, u"100"_s).toLongLong();
            e.contentType = u"text/plain"_s;
            e.hash = u"etag-"_s + e.name;
            e.lastModified = QDateTime(QDate(2026, 12, 4), QTime(9, 0), QTimeZone::UTC);
        }
        entries.append(e);
    }
    return entries;
}

// The row of an object or folder path, searched depth first.
QModelIndex findPath(const QAbstractItemModel &model, const QString &path, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(ObjectTreeModel::PathRole).toString() == path)
            return index;
        if (const QModelIndex below = findPath(model, path, index); below.isValid())
            return below;
    }
    return {};
}

// The tree as text, loading rows as "…": "photos(2024(a.jpg), b.jpg), readme".
QString shape(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QString text = index.data(ObjectTreeModel::IsLoadingRowRole).toBool() ? u"…"_s : index.data().toString();
        if (model.rowCount(index) > 0)
            text += u'(' + shape(model, index) + u')';
        rows << text;
    }
    return rows.join(u", "_s);
}
} // namespace

class TestObjectTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    // Nothing is asked before a container is set; then each folder is asked for once, on its
    // first fetchMore, and shows a loading row until its answer comes.
    void foldersLoadLazily()
    {
        ObjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy requests(&model, &ObjectTreeModel::folderRequested);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.hasChildren({}));

        model.setContainer(u"media"_s);
        QCOMPARE(model.container(), u"media"_s);
        QVERIFY(model.hasChildren({}));
        model.fetchMore({}); // what a view does (the tester may have done it already)
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0][0].toString(), QString());
        QTRY_COMPARE(shape(model), u"…"_s);
        QVERIFY(!model.canFetchMore({}));
        const QModelIndex loading = model.index(0, 0);
        QCOMPARE(loading.data().toString(), u"Loading…"_s);
        QVERIFY(!(model.flags(loading) & Qt::ItemIsSelectable));
        QVERIFY(model.entry(loading) == nullptr);

        model.setFolderContents(QString(), listing(u"photos/ readme.txt=2048"_s));
        const QModelIndex photos = model.indexOfFolder(u"photos/"_s);
        QVERIFY(photos.isValid());
        QCOMPARE(photos.data().toString(), u"photos"_s);
        QCOMPARE(photos.data(ObjectTreeModel::IsFolderRole).toBool(), true);
        QVERIFY(model.hasChildren(photos));
        model.fetchMore(photos);
        model.fetchMore(photos); // asked once only
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[1][0].toString(), u"photos/"_s);
        QTRY_COMPARE(shape(model), u"photos(…), readme.txt"_s);
        QCOMPARE(photos.data(ObjectTreeModel::LoadingRole).toBool(), true);

        model.setFolderContents(u"photos/"_s, listing(u"photos/2024/ photos/cat.jpg=1536"_s));
        QCOMPARE(photos.data(ObjectTreeModel::LoadingRole).toBool(), false);
        QCOMPARE(requests.size(), 2 + (model.canFetchMore(model.indexOfFolder(u"photos/2024/"_s)) ? 0 : 1));
        model.fetchMore(model.indexOfFolder(u"photos/2024/"_s));
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests[2][0].toString(), u"photos/2024/"_s);
        model.setFolderContents(u"photos/2024/"_s, {});
        QCOMPARE(shape(model), u"photos(2024, cat.jpg), readme.txt"_s);
        QVERIFY(!model.hasChildren(model.indexOfFolder(u"photos/2024/"_s))); // listed and empty: no expander

        const QModelIndex cat = model.index(1, 0, photos);
        QCOMPARE(cat.data(ObjectTreeModel::PathRole).toString(), u"photos/cat.jpg"_s);
        QCOMPARE(cat.siblingAtColumn(ObjectTreeModel::SizeColumn).data().toString(), u"1.50 KiB"_s);
        QCOMPARE(cat.siblingAtColumn(ObjectTreeModel::SizeColumn).data(ObjectTreeModel::SortRole).toLongLong(), 1536);
        QCOMPARE(cat.siblingAtColumn(ObjectTreeModel::TypeColumn).data().toString(), u"text/plain"_s);
        QCOMPARE(cat.data(ObjectTreeModel::HashRole).toString(), u"etag-photos/cat.jpg"_s);
        QCOMPARE(model.entry(cat)->name, u"photos/cat.jpg"_s);
        QCOMPARE(photos.siblingAtColumn(ObjectTreeModel::TypeColumn).data().toString(), u"Folder"_s);
        QCOMPARE(photos.siblingAtColumn(ObjectTreeModel::SizeColumn).data().toString(), QString());
    }

    // A later listing of a folder is applied as a diff: what stays keeps its persistent index,
    // selection, and (for a subfolder) what was loaded under it.
    void folderRefreshIsADiff_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("selected"); ///< path of the selected row
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("removed");
        QTest::addColumn<int>("moved");
        QTest::addColumn<int>("changed");

        const QString base = u"docs/a.txt docs/b.txt docs/sub/"_s;
        QTest::newRow("nothing changes") << base << base << u"docs(a.txt, b.txt, sub(deep.txt))"_s << u"docs/b.txt"_s << 0 << 0
                                         << 0 << 0;
        QTest::newRow("object added") << base << u"docs/a.txt docs/aa.txt docs/b.txt docs/sub/"_s
                                      << u"docs(a.txt, aa.txt, b.txt, sub(deep.txt))"_s << u"docs/b.txt"_s << 1 << 0 << 0 << 0;
        QTest::newRow("object removed") << base << u"docs/b.txt docs/sub/"_s << u"docs(b.txt, sub(deep.txt))"_s << u"docs/b.txt"_s
                                        << 0 << 1 << 0 << 0;
        QTest::newRow("selected object removed")
            << base << u"docs/a.txt docs/sub/"_s << u"docs(a.txt, sub(deep.txt))"_s << u"docs/b.txt"_s << 0 << 1 << 0 << 0;
        QTest::newRow("reordered") << base << u"docs/sub/ docs/a.txt docs/b.txt"_s << u"docs(sub(deep.txt), a.txt, b.txt)"_s
                                   << u"docs/sub/deep.txt"_s << 0 << 0 << 1 << 0;
        QTest::newRow("object changed") << base << u"docs/a.txt docs/b.txt=999 docs/sub/"_s
                                        << u"docs(a.txt, b.txt, sub(deep.txt))"_s << u"docs/b.txt"_s << 0 << 0 << 0 << 1;
        QTest::newRow("subfolder removed with its rows")
            << base << u"docs/a.txt docs/b.txt"_s << u"docs(a.txt, b.txt)"_s << u"docs/sub/deep.txt"_s << 0 << 1 << 0 << 0;
        QTest::newRow("object becomes a folder")
            << base << u"docs/a.txt docs/b.txt/ docs/sub/"_s << u"docs(a.txt, b.txt(…), sub(deep.txt))"_s << u"docs/a.txt"_s << 1
            << 1 << 0 << 0;
        QTest::newRow("emptied") << base << QString() << u"docs"_s << u"docs/a.txt"_s << 0 << 1 << 0 << 0;
    }
    void folderRefreshIsADiff()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, shape);
        QFETCH(QString, selected);
        QFETCH(int, inserted);
        QFETCH(int, removed);
        QFETCH(int, moved);
        QFETCH(int, changed);

        ObjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContainer(u"c"_s);
        model.fetchMore({});
        model.setFolderContents(QString(), listing(u"docs/"_s));
        model.fetchMore(model.indexOfFolder(u"docs/"_s));
        model.setFolderContents(u"docs/"_s, listing(before));
        model.fetchMore(model.indexOfFolder(u"docs/sub/"_s));
        model.setFolderContents(u"docs/sub/"_s, listing(u"docs/sub/deep.txt"_s));

        const QModelIndex selectedIndex = findPath(model, selected);
        QVERIFY(selectedIndex.isValid());
        QItemSelectionModel selection(&model);
        selection.select(selectedIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QPersistentModelIndex persistent(selectedIndex.siblingAtColumn(ObjectTreeModel::SizeColumn));

        QSignalSpy insertSpy(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removeSpy(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moveSpy(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
        // Only entry changes count, not the folder's own loading-state update.
        int entriesChanged = 0;
        connect(&model, &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &, const QModelIndex &, const QList<int> &roles) { entriesChanged += roles.isEmpty(); });
        model.setFolderContents(u"docs/"_s, listing(after));
        // A folder that is new in the listing is loaded only when expanded (the tester expands all).
        model.fetchMore(model.indexOfFolder(u"docs/b.txt/"_s));

        QTRY_COMPARE(::shape(model), shape);
        QCOMPARE(insertSpy.size() - (after.contains(u"b.txt/"_s) ? 1 : 0), inserted); // minus the new folder's loading row
        QCOMPARE(removeSpy.size(), removed);
        QCOMPARE(moveSpy.size(), moved);
        QCOMPARE(entriesChanged, changed);
        QCOMPARE(resetSpy.size(), 0);
        const bool stays = findPath(model, selected).isValid();
        QCOMPARE(persistent.isValid(), stays);
        QCOMPARE(selection.hasSelection(), stays);
        if (stays) {
            QCOMPARE(persistent.data(ObjectTreeModel::PathRole).toString(), selected);
            QCOMPARE(selection.selectedRows().first().data(ObjectTreeModel::PathRole).toString(), selected);
        }
    }

    // Horizon's folder marker ("docs/" in the listing of "docs/") is the folder itself, not a row.
    void folderMarkerIsNotARow()
    {
        ObjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContainer(u"c"_s);
        model.fetchMore({});
        model.setFolderContents(QString(), listing(u"docs/"_s));
        model.fetchMore(model.indexOfFolder(u"docs/"_s));
        model.setFolderContents(u"docs/"_s, listing(u"docs/=0 docs/a.txt"_s));
        QCOMPARE(shape(model), u"docs(a.txt)"_s);
    }

    // A failed listing drops the loading row, says why on the folder, and can be retried.
    void failedListingCanBeRetried()
    {
        ObjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy requests(&model, &ObjectTreeModel::folderRequested);
        model.setContainer(u"c"_s);
        model.fetchMore({});
        model.setFolderContents(QString(), listing(u"docs/"_s));
        const QModelIndex docs = model.indexOfFolder(u"docs/"_s);
        model.fetchMore(docs);
        const qsizetype asked = requests.size();
        model.setFolderFailed(u"docs/"_s, u"503 Service Unavailable"_s);
        QCOMPARE(docs.data(ObjectTreeModel::ErrorRole).toString(), u"503 Service Unavailable"_s);
        QCOMPARE(docs.data(ObjectTreeModel::LoadingRole).toBool(), false);
        QVERIFY(model.hasChildren(docs));
        // The tester (on the dataChanged above) may already have fetched it again; else a view does.
        if (model.canFetchMore(docs))
            model.fetchMore(docs);
        QCOMPARE(requests.size(), asked + 1);
        QTRY_COMPARE(shape(model), u"docs(…)"_s);
        model.setFolderContents(u"docs/"_s, listing(u"docs/a.txt"_s));
        QCOMPARE(docs.data(ObjectTreeModel::ErrorRole).toString(), QString());
        QCOMPARE(shape(model), u"docs(a.txt)"_s);
    }

    // An answer for a folder that is gone, or a reload, keep the tree consistent.
    void staleAnswersAndReloads()
    {
        ObjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy requests(&model, &ObjectTreeModel::folderRequested);
        model.setContainer(u"c"_s);
        model.fetchMore({});
        model.setFolderContents(QString(), listing(u"a.txt b.txt"_s));
        model.setFolderContents(u"gone/"_s, listing(u"gone/x.txt"_s));
        QCOMPARE(shape(model), u"a.txt, b.txt"_s);

        const QPersistentModelIndex b(model.index(1, 0));
        const qsizetype asked = requests.size();
        model.reloadFolder(QString());
        QCOMPARE(requests.size(), asked + 1);
        QCOMPARE(shape(model), u"a.txt, b.txt"_s); // rows stay while the new listing runs
        model.setFolderContents(QString(), listing(u"b.txt c.txt"_s));
        QCOMPARE(shape(model), u"b.txt, c.txt"_s);
        QCOMPARE(b.row(), 0);
        QCOMPARE(b.data(ObjectTreeModel::PathRole).toString(), u"b.txt"_s);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setContainer(u"other"_s);
        QCOMPARE(reset.size(), 1);
        QVERIFY(!b.isValid());
        model.fetchMore({});
        QCOMPARE(requests.last()[0].toString(), QString());
        QTRY_COMPARE(shape(model), u"…"_s);
    }

    void lastSegment_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("segment");
        QTest::newRow("object at the root") << u"a.txt"_s << u"a.txt"_s;
        QTest::newRow("object in a folder") << u"photos/2024/cat.jpg"_s << u"cat.jpg"_s;
        QTest::newRow("folder") << u"photos/2024/"_s << u"2024"_s;
        QTest::newRow("folder at the root") << u"photos/"_s << u"photos"_s;
        QTest::newRow("only a slash") << u"/"_s << u"/"_s;
    }
    void lastSegment()
    {
        QFETCH(QString, name);
        QFETCH(QString, segment);
        QCOMPARE(ObjectTreeModel::lastSegment(name), segment);
    }
};

QTEST_GUILESS_MAIN(TestObjectTreeModel)
#include "tst_objecttreemodel.moc"
