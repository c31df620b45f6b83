// SPDX-License-Identifier: GPL-3.0-or-later
// For the tests that run against the sandbox cloud (tools/sandbox-cloud; tools/dev test brings it
// up and sets PILVI_SANDBOX_CLOUDS to its clouds.yaml).
#pragma once

#include "config/cloudsconfig.h"

#include <QFile>

/// The sandbox's cloud `name` ("sandbox", "sandbox-admin"...); when the sandbox is not up, no
/// cloud and an error that says what to do.
inline Pilvi::CloudSelection findSandboxCloud(const QString &name)
{
    const QString clouds = qEnvironmentVariable("PILVI_SANDBOX_CLOUDS");
    if (clouds.isEmpty() || !QFile::exists(clouds)) {
        Pilvi::CloudSelection none;
        none.error = QStringLiteral(
            "the sandbox cloud is not up: run 'tools/sandbox-cloud up' (tools/dev test does) and set PILVI_SANDBOX_CLOUDS");
        return none;
    }
    Pilvi::CloudsConfigPaths paths;
    paths.sandboxFile = clouds;
    return Pilvi::selectCloud(Pilvi::loadCloudsConfig(paths), name, {});
}
