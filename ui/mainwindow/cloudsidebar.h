// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QStackedLayout;
class QTreeView;

namespace Pilvi {

class CloudTreeModel;

/// The clouds of clouds.yaml, grouped by environment, each group marked with its colour. Shows a
/// hint instead of an empty tree when there is no cloud at all.
class CloudSidebar final : public QWidget
{
    Q_OBJECT
public:
    explicit CloudSidebar(CloudTreeModel *model, QWidget *parent = nullptr);

    /// The selected cloud's name, or empty.
    QString currentCloud() const;
    void selectCloud(const QString &name);
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void currentCloudChanged(const QString &name);

private:
    void updateEmptyState();

    CloudTreeModel *m_model;
    QTreeView *m_view;
    QLabel *m_emptyHint;
    QStackedLayout *m_stack;
};

} // namespace Pilvi
