// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"

#include <QFuture>
#include <QStringList>

namespace Pilvi {

class SecretStore;

/// The clouds.yaml auth keys whose secret this profile's auth type needs and does not have
/// ("application_credential_secret", "password" or "token"): secrets the user chose to keep in
/// the keychain instead of secure.yaml.
QStringList missingSecretKeys(const CloudProfile &profile);

/// The profile with its missing secrets read from `store`. A secret the store does not have stays
/// empty (Keystone's refusal then says what is missing); a keychain that cannot be reached fails
/// the future with ApiError(Config) saying why. Finishes on the store's thread.
QFuture<CloudProfile> withStoredSecrets(const CloudProfile &profile, SecretStore *store);

} // namespace Pilvi
