// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/objectstorage/objectstorage.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace Pilvi {

/// A container's objects as a tree of pseudo-folders, loaded lazily and without IO: expanding a
/// folder the first time (fetchMore) emits folderRequested(prefix) and, from the event loop until
/// the answer comes, shows a "Loading…" row (LoadingRole on the folder); a
/// controller lists the container with that prefix and delimiter "/" and answers with
/// setFolderContents(prefix, entries) (objects and subdir entries, full names as Swift gives them).
/// A later answer for the same folder is applied as a diff, so selection and expansion survive.
class ObjectTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, SizeColumn, TypeColumn, ModifiedColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, ///< the full object name, or the folder's prefix ("photos/2024/")
        IsFolderRole,                ///< bool
        IsLoadingRowRole,            ///< bool: the placeholder row of a folder being listed
        LoadingRole,                 ///< bool, on a folder: a listing was asked and has not come
        ErrorRole,                   ///< on a folder: why its last listing failed
        HashRole,                    ///< the object's ETag
        SortRole,                    ///< raw value (bytes as qint64, -1 for folders; times as QDateTime)
    };
    Q_ENUM(Role)

    explicit ObjectTreeModel(QObject *parent = nullptr);
    ~ObjectTreeModel() override;

    /// Shows another container (a reset: nothing of the previous one stays); its root is listed
    /// on the first fetchMore. An empty name shows nothing.
    void setContainer(const QString &container);
    QString container() const { return m_container; }

    /// The answer to folderRequested(prefix) ("" is the container's root). An answer for a folder
    /// that is no longer in the tree is dropped.
    void setFolderContents(const QString &prefix, const QList<ObjectEntry> &entries);
    /// The listing of `prefix` failed: the loading row goes, ErrorRole tells why, and a folder
    /// that never loaded can be fetched again.
    void setFolderFailed(const QString &prefix, const QString &error);
    /// Lists a folder again (after an upload, on F5): emits folderRequested; the rows stay until
    /// the answer comes. Does nothing for a folder not in the tree.
    void reloadFolder(const QString &prefix);

    /// The folder row of `prefix` (invalid for the root or an unknown folder).
    QModelIndex indexOfFolder(const QString &prefix) const;
    /// The entry at an index, or nullptr (also for a loading row).
    const ObjectEntry *entry(const QModelIndex &index) const;
    /// "a.jpg" for "photos/a.jpg", "2024" for "photos/2024/".
    static QString lastSegment(const QString &name);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// List the container with this prefix and delimiter "/", then call setFolderContents().
    void folderRequested(const QString &prefix);

private:
    struct Node;

    Node *nodeOf(const QModelIndex &index) const;
    Node *folderNode(const QString &prefix) const;
    QModelIndex indexOfNode(const Node *node, int column = 0) const;
    void request(Node *folder);
    void showLoading();
    void removeLoadingRow(Node *folder);
    void folderStateChanged(Node *folder);

    QString m_container;
    QStringList m_pendingLoading; ///< prefixes asked for since the event loop last ran
    std::unique_ptr<Node> m_root;
};

} // namespace Pilvi
