// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace Pilvi {

/// A secret of a cloud's auth block, by its clouds.yaml key.
struct CloudSecret {
    QString key; ///< "password", "application_credential_secret" or "token"
    QString value;
    friend bool operator==(const CloudSecret &, const CloudSecret &) = default;
};

/// The secrets `auth` holds (the non-empty ones of password, application credential secret, token).
QList<CloudSecret> secretsOf(const CloudAuth &auth);

/// Where writeCloudEntry puts a cloud's secrets.
enum class SecretPlacement {
    SecureFile, ///< secure.yaml (mode 0600), which every OpenStack tool reads
    Keychain,   ///< in no file: the caller stores them through a SecretStore
};

/// The folder where a new clouds.yaml goes: $XDG_CONFIG_HOME/openstack or ~/.config/openstack.
QString defaultCloudsDirectory(const QProcessEnvironment &environment);

/// Adds or replaces cloud `cloud.name` in `cloudsFile` (created if missing) without its secrets,
/// and puts the secrets in `secureFile` (SecureFile: created with mode 0600, its folder 0700 if
/// created; an existing one is made 0600) or leaves them to the caller (Keychain: the cloud's
/// entry in secureFile, if any, is removed so that it cannot shadow the keychain).
/// Minimal text edits: other entries and comments stay byte for byte; a new cloud is appended
/// after the last one, a replaced one keeps its place. Files are replaced atomically (QSaveFile).
/// Blocking file IO: call it off the GUI thread. Returns an error message, or an empty string.
QString writeCloudEntry(const QString &cloudsFile, const QString &secureFile, const CloudProfile &cloud,
                        SecretPlacement placement);

/// The text edits behind writeCloudEntry, on file contents. `entry` is the cloud's settings as
/// block YAML indented by two spaces per level from column 0 (cloudEntryYaml's form); it is
/// re-indented to the file's own step. Returns nullopt and sets `error` when the text cannot be
/// edited this way (YAML errors, JSON or flow-style `clouds`).
std::optional<QByteArray> setCloudEntry(const QByteArray &text, const QString &name, const QByteArray &entry, QString &error);
/// Removes cloud `name`; the text is returned unchanged when it has no such cloud.
std::optional<QByteArray> removeCloudEntry(const QByteArray &text, const QString &name, QString &error);

/// The clouds.yaml settings of `cloud`, without its secrets, in setCloudEntry's form.
QByteArray cloudEntryYaml(const CloudProfile &cloud);
/// The secure.yaml settings for `secrets` (an `auth:` block), in setCloudEntry's form.
QByteArray secretEntryYaml(const QList<CloudSecret> &secrets);

} // namespace Pilvi
