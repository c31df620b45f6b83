// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudsfile.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace Pilvi {

/// Where clouds.yaml files are looked for, from the caller's environment.
struct CloudsConfigPaths {
    /// openstacksdk's candidates in order (OS_CLIENT_CONFIG_FILE, ./, ~/.config/openstack/,
    /// /etc/openstack/; clouds.yaml, .yml, .json). The first that exists is the user's file.
    QStringList userCandidates;
    /// The sandbox cloud's own clouds.yaml (tools/sandbox-cloud), listed beside the user's.
    QString sandboxFile;

    static CloudsConfigPaths fromEnvironment(const QProcessEnvironment &environment, const QString &workingDirectory);
};

/// Every cloud Pilvi can offer: the user's clouds.yaml and the sandbox's, with the problems of
/// both. A cloud the user defined wins over a sandbox cloud of the same name.
struct CloudsConfig {
    QString userFile; ///< empty when the user has no clouds.yaml
    QList<CloudProfile> clouds;
    QList<ConfigProblem> problems;
};

/// Reads the files (blocking file IO: call it off the GUI thread).
CloudsConfig loadCloudsConfig(const CloudsConfigPaths &paths);

} // namespace Pilvi
