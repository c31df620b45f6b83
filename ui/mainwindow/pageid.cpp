// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/pageid.h"

#include <QCoreApplication>

namespace Pilvi {

QString pageKey(PageId page)
{
    switch (page) {
    case PageId::Dashboard: return QStringLiteral("dashboard");
    case PageId::Stacks: return QStringLiteral("stacks");
    case PageId::Scaling: return QStringLiteral("scaling");
    case PageId::Volumes: return QStringLiteral("volumes");
    case PageId::ObjectStorage: return QStringLiteral("storage");
    case PageId::Templates: return QStringLiteral("templates");
    case PageId::Jobs: return QStringLiteral("jobs");
    }
    return {};
}

std::optional<PageId> pageFromKey(QStringView key)
{
    for (const PageId page : allPages) {
        if (pageKey(page) == key)
            return page;
    }
    return std::nullopt;
}

QString pageTitle(PageId page)
{
    switch (page) {
    case PageId::Dashboard: return QCoreApplication::translate("PageId", "Dashboard");
    case PageId::Stacks: return QCoreApplication::translate("PageId", "Stacks");
    case PageId::Scaling: return QCoreApplication::translate("PageId", "Scaling");
    case PageId::Volumes: return QCoreApplication::translate("PageId", "Volumes");
    case PageId::ObjectStorage: return QCoreApplication::translate("PageId", "Object storage");
    case PageId::Templates: return QCoreApplication::translate("PageId", "Templates");
    case PageId::Jobs: return QCoreApplication::translate("PageId", "Jobs");
    }
    return {};
}

} // namespace Pilvi
