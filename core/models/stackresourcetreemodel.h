// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/stack.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <memory>
#include <vector>

namespace Pilvi {

/// A stack's resources as a tree: the top stack's resources, and under a resource that is a stack
/// itself (a group, a nested template) the resources of that stack, to any depth. Fed with the flat
/// list `listResources(stack, nestedDepth)` returns; each refresh is applied per parent as removes,
/// moves, inserts and dataChanged (key: stack id + resource name), never a reset, so selection and
/// expansion survive.
class StackResourceTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, StatusColumn, ReasonColumn, PhysicalIdColumn, UpdatedColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, ///< "stackId/name": unique in the tree
        PhysicalIdRole,
        StackIdRole,       ///< the stack the resource belongs to
        NestedStackIdRole, ///< the stack it is, if any
        TypeRole,
        StatusRole,     ///< CREATE_COMPLETE...
        StatusKindRole, ///< "complete", "in-progress", "failed" (StatusKind)
        SortRole,       ///< raw value for sorting (times as QDateTime)
    };
    Q_ENUM(Role)

    explicit StackResourceTreeModel(QObject *parent = nullptr);
    ~StackResourceTreeModel() override;

    /// The one entry point. Resources whose stack is no listed resource's nested stack are the top
    /// level; the order of the list is the order of the rows.
    void setResources(const QList<StackResource> &resources);

    /// The resource at an index, or nullptr.
    const StackResource *resource(const QModelIndex &index) const;
    /// The index (column 0) of the resource `name` of stack `stackId`, or an invalid index.
    QModelIndex indexOf(const QString &stackId, const QString &name) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString keyOf(const StackResource &resource);

private:
    struct Node {
        StackResource resource;
        QString key;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
    };

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node, int column = 0) const;
    int rowOfNode(const Node *node) const;
    void merge(Node *parent, const QModelIndex &parentIndex, const QList<StackResource> &wanted,
               const QHash<QString, QList<StackResource>> &byStack, QSet<QString> &seenStacks);

    Node m_root;
};

} // namespace Pilvi
