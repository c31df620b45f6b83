// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"
#include "net/authtoken.h"

#include <QString>

#include <optional>

namespace Pilvi {

/// Keeps tokens between pilvi-cli runs, so a command does not pay for a new token every time.
/// Files are in $XDG_RUNTIME_DIR/pilvi/tokens (or a 0700 folder under the user's cache folder),
/// mode 0600, named by a hash of the cloud's identity and credentials (no secret appears in a
/// name). A token near expiry is not returned; a token the cloud refused is dropped.
class TokenCache
{
public:
    /// The default folder for this user.
    static QString defaultDirectory();

    explicit TokenCache(QString directory = defaultDirectory());

    std::optional<AuthToken> load(const CloudProfile &profile) const;
    void store(const CloudProfile &profile, const AuthToken &token) const;
    void drop(const CloudProfile &profile) const;

    /// The file for a profile (for tests).
    QString fileFor(const CloudProfile &profile) const;

private:
    QString m_directory;
};

} // namespace Pilvi
