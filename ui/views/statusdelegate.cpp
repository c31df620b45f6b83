// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/statusdelegate.h"

#include <QPainter>

namespace Pilvi {

namespace {
QColor colorOfKind(const QString &kind)
{
    if (kind == u"failed")
        return QColor(0xda, 0x44, 0x53);
    if (kind == u"in-progress")
        return QColor(0xf6, 0x74, 0x00);
    return QColor(0x27, 0xae, 0x60);
}
} // namespace

StatusDelegate::StatusDelegate(int kindRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_kindRole(kindRole)
{}

void StatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QColor color = colorOfKind(index.data(m_kindRole).toString());
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int dot = opt.fontMetrics.height() / 2;
    const QRect dotRect(opt.rect.left() + 6, opt.rect.center().y() - dot / 2, dot, dot);
    opt.rect.adjust(dot + 10, 0, 0, 0);
    if (!(opt.state & QStyle::State_Selected))
        opt.palette.setColor(QPalette::Text, color.darker(110));
    QStyledItemDelegate::paint(painter, opt, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(dotRect);
    painter->restore();
}

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += option.fontMetrics.height() / 2 + 10;
    return size;
}

} // namespace Pilvi
