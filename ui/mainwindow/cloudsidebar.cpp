// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/cloudsidebar.h"

#include "models/cloudtreemodel.h"
#include "style/environmentstyle.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStackedLayout>
#include <QStyledItemDelegate>
#include <QTreeView>

namespace Pilvi {

namespace {

/// Draws a bar in the environment's colour before each row, and the group rows in bold with
/// their cloud count.
class EnvironmentDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const bool isGroup = index.data(CloudTreeModel::IsGroupRole).toBool();
        QStyledItemDelegate::paint(painter, option, index);
        const auto environment = index.data(CloudTreeModel::EnvironmentRole).value<Environment>();
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(environmentColor(environment));
        const int width = isGroup ? 4 : 3;
        painter->drawRect(QRect(option.rect.left(), option.rect.top() + 2, width, option.rect.height() - 4));
        if (!isGroup)
            paintConnectionDot(painter, option.rect, index);
        painter->restore();
    }

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->rect.adjust(8, 0, 0, 0); // room for the colour bar
        if (index.data(CloudTreeModel::IsGroupRole).toBool()) {
            option->font.setBold(true);
            option->text = QStringLiteral("%1  (%2)").arg(option->text).arg(index.data(CloudTreeModel::CloudCountRole).toInt());
        } else {
            option->rect.adjust(0, 0, -14, 0); // and for the connection dot
            const QString region = index.data(CloudTreeModel::RegionRole).toString();
            if (!region.isEmpty())
                option->text += QStringLiteral("  · ") + region;
        }
    }

private:
    // A dot at the right: grey not connected, amber connecting, green connected, red failed.
    static void paintConnectionDot(QPainter *painter, const QRect &rect, const QModelIndex &index)
    {
        using State = CloudTreeModel::ConnectionState;
        const auto state = static_cast<State>(index.data(CloudTreeModel::ConnectionStateRole).toInt());
        QColor color(QStringLiteral("#9e9e9e"));
        if (state == State::Connecting)
            color = QColor(QStringLiteral("#f0a30a"));
        else if (state == State::Connected)
            color = QColor(QStringLiteral("#2e9d4a"));
        else if (state == State::Failed)
            color = QColor(QStringLiteral("#d32f2f"));
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(color);
        const int size = 8;
        painter->drawEllipse(QRect(rect.right() - size - 4, rect.center().y() - size / 2, size, size));
    }
};

} // namespace

CloudSidebar::CloudSidebar(CloudTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTreeView(this))
    , m_emptyHint(new QLabel(this))
    , m_stack(new QStackedLayout(this))
{
    m_view->setObjectName(QStringLiteral("cloudTree"));
    m_view->setAccessibleName(tr("Clouds"));
    m_view->setModel(model);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(true);
    m_view->setUniformRowHeights(true);
    m_view->setItemDelegate(new EnvironmentDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);

    m_emptyHint->setObjectName(QStringLiteral("noCloudsHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_emptyHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emptyHint->setText(tr("No clouds yet.\n\nPilvi reads clouds.yaml like the openstack CLI does "
                            "(~/.config/openstack/clouds.yaml, /etc/openstack/ or OS_CLIENT_CONFIG_FILE).\n\n"
                            "To try Pilvi on a local cloud, run: tools/sandbox-cloud up"));
    m_emptyHint->setMargin(8);

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyHint);

    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parentIndex) {
        if (!parentIndex.isValid())
            m_view->expandAll();
        updateEmptyState();
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &CloudSidebar::updateEmptyState);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        updateEmptyState();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { Q_EMIT currentCloudChanged(currentCloud()); });
    m_view->expandAll();
    updateEmptyState();
}

QString CloudSidebar::currentCloud() const
{
    const CloudProfile *profile = m_model->profile(m_view->currentIndex());
    return profile ? profile->name : QString();
}

void CloudSidebar::selectCloud(const QString &name)
{
    const QModelIndex index = m_model->indexOfCloud(name);
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

void CloudSidebar::updateEmptyState()
{
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_emptyHint) : m_view);
}

} // namespace Pilvi
