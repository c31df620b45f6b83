// SPDX-License-Identifier: GPL-3.0-or-later
// The Object storage and Volumes pages against the real sandbox cloud, offscreen: the code
// paths the pages' actions run (after their dialogs), and what the views then show.
#include "../sandboxcloud.h"
#include "config/cloudsconfig.h"
#include "dialogs/confirmdestructive.h"
#include "dialogs/tempurldialog.h"
#include "jobs/cloudjobkinds.h"
#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"
#include "models/containerlistmodel.h"
#include "models/objecttreemodel.h"
#include "models/snapshotlistmodel.h"
#include "models/volumelistmodel.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/blockstorage/blockstorageclient.h"
#include "openstack/objectstorage/containersettings.h"
#include "openstack/objectstorage/objectstorageclient.h"
#include "views/objectdetailspanel.h"
#include "views/objectstoragepage.h"
#include "views/transferpanel.h"
#include "views/volumespage.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {
constexpr int cloudTimeoutMs = 240000; // Cinder on a loaded sandbox can take minutes

QString unique(const char *prefix)
{
    return u"%1-%2"_s.arg(QLatin1StringView(prefix)).arg(QRandomGenerator::global()->bounded(1000000));
}

// The row of `path` (PathRole) under `parent`, or invalid.
QModelIndex childWithPath(const QAbstractItemModel &model, const QString &path, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(ObjectTreeModel::PathRole).toString() == path)
            return index;
    }
    return {};
}

// The row whose column 0 has `value` in `role`, or -1.
int rowWith(const QAbstractItemModel *model, int role, const QString &value)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(role).toString() == value)
            return row;
    }
    return -1;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

// The value of a future, waited for without blocking the event loop; rethrows its ApiError.
template<typename T>
T await(const QFuture<T> &future)
{
    QDeadlineTimer deadline(cloudTimeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(20);
    return future.result();
}

// With PILVI_SCREENSHOT_DIR set, keeps a picture of the page as the test left it.
void saveScreenshot(QWidget &page, const QString &name)
{
    const QString directory = qEnvironmentVariable("PILVI_SCREENSHOT_DIR");
    if (!directory.isEmpty())
        QVERIFY(page.grab().save(directory + u'/' + name));
}

// The destructive-action dialog the page opened and the test has not answered yet, or null.
// Free of side effects: QTRY_VERIFY evaluates its expression more than once.
ConfirmDestructiveDialog *pendingConfirmDialog(QWidget *page)
{
    QList<ConfirmDestructiveDialog *> dialogs = page->findChildren<ConfirmDestructiveDialog *>();
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        if (auto *dialog = qobject_cast<ConfirmDestructiveDialog *>(window); dialog && !dialogs.contains(dialog))
            dialogs.append(dialog);
    }
    for (ConfirmDestructiveDialog *dialog : std::as_const(dialogs)) {
        // An accepted dialog lingers until its deferred delete.
        if (!dialog->property("answeredByTest").toBool())
            return dialog;
    }
    return nullptr;
}

// Waits for the page's confirmation dialog (window-modal, no nested loop) and confirms it.
bool confirmDialog(QWidget *page)
{
    QDeadlineTimer deadline(5000);
    while (!pendingConfirmDialog(page) && !deadline.hasExpired())
        QTest::qWait(20);
    ConfirmDestructiveDialog *dialog = pendingConfirmDialog(page);
    if (!dialog)
        return false;
    dialog->setProperty("answeredByTest", true);
    if (dialog->nameEdit())
        dialog->nameEdit()->setText(dialog->nameEdit()->placeholderText()); // the name to type
    if (!dialog->actionButton()->isEnabled())
        return false;
    dialog->actionButton()->click();
    return true;
}

// Waits for the page's actionFinished whose text contains `what`; returns its error text.
QString waitForAction(QSignalSpy &spy, const QString &what)
{
    QDeadlineTimer deadline(cloudTimeoutMs);
    while (!deadline.hasExpired()) {
        for (const QList<QVariant> &arguments : std::as_const(spy)) {
            if (arguments.at(0).toString().contains(what))
                return arguments.at(1).toString();
        }
        spy.wait(1000);
    }
    return u"no answer for: "_s + what;
}
} // namespace

class TestStoragePages : public QObject
{
    Q_OBJECT
private:
    NetworkAccess m_network;
    std::unique_ptr<Session> m_session;
    QString m_container;
    QString m_volumeId;
    QString m_snapshotId;

private Q_SLOTS:
    void initTestCase()
    {
        const CloudSelection selection = findSandboxCloud(QStringLiteral("sandbox"));
        if (!selection.cloud)
            QFAIL(qPrintable(selection.error));
        m_session = std::make_unique<Session>(*selection.cloud, &m_network);
    }

    void cleanupTestCase()
    {
        // Whatever a failed step left behind goes, so the shared sandbox stays clean.
        try {
            BlockStorageClient cinder(m_session.get());
            if (!m_snapshotId.isEmpty())
                cinder.deleteSnapshot(m_snapshotId).waitForFinished();
            // The volume can go once its snapshot is gone.
            for (int attempt = 0; !m_volumeId.isEmpty() && attempt < 60; ++attempt) {
                try {
                    cinder.deleteVolume(m_volumeId).waitForFinished();
                    m_volumeId.clear();
                } catch (const ApiError &) {
                    QTest::qWait(1000);
                }
            }
            if (!m_container.isEmpty()) {
                ObjectStorageClient swift(m_session.get());
                swift.setVersioning(m_container, VersioningMode::Off).waitForFinished();
                for (const QString &container : {m_container, QString(m_container + u"-versions"_s)}) {
                    const QList<ObjectEntry> left = swift.listObjects(container).result();
                    for (const ObjectEntry &entry : left)
                        swift.deleteObject(container, entry.name).waitForFinished();
                    swift.deleteContainer(container).waitForFinished();
                }
            }
        } catch (const ApiError &error) {
            qWarning() << "cleanup:" << error.toString();
        }
    }

    void objectStoragePage()
    {
        QTemporaryDir journalDir;
        JobJournal journal(journalDir.filePath(u"journal.sqlite"_s));
        QVERIFY(journal.isOpen());
        JobRunner runner(&journal, [this](const QString &) { return m_session.get(); });
        registerCloudJobKinds(runner);
        ObjectStoragePage page;
        page.setJobRunner(&runner);
        page.resize(1200, 760);
        page.show();
        QSignalSpy loaded(&page, &CloudTablePage::loadFinished);
        page.setSession(m_session.get());
        qInfo("step: loaded");
        QVERIFY(loaded.wait(cloudTimeoutMs));
        QVERIFY2(!page.statusText().startsWith(u"Could not"_s), qPrintable(page.statusText()));

        // Create a container and see it in the table, private and without versions.
        QSignalSpy actions(&page, &ObjectStoragePage::actionFinished);
        m_container = unique("pilvi-gui");
        page.createContainer(m_container);
        QCOMPARE(waitForAction(actions, m_container), QString());
        QTRY_VERIFY_WITH_TIMEOUT(rowWith(page.view()->model(), Qt::DisplayRole, m_container) >= 0, cloudTimeoutMs);
        page.showContainer(m_container);
        QCOMPARE(page.currentContainer(), m_container);
        const ContainerListModel &containers = *page.containerModel();
        const auto containerCell = [&](int column) {
            return containers.index(containers.rowOf(m_container), column).data().toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(containerCell(ContainerListModel::AccessColumn), u"private"_s, cloudTimeoutMs);
        QCOMPARE(containerCell(ContainerListModel::VersioningColumn), u"off"_s);

        qInfo("step: settings");
        // Its settings: public, old versions kept in an archive container, a metadata key.
        ContainerSettings settings = ContainerSettings::of(*containers.info(m_container));
        settings.isPublic = true;
        settings.versioning = VersioningMode::Stack;
        settings.archive = m_container + u"-versions"_s;
        settings.metadata.insert(u"purpose"_s, u"gui-test"_s);
        actions.clear();
        page.applyContainerSettings(m_container, settings);
        QVERIFY(confirmDialog(&page)); // making data public asks first (typed in production)
        QCOMPARE(waitForAction(actions, u"settings of"_s), QString());
        QTRY_COMPARE_WITH_TIMEOUT(containerCell(ContainerListModel::AccessColumn), u"public"_s, cloudTimeoutMs);
        QCOMPARE(containerCell(ContainerListModel::VersioningColumn), u"old versions in %1"_s.arg(settings.archive));
        QCOMPARE(containers.info(m_container)->metadata.value(u"purpose"_s), u"gui-test"_s);
        QTRY_VERIFY_WITH_TIMEOUT(containers.rowOf(settings.archive) >= 0, cloudTimeoutMs); // created on the way

        qInfo("step: upload");
        // Upload a folder and a file into the pseudo-folder "docs/" as one job; the file twice,
        // so an old version is kept.
        QTemporaryDir local;
        QVERIFY(local.isValid());
        QByteArray content;
        for (int i = 0; i < 20000; ++i)
            content += QByteArray::number(QRandomGenerator::global()->generate());
        const QString fileName = u"notes.txt"_s;
        QVERIFY(writeFile(local.filePath(fileName), "first version"));
        actions.clear();
        QVERIFY(page.uploadFiles({local.filePath(fileName)}, u"docs/"_s) > 0);
        QCOMPARE(waitForAction(actions, u"Upload"_s), QString());
        QVERIFY(writeFile(local.filePath(fileName), content));
        QVERIFY(writeFile(local.filePath(u"site/index.html"_s), "<h1>hello</h1>"));
        QVERIFY(writeFile(local.filePath(u"site/css/style.css"_s), "h1 { color: teal }"));
        actions.clear();
        const qint64 upload = page.uploadFiles({local.filePath(fileName), local.filePath(u"site"_s)}, u"docs/"_s);
        QVERIFY(upload > 0);
        QCOMPARE(waitForAction(actions, u"Upload 2 items"_s), QString());
        QCOMPARE(journal.job(upload).value_or(JobRecord{}).kind, JobKinds::objectUpload);
        const ObjectTreeModel &tree = *page.objectModel();
        QTRY_VERIFY_WITH_TIMEOUT(childWithPath(tree, u"docs/"_s).isValid(), cloudTimeoutMs);
        const QModelIndex folder = childWithPath(tree, u"docs/"_s);
        QVERIFY(folder.data(ObjectTreeModel::IsFolderRole).toBool());
        page.objectView()->expand(folder);
        const QString objectName = u"docs/"_s + fileName;
        QTRY_VERIFY_WITH_TIMEOUT(childWithPath(tree, objectName, childWithPath(tree, u"docs/"_s)).isValid(), cloudTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(childWithPath(tree, u"docs/site/"_s, childWithPath(tree, u"docs/"_s)).isValid(), cloudTimeoutMs);
        const QModelIndex object = childWithPath(tree, objectName, childWithPath(tree, u"docs/"_s));
        QCOMPARE(object.siblingAtColumn(ObjectTreeModel::SizeColumn).data(ObjectTreeModel::SortRole).toLongLong(),
                 content.size());
        QSignalSpy detailsShown(page.detailsPanel(), &ObjectDetailsPanel::detailsShown);
        page.objectView()->setCurrentIndex(object);
        page.objectView()->selectionModel()->select(object, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(page.selectedObjects(), QStringList{objectName});

        qInfo("step: versions");
        // The details show its old version; restore it, and the object is the first text again.
        QVERIFY(detailsShown.wait(cloudTimeoutMs));
        QTreeWidget *versions = page.detailsPanel()->versionsView();
        QVERIFY(versions->isVisibleTo(&page));
        QCOMPARE(versions->topLevelItemCount(), 1);
        saveScreenshot(page, u"pilvi-storage-objects.png"_s);
        versions->setCurrentItem(versions->topLevelItem(0));
        actions.clear();
        page.detailsPanel()->restoreButton()->click();
        QCOMPARE(waitForAction(actions, u"Restore"_s), QString());
        ObjectStorageClient swift(m_session.get());
        QCOMPARE(await(swift.getObject(m_container, objectName)), QByteArray("first version"));
        // The tree shows the restored object, not the one it replaced.
        QTRY_COMPARE_WITH_TIMEOUT(childWithPath(tree, objectName, childWithPath(tree, u"docs/"_s))
                                      .siblingAtColumn(ObjectTreeModel::SizeColumn)
                                      .data(ObjectTreeModel::SortRole)
                                      .toLongLong(),
                                  qint64(13), cloudTimeoutMs);

        qInfo("step: metadata");
        // Metadata and expiry.
        actions.clear();
        const QDateTime deleteAt = QDateTime::currentDateTimeUtc().addDays(10);
        page.setObjectProperties(objectName, {{u"owner"_s, u"gui"_s}}, deleteAt);
        QCOMPARE(waitForAction(actions, u"properties"_s), QString());
        const ObjectInfo info = await(swift.objectInfo(m_container, objectName));
        QCOMPARE(info.metadata.value(u"owner"_s), u"gui"_s);
        QCOMPARE(info.deleteAt.toSecsSinceEpoch(), deleteAt.toSecsSinceEpoch());

        qInfo("step: tempurl");
        // A temporary URL from its dialog opens the object without a token.
        page.findChild<QAction *>(u"tempUrlAction"_s)->trigger();
        QTRY_VERIFY(page.findChild<TempUrlDialog *>() != nullptr);
        TempUrlDialog *dialog = page.findChild<TempUrlDialog *>();
        QSignalSpy linked(dialog, &TempUrlDialog::linkFinished);
        dialog->createButton()->click();
        QVERIFY(linked.wait(cloudTimeoutMs));
        QCOMPARE(linked.at(0).at(0).toString(), QString());
        HttpRequest anonymous;
        anonymous.url = QUrl(dialog->linkEdit()->text());
        const HttpResponse answer = await(m_network.send(anonymous));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray("first version"));
        saveScreenshot(*dialog, u"pilvi-storage-tempurl.png"_s);
        dialog->close();

        qInfo("step: download");
        // Download the object and the folder into another folder, as one job, and compare.
        QTemporaryDir target;
        QVERIFY(target.isValid());
        actions.clear();
        QVERIFY(page.downloadObjects({objectName}, target.path(), {u"docs/site/"_s}) > 0);
        QCOMPARE(waitForAction(actions, u"Download"_s), QString());
        QCOMPARE(readFile(target.filePath(fileName)), QByteArray("first version"));
        QCOMPARE(readFile(target.filePath(u"site/index.html"_s)), QByteArray("<h1>hello</h1>"));
        QCOMPARE(readFile(target.filePath(u"site/css/style.css"_s)), QByteArray("h1 { color: teal }"));

        // A job that fails at once (the folder cannot be made) still reports, and its row ends.
        actions.clear();
        QVERIFY(page.downloadObjects({objectName}, u"/proc/pilvi-cannot-write-here"_s) > 0);
        QVERIFY2(waitForAction(actions, u"Download"_s).contains(u"cannot create the folder"_s),
                 qPrintable(actions.isEmpty() ? QString() : actions.constLast().at(1).toString()));
        QCOMPARE(page.transferPanel()->activeCount(), 0);
        QVERIFY(page.transferPanel()->findChildren<QLabel *>(u"transferTitle"_s).size() <= 3); // old rows made room
        QTest::qWait(100); // the job ended inside the call: let the panel lay out its new row
        saveScreenshot(page, u"pilvi-storage-failed-transfer.png"_s);

        qInfo("step: delete container");
        // A container with objects cannot go.
        actions.clear();
        page.deleteContainer(m_container);
        QVERIFY(confirmDialog(&page));
        QCOMPARE(waitForAction(actions, u"Delete container"_s), u"it still holds objects; delete them first"_s);

        qInfo("step: delete object");
        // Delete the object (the page asks first) and see it go from the tree. In a container
        // that keeps old versions, a delete brings the previous one back: turn that off first.
        settings.versioning = VersioningMode::Off;
        settings.archive.clear();
        actions.clear();
        page.applyContainerSettings(m_container, settings);
        QCOMPARE(waitForAction(actions, u"settings of"_s), QString());
        QTRY_COMPARE_WITH_TIMEOUT(containerCell(ContainerListModel::VersioningColumn), u"off"_s, cloudTimeoutMs);
        actions.clear();
        QCOMPARE(page.selectedObjects(), QStringList{objectName});
        page.deleteObjects(page.selectedObjects());
        QVERIFY(confirmDialog(&page));
        QCOMPARE(waitForAction(actions, u"Delete"_s), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!childWithPath(tree, objectName, childWithPath(tree, u"docs/"_s)).isValid(), cloudTimeoutMs);
        QCOMPARE(await(swift.listObjects(m_container)).size(), 2); // the folder's two files

        qInfo("step: delete folder");
        // The folder goes with everything in it.
        const QModelIndex site = childWithPath(tree, u"docs/site/"_s, childWithPath(tree, u"docs/"_s));
        QVERIFY(site.isValid());
        page.objectView()->setCurrentIndex(site);
        page.objectView()->selectionModel()->select(site, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(page.selectedFolders(), QStringList{u"docs/site/"_s});
        QVERIFY(page.findChild<QAction *>(u"deleteObjectsAction"_s)->isEnabled());
        actions.clear();
        page.findChild<QAction *>(u"deleteObjectsAction"_s)->trigger();
        QVERIFY(confirmDialog(&page));
        QCOMPARE(waitForAction(actions, u"docs/site/"_s), QString());
        QVERIFY(await(swift.listObjects(m_container)).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!childWithPath(tree, u"docs/"_s).isValid(), cloudTimeoutMs); // nothing left in it
    }

    void volumesPage()
    {
        VolumesPage page;
        page.resize(1000, 700);
        page.show();
        QSignalSpy loaded(&page, &CloudTablePage::loadFinished);
        page.setSession(m_session.get());
        QVERIFY(loaded.wait(cloudTimeoutMs));
        QVERIFY2(!page.statusText().startsWith(u"Could not"_s), qPrintable(page.statusText()));

        // Create a volume and see it in the table, available (the page polls while it is created).
        QSignalSpy actions(&page, &VolumesPage::actionFinished);
        const QString name = unique("pilvi-gui-vol");
        page.createVolume(name, 1);
        QCOMPARE(waitForAction(actions, name), QString());
        QAbstractItemModel *volumes = page.view()->model();
        QTRY_VERIFY_WITH_TIMEOUT(rowWith(volumes, Qt::DisplayRole, name) >= 0, cloudTimeoutMs);
        m_volumeId = volumes->index(rowWith(volumes, Qt::DisplayRole, name), 0).data(VolumeListModel::IdRole).toString();
        QVERIFY(!m_volumeId.isEmpty());
        auto statusOf = [&] {
            const int row = rowWith(volumes, VolumeListModel::IdRole, m_volumeId);
            return row < 0 ? QString() : volumes->index(row, VolumeListModel::StatusColumn).data().toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(), u"available"_s, cloudTimeoutMs);

        // Snapshot it and see the snapshot in the sub-view of the selected volume.
        page.selectVolume(m_volumeId);
        QCOMPARE(page.currentVolumeId(), m_volumeId);
        const QString snapshotName = name + u"-snap"_s;
        actions.clear();
        page.createSnapshot(m_volumeId, snapshotName);
        QCOMPARE(waitForAction(actions, snapshotName), QString());
        QAbstractItemModel *snapshots = page.snapshotView()->model();
        QTRY_VERIFY_WITH_TIMEOUT(rowWith(snapshots, Qt::DisplayRole, snapshotName) >= 0, cloudTimeoutMs);
        auto snapshotStatus = [&] {
            const int row = rowWith(snapshots, Qt::DisplayRole, snapshotName);
            return row < 0
                       ? QString()
                       : snapshots->index(row, SnapshotListModel::StatusColumn).data(SnapshotListModel::StatusRole).toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(snapshotStatus(), u"available"_s, cloudTimeoutMs);
        QCOMPARE(snapshots->rowCount(), 1); // only the selected volume's
        saveScreenshot(page, u"pilvi-volumes-snapshot.png"_s);
        // The volume's row counts it.
        const int volumeRow = rowWith(volumes, VolumeListModel::IdRole, m_volumeId);
        QCOMPARE(volumes->index(volumeRow, VolumeListModel::ColumnCount).data().toString(), u"1"_s);

        // Delete the snapshot, then the volume (each asked first), and see them go.
        const QString snapshotId =
            snapshots->index(rowWith(snapshots, Qt::DisplayRole, snapshotName), 0).data(SnapshotListModel::IdRole).toString();
        actions.clear();
        QVERIFY(!snapshotId.isEmpty());
        m_snapshotId = snapshotId;
        page.deleteSnapshot(snapshotId);
        QVERIFY(confirmDialog(&page));
        QCOMPARE(waitForAction(actions, snapshotName), QString());
        QTRY_VERIFY_WITH_TIMEOUT(rowWith(snapshots, Qt::DisplayRole, snapshotName) < 0, cloudTimeoutMs);
        m_snapshotId.clear();
        actions.clear();
        page.deleteVolume(m_volumeId);
        QVERIFY(confirmDialog(&page));
        QCOMPARE(waitForAction(actions, name), QString());
        QTRY_VERIFY_WITH_TIMEOUT(rowWith(volumes, VolumeListModel::IdRole, m_volumeId) < 0, cloudTimeoutMs);
        m_volumeId.clear();
    }

    void backUpWithoutRunnerIsDisabled()
    {
        VolumesPage page;
        auto *backUp = page.findChild<QAction *>(u"backUpAction"_s);
        QVERIFY(backUp);
        QVERIFY(!backUp->isEnabled());
        QVERIFY(backUp->toolTip().contains(u"job runner"_s));
        QCOMPARE(page.backUp(u"any"_s, u"any"_s, false), 0);
    }
};

QTEST_MAIN(TestStoragePages)
#include "tst_storagepages.moc"
