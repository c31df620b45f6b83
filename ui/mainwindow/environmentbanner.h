// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace Pilvi {

/// A band across the top of the pages naming the selected cloud and its environment, in the
/// environment's colour: production cannot be overlooked.
class EnvironmentBanner final : public QWidget
{
    Q_OBJECT
public:
    explicit EnvironmentBanner(QWidget *parent = nullptr);

    void setCloud(const std::optional<CloudProfile> &cloud);
    QString text() const;

private:
    QLabel *m_label;
};

} // namespace Pilvi
