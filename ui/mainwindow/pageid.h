// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Pilvi {

/// The main window's pages, in navigation order.
enum class PageId { Dashboard, Stacks, Scaling, Volumes, ObjectStorage, Templates, Jobs };

inline constexpr PageId allPages[] = {PageId::Dashboard,     PageId::Stacks,    PageId::Scaling, PageId::Volumes,
                                      PageId::ObjectStorage, PageId::Templates, PageId::Jobs};

/// The page's word on the command line (`--page storage`) and in settings.
QString pageKey(PageId page);
std::optional<PageId> pageFromKey(QStringView key);
/// Translated title: "Object storage".
QString pageTitle(PageId page);

} // namespace Pilvi
