// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/cloudtablepage.h"

#include "openstack/objectstorage/objectstorage.h"

class QAction;
class QFormLayout;
class QLabel;
class QTreeView;

namespace Pilvi {

class ContainerListModel;
class ObjectFolderLoader;
class ObjectTreeModel;
class TransferPanel;

/// Swift: the containers of the selected cloud, the selected container's objects as a tree of
/// pseudo-folders (listed lazily, off the GUI thread), the selected object's details, and
/// uploads and downloads with progress.
class ObjectStoragePage final : public CloudTablePage
{
    Q_OBJECT
public:
    explicit ObjectStoragePage(QWidget *parent = nullptr);
    ~ObjectStoragePage() override;

    QTreeView *objectView() const { return m_tree; }
    ObjectTreeModel *objectModel() const { return m_objects; }
    QString currentContainer() const;
    /// Selects the container in the table and shows its objects.
    void showContainer(const QString &container);

    // What the actions do once the user has answered their dialogs (tests call these too).
    void createContainer(const QString &name);
    /// Uploads local files as `prefix` + file name into the current container.
    void uploadFiles(const QStringList &paths, const QString &prefix);
    /// Downloads objects of the current container into `directory` (named by their last segment).
    void downloadObjects(const QStringList &names, const QString &directory);
    /// Asks (ConfirmDestructiveDialog), then deletes the objects of the current container.
    void deleteObjects(const QStringList &names);
    /// Keeps the object until `deleteAt` (invalid: forever); its metadata stays.
    void setExpiry(const QString &name, const QDateTime &deleteAt);

    /// The selected objects' full names (folders left out).
    QStringList selectedObjects() const;

Q_SIGNALS:
    /// An action ended; `error` is empty when it worked. `what` names it for people.
    void actionFinished(const QString &what, const QString &error);

protected:
    QFuture<void> load(Session *session) override;
    QString countText(int count) const override;

private:
    void buildActions();
    void onContainerChanged();
    void showDetails();
    void updateActions();
    void finishAction(const QString &what, const QString &error);
    QString currentFolderPrefix() const;
    void askNewContainer();
    void askUpload();
    void askDownload();
    void askExpiry();

    ContainerListModel *m_containers;
    ObjectTreeModel *m_objects;
    ObjectFolderLoader *m_loader;
    QTreeView *m_tree;
    QLabel *m_detailsTitle;
    QFormLayout *m_details;
    QLabel *m_message;
    TransferPanel *m_transfers;
    QAction *m_newContainer = nullptr;
    QAction *m_upload = nullptr;
    QAction *m_download = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_expiry = nullptr;
    Session *m_session = nullptr;
    QString m_shownContainer;
    int m_detailsRequest = 0; ///< answers for an object no longer selected are dropped
};

} // namespace Pilvi
