// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/volumespage.h"

#include "models/volumelistmodel.h"
#include "openstack/blockstorage/blockstorageclient.h"

namespace Pilvi {

VolumesPage::VolumesPage(QWidget *parent)
    : CloudTablePage(tr("Volumes"), parent)
    , m_model(new VolumeListModel(this))
{
    setSourceModel(m_model, VolumeListModel::SortRole);
}

QFuture<void> VolumesPage::load(Session *session)
{
    return BlockStorageClient(session).listVolumes().then(
        this, [this, generation = currentGeneration()](const QList<Volume> &volumes) {
            if (!isStale(generation)) // a slower answer from the cloud selected before must not land here
                m_model->setItems(volumes);
        });
}

QString VolumesPage::countText(int count) const
{
    return count == 1 ? tr("1 volume") : tr("%1 volumes").arg(count);
}

} // namespace Pilvi
