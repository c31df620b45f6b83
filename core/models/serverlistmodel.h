// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/keyedlistmodel.h"
#include "openstack/compute/server.h"

namespace Pilvi {

/// Nova servers as a table for vertical scaling: name, status (with the task under way), the
/// flavor the server runs and its size. Refreshed by diff, keyed by server id.
class ServerListModel final : public KeyedListModel<Server>
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, FlavorColumn, VcpusColumn, RamColumn, AddressesColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StatusRole,     ///< Nova's status alone: ACTIVE, VERIFY_RESIZE...
        StatusKindRole, ///< "complete", "in-progress", "failed" (StatusKind)
        FlavorNameRole,
        SortRole,
    };
    Q_ENUM(Role)

    explicit ServerListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "ACTIVE", or "RESIZE (resize_migrating)" while Nova works on it.
    static QString statusText(const Server &server);
    /// The addresses, fixed first, as "net: 10.0.0.5, 86.50.1.2".
    static QString addressText(const Server &server);

protected:
    QString keyOf(const Server &server) const override { return server.id; }
};

} // namespace Pilvi
