// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/cloudtablepage.h"

#include <QPointer>

class QAction;
class QSortFilterProxyModel;
class QTabWidget;
class QTimer;

namespace Pilvi {

class BackupListModel;
class JobRunner;
class SnapshotListModel;
class VolumeListModel;
class VolumeProtectionProxyModel;

/// The Cinder volumes of the selected cloud with their snapshot count and last backup, and the
/// selected volume's snapshots and backups below. Create, extend, delete and snapshot call the
/// client (off the GUI thread) and refresh; back up and restore run as jobs.
class VolumesPage final : public CloudTablePage
{
    Q_OBJECT
public:
    explicit VolumesPage(QWidget *parent = nullptr);

    /// Back up and restore run through it; without one those actions are disabled.
    void setJobRunner(JobRunner *runner);

    QTableView *snapshotView() const { return m_snapshotView; }
    QTableView *backupView() const { return m_backupView; }
    /// The selected volume's id, or empty.
    QString currentVolumeId() const;
    void selectVolume(const QString &id);

    // What the actions do once the user has answered their dialogs (tests call these too).
    void createVolume(const QString &name, int sizeGb);
    void extendVolume(const QString &id, int newSizeGb);
    void createSnapshot(const QString &volumeId, const QString &name);
    /// Ask (ConfirmDestructiveDialog), then delete.
    void deleteVolume(const QString &id);
    void deleteSnapshot(const QString &id);
    /// Submit a job; the ids of the submitted jobs, 0 when there is no runner or cloud.
    qint64 backUp(const QString &volumeId, const QString &name, bool incremental);
    qint64 restore(const QString &backupId, const QString &volumeId, const QString &newVolumeName);

Q_SIGNALS:
    /// An action ended; `error` is empty when it worked.
    void actionFinished(const QString &what, const QString &error);

protected:
    QFuture<void> load(Session *session) override;
    QString countText(int count) const override;

private:
    void buildActions();
    void updateActions();
    void onVolumeChanged();
    void finishAction(const QString &what, const QString &error);
    void pollWhileBusy();
    QString nameOfVolume(const QString &id) const;
    QString selectedSnapshotId() const;
    QString selectedBackupId() const;
    void askCreate();
    void askExtend();
    void askSnapshot();
    void askBackUp();
    void askRestore();

    VolumeListModel *m_model;
    VolumeProtectionProxyModel *m_protection;
    SnapshotListModel *m_snapshots;
    BackupListModel *m_backups;
    QSortFilterProxyModel *m_volumeSnapshots; ///< the selected volume's
    QSortFilterProxyModel *m_volumeBackups;
    QTableView *m_snapshotView;
    QTableView *m_backupView;
    QTabWidget *m_tabs;
    QTimer *m_poll;
    QPointer<JobRunner> m_runner;
    Session *m_session = nullptr;
    QAction *m_create = nullptr;
    QAction *m_extend = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_snapshot = nullptr;
    QAction *m_deleteSnapshot = nullptr;
    QAction *m_backUp = nullptr;
    QAction *m_restore = nullptr;
};

} // namespace Pilvi
