// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Pilvi {

/// The project a session works in.
struct Project {
    QString id;
    QString name;
    QString domainId;
    QString domainName; ///< from the token (GET /v3/projects gives the domain's id only)
    QString description;
    bool enabled = true;
    QString parentId;
    QStringList tags;
    /// True when Keystone would not show the project (policy) and only the token's copy is known:
    /// id, name and domain.
    bool fromTokenOnly = false;
    friend bool operator==(const Project &, const Project &) = default;
};

/// A user's application credential (what a cloud's clouds.yaml often holds instead of a
/// password). Its secret is shown once at creation and never again.
struct ApplicationCredential {
    QString id;
    QString name;
    QString description;
    QString projectId;
    QDateTime expiresAt; ///< invalid: never expires
    bool unrestricted = false;
    QStringList roles;
    friend bool operator==(const ApplicationCredential &, const ApplicationCredential &) = default;
};

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::Project, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::ApplicationCredential, Q_RELOCATABLE_TYPE);
