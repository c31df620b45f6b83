// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cloudtreemodel.h"

#include <algorithm>

namespace Pilvi {

namespace {
// Internal ids: 0 for a group row, environment + 1 for a cloud row (which group it is under).
constexpr quintptr groupId = 0;
quintptr cloudId(Environment environment)
{
    return static_cast<quintptr>(environment) + 1;
}
} // namespace

CloudTreeModel::CloudTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

QString CloudTreeModel::environmentTitle(Environment environment)
{
    switch (environment) {
    case Environment::Development: return tr("Development");
    case Environment::Testing: return tr("Testing");
    case Environment::Preproduction: return tr("Pre-production");
    case Environment::Production: return tr("Production");
    }
    return {};
}

int CloudTreeModel::groupRow(Environment environment) const
{
    for (int row = 0; row < m_groups.size(); ++row) {
        if (m_groups[row].environment == environment)
            return row;
    }
    return -1;
}

void CloudTreeModel::setProfiles(const QList<CloudProfile> &profiles)
{
    for (const Environment environment : allEnvironments) {
        QList<CloudProfile> clouds;
        std::copy_if(profiles.cbegin(), profiles.cend(), std::back_inserter(clouds),
                     [environment](const CloudProfile &p) { return p.environment == environment; });
        std::sort(clouds.begin(), clouds.end(), [](const CloudProfile &a, const CloudProfile &b) { return a.name < b.name; });

        int row = groupRow(environment);
        if (clouds.isEmpty()) {
            if (row >= 0) {
                beginRemoveRows({}, row, row);
                m_groups.removeAt(row);
                endRemoveRows();
            }
            continue;
        }
        if (row < 0) {
            row = static_cast<int>(std::count_if(m_groups.cbegin(), m_groups.cend(),
                                                 [environment](const Group &g) { return g.environment < environment; }));
            beginInsertRows({}, row, row);
            m_groups.insert(row, Group{environment, {}});
            endInsertRows();
        }
        mergeGroup(row, clouds);
    }
}

// Both lists are sorted by name: one pass removes, updates and inserts in place.
void CloudTreeModel::mergeGroup(int groupRow, const QList<CloudProfile> &clouds)
{
    const QModelIndex parent = index(groupRow, 0);
    QList<CloudProfile> &current = m_groups[groupRow].clouds;
    int i = 0;
    for (const CloudProfile &wanted : clouds) {
        while (i < current.size() && current[i].name < wanted.name) {
            beginRemoveRows(parent, i, i);
            current.removeAt(i);
            endRemoveRows();
        }
        if (i < current.size() && current[i].name == wanted.name) {
            if (!(current[i] == wanted)) {
                current[i] = wanted;
                Q_EMIT dataChanged(index(i, 0, parent), index(i, 0, parent));
            }
        } else {
            beginInsertRows(parent, i, i);
            current.insert(i, wanted);
            endInsertRows();
        }
        ++i;
    }
    if (i < current.size()) {
        beginRemoveRows(parent, i, static_cast<int>(current.size()) - 1);
        current.erase(current.begin() + i, current.end());
        endRemoveRows();
    }
    Q_EMIT dataChanged(parent, parent, {CloudCountRole, Qt::DisplayRole});
}

const CloudProfile *CloudTreeModel::profile(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == groupId || index.model() != this)
        return nullptr;
    const QModelIndex group = parent(index);
    return &m_groups[group.row()].clouds[index.row()];
}

QModelIndex CloudTreeModel::indexOfCloud(const QString &name) const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        const QList<CloudProfile> &clouds = m_groups[g].clouds;
        for (int c = 0; c < clouds.size(); ++c) {
            if (clouds[c].name == name)
                return index(c, 0, index(g, 0));
        }
    }
    return {};
}

QModelIndex CloudTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, groupId);
    return createIndex(row, column, cloudId(m_groups[parent.row()].environment));
}

QModelIndex CloudTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == groupId)
        return {};
    const auto environment = static_cast<Environment>(child.internalId() - 1);
    return createIndex(groupRow(environment), 0, groupId);
}

int CloudTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() == groupId && parent.column() == 0)
        return static_cast<int>(m_groups[parent.row()].clouds.size());
    return 0;
}

int CloudTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant CloudTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == groupId) {
        const Group &group = m_groups[index.row()];
        switch (role) {
        case Qt::DisplayRole: return environmentTitle(group.environment);
        case NameRole: return environmentKey(group.environment);
        case EnvironmentRole: return QVariant::fromValue(group.environment);
        case IsGroupRole: return true;
        case CloudCountRole: return static_cast<int>(group.clouds.size());
        case SortRole: return static_cast<int>(group.environment);
        default: return {};
        }
    }
    const CloudProfile &cloud = *profile(index);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
    case SortRole: return cloud.name;
    case Qt::ToolTipRole: {
        QString tip =
            tr("%1\nAuth URL: %2\nRegion: %3\nProject: %4\nFrom: %5")
                .arg(cloud.name, cloud.auth.authUrl, cloud.regionName.isEmpty() ? tr("(default)") : cloud.regionName,
                     cloud.auth.projectName.isEmpty() ? tr("(from credential)") : cloud.auth.projectName, cloud.sourceFile);
        const auto &[state, detail] = m_connections.value(cloud.name);
        if (state == ConnectionState::Connected)
            tip += tr("\nConnected to project %1").arg(detail);
        else if (state == ConnectionState::Failed)
            tip += tr("\nCould not connect: %1").arg(detail);
        return tip;
    }
    case EnvironmentRole: return QVariant::fromValue(cloud.environment);
    case IsGroupRole: return false;
    case AuthUrlRole: return cloud.auth.authUrl;
    case RegionRole: return cloud.regionName;
    case ProjectRole: return cloud.auth.projectName;
    case SourceFileRole: return cloud.sourceFile;
    case ConnectionStateRole: return static_cast<int>(m_connections.value(cloud.name).first);
    case ConnectionDetailRole: return m_connections.value(cloud.name).second;
    default: return {};
    }
}

void CloudTreeModel::setConnectionState(const QString &cloud, ConnectionState state, const QString &detail)
{
    const std::pair<ConnectionState, QString> value{state, detail};
    if (m_connections.value(cloud) == value)
        return;
    m_connections.insert(cloud, value);
    const QModelIndex at = indexOfCloud(cloud);
    if (at.isValid())
        Q_EMIT dataChanged(at, at, {ConnectionStateRole, ConnectionDetailRole, Qt::ToolTipRole});
}

CloudTreeModel::ConnectionState CloudTreeModel::connectionState(const QString &cloud) const
{
    return m_connections.value(cloud).first;
}

QHash<int, QByteArray> CloudTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(EnvironmentRole, "environment");
    names.insert(IsGroupRole, "isGroup");
    names.insert(AuthUrlRole, "authUrl");
    names.insert(RegionRole, "region");
    names.insert(ProjectRole, "project");
    names.insert(SourceFileRole, "sourceFile");
    names.insert(CloudCountRole, "cloudCount");
    names.insert(ConnectionStateRole, "connectionState");
    names.insert(ConnectionDetailRole, "connectionDetail");
    return names;
}

} // namespace Pilvi
