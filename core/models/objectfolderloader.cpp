// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/objectfolderloader.h"

#include "models/objecttreemodel.h"
#include "net/apierror.h"

#include <utility>

namespace Pilvi {

ObjectFolderLoader::ObjectFolderLoader(ObjectTreeModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(model, &ObjectTreeModel::folderRequested, this, &ObjectFolderLoader::load);
}

void ObjectFolderLoader::setLister(Lister lister)
{
    m_lister = std::move(lister);
    ++m_generation;
}

void ObjectFolderLoader::setContainer(const QString &container)
{
    ++m_generation;
    if (m_model)
        m_model->setContainer(container);
}

void ObjectFolderLoader::load(const QString &prefix)
{
    if (!m_model)
        return;
    if (!m_lister) {
        m_model->setFolderFailed(prefix, tr("Not connected to a cloud."));
        return;
    }
    const quint64 generation = m_generation;
    const QString container = m_model->container();
    // Stale when the container or the cloud changed since the request; the model itself also
    // drops answers for folders no longer in its tree, but a folder of the same name in another
    // container would be in it.
    auto isCurrent = [this, generation, container] {
        const bool current = m_model && generation == m_generation && m_model->container() == container;
        if (!current)
            ++m_dropped;
        return current;
    };
    m_lister(container, prefix)
        .then(this,
              [this, prefix, isCurrent](const QList<ObjectEntry> &entries) {
                  if (!isCurrent())
                      return;
                  m_model->setFolderContents(prefix, entries);
                  Q_EMIT folderAnswered(prefix, true);
              })
        .onFailed(this,
                  [this, prefix, isCurrent](const ApiError &error) {
                      if (!isCurrent())
                          return;
                      m_model->setFolderFailed(prefix, error.message());
                      Q_EMIT folderAnswered(prefix, false);
                  })
        .onFailed(this, [this, prefix, isCurrent] {
            if (!isCurrent())
                return;
            m_model->setFolderFailed(prefix, tr("The listing failed unexpectedly."));
            Q_EMIT folderAnswered(prefix, false);
        });
}

} // namespace Pilvi
