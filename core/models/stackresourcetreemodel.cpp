// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stackresourcetreemodel.h"

#include "models/statuskind.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace Pilvi {

StackResourceTreeModel::StackResourceTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

StackResourceTreeModel::~StackResourceTreeModel() = default;

QString StackResourceTreeModel::keyOf(const StackResource &resource)
{
    return resource.stackId + u'/' + resource.name;
}

void StackResourceTreeModel::setResources(const QList<StackResource> &resources)
{
    QSet<QString> nestedStacks;
    for (const StackResource &resource : resources) {
        if (!resource.nestedStackId.isEmpty())
            nestedStacks.insert(resource.nestedStackId);
    }
    QList<StackResource> top;
    QHash<QString, QList<StackResource>> byStack;
    for (const StackResource &resource : resources) {
        if (nestedStacks.contains(resource.stackId))
            byStack[resource.stackId].append(resource);
        else
            top.append(resource);
    }
    QSet<QString> seenStacks;
    merge(&m_root, {}, top, byStack, seenStacks);
}

// Applies `wanted` to the children of `parent` as KeyedListModel does for a table (removed runs,
// then moves and inserts in the new order, dataChanged where a field changed), then recurses into
// each child with the resources of its nested stack.
void StackResourceTreeModel::merge(Node *parent, const QModelIndex &parentIndex, const QList<StackResource> &wanted,
                                   const QHash<QString, QList<StackResource>> &byStack, QSet<QString> &seenStacks)
{
    std::vector<std::unique_ptr<Node>> &children = parent->children;
    if (children.empty() && wanted.isEmpty())
        return;
    const auto makeNode = [parent](const StackResource &resource) {
        auto node = std::make_unique<Node>();
        node->resource = resource;
        node->key = keyOf(resource);
        node->parent = parent;
        return node;
    };

    if (children.empty() && !wanted.isEmpty()) {
        // First load of this parent: one insert.
        beginInsertRows(parentIndex, 0, static_cast<int>(wanted.size()) - 1);
        children.reserve(wanted.size());
        for (const StackResource &resource : wanted)
            children.push_back(makeNode(resource));
        endInsertRows();
    } else {
        QSet<QString> keys;
        keys.reserve(wanted.size());
        for (const StackResource &resource : wanted)
            keys.insert(keyOf(resource));
        // 1. Rows that went away, bottom up in contiguous runs.
        for (int row = static_cast<int>(children.size()) - 1; row >= 0;) {
            if (keys.contains(children[row]->key)) {
                --row;
                continue;
            }
            int first = row;
            while (first > 0 && !keys.contains(children[first - 1]->key))
                --first;
            beginRemoveRows(parentIndex, first, row);
            children.erase(children.begin() + first, children.begin() + row + 1);
            endRemoveRows();
            row = first - 1;
        }
        // 2. Walk the new order. Rows before i are in place, so the wanted one is at i or later
        // (unchanged rows are found at once; a move or insert costs one scan).
        for (int i = 0; i < wanted.size(); ++i) {
            const QString key = keyOf(wanted[i]);
            const auto found = std::find_if(children.begin() + i, children.end(),
                                            [&key](const std::unique_ptr<Node> &node) { return node->key == key; });
            const int at = static_cast<int>(found - children.begin());
            if (found == children.end()) {
                beginInsertRows(parentIndex, i, i);
                children.insert(children.begin() + i, makeNode(wanted[i]));
                endInsertRows();
                continue;
            }
            if (at != i) {
                beginMoveRows(parentIndex, at, at, parentIndex, i);
                std::rotate(children.begin() + i, children.begin() + at, children.begin() + at + 1);
                endMoveRows();
            }
            if (!(children[i]->resource == wanted[i])) {
                children[i]->resource = wanted[i];
                Q_EMIT dataChanged(index(i, 0, parentIndex), index(i, ColumnCount - 1, parentIndex));
            }
        }
    }

    for (int row = 0; row < static_cast<int>(children.size()); ++row) {
        Node *child = children[row].get();
        const QString &nested = child->resource.nestedStackId;
        // A stack listed under two resources (never from Heat) is shown under the first only.
        const bool expand = !nested.isEmpty() && !seenStacks.contains(nested);
        if (expand)
            seenStacks.insert(nested);
        merge(child, createIndex(row, 0, child), expand ? byStack.value(nested) : QList<StackResource>(), byStack, seenStacks);
    }
}

StackResourceTreeModel::Node *StackResourceTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : const_cast<Node *>(&m_root);
}

int StackResourceTreeModel::rowOfNode(const Node *node) const
{
    const auto &siblings = node->parent->children;
    const auto it = std::find_if(siblings.cbegin(), siblings.cend(), [node](const auto &n) { return n.get() == node; });
    return static_cast<int>(it - siblings.cbegin());
}

QModelIndex StackResourceTreeModel::indexOfNode(const Node *node, int column) const
{
    if (node == &m_root)
        return {};
    return createIndex(rowOfNode(node), column, node);
}

const StackResource *StackResourceTreeModel::resource(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &nodeOf(index)->resource;
}

QModelIndex StackResourceTreeModel::indexOf(const QString &stackId, const QString &name) const
{
    const QString key = stackId + u'/' + name;
    // Depth first; the tree is small enough (hundreds of resources) for a walk.
    std::vector<const Node *> pending{&m_root};
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        for (const auto &child : node->children) {
            if (child->key == key)
                return indexOfNode(child.get());
            pending.push_back(child.get());
        }
    }
    return {};
}

QModelIndex StackResourceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeOf(parent)->children[row].get());
}

QModelIndex StackResourceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int StackResourceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int StackResourceTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant StackResourceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const StackResource &resource = nodeOf(index)->resource;
    switch (role) {
    case KeyRole: return nodeOf(index)->key;
    case PhysicalIdRole: return resource.physicalId;
    case StackIdRole: return resource.stackId;
    case NestedStackIdRole: return resource.nestedStackId;
    case TypeRole: return resource.type;
    case StatusRole: return resource.status;
    case StatusKindRole: return StatusKind::ofHeat(resource.status);
    case Qt::ToolTipRole: return resource.statusReason.isEmpty() ? resource.type : resource.statusReason;
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn: return resource.name;
        case TypeColumn: return resource.type;
        case StatusColumn: return resource.status;
        case ReasonColumn: return resource.statusReason;
        case PhysicalIdColumn: return resource.physicalId;
        case UpdatedColumn:
            if (role == SortRole)
                return resource.updatedAt;
            return resource.updatedAt.isValid() ? QLocale().toString(resource.updatedAt.toLocalTime(), QLocale::ShortFormat)
                                                : QString();
        default: return {};
        }
    default: return {};
    }
}

QVariant StackResourceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case TypeColumn: return tr("Type");
    case StatusColumn: return tr("Status");
    case ReasonColumn: return tr("Status reason");
    case PhysicalIdColumn: return tr("Physical ID");
    case UpdatedColumn: return tr("Updated");
    default: return {};
    }
}

} // namespace Pilvi
