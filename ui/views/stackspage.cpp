// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/stackspage.h"

#include "models/stacklistmodel.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "views/statusdelegate.h"

#include <QTableView>

namespace Pilvi {

StacksPage::StacksPage(QWidget *parent)
    : CloudTablePage(tr("Stacks"), parent)
    , m_model(new StackListModel(this))
{
    setSourceModel(m_model, StackListModel::SortRole);
    view()->setItemDelegateForColumn(StackListModel::StatusColumn, new StatusDelegate(StackListModel::StatusKindRole, view()));
}

QFuture<void> StacksPage::load(Session *session)
{
    return OrchestrationClient(session).listStacks().then(
        this, [this, generation = currentGeneration()](const QList<Stack> &stacks) {
            if (!isStale(generation)) // a slower answer from the cloud selected before must not land here
                m_model->setItems(stacks);
        });
}

QString StacksPage::countText(int count) const
{
    return count == 1 ? tr("1 stack") : tr("%1 stacks").arg(count);
}

} // namespace Pilvi
