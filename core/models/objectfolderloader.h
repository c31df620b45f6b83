// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/objectstorage/objectstorage.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <functional>

namespace Pilvi {

class ObjectTreeModel;

/// Answers an ObjectTreeModel's folderRequested(prefix) by listing the shown container with that
/// prefix and delimiter "/" (through the injected lister, e.g. ObjectStorageClient::listObjects)
/// and feeding the answer back on this object's thread. An answer that comes after the model
/// switched to another container (or to another cloud: setLister) is dropped, so a slow listing
/// of the container shown before never lands in the tree shown now.
class ObjectFolderLoader final : public QObject
{
    Q_OBJECT
public:
    /// Lists `container` under `prefix` with delimiter "/"; the future may finish on any thread.
    using Lister = std::function<QFuture<QList<ObjectEntry>>(const QString &container, const QString &prefix)>;

    explicit ObjectFolderLoader(ObjectTreeModel *model, QObject *parent = nullptr);

    /// The lister to use from now on (null: folders are answered as failed). Answers still
    /// coming from the previous lister are dropped.
    void setLister(Lister lister);
    /// Shows another container in the model; answers for the previous one are dropped.
    void setContainer(const QString &container);

    /// How many answers were dropped as stale (for tests and the debug log).
    int droppedAnswers() const { return m_dropped; }

Q_SIGNALS:
    /// A folder's listing arrived and was applied to the model (`ok`), or its failure was
    /// (prefix "" is the root). Not emitted for a dropped, stale answer.
    void folderAnswered(const QString &prefix, bool ok);

private:
    void load(const QString &prefix);

    QPointer<ObjectTreeModel> m_model;
    Lister m_lister;
    quint64 m_generation = 0; ///< bumped on every container or lister change; older answers are stale
    int m_dropped = 0;
};

} // namespace Pilvi
