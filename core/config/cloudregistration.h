// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"
#include "config/cloudswriter.h"

#include <QFuture>

namespace Pilvi {

class SecretStore;

/// Where a cloud added from the GUI is written.
struct CloudFiles {
    QString cloudsFile; ///< the user's clouds.yaml (created if missing)
    QString secureFile; ///< the secure.yaml beside it
    /// The user's own files when they have them, else the default folder
    /// ($XDG_CONFIG_HOME/openstack or ~/.config/openstack).
    static CloudFiles forUser(const QString &userCloudsFile, const QString &userSecureFile,
                              const QProcessEnvironment &environment);
};

/// Adds `cloud` to the user's clouds.yaml, its secrets to secure.yaml or (Keychain) to `store`.
/// The file edits run on a worker thread; the keychain writes on the store's thread. Finishes with
/// an error message for a person, or an empty string. A failed keychain write leaves the entry in
/// clouds.yaml (without a secret) and says so, so nothing the user typed is silently lost.
QFuture<QString> registerCloud(const CloudFiles &files, const CloudProfile &cloud, SecretPlacement placement, SecretStore *store);

} // namespace Pilvi
