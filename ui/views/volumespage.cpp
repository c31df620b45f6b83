// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/volumespage.h"

#include "dialogs/confirmdestructive.h"
#include "jobs/backuprestorejob.h"
#include "jobs/jobrecord.h"
#include "jobs/jobrunner.h"
#include "jobs/volumebackupjob.h"
#include "models/backuplistmodel.h"
#include "models/snapshotlistmodel.h"
#include "models/volumelistmodel.h"
#include "models/volumeprotectionproxymodel.h"
#include "net/apierror.h"
#include "net/session.h"
#include "openstack/blockstorage/blockstorageclient.h"
#include "views/statusdelegate.h"

#include <QAction>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Pilvi {

namespace {
constexpr int pollIntervalMs = 3000;

// Statuses Cinder moves on from by itself: while one shows, the page polls.
bool isTransitional(const QString &status)
{
    return status.endsWith(u"ing") || status == u"reserved";
}

QTableView *makeSubTable(QAbstractItemModel *model, int sortRole, const QString &objectName, const QString &accessibleName,
                         QWidget *parent)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(model);
    if (proxy)
        proxy->setSortRole(sortRole);
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setModel(model);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

QSortFilterProxyModel *filterByVolume(QAbstractItemModel *source, int volumeIdRole, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setFilterRole(volumeIdRole);
    proxy->setFilterKeyColumn(0);
    proxy->setFilterRegularExpression(QRegularExpression(QStringLiteral("^$^"))); // nothing until a volume is selected
    return proxy;
}
} // namespace

VolumesPage::VolumesPage(QWidget *parent)
    : CloudTablePage(tr("Volumes"), parent)
    , m_model(new VolumeListModel(this))
    , m_protection(new VolumeProtectionProxyModel(this))
    , m_snapshots(new SnapshotListModel(this))
    , m_backups(new BackupListModel(this))
    , m_volumeSnapshots(filterByVolume(m_snapshots, SnapshotListModel::VolumeIdRole, this))
    , m_volumeBackups(filterByVolume(m_backups, BackupListModel::VolumeIdRole, this))
    , m_snapshotView(makeSubTable(m_volumeSnapshots, SnapshotListModel::SortRole, QStringLiteral("snapshotTable"),
                                  tr("Snapshots of the selected volume"), this))
    , m_backupView(makeSubTable(m_volumeBackups, BackupListModel::SortRole, QStringLiteral("backupTable"),
                                tr("Backups of the selected volume"), this))
    , m_tabs(new QTabWidget(this))
    , m_poll(new QTimer(this))
{
    m_protection->setSourceModel(m_model);
    m_protection->setIdRole(VolumeListModel::IdRole);
    m_protection->setSortRole(VolumeListModel::SortRole);
    setSourceModel(m_protection, VolumeListModel::SortRole);
    view()->setObjectName(QStringLiteral("volumeTable"));
    view()->setSelectionMode(QAbstractItemView::SingleSelection);
    m_snapshotView->setItemDelegateForColumn(SnapshotListModel::StatusColumn,
                                             new StatusDelegate(SnapshotListModel::StatusKindRole, m_snapshotView));
    m_backupView->setItemDelegateForColumn(BackupListModel::StatusColumn,
                                           new StatusDelegate(BackupListModel::StatusKindRole, m_backupView));

    m_tabs->setObjectName(QStringLiteral("volumeSubViews"));
    m_tabs->setAccessibleName(tr("Snapshots and backups"));
    m_tabs->addTab(m_snapshotView, tr("Snapshots"));
    m_tabs->addTab(m_backupView, tr("Backups"));

    auto *box = qobject_cast<QVBoxLayout *>(layout());
    box->removeWidget(view());
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("volumeSplitter"));
    splitter->addWidget(view());
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    buildActions();
    box->addWidget(splitter, 1);

    m_poll->setSingleShot(true);
    m_poll->setInterval(pollIntervalMs);
    connect(m_poll, &QTimer::timeout, this, &CloudTablePage::refresh);

    connect(view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VolumesPage::onVolumeChanged);
    connect(m_snapshotView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VolumesPage::updateActions);
    connect(m_backupView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VolumesPage::updateActions);
    updateActions();
}

void VolumesPage::buildActions()
{
    auto *toolbar = new QToolBar(tr("Volume actions"), this);
    toolbar->setObjectName(QStringLiteral("volumeToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto add = [this, toolbar](const QString &text, const QString &name, const QKeySequence &shortcut, auto slot) {
        QAction *action = toolbar->addAction(text, this, slot);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(shortcut.isEmpty() ? text : tr("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText)));
        addAction(action);
        return action;
    };
    m_create = add(tr("New volume…"), QStringLiteral("newVolumeAction"), QKeySequence::New, &VolumesPage::askCreate);
    m_extend =
        add(tr("Extend…"), QStringLiteral("extendVolumeAction"), QKeySequence(Qt::CTRL | Qt::Key_E), &VolumesPage::askExtend);
    m_delete = add(tr("Delete"), QStringLiteral("deleteVolumeAction"), QKeySequence::Delete,
                   [this] { deleteVolume(currentVolumeId()); });
    toolbar->addSeparator();
    m_snapshot = add(tr("Snapshot…"), QStringLiteral("snapshotAction"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                     &VolumesPage::askSnapshot);
    m_deleteSnapshot = add(tr("Delete snapshot"), QStringLiteral("deleteSnapshotAction"),
                           QKeySequence(Qt::SHIFT | Qt::Key_Delete), [this] { deleteSnapshot(selectedSnapshotId()); });
    toolbar->addSeparator();
    m_backUp =
        add(tr("Back up now…"), QStringLiteral("backUpAction"), QKeySequence(Qt::CTRL | Qt::Key_B), &VolumesPage::askBackUp);
    m_restore =
        add(tr("Restore…"), QStringLiteral("restoreAction"), QKeySequence(Qt::CTRL | Qt::Key_R), &VolumesPage::askRestore);
    qobject_cast<QVBoxLayout *>(layout())->insertWidget(1, toolbar);
}

void VolumesPage::setJobRunner(JobRunner *runner)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    if (runner) {
        connect(runner, &JobRunner::jobFinished, this, [this](const JobRecord &record) {
            if (record.kind == JobKinds::volumeBackup || record.kind == JobKinds::backupRestore)
                refresh();
        });
    }
    updateActions();
}

QString VolumesPage::countText(int count) const
{
    return count == 1 ? tr("1 volume") : tr("%1 volumes").arg(count);
}

QFuture<void> VolumesPage::load(Session *session)
{
    m_session = session;
    m_poll->stop();
    const int generation = currentGeneration();
    // Volumes first (the table), then snapshots and backups for the counts and the sub-views;
    // a slower answer from the cloud selected before must not land here.
    return BlockStorageClient(session)
        .listVolumes()
        .then(this,
              [this, session, generation](const QList<Volume> &volumes) {
                  if (!isStale(generation))
                      m_model->setItems(volumes);
                  return BlockStorageClient(session).listSnapshots();
              })
        .unwrap()
        .then(this,
              [this, session, generation](const QList<VolumeSnapshot> &snapshots) {
                  if (!isStale(generation)) {
                      m_snapshots->setItems(snapshots);
                      m_protection->setSnapshots(snapshots);
                  }
                  return BlockStorageClient(session).listBackups();
              })
        .unwrap()
        .then(this, [this, generation](const QList<VolumeBackup> &backups) {
            if (isStale(generation))
                return;
            m_backups->setItems(backups);
            m_protection->setBackups(backups);
            m_snapshotView->resizeColumnsToContents();
            m_backupView->resizeColumnsToContents();
            if (currentVolumeId().isEmpty() && view()->model()->rowCount() > 0)
                view()->setCurrentIndex(view()->model()->index(0, 0)); // so the sub-views show something
            updateActions();
            pollWhileBusy();
        });
}

void VolumesPage::pollWhileBusy()
{
    bool busy = false;
    for (const Volume &volume : m_model->items())
        busy = busy || isTransitional(volume.status);
    for (const VolumeSnapshot &snapshot : m_snapshots->items())
        busy = busy || isTransitional(snapshot.status);
    for (const VolumeBackup &backup : m_backups->items())
        busy = busy || isTransitional(backup.status);
    if (busy)
        m_poll->start();
}

QString VolumesPage::currentVolumeId() const
{
    const QModelIndex current = view()->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(VolumeListModel::IdRole).toString() : QString();
}

void VolumesPage::selectVolume(const QString &id)
{
    QAbstractItemModel *proxy = view()->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        if (proxy->index(row, 0).data(VolumeListModel::IdRole).toString() == id) {
            view()->setCurrentIndex(proxy->index(row, 0));
            view()->selectRow(row);
            return;
        }
    }
}

QString VolumesPage::nameOfVolume(const QString &id) const
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return id;
    const Volume &volume = m_model->itemAt(row);
    return volume.name.isEmpty() ? volume.id : volume.name;
}

QString VolumesPage::selectedSnapshotId() const
{
    const QModelIndex current = m_snapshotView->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(SnapshotListModel::IdRole).toString() : QString();
}

QString VolumesPage::selectedBackupId() const
{
    const QModelIndex current = m_backupView->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(BackupListModel::IdRole).toString() : QString();
}

void VolumesPage::onVolumeChanged()
{
    const QString id = currentVolumeId();
    const QRegularExpression exact(id.isEmpty() ? QStringLiteral("^$^")
                                                : QRegularExpression::anchoredPattern(QRegularExpression::escape(id)));
    m_volumeSnapshots->setFilterRegularExpression(exact);
    m_volumeBackups->setFilterRegularExpression(exact);
    updateActions();
}

void VolumesPage::updateActions()
{
    const bool connected = m_session != nullptr;
    const bool volume = !currentVolumeId().isEmpty();
    m_create->setEnabled(connected);
    m_extend->setEnabled(volume);
    m_delete->setEnabled(volume);
    m_snapshot->setEnabled(volume);
    m_deleteSnapshot->setEnabled(!selectedSnapshotId().isEmpty());
    const QString noRunner = tr("Backups and restores run as jobs, and no job runner is set up in this window.");
    m_backUp->setEnabled(volume && m_runner);
    m_backUp->setToolTip(m_runner ? tr("Back up the selected volume now, full or incremental (%1)")
                                        .arg(m_backUp->shortcut().toString(QKeySequence::NativeText))
                                  : noRunner);
    m_restore->setEnabled(!selectedBackupId().isEmpty() && m_runner);
    m_restore->setToolTip(m_runner ? tr("Restore the selected backup to a new or an existing volume (%1)")
                                         .arg(m_restore->shortcut().toString(QKeySequence::NativeText))
                                   : noRunner);
}

void VolumesPage::finishAction(const QString &what, const QString &error)
{
    Q_EMIT actionFinished(what, error);
    if (error.isEmpty())
        refresh();
}

void VolumesPage::askCreate()
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("New volume"));
    auto *name = new QLineEdit(dialog);
    name->setObjectName(QStringLiteral("volumeName"));
    name->setAccessibleName(tr("Name"));
    auto *size = new QSpinBox(dialog);
    size->setObjectName(QStringLiteral("volumeSize"));
    size->setAccessibleName(tr("Size in GiB"));
    size->setRange(1, 16384);
    size->setSuffix(tr(" GiB"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto *form = new QFormLayout(dialog);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Size:"), size);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, name, size] { createVolume(name->text().trimmed(), size->value()); });
    dialog->open();
}

void VolumesPage::createVolume(const QString &name, int sizeGb)
{
    if (!m_session)
        return;
    const QString what = tr("Create volume %1").arg(name);
    BlockStorageClient(m_session)
        .createVolume(name, sizeGb)
        .then(this, [this, what](const Volume &) { finishAction(what, {}); })
        .onFailed(this, [this, what](const ApiError &error) { finishAction(what, error.toString()); });
}

void VolumesPage::askExtend()
{
    const QString id = currentVolumeId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const int current = static_cast<int>(m_model->itemAt(row).sizeGb);
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Extend %1").arg(nameOfVolume(id)));
    dialog->setLabelText(tr("New size in GiB (now %1; volumes only grow):").arg(current));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(current + 1, 16384);
    dialog->setIntValue(current + 1);
    connect(dialog, &QInputDialog::intValueSelected, this, [this, id](int size) { extendVolume(id, size); });
    dialog->open();
}

void VolumesPage::extendVolume(const QString &id, int newSizeGb)
{
    if (!m_session)
        return;
    const QString what = tr("Extend %1 to %2 GiB").arg(nameOfVolume(id)).arg(newSizeGb);
    BlockStorageClient(m_session)
        .extendVolume(id, newSizeGb)
        .then(this, [this, what] { finishAction(what, {}); })
        .onFailed(this, [this, what](const ApiError &error) { finishAction(what, error.toString()); });
}

void VolumesPage::deleteVolume(const QString &id)
{
    if (!m_session || id.isEmpty())
        return;
    const CloudProfile &profile = m_session->profile();
    ConfirmDestructiveDialog::ask(
        this, profile.environment, profile.name, tr("Delete volume"), nameOfVolume(id),
        [this, id, session = m_session, what = tr("Delete volume %1").arg(nameOfVolume(id))] {
            BlockStorageClient(session)
                .deleteVolume(id)
                .then(this, [this, what] { finishAction(what, {}); })
                .onFailed(this, [this, what](const ApiError &error) { finishAction(what, error.toString()); });
        });
}

void VolumesPage::askSnapshot()
{
    const QString id = currentVolumeId();
    if (id.isEmpty())
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Snapshot of %1").arg(nameOfVolume(id)));
    dialog->setLabelText(tr("Name of the snapshot:"));
    dialog->setTextValue(
        tr("%1-%2").arg(nameOfVolume(id), QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString &name) { createSnapshot(id, name); });
    dialog->open();
}

void VolumesPage::createSnapshot(const QString &volumeId, const QString &name)
{
    if (!m_session)
        return;
    const QString what = tr("Snapshot %1 of %2").arg(name, nameOfVolume(volumeId));
    // force: a volume in use can be snapshotted too (crash-consistent), as the CLI allows.
    BlockStorageClient(m_session)
        .createSnapshot(volumeId, name, true)
        .then(this, [this, what](const VolumeSnapshot &) { finishAction(what, {}); })
        .onFailed(this, [this, what](const ApiError &error) { finishAction(what, error.toString()); });
}

void VolumesPage::deleteSnapshot(const QString &id)
{
    if (!m_session || id.isEmpty())
        return;
    const int row = m_snapshots->rowOf(id);
    const QString name = row >= 0 && !m_snapshots->itemAt(row).name.isEmpty() ? m_snapshots->itemAt(row).name : id;
    const CloudProfile &profile = m_session->profile();
    ConfirmDestructiveDialog::ask(
        this, profile.environment, profile.name, tr("Delete snapshot"), name,
        [this, id, session = m_session, what = tr("Delete snapshot %1").arg(name)] {
            BlockStorageClient(session)
                .deleteSnapshot(id)
                .then(this, [this, what] { finishAction(what, {}); })
                .onFailed(this, [this, what](const ApiError &error) { finishAction(what, error.toString()); });
        });
}

void VolumesPage::askBackUp()
{
    const QString id = currentVolumeId();
    if (id.isEmpty() || !m_runner)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Back up %1").arg(nameOfVolume(id)));
    dialog->setLabelText(tr("Kind of backup (an incremental one needs an earlier full backup):"));
    const QStringList kinds{tr("Full"), tr("Incremental")};
    dialog->setComboBoxItems(kinds);
    dialog->setComboBoxEditable(false);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id, incremental = kinds.at(1)](const QString &kind) {
        backUp(id, tr("%1-%2").arg(nameOfVolume(id), QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))),
               kind == incremental);
    });
    dialog->open();
}

qint64 VolumesPage::backUp(const QString &volumeId, const QString &name, bool incremental)
{
    if (!m_runner || !m_session)
        return 0;
    const qint64 job = m_runner->submit(VolumeBackupJob::spec(m_session->profile().name, volumeId, name, incremental, true));
    Q_EMIT actionFinished(tr("Back up %1 (job %2)").arg(nameOfVolume(volumeId)).arg(job),
                          job ? QString() : tr("the job journal cannot be written"));
    return job;
}

void VolumesPage::askRestore()
{
    const QString backupId = selectedBackupId();
    if (backupId.isEmpty() || !m_runner)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Restore backup"));
    dialog->setLabelText(tr("Restore into (an existing volume is overwritten):"));
    QStringList targets{tr("A new volume")};
    QStringList ids{QString()};
    for (const Volume &volume : m_model->items()) {
        targets.append(tr("%1 (%2)").arg(volume.name, volume.id.left(8)));
        ids.append(volume.id);
    }
    dialog->setComboBoxItems(targets);
    dialog->setComboBoxEditable(false);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, backupId, targets, ids](const QString &choice) {
        const QString volumeId = ids.value(static_cast<int>(targets.indexOf(choice)));
        if (volumeId.isEmpty()) {
            restore(backupId, {}, tr("restore-%1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
            return;
        }
        const CloudProfile &profile = m_session->profile();
        ConfirmDestructiveDialog::ask(this, profile.environment, profile.name, tr("Overwrite volume with backup"),
                                      nameOfVolume(volumeId), [this, backupId, volumeId] { restore(backupId, volumeId, {}); });
    });
    dialog->open();
}

qint64 VolumesPage::restore(const QString &backupId, const QString &volumeId, const QString &newVolumeName)
{
    if (!m_runner || !m_session)
        return 0;
    const qint64 job = m_runner->submit(BackupRestoreJob::spec(m_session->profile().name, backupId, volumeId, newVolumeName));
    Q_EMIT actionFinished(tr("Restore backup (job %1)").arg(job), job ? QString() : tr("the job journal cannot be written"));
    return job;
}

} // namespace Pilvi
