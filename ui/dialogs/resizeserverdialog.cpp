// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/resizeserverdialog.h"

#include "openstack/compute/resizerules.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Pilvi {

namespace {
enum Column { NameColumn, VcpusColumn, RamColumn, DiskColumn, NoteColumn };

QString ramText(qint64 megabytes)
{
    return QLocale().formattedDataSize(megabytes * 1024 * 1024, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

ResizeServerDialog::ResizeServerDialog(const Server &server, const QList<Flavor> &flavors, QWidget *parent)
    : QDialog(parent)
    , m_server(server)
    , m_flavors(flavors)
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Resize %1").arg(server.name));
    std::sort(m_flavors.begin(), m_flavors.end(), [](const Flavor &a, const Flavor &b) {
        return std::tie(a.vcpus, a.ramMb, a.diskGb, a.name) < std::tie(b.vcpus, b.ramMb, b.diskGb, b.name);
    });

    auto *intro = new QLabel(tr("%1 runs %2 (%3 vCPU, %4). Nova restarts the server on the new flavor; "
                                "then confirm the resize to keep it, or revert to the old one.")
                                 .arg(server.name, server.flavor.name)
                                 .arg(server.flavor.vcpus)
                                 .arg(ramText(server.flavor.ramMb)),
                             this);
    intro->setWordWrap(true);

    m_list->setHeaderLabels({tr("Flavor"), tr("vCPUs"), tr("RAM"), tr("Disk"), tr("Compared with now")});
    m_list->setRootIsDecorated(false);
    m_list->setAccessibleName(tr("Flavors"));
    m_list->setObjectName(QStringLiteral("flavors"));
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (const Flavor &flavor : std::as_const(m_flavors)) {
        const FlavorChoice choice = flavorChoice(flavor, server.flavor);
        auto *item = new QTreeWidgetItem(m_list, {flavor.name, QString::number(flavor.vcpus), ramText(flavor.ramMb),
                                                  tr("%1 GB").arg(flavor.diskGb), choice.note});
        item->setData(NameColumn, Qt::UserRole, flavor.id);
        for (int column : {VcpusColumn, RamColumn, DiskColumn})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        if (!choice.allowed)
            item->setFlags(item->flags() & ~(Qt::ItemIsSelectable | Qt::ItemIsEnabled));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_resize = buttons->addButton(tr("Resize"), QDialogButtonBox::AcceptRole);
    m_resize->setObjectName(QStringLiteral("resize"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ResizeServerDialog::updateButton);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (m_resize->isEnabled())
            accept();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(560, 380);
    updateButton();
}

bool ResizeServerDialog::selectFlavor(const QString &name)
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->text(NameColumn) == name && item->flags().testFlag(Qt::ItemIsEnabled)) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

Flavor ResizeServerDialog::chosenFlavor() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !item->flags().testFlag(Qt::ItemIsEnabled))
        return {};
    const QString id = item->data(NameColumn, Qt::UserRole).toString();
    const auto it = std::find_if(m_flavors.cbegin(), m_flavors.cend(), [&](const Flavor &f) { return f.id == id; });
    return it == m_flavors.cend() ? Flavor{} : *it;
}

void ResizeServerDialog::updateButton()
{
    m_resize->setEnabled(!chosenFlavor().id.isEmpty());
}

} // namespace Pilvi
