// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace Pilvi {

/// A page whose feature is not built yet. It says what will be there, and shows no invented data.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &description, QWidget *parent = nullptr);
};

} // namespace Pilvi
