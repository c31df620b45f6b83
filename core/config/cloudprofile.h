// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/environment.h"

#include <QString>

namespace Pilvi {

/// One cloud as clouds.yaml (merged with secure.yaml) describes it. Secrets stay in here only as
/// long as a session needs them; nothing in this struct is ever logged.
struct CloudProfile {
    QString name;       ///< the key under `clouds:`
    QString sourceFile; ///< the clouds.yaml it came from
    Environment environment = Environment::Development;
    QString authType; ///< password, v3applicationcredential, token... (empty: password)
    QString authUrl;
    QString regionName;
    QString projectName;
    QString userName;
    QString interface; ///< public (default), internal, admin

    friend bool operator==(const CloudProfile &, const CloudProfile &) = default;
};

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::CloudProfile, Q_RELOCATABLE_TYPE);
