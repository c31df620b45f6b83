// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/objecttreemodel.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <utility>

namespace Pilvi {

struct ObjectTreeModel::Node {
    enum class State { NotLoaded, Loading, Loaded };

    ObjectEntry entry; ///< the root's name is "" (the empty prefix)
    QString key;       ///< unique among siblings: an object and a folder may share a name
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    State state = State::NotLoaded; ///< folders only
    QString error;                  ///< folders only: why the last listing failed
    bool loadingRow = false;        ///< the placeholder shown while a folder's first listing runs
    bool loadingShown = false;      ///< folders only: the view was told a listing is running

    bool isFolder() const { return entry.isPseudoFolder; }
    bool hasLoadingRow() const { return !children.empty() && children.front()->loadingRow; }
};

namespace {
QString keyOf(const ObjectEntry &entry)
{
    return (entry.isPseudoFolder ? u'd' : u'o') + entry.name;
}
} // namespace

ObjectTreeModel::ObjectTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->entry.isPseudoFolder = true;
}

ObjectTreeModel::~ObjectTreeModel() = default;

QString ObjectTreeModel::lastSegment(const QString &name)
{
    const QStringView path = QStringView(name).chopped(name.endsWith(u'/') ? 1 : 0);
    const QStringView segment = path.mid(path.lastIndexOf(u'/') + 1);
    return segment.isEmpty() ? name : segment.toString();
}

void ObjectTreeModel::setContainer(const QString &container)
{
    beginResetModel();
    m_container = container;
    m_pendingLoading.clear();
    m_root = std::make_unique<Node>();
    m_root->entry.isPseudoFolder = true;
    endResetModel();
}

ObjectTreeModel::Node *ObjectTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

// Walks down from the root through the folders whose prefix starts `prefix`.
ObjectTreeModel::Node *ObjectTreeModel::folderNode(const QString &prefix) const
{
    Node *node = m_root.get();
    while (node->entry.name != prefix) {
        const auto next = std::find_if(node->children.cbegin(), node->children.cend(), [&prefix](const auto &child) {
            return child->isFolder() && !child->entry.name.isEmpty() && prefix.startsWith(child->entry.name);
        });
        if (next == node->children.cend())
            return nullptr;
        node = next->get();
    }
    return node;
}

QModelIndex ObjectTreeModel::indexOfNode(const Node *node, int column) const
{
    if (node == m_root.get())
        return {};
    const auto &siblings = node->parent->children;
    const auto it = std::find_if(siblings.cbegin(), siblings.cend(), [node](const auto &n) { return n.get() == node; });
    return createIndex(static_cast<int>(it - siblings.cbegin()), column, node);
}

QModelIndex ObjectTreeModel::indexOfFolder(const QString &prefix) const
{
    const Node *node = folderNode(prefix);
    return node ? indexOfNode(node) : QModelIndex();
}

const ObjectEntry *ObjectTreeModel::entry(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const Node *node = nodeOf(index);
    return node->loadingRow ? nullptr : &node->entry;
}

void ObjectTreeModel::folderStateChanged(Node *folder)
{
    if (folder == m_root.get())
        return;
    const QModelIndex index = indexOfNode(folder);
    Q_EMIT dataChanged(index, index.siblingAtColumn(ColumnCount - 1), {LoadingRole, ErrorRole, Qt::ToolTipRole});
}

// Views call fetchMore while they handle other changes of the model, so it changes nothing there:
// it asks, and the loading row and state appear from the event loop, if the answer has not come
// by then.
void ObjectTreeModel::request(Node *folder)
{
    folder->state = Node::State::Loading;
    m_pendingLoading.append(folder->entry.name);
    if (m_pendingLoading.size() == 1)
        QMetaObject::invokeMethod(this, &ObjectTreeModel::showLoading, Qt::QueuedConnection);
    Q_EMIT folderRequested(folder->entry.name);
}

void ObjectTreeModel::showLoading()
{
    const QStringList prefixes = std::exchange(m_pendingLoading, {});
    for (const QString &prefix : prefixes) {
        Node *folder = folderNode(prefix);
        if (!folder || folder->state != Node::State::Loading || folder->loadingShown)
            continue; // answered already, or gone
        folder->loadingShown = true;
        if (folder->children.empty()) {
            auto row = std::make_unique<Node>();
            row->loadingRow = true;
            row->parent = folder;
            beginInsertRows(indexOfNode(folder), 0, 0);
            folder->children.push_back(std::move(row));
            endInsertRows();
        }
        folderStateChanged(folder);
    }
}

void ObjectTreeModel::removeLoadingRow(Node *folder)
{
    if (!folder->hasLoadingRow())
        return;
    beginRemoveRows(indexOfNode(folder), 0, 0);
    folder->children.erase(folder->children.begin());
    endRemoveRows();
}

bool ObjectTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (m_container.isEmpty() || (parent.isValid() && parent.column() != 0))
        return false;
    const Node *node = nodeOf(parent);
    return node->isFolder() && !node->loadingRow && node->state == Node::State::NotLoaded;
}

void ObjectTreeModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(nodeOf(parent));
}

void ObjectTreeModel::reloadFolder(const QString &prefix)
{
    Node *folder = m_container.isEmpty() ? nullptr : folderNode(prefix);
    if (folder && folder->state != Node::State::Loading)
        request(folder);
}

void ObjectTreeModel::setFolderFailed(const QString &prefix, const QString &error)
{
    Node *folder = folderNode(prefix);
    if (!folder)
        return;
    removeLoadingRow(folder);
    folder->state = folder->children.empty() ? Node::State::NotLoaded : Node::State::Loaded;
    folder->loadingShown = false;
    folder->error = error;
    folderStateChanged(folder);
}

// The folder's rows become `entries`, as KeyedListModel applies a table: removed runs, then moves
// and inserts in the new order, dataChanged where an entry changed. Subfolders that stay keep
// what was loaded under them.
void ObjectTreeModel::setFolderContents(const QString &prefix, const QList<ObjectEntry> &entries)
{
    Node *folder = folderNode(prefix);
    if (!folder)
        return;
    removeLoadingRow(folder);

    QList<ObjectEntry> wanted;
    QSet<QString> keys;
    wanted.reserve(entries.size());
    keys.reserve(entries.size());
    for (const ObjectEntry &e : entries) {
        // The folder's own marker object ("photos/" in the listing of "photos/", as Horizon makes
        // them) is the folder itself, not a row in it.
        if (e.name == prefix || e.name.isEmpty() || keys.contains(keyOf(e)))
            continue;
        keys.insert(keyOf(e));
        wanted.append(e);
    }

    const QModelIndex parentIndex = indexOfNode(folder);
    std::vector<std::unique_ptr<Node>> &children = folder->children;
    const auto makeNode = [folder](const ObjectEntry &e) {
        auto node = std::make_unique<Node>();
        node->entry = e;
        node->key = keyOf(e);
        node->parent = folder;
        return node;
    };
    if (children.empty()) {
        if (!wanted.isEmpty()) {
            beginInsertRows(parentIndex, 0, static_cast<int>(wanted.size()) - 1);
            children.reserve(wanted.size());
            for (const ObjectEntry &e : wanted)
                children.push_back(makeNode(e));
            endInsertRows();
        }
    } else {
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
        for (int i = 0; i < wanted.size(); ++i) {
            const QString key = keyOf(wanted[i]);
            const auto found = std::find_if(children.begin() + i, children.end(),
                                            [&key](const std::unique_ptr<Node> &node) { return node->key == key; });
            if (found == children.end()) {
                beginInsertRows(parentIndex, i, i);
                children.insert(children.begin() + i, makeNode(wanted[i]));
                endInsertRows();
                continue;
            }
            const int at = static_cast<int>(found - children.begin());
            if (at != i) {
                beginMoveRows(parentIndex, at, at, parentIndex, i);
                std::rotate(children.begin() + i, children.begin() + at, children.begin() + at + 1);
                endMoveRows();
            }
            if (!(children[i]->entry == wanted[i])) {
                children[i]->entry = wanted[i];
                Q_EMIT dataChanged(index(i, 0, parentIndex), index(i, ColumnCount - 1, parentIndex));
            }
        }
    }
    folder->state = Node::State::Loaded;
    folder->loadingShown = false;
    folder->error.clear();
    folderStateChanged(folder);
}

QModelIndex ObjectTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeOf(parent)->children[row].get());
}

QModelIndex ObjectTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int ObjectTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int ObjectTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

// A folder not listed yet has children as far as a view knows, so it shows an expander.
bool ObjectTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *node = nodeOf(parent);
    if (!node->children.empty())
        return true;
    return node->isFolder() && !node->loadingRow && node->state != Node::State::Loaded && !m_container.isEmpty();
}

Qt::ItemFlags ObjectTreeModel::flags(const QModelIndex &index) const
{
    if (index.isValid() && nodeOf(index)->loadingRow)
        return Qt::ItemIsEnabled;
    return QAbstractItemModel::flags(index);
}

QVariant ObjectTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeOf(index);
    if (node.loadingRow) {
        switch (role) {
        case IsLoadingRowRole: return true;
        case Qt::DisplayRole: return index.column() == NameColumn ? QVariant(tr("Loading…")) : QVariant();
        default: return {};
        }
    }
    const ObjectEntry &e = node.entry;
    switch (role) {
    case PathRole: return e.name;
    case IsFolderRole: return e.isPseudoFolder;
    case IsLoadingRowRole: return false;
    case LoadingRole: return node.loadingShown;
    case ErrorRole: return node.error;
    case HashRole: return e.hash;
    case Qt::ToolTipRole: return node.error.isEmpty() ? e.name : node.error;
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn: return lastSegment(e.name);
        case SizeColumn:
            if (role == SortRole)
                return e.isPseudoFolder ? qint64(-1) : e.bytes;
            return e.isPseudoFolder ? QString() : QLocale().formattedDataSize(e.bytes);
        case TypeColumn: return e.isPseudoFolder ? tr("Folder") : e.contentType;
        case ModifiedColumn:
            if (role == SortRole)
                return e.lastModified;
            return e.lastModified.isValid() ? QLocale().toString(e.lastModified.toLocalTime(), QLocale::ShortFormat) : QString();
        default: return {};
        }
    default: return {};
    }
}

QVariant ObjectTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case SizeColumn: return tr("Size");
    case TypeColumn: return tr("Type");
    case ModifiedColumn: return tr("Modified");
    default: return {};
    }
}

} // namespace Pilvi
