// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudsfile.h"

#include <QProcessEnvironment>
#include <QStringList>

#include <memory>
#include <optional>

namespace Pilvi {

namespace detail {
struct CloudsSources;
}

/// Where clouds.yaml and secure.yaml are looked for, from the caller's environment.
struct CloudsConfigPaths {
    /// openstacksdk's candidates in order: OS_CLIENT_CONFIG_FILE, then clouds.yaml, .yml, .json in
    /// ./, $XDG_CONFIG_HOME/openstack, ~/.config/openstack, $XDG_CONFIG_DIRS/openstack
    /// (/etc/xdg/openstack) and /etc/openstack. The first that exists and parses is the user's file.
    QStringList userCandidates;
    /// The same for secure.yaml, with OS_CLIENT_SECURE_FILE first.
    QStringList secureCandidates;
    /// The sandbox cloud's own clouds.yaml (tools/sandbox-cloud), listed beside the user's.
    QString sandboxFile;

    static CloudsConfigPaths fromEnvironment(const QProcessEnvironment &environment, const QString &workingDirectory);
};

/// Every cloud Pilvi can offer: the user's clouds.yaml with secure.yaml merged over it (per cloud,
/// the auth block key by key), and the sandbox's clouds.yaml, with the problems of all three. A
/// cloud the user defined wins over a sandbox cloud of the same name. A cloud with a problem is
/// left out of `clouds`; its problems say why.
struct CloudsConfig {
    QString userFile;   ///< empty when the user has no clouds.yaml
    QString secureFile; ///< empty when the user has no secure.yaml
    QList<CloudProfile> clouds;
    QList<ConfigProblem> problems;
    /// The parsed files, so that selectCloud can read a cloud again for another region.
    std::shared_ptr<const detail::CloudsSources> sources;
};

/// Reads the files (blocking file IO: call it off the GUI thread).
CloudsConfig loadCloudsConfig(const CloudsConfigPaths &paths);

/// The cloud a command runs against, or why there is none.
struct CloudSelection {
    std::optional<CloudProfile> cloud;
    QString error; ///< set when `cloud` is empty; one line, for a person
    /// OS_* variables that replaced a value of the named cloud (as the openstack CLI lets them):
    /// worth a warning, because a sourced openrc file then mixes into a clouds.yaml cloud.
    QStringList overriddenBy;
};

/// Picks a cloud the way the openstack CLI does: `requestedName` (--os-cloud) wins, then OS_CLOUD,
/// then the `envvars` cloud of the OS_* variables (when OS_AUTH_URL is set), then the only cloud
/// of the user's clouds.yaml if it has exactly one. OS_* variables override single values of a
/// named cloud (auth, region, interface, identity API version, TLS files), as the openstack CLI's
/// option defaults do; OS_REGION_NAME must be one of the cloud's regions, if it names any.
/// Pure: reads no files.
CloudSelection selectCloud(const CloudsConfig &config, const QString &requestedName, const QProcessEnvironment &environment);

/// The `envvars` cloud openstacksdk builds from OS_* variables (what an openrc file sets), or
/// nullopt when OS_AUTH_URL is not set. Wrong values (OS_AUTH_TYPE=foo) are appended to `problems`
/// with the variable's name as the file, and then there is no cloud.
std::optional<CloudProfile> cloudFromEnvironment(const QProcessEnvironment &environment,
                                                 QList<ConfigProblem> *problems = nullptr);

} // namespace Pilvi
