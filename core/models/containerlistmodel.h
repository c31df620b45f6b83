// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/keyedlistmodel.h"
#include "openstack/objectstorage/objectstorage.h"

#include <QHash>

namespace Pilvi {

/// Swift containers as a table: name, objects, bytes (human-readable; raw in SortRole), who may
/// read it and how it keeps old versions (from each container's HEAD, which the listing lacks:
/// setInfo()), last modified. Keyed by name (unique in an account), refreshed by diff.
class ContainerListModel final : public KeyedListModel<Container>
{
    Q_OBJECT
public:
    enum Column { NameColumn, ObjectsColumn, BytesColumn, AccessColumn, VersioningColumn, ModifiedColumn, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole + 1,
        SortRole,     ///< raw value: counts and bytes as qint64, times as QDateTime
        IsPublicRole, ///< bool; invalid until the container's HEAD is in
        ArchiveRole,  ///< the container that keeps old versions, or empty
    };
    Q_ENUM(Role)

    explicit ContainerListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// What the container's HEAD said; shown in the Access and Versioning columns.
    void setInfo(const QString &container, const ContainerInfo &info);
    const ContainerInfo *info(const QString &container) const;
    /// Forgets every HEAD (another cloud).
    void clearInfo();
    static QString versioningText(const ContainerInfo &info);

protected:
    QString keyOf(const Container &container) const override { return container.name; }

private:
    QHash<QString, ContainerInfo> m_info; // kept across refreshes: a container's HEAD is asked again only when it changed
};

} // namespace Pilvi
