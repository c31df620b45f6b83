// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/serverlistmodel.h"

#include "models/statuskind.h"

#include <QLocale>

namespace Pilvi {

ServerListModel::ServerListModel(QObject *parent)
    : KeyedListModel<Server>(parent)
{}

QString ServerListModel::statusText(const Server &server)
{
    return server.taskState.isEmpty() ? server.status : QStringLiteral("%1 (%2)").arg(server.status, server.taskState);
}

QString ServerListModel::addressText(const Server &server)
{
    QMap<QString, QStringList> byNetwork;
    for (const ServerAddress &address : server.addresses) {
        QStringList &list = byNetwork[address.network];
        if (address.type == u"floating")
            list.append(address.address);
        else
            list.prepend(address.address);
    }
    QStringList parts;
    for (auto it = byNetwork.cbegin(); it != byNetwork.cend(); ++it)
        parts.append(QStringLiteral("%1: %2").arg(it.key(), it.value().join(QStringLiteral(", "))));
    return parts.join(QStringLiteral("; "));
}

int ServerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Server &server = itemAt(index.row());
    switch (role) {
    case IdRole: return server.id;
    case StatusRole: return server.status;
    case StatusKindRole: return StatusKind::ofNova(server.status, server.taskState);
    case FlavorNameRole: return server.flavor.name;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !server.faultMessage.isEmpty())
            return server.faultMessage;
        return index.column() == NameColumn ? server.id : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == VcpusColumn || index.column() == RamColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                            : QVariant();
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn: return server.name.isEmpty() ? server.id : server.name;
        case StatusColumn: return role == SortRole ? server.status : statusText(server);
        case FlavorColumn: return server.flavor.name.isEmpty() ? server.flavor.id : server.flavor.name;
        case VcpusColumn: return server.flavor.vcpus;
        case RamColumn:
            return role == SortRole ? QVariant(server.flavor.ramMb)
                                    : QVariant(QLocale().formattedDataSize(server.flavor.ramMb * 1024 * 1024, 1,
                                                                           QLocale::DataSizeTraditionalFormat));
        case AddressesColumn: return addressText(server);
        default: return {};
        }
    default: return {};
    }
}

QVariant ServerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Server");
    case StatusColumn: return tr("Status");
    case FlavorColumn: return tr("Flavor");
    case VcpusColumn: return tr("vCPUs");
    case RamColumn: return tr("RAM");
    case AddressesColumn: return tr("Addresses");
    default: return {};
    }
}

} // namespace Pilvi
