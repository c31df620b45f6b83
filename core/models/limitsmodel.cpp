// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/limitsmodel.h"

#include <QHash>
#include <QLocale>

#include <limits>

namespace Pilvi {

namespace {
QString amount(qint64 value, QuotaUsage::Unit unit)
{
    switch (unit) {
    case QuotaUsage::Unit::Count: return QLocale().toString(value);
    case QuotaUsage::Unit::Mebibytes: return LimitsModel::tr("%1 MiB").arg(value);
    case QuotaUsage::Unit::Gibibytes: return LimitsModel::tr("%1 GiB").arg(value);
    }
    return {};
}
} // namespace

LimitsModel::LimitsModel(QObject *parent)
    : KeyedListModel<QuotaUsage>(parent)
{}

QString LimitsModel::serviceTitle(const QString &service)
{
    if (service == u"block-storage")
        return tr("Block storage");
    if (service == u"compute")
        return tr("Compute");
    if (service == u"network")
        return tr("Network");
    if (service == u"object-store")
        return tr("Object storage");
    return service;
}

QString LimitsModel::resourceTitle(const QString &resource)
{
    // The quota names of Cinder and Nova; another service's names are spelled out below.
    static const QHash<QString, const char *> known{
        {QStringLiteral("volumes"), QT_TR_NOOP("Volumes")},
        {QStringLiteral("gigabytes"), QT_TR_NOOP("Volume storage")},
        {QStringLiteral("snapshots"), QT_TR_NOOP("Snapshots")},
        {QStringLiteral("backups"), QT_TR_NOOP("Backups")},
        {QStringLiteral("backup_gigabytes"), QT_TR_NOOP("Backup storage")},
        {QStringLiteral("instances"), QT_TR_NOOP("Instances")},
        {QStringLiteral("cores"), QT_TR_NOOP("vCPUs")},
        {QStringLiteral("ram"), QT_TR_NOOP("RAM")},
        {QStringLiteral("key_pairs"), QT_TR_NOOP("Key pairs")},
        {QStringLiteral("server_groups"), QT_TR_NOOP("Server groups")},
    };
    if (const char *title = known.value(resource))
        return tr(title);
    if (resource.isEmpty())
        return {};
    // Quota names are snake_case words ("floating_ips"): spell them out.
    QString title = resource;
    title.replace(u'_', u' ');
    title[0] = title[0].toUpper();
    return title;
}

int LimitsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LimitsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QuotaUsage &usage = itemAt(index.row());
    switch (role) {
    case ServiceRole: return usage.service;
    case ResourceRole: return usage.resource;
    case UsedRole: return usage.used;
    case LimitRole: return usage.limit;
    case UnlimitedRole: return usage.isUnlimited();
    case PercentRole: return usage.percent();
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case ServiceColumn: return role == SortRole ? usage.service : serviceTitle(usage.service);
        case ResourceColumn: return role == SortRole ? usage.resource : resourceTitle(usage.resource);
        case UsedColumn: return role == SortRole ? QVariant(usage.used) : QVariant(amount(usage.used, usage.unit));
        case LimitColumn:
            if (role == SortRole) // unlimited sorts after every limit
                return usage.isUnlimited() ? std::numeric_limits<qint64>::max() : usage.limit;
            return usage.isUnlimited() ? tr("unlimited") : amount(usage.limit, usage.unit);
        case UsageColumn:
            if (role == SortRole)
                return usage.percent();
            return usage.isUnlimited() ? QString() : tr("%1%").arg(qRound(usage.percent()));
        default: return {};
        }
    default: return {};
    }
}

QVariant LimitsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServiceColumn: return tr("Service");
    case ResourceColumn: return tr("Resource");
    case UsedColumn: return tr("Used");
    case LimitColumn: return tr("Limit");
    case UsageColumn: return tr("Usage");
    default: return {};
    }
}

} // namespace Pilvi
