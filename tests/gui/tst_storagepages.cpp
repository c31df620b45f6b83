// SPDX-License-Identifier: GPL-3.0-or-later
// The Object storage and Volumes pages against the real sandbox cloud, offscreen: the code
// paths the pages' actions run (after their dialogs), and what the views then show.
#include "../sandboxcloud.h"
#include "config/cloudsconfig.h"
#include "dialogs/confirmdestructive.h"
#include "models/objecttreemodel.h"
#include "models/snapshotlistmodel.h"
#include "models/volumelistmodel.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/blockstorage/blockstorageclient.h"
#include "openstack/objectstorage/objectstorageclient.h"
#include "views/objectstoragepage.h"
#include "views/volumespage.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

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
                const QList<ObjectEntry> left = swift.listObjects(m_container).result();
                for (const ObjectEntry &entry : left)
                    swift.deleteObject(m_container, entry.name).waitForFinished();
                swift.deleteContainer(m_container).waitForFinished();
            }
        } catch (const ApiError &error) {
            qWarning() << "cleanup:" << error.toString();
        }
    }

    void objectStoragePage()
    {
        ObjectStoragePage page;
        page.resize(1000, 700);
        page.show();
        QSignalSpy loaded(&page, &CloudTablePage::loadFinished);
        page.setSession(m_session.get());
        QVERIFY(loaded.wait(cloudTimeoutMs));
        QVERIFY2(!page.statusText().startsWith(u"Could not"_s), qPrintable(page.statusText()));

        // Create a container and see it in the table.
        QSignalSpy actions(&page, &ObjectStoragePage::actionFinished);
        m_container = unique("pilvi-gui");
        page.createContainer(m_container);
        QCOMPARE(waitForAction(actions, m_container), QString());
        QTRY_VERIFY_WITH_TIMEOUT(rowWith(page.view()->model(), Qt::DisplayRole, m_container) >= 0, cloudTimeoutMs);
        page.showContainer(m_container);
        QCOMPARE(page.currentContainer(), m_container);

        // Upload a file into the pseudo-folder "docs/" and find it in the tree there.
        QTemporaryDir local;
        QVERIFY(local.isValid());
        QByteArray content;
        for (int i = 0; i < 20000; ++i)
            content += QByteArray::number(QRandomGenerator::global()->generate());
        const QString fileName = u"notes.txt"_s;
        {
            QFile file(local.filePath(fileName));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        actions.clear();
        page.uploadFiles({local.filePath(fileName)}, u"docs/"_s);
        QCOMPARE(waitForAction(actions, u"Upload"_s), QString());
        const ObjectTreeModel &tree = *page.objectModel();
        QTRY_VERIFY_WITH_TIMEOUT(childWithPath(tree, u"docs/"_s).isValid(), cloudTimeoutMs);
        const QModelIndex folder = childWithPath(tree, u"docs/"_s);
        QVERIFY(folder.data(ObjectTreeModel::IsFolderRole).toBool());
        page.objectView()->expand(folder);
        const QString objectName = u"docs/"_s + fileName;
        QTRY_VERIFY_WITH_TIMEOUT(childWithPath(tree, objectName, childWithPath(tree, u"docs/"_s)).isValid(), cloudTimeoutMs);
        const QModelIndex object = childWithPath(tree, objectName, childWithPath(tree, u"docs/"_s));
        QCOMPARE(object.siblingAtColumn(ObjectTreeModel::SizeColumn).data(ObjectTreeModel::SortRole).toLongLong(),
                 content.size());
        page.objectView()->setCurrentIndex(object);
        page.objectView()->selectionModel()->select(object, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(page.selectedObjects(), QStringList{objectName});

        // Download it into another folder and compare the bytes.
        QTemporaryDir target;
        QVERIFY(target.isValid());
        actions.clear();
        page.downloadObjects(page.selectedObjects(), target.path());
        QCOMPARE(waitForAction(actions, u"Download"_s), QString());
        QFile downloaded(target.filePath(fileName));
        QVERIFY(downloaded.open(QIODevice::ReadOnly));
        QCOMPARE(downloaded.readAll(), content);
        saveScreenshot(page, u"pilvi-storage-objects.png"_s);

        // Delete it (the page asks first) and see it go from the tree.
        actions.clear();
        QCOMPARE(page.selectedObjects(), QStringList{objectName});
        page.deleteObjects(page.selectedObjects());
        QVERIFY(confirmDialog(&page));
        QCOMPARE(waitForAction(actions, u"Delete"_s), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!childWithPath(tree, objectName, childWithPath(tree, u"docs/"_s)).isValid(), cloudTimeoutMs);
        auto remaining = ObjectStorageClient(m_session.get()).listObjects(m_container);
        QTRY_VERIFY_WITH_TIMEOUT(remaining.isFinished(), cloudTimeoutMs);
        QCOMPARE(remaining.result().size(), 0);
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
