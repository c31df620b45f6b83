// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"
#include "config/configproblem.h"

#include <QList>

namespace Pilvi {

/// What one clouds.yaml holds: the clouds that could be read, and a problem for each part that
/// could not. A broken entry never hides the good ones beside it.
struct CloudsFileContent {
    QList<CloudProfile> clouds;
    QList<ConfigProblem> problems;
};

/// Reads clouds.yaml text (YAML or JSON). `fileName` is used in problems and as sourceFile.
CloudsFileContent parseCloudsFile(const QByteArray &text, const QString &fileName);

} // namespace Pilvi
