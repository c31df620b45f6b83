// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/cloudtablepage.h"

namespace Pilvi {

class VolumeListModel;

/// The Cinder volumes of the selected cloud.
class VolumesPage final : public CloudTablePage
{
    Q_OBJECT
public:
    explicit VolumesPage(QWidget *parent = nullptr);

protected:
    QFuture<void> load(Session *session) override;
    QString countText(int count) const override;

private:
    VolumeListModel *m_model;
};

} // namespace Pilvi
