// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/environment.h"

#include <QString>
#include <QStringList>

namespace Pilvi {

/// The `auth:` block of a cloud. Secrets (password, application credential secret, token) live
/// here only while a session needs them; nothing in this struct is ever logged.
struct CloudAuth {
    QString authUrl;
    QString username;
    QString userId;
    QString password;
    QString projectName;
    QString projectId;
    QString userDomainName;
    QString userDomainId;
    QString projectDomainName;
    QString projectDomainId;
    QString applicationCredentialId;
    QString applicationCredentialName;
    QString applicationCredentialSecret;
    QString token;

    friend bool operator==(const CloudAuth &, const CloudAuth &) = default;
};

/// One cloud as clouds.yaml merged with secure.yaml (or the OS_* variables) describes it,
/// with openstacksdk's keys and Pilvi's own `environment`.
struct CloudProfile {
    QString name;       ///< the key under `clouds:` ("envvars" for the OS_* variables)
    QString sourceFile; ///< the clouds.yaml it came from (empty for envvars)
    Environment environment = Environment::Development;
    QString authType; ///< password, v3password, v3applicationcredential, token, v3token (empty: password;
                      ///< "token" when only a token is given, as the openstack CLI picks)
    CloudAuth auth;
    QString regionName;
    QString interface = QStringLiteral("public"); ///< public, internal, admin
    QString identityApiVersion = QStringLiteral("3");
    QString cacert;            ///< CA bundle file for TLS verification
    bool verify = true;        ///< false: TLS certificates are not checked (shown as a warning)
    QString cert;              ///< client certificate file
    QString key;               ///< client key file
    int apiTimeoutSeconds = 0; ///< 0: Pilvi's default
    QStringList regions;       ///< every region the cloud names (`regions:` list); regionName is one of them

    friend bool operator==(const CloudProfile &, const CloudProfile &) = default;
};

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::CloudProfile, Q_RELOCATABLE_TYPE);
