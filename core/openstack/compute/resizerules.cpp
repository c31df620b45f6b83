// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/compute/resizerules.h"

#include <QCoreApplication>
#include <QStringList>

namespace Pilvi {

bool canResize(const Server &server)
{
    return server.taskState.isEmpty() && (server.status == u"ACTIVE" || server.status == u"SHUTOFF");
}

bool awaitsResizeAnswer(const Server &server)
{
    return server.status == u"VERIFY_RESIZE";
}

FlavorChoice flavorChoice(const Flavor &to, const Flavor &current)
{
    if (to.name == current.name)
        return {false, QCoreApplication::translate("Pilvi::FlavorChoice", "current")};
    if (current.diskGb > 0 && to.diskGb > 0 && to.diskGb < current.diskGb)
        return {false, QCoreApplication::translate("Pilvi::FlavorChoice", "smaller root disk: Nova cannot shrink it")};
    // "+2", "-1", "+1.5": RAM in GiB need not be whole (512 MiB to 2 GiB is +1.5).
    const auto delta = [](double now, double before, const QString &what) {
        if (now == before)
            return QString();
        return QStringLiteral("%1%2 %3").arg(now > before ? QStringLiteral("+") : QString(),
                                             QString::number(now - before, 'g', 4), what);
    };
    QStringList parts;
    for (const QString &part : {delta(to.vcpus, current.vcpus, QCoreApplication::translate("Pilvi::FlavorChoice", "vCPU")),
                                delta(static_cast<double>(to.ramMb) / 1024, static_cast<double>(current.ramMb) / 1024,
                                      QCoreApplication::translate("Pilvi::FlavorChoice", "GiB RAM"))}) {
        if (!part.isEmpty())
            parts.append(part);
    }
    return {true, parts.join(QStringLiteral(", "))};
}

} // namespace Pilvi
