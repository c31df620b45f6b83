// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/objectstorage/containersettings.h"

#include "openstack/objectstorage/objectstorageclient.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>

namespace Pilvi {

ContainerSettings ContainerSettings::of(const ContainerInfo &info)
{
    ContainerSettings settings;
    settings.isPublic = info.isPublic();
    if (!info.versionsLocation.isEmpty())
        settings.versioning = VersioningMode::Stack;
    else if (!info.historyLocation.isEmpty())
        settings.versioning = VersioningMode::History;
    settings.archive = info.archiveContainer();
    settings.metadata = info.metadata;
    return settings;
}

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Pilvi::ContainerSettings", text);
}
} // namespace

QString containerNameProblem(const QString &name)
{
    if (name.isEmpty())
        return tr("A container needs a name.");
    if (name.contains(u'/'))
        return tr("A container name cannot contain '/'.");
    return {};
}

QString metadataKeyProblem(const QString &key)
{
    for (const QChar c : key) {
        const bool allowed = (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'-';
        if (!allowed)
            return tr("the key '%1' has '%2': use letters, digits and '-'").arg(key, c);
    }
    return {};
}

QString metadataValueProblem(const QString &value)
{
    return value.contains(u'\n') || value.contains(u'\r') ? tr("a value must be one line") : QString();
}

QString ContainerSettings::problem(const QString &container) const
{
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it) {
        if (QString why = metadataKeyProblem(it.key()); !why.isEmpty())
            return why;
        if (QString why = metadataValueProblem(it.value()); !why.isEmpty())
            return why;
    }
    if (versioning == VersioningMode::Off)
        return {};
    if (archive.isEmpty())
        return tr("Name the container that keeps the old versions.");
    if (archive == container)
        return tr("The old versions must go to another container.");
    return containerNameProblem(archive);
}

QString readAclWithPublicAccess(const QString &acl, bool isPublic)
{
    QStringList rules;
    for (QStringView rule : QStringView(acl).tokenize(u',', Qt::SkipEmptyParts)) {
        rule = rule.trimmed();
        const bool aboutAnonymous = rule.startsWith(u".r:") || rule == u".rlistings";
        if (!rule.isEmpty() && !aboutAnonymous)
            rules.append(rule.toString());
    }
    if (isPublic)
        rules << QStringLiteral(".r:*") << QStringLiteral(".rlistings");
    return rules.join(u',');
}

QFuture<void> applyContainerSettings(Session *session, const QString &container, const ContainerInfo &current,
                                     const ContainerSettings &wanted, bool archiveExists)
{
    const ContainerSettings before = ContainerSettings::of(current);
    QList<std::function<QFuture<void>()>> steps;
    if (wanted.isPublic != before.isPublic)
        steps.append([=] {
            return ObjectStorageClient(session).setContainerReadAcl(container,
                                                                    readAclWithPublicAccess(current.readAcl, wanted.isPublic));
        });
    const bool versioningChanged =
        wanted.versioning != before.versioning || (wanted.versioning != VersioningMode::Off && wanted.archive != before.archive);
    if (versioningChanged) {
        if (wanted.versioning != VersioningMode::Off && !archiveExists)
            steps.append([=] { return ObjectStorageClient(session).createContainer(wanted.archive); });
        steps.append([=] { return ObjectStorageClient(session).setVersioning(container, wanted.versioning, wanted.archive); });
    }
    QMap<QString, QString> set;
    QStringList remove;
    for (auto it = wanted.metadata.cbegin(); it != wanted.metadata.cend(); ++it) {
        if (before.metadata.value(it.key().toLower()) != it.value() || !before.metadata.contains(it.key().toLower()))
            set.insert(it.key(), it.value());
    }
    for (auto it = before.metadata.cbegin(); it != before.metadata.cend(); ++it) {
        const bool kept = std::any_of(wanted.metadata.keyBegin(), wanted.metadata.keyEnd(),
                                      [&](const QString &key) { return key.compare(it.key(), Qt::CaseInsensitive) == 0; });
        if (!kept)
            remove.append(it.key());
    }
    if (!set.isEmpty() || !remove.isEmpty())
        steps.append([=] { return ObjectStorageClient(session).setContainerMetadata(container, set, remove); });

    // One after another: the archive must exist before versioning points at it.
    QFuture<void> chain = QtFuture::makeReadyVoidFuture();
    for (const auto &step : std::as_const(steps))
        chain = chain.then([step] { return step(); }).unwrap();
    return chain;
}

} // namespace Pilvi
