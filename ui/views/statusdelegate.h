// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Pilvi {

/// Draws a status in the colour of its kind (the model's `kindRole`: "complete", "in-progress",
/// "failed") with a matching dot, so a failed stack stands out in a long list.
class StatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    StatusDelegate(int kindRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_kindRole;
};

} // namespace Pilvi
