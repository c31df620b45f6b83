// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/metadatatable.h"

#include "openstack/objectstorage/containersettings.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Pilvi {

MetadataTable::MetadataTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    m_table->setObjectName(QStringLiteral("metadataTable"));
    m_table->setAccessibleName(tr("Metadata"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(120);
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addMetadataButton"));
    m_remove->setObjectName(QStringLiteral("removeMetadataButton"));
    m_remove->setEnabled(false);
    connect(add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0) {
            m_table->removeRow(row);
            Q_EMIT changed();
        }
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(m_table, &QTableWidget::itemChanged, this, &MetadataTable::changed);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

void MetadataTable::setMetadata(const QMap<QString, QString> &metadata)
{
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        addRow(it.key(), it.value());
    m_table->clearSelection();
}

void MetadataTable::addRow(const QString &key, const QString &value)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(key));
    m_table->setItem(row, 1, new QTableWidgetItem(value));
    if (key.isEmpty()) {
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    }
}

QMap<QString, QString> MetadataTable::metadata() const
{
    QMap<QString, QString> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        if (!key.isEmpty())
            result.insert(key, m_table->item(row, 1) ? m_table->item(row, 1)->text().trimmed() : QString());
    }
    return result;
}

QString MetadataTable::problem() const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        const QString value = m_table->item(row, 1) ? m_table->item(row, 1)->text() : QString();
        if (key.isEmpty()) {
            if (!value.trimmed().isEmpty())
                return tr("Row %1 has a value but no key.").arg(row + 1);
            continue;
        }
        for (const QString &why : {metadataKeyProblem(key), metadataValueProblem(value)}) {
            if (!why.isEmpty())
                return tr("Row %1: %2.").arg(row + 1).arg(why);
        }
    }
    return {};
}

} // namespace Pilvi
