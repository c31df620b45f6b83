// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/cloudtablepage.h"

#include "openstack/objectstorage/objectstorage.h"

#include <QHash>
#include <QPointer>

class QAction;
class QLabel;
class QTreeView;

namespace Pilvi {

class ContainerListModel;
class JobRunner;
class ObjectDetailsPanel;
class ObjectFolderLoader;
class ObjectTreeModel;
class TransferPanel;
struct ContainerSettings;
struct JobRecord;

/// Swift: the containers of the selected cloud (with who may read them and how they keep
/// versions), the selected container's objects as a tree of pseudo-folders (listed lazily, off
/// the GUI thread), the selected object's details and old versions. Uploads and downloads of
/// files and folders run as jobs (object.upload, object.download) with progress here and on the
/// Jobs page; container settings, metadata, expiry, temporary URLs and deletes are direct calls.
class ObjectStoragePage final : public CloudTablePage
{
    Q_OBJECT
public:
    explicit ObjectStoragePage(QWidget *parent = nullptr);
    ~ObjectStoragePage() override;

    /// Transfers need it; without one, Upload and Download stay disabled.
    void setJobRunner(JobRunner *runner);

    QTreeView *objectView() const { return m_tree; }
    ObjectTreeModel *objectModel() const { return m_objects; }
    ContainerListModel *containerModel() const { return m_containers; }
    ObjectDetailsPanel *detailsPanel() const { return m_details; }
    TransferPanel *transferPanel() const { return m_transfers; }
    QString currentContainer() const;
    /// Selects the container in the table and shows its objects.
    void showContainer(const QString &container);

    // What the actions do once the user has answered their dialogs (tests call these too).
    void createContainer(const QString &name);
    /// Asks (ConfirmDestructiveDialog), then deletes the container; Swift refuses one with objects.
    void deleteContainer(const QString &name);
    /// Applies what the settings dialog chose; making a container public in production asks
    /// for its name first.
    void applyContainerSettings(const QString &container, const ContainerSettings &settings);
    /// Uploads local files and folders into `prefix` of the current container, as one job.
    /// Returns the job's id (0: not started).
    qint64 uploadFiles(const QStringList &paths, const QString &prefix);
    /// Downloads objects (each as directory/<last segment>) and pseudo-folders (with their tree)
    /// of the current container into `directory`, as one job. Returns the job's id.
    qint64 downloadObjects(const QStringList &names, const QString &directory, const QStringList &folders = {});
    /// Asks (ConfirmDestructiveDialog), then deletes the objects of the current container, and
    /// the pseudo-folders with everything in them.
    void deleteObjects(const QStringList &names, const QStringList &folders = {});
    /// Replaces the object's metadata and expiry (invalid `deleteAt`: kept forever).
    void setObjectProperties(const QString &name, const QMap<QString, QString> &metadata, const QDateTime &deleteAt);
    /// Copies an old version (an object of `archive`) over the selected object.
    void restoreVersion(const QString &archive, const QString &versionName);

    /// The selected objects' full names (folders left out).
    QStringList selectedObjects() const;
    /// The selected pseudo-folders' prefixes ("photos/2024/").
    QStringList selectedFolders() const;

Q_SIGNALS:
    /// An action ended; `error` is empty when it worked. `what` names it for people.
    void actionFinished(const QString &what, const QString &error);

protected:
    QFuture<void> load(Session *session) override;
    QString countText(int count) const override;

private:
    struct Transfer {
        QString what;
        QString container;
        QString prefix; ///< uploads: the folder to list again
    };

    void buildActions();
    void onContainerChanged();
    void showDetails();
    void updateActions();
    void finishAction(const QString &what, const QString &error);
    void onJobFinished(const JobRecord &record);
    void reportIfAlreadyFinished(qint64 id);
    QFuture<void> readContainerInfo(const QString &container);
    /// Puts the listing into the table and reads the HEADs it needs; finishes when they are in.
    QFuture<void> showContainers(const QList<Container> &containers);
    /// Selects the first object (not folder) of the root; finishes when its details are shown.
    QFuture<void> selectFirstObject();
    QString currentFolderPrefix() const;
    qint64 objectBytes(const QString &name) const;
    void askNewContainer();
    void askContainerSettings();
    void askUpload(bool folder);
    void askDownload();
    void askProperties();
    void askTemporaryUrl();

    ContainerListModel *m_containers;
    ObjectTreeModel *m_objects;
    ObjectFolderLoader *m_loader;
    QTreeView *m_tree;
    ObjectDetailsPanel *m_details;
    QLabel *m_message;
    TransferPanel *m_transfers;
    QPointer<JobRunner> m_runner;
    QHash<qint64, Transfer> m_pendingTransfers;
    QAction *m_newContainer = nullptr;
    QAction *m_containerSettings = nullptr;
    QAction *m_deleteContainer = nullptr;
    QAction *m_upload = nullptr;
    QAction *m_uploadFolder = nullptr;
    QAction *m_download = nullptr;
    QAction *m_properties = nullptr;
    QAction *m_tempUrl = nullptr;
    QAction *m_delete = nullptr;
    Session *m_session = nullptr;
    QString m_shownContainer;
};

} // namespace Pilvi
