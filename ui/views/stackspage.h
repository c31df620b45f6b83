// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/cloudtablepage.h"

namespace Pilvi {

class StackListModel;

/// The stacks of the selected cloud, status in colour.
class StacksPage final : public CloudTablePage
{
    Q_OBJECT
public:
    explicit StacksPage(QWidget *parent = nullptr);

protected:
    QFuture<void> load(Session *session) override;
    QString countText(int count) const override;

private:
    StackListModel *m_model;
};

} // namespace Pilvi
