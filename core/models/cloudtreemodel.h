// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace Pilvi {

/// The sidebar's clouds, grouped by environment (development first, production last). Only
/// environments that have clouds get a group. Fed with setProfiles(), which applies the change as
/// inserts, removals and dataChanged, so selection and expansion survive a reload.
class CloudTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1, ///< cloud name; the environment word for a group
        EnvironmentRole,             ///< Pilvi::Environment (groups and clouds)
        IsGroupRole,                 ///< bool
        AuthUrlRole,
        RegionRole,
        ProjectRole,
        SourceFileRole,
        CloudCountRole, ///< groups: number of clouds
        SortRole,
        ConnectionStateRole,  ///< clouds: ConnectionState as int
        ConnectionDetailRole, ///< clouds: the project connected to, or why connecting failed
    };
    Q_ENUM(Role)

    /// Where Pilvi is with a cloud: several clouds can be connected at once.
    enum class ConnectionState { NotConnected, Connecting, Connected, Failed };
    Q_ENUM(ConnectionState)

    explicit CloudTreeModel(QObject *parent = nullptr);

    void setProfiles(const QList<CloudProfile> &profiles);
    /// Kept by cloud name across setProfiles(), so a reload does not forget who is connected.
    void setConnectionState(const QString &cloud, ConnectionState state, const QString &detail = {});
    ConnectionState connectionState(const QString &cloud) const;

    /// The profile at a cloud index, or nullptr for a group or an invalid index.
    const CloudProfile *profile(const QModelIndex &index) const;
    /// The index of the cloud named `name`, or an invalid index.
    QModelIndex indexOfCloud(const QString &name) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Human name of an environment, translated: "Production".
    static QString environmentTitle(Environment environment);

private:
    struct Group {
        Environment environment;
        QList<CloudProfile> clouds; // sorted by name
    };

    void mergeGroup(int groupRow, const QList<CloudProfile> &clouds);
    int groupRow(Environment environment) const;

    QList<Group> m_groups;                                             // sorted by environment
    QHash<QString, std::pair<ConnectionState, QString>> m_connections; // by cloud name
};

} // namespace Pilvi
