// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/cloudsconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

namespace Pilvi {

namespace {

QStringList filesIn(const QString &directory, const QString &baseName)
{
    QStringList files;
    for (const auto *suffix : {".yaml", ".yml", ".json"})
        files.append(QDir(directory).filePath(baseName + QLatin1StringView(suffix)));
    return files;
}

QString defaultPilviCache(const QProcessEnvironment &environment)
{
    // The same rule as tools/dev and tools/sandbox-cloud.
    if (environment.contains(QStringLiteral("PILVI_CACHE")))
        return environment.value(QStringLiteral("PILVI_CACHE"));
    if (::geteuid() == 0)
        return QStringLiteral("/var/cache/pilvi");
    const QString xdgCache = environment.value(QStringLiteral("XDG_CACHE_HOME"),
                                               environment.value(QStringLiteral("HOME")) + QStringLiteral("/.cache"));
    return xdgCache + QStringLiteral("/pilvi");
}

void appendFile(CloudsConfig &config, const QString &path, bool isSandbox)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        config.problems.append({path, 0, 0, QStringLiteral("cannot read: %1").arg(file.errorString())});
        return;
    }
    const CloudsFileContent content = parseCloudsFile(file.readAll(), path);
    config.problems.append(content.problems);
    for (const CloudProfile &cloud : content.clouds) {
        const bool taken = std::any_of(config.clouds.cbegin(), config.clouds.cend(),
                                       [&](const CloudProfile &known) { return known.name == cloud.name; });
        if (isSandbox && taken)
            continue;
        config.clouds.append(cloud);
    }
}

} // namespace

CloudsConfigPaths CloudsConfigPaths::fromEnvironment(const QProcessEnvironment &environment, const QString &workingDirectory)
{
    CloudsConfigPaths paths;
    const QString explicitFile = environment.value(QStringLiteral("OS_CLIENT_CONFIG_FILE"));
    if (!explicitFile.isEmpty())
        paths.userCandidates.append(explicitFile);
    const QString home = environment.value(QStringLiteral("HOME"));
    const QString xdgConfig = environment.value(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    paths.userCandidates += filesIn(workingDirectory, QStringLiteral("clouds"));
    paths.userCandidates += filesIn(xdgConfig + QStringLiteral("/openstack"), QStringLiteral("clouds"));
    paths.userCandidates += filesIn(QStringLiteral("/etc/openstack"), QStringLiteral("clouds"));

    paths.sandboxFile = environment.value(QStringLiteral("PILVI_SANDBOX_CLOUDS"),
                                          defaultPilviCache(environment) + QStringLiteral("/sandbox/clouds.yaml"));
    return paths;
}

CloudsConfig loadCloudsConfig(const CloudsConfigPaths &paths)
{
    CloudsConfig config;
    for (const QString &candidate : paths.userCandidates) {
        if (QFileInfo::exists(candidate)) {
            config.userFile = candidate;
            appendFile(config, candidate, false);
            break;
        }
    }
    if (!paths.sandboxFile.isEmpty() && paths.sandboxFile != config.userFile && QFileInfo::exists(paths.sandboxFile))
        appendFile(config, paths.sandboxFile, true);
    return config;
}

} // namespace Pilvi
