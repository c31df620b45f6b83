// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/keystoneauth.h"

#include "net/apierror.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Pilvi::KeystoneAuth {

namespace {

ApiError missing(const CloudProfile &profile, const QString &key)
{
    return ApiError(ApiError::Kind::Config,
                    QStringLiteral("cloud '%1' has no auth.%2, which auth_type '%3' needs")
                        .arg(profile.name, key, profile.authType.isEmpty() ? QStringLiteral("password") : profile.authType));
}

QJsonObject domainOf(const QString &id, const QString &name)
{
    if (!id.isEmpty())
        return {{QStringLiteral("id"), id}};
    return {{QStringLiteral("name"), name.isEmpty() ? QStringLiteral("Default") : name}};
}

QJsonObject userOf(const CloudProfile &profile)
{
    const CloudAuth &auth = profile.auth;
    if (!auth.userId.isEmpty())
        return {{QStringLiteral("id"), auth.userId}};
    if (auth.username.isEmpty())
        throw missing(profile, QStringLiteral("username"));
    return {{QStringLiteral("name"), auth.username},
            {QStringLiteral("domain"), domainOf(auth.userDomainId, auth.userDomainName)}};
}

std::optional<QJsonObject> projectScope(const CloudAuth &auth)
{
    if (!auth.projectId.isEmpty())
        return QJsonObject{{QStringLiteral("project"), QJsonObject{{QStringLiteral("id"), auth.projectId}}}};
    if (!auth.projectName.isEmpty()) {
        // openstacksdk falls back to the user's domain for the project's.
        const QString domainId =
            auth.projectDomainId.isEmpty() && auth.projectDomainName.isEmpty() ? auth.userDomainId : auth.projectDomainId;
        const QString domainName = auth.projectDomainName.isEmpty() ? auth.userDomainName : auth.projectDomainName;
        return QJsonObject{{QStringLiteral("project"), QJsonObject{{QStringLiteral("name"), auth.projectName},
                                                                   {QStringLiteral("domain"), domainOf(domainId, domainName)}}}};
    }
    return std::nullopt;
}

QString requireString(const QJsonObject &object, const QString &key, const QString &where)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        throw ApiError(ApiError::Kind::BadResponse,
                       QStringLiteral("token response: %1.%2 is missing or not text").arg(where, key));
    return value.toString();
}

} // namespace

QUrl tokensUrl(const QString &authUrl)
{
    QString base = authUrl.trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    if (!base.endsWith(QStringLiteral("/v3")))
        base += QStringLiteral("/v3");
    return QUrl(base + QStringLiteral("/auth/tokens"));
}

QJsonObject requestBody(const CloudProfile &profile)
{
    const CloudAuth &auth = profile.auth;
    if (auth.authUrl.isEmpty())
        throw missing(profile, QStringLiteral("auth_url"));
    const QString type = profile.authType.isEmpty() ? QStringLiteral("password") : profile.authType;
    QJsonObject identity;
    std::optional<QJsonObject> scope;
    if (type == u"password" || type == u"v3password") {
        if (auth.password.isEmpty())
            throw missing(profile, QStringLiteral("password"));
        QJsonObject user = userOf(profile);
        user.insert(QStringLiteral("password"), auth.password);
        identity = {{QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
                    {QStringLiteral("password"), QJsonObject{{QStringLiteral("user"), user}}}};
        scope = projectScope(auth);
    } else if (type == u"v3applicationcredential" || type == u"applicationcredential") {
        if (auth.applicationCredentialSecret.isEmpty())
            throw missing(profile, QStringLiteral("application_credential_secret"));
        QJsonObject credential{{QStringLiteral("secret"), auth.applicationCredentialSecret}};
        if (!auth.applicationCredentialId.isEmpty()) {
            credential.insert(QStringLiteral("id"), auth.applicationCredentialId);
        } else if (!auth.applicationCredentialName.isEmpty()) {
            credential.insert(QStringLiteral("name"), auth.applicationCredentialName);
            credential.insert(QStringLiteral("user"), userOf(profile)); // a name is only unique per user
        } else {
            throw missing(profile, QStringLiteral("application_credential_id"));
        }
        identity = {{QStringLiteral("methods"), QJsonArray{QStringLiteral("application_credential")}},
                    {QStringLiteral("application_credential"), credential}};
        // An application credential carries its project: no scope may be sent.
    } else if (type == u"token" || type == u"v3token") {
        if (auth.token.isEmpty())
            throw missing(profile, QStringLiteral("token"));
        identity = {{QStringLiteral("methods"), QJsonArray{QStringLiteral("token")}},
                    {QStringLiteral("token"), QJsonObject{{QStringLiteral("id"), auth.token}}}};
        scope = projectScope(auth);
    } else {
        throw ApiError(ApiError::Kind::Config, QStringLiteral("cloud '%1': auth_type '%2' is not supported (use password, "
                                                              "v3applicationcredential or token)")
                                                   .arg(profile.name, type));
    }
    QJsonObject authObject{{QStringLiteral("identity"), identity}};
    if (scope)
        authObject.insert(QStringLiteral("scope"), *scope);
    return {{QStringLiteral("auth"), authObject}};
}

AuthToken parseResponse(const QByteArray &body, const QByteArray &subjectToken)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        throw ApiError(ApiError::Kind::BadResponse,
                       QStringLiteral("token response is not JSON: %1").arg(parseError.errorString()));
    if (subjectToken.isEmpty())
        throw ApiError(ApiError::Kind::BadResponse, QStringLiteral("token response has no X-Subject-Token header"));
    const QJsonObject token = document.object().value(QStringLiteral("token")).toObject();
    if (token.isEmpty())
        throw ApiError(ApiError::Kind::BadResponse, QStringLiteral("token response has no 'token' object"));

    AuthToken result;
    result.id = subjectToken;
    result.expiresAt =
        QDateTime::fromString(requireString(token, QStringLiteral("expires_at"), QStringLiteral("token")), Qt::ISODateWithMs);
    if (!result.expiresAt.isValid())
        throw ApiError(ApiError::Kind::BadResponse, QStringLiteral("token response: expires_at is not a date"));
    const QJsonObject project = token.value(QStringLiteral("project")).toObject();
    result.projectId = project.value(QStringLiteral("id")).toString();
    result.projectName = project.value(QStringLiteral("name")).toString();
    const QJsonObject projectDomain = project.value(QStringLiteral("domain")).toObject();
    result.projectDomainId = projectDomain.value(QStringLiteral("id")).toString();
    result.projectDomainName = projectDomain.value(QStringLiteral("name")).toString();
    const QJsonObject user = token.value(QStringLiteral("user")).toObject();
    result.userId = user.value(QStringLiteral("id")).toString();
    result.userName = user.value(QStringLiteral("name")).toString();
    const QJsonArray roles = token.value(QStringLiteral("roles")).toArray();
    for (const auto &role : roles)
        result.roles.append(role.toObject().value(QStringLiteral("name")).toString());

    const QJsonArray catalog = token.value(QStringLiteral("catalog")).toArray();
    for (const auto &serviceValue : catalog) {
        const QJsonObject service = serviceValue.toObject();
        const QString type = requireString(service, QStringLiteral("type"), QStringLiteral("catalog[]"));
        const QJsonArray endpoints = service.value(QStringLiteral("endpoints")).toArray();
        for (const auto &endpointValue : endpoints) {
            const QJsonObject endpoint = endpointValue.toObject();
            ServiceEndpoint entry;
            entry.serviceType = type;
            entry.serviceName = service.value(QStringLiteral("name")).toString();
            entry.interface = requireString(endpoint, QStringLiteral("interface"), QStringLiteral("endpoint"));
            entry.region =
                endpoint.value(QStringLiteral("region_id")).toString(endpoint.value(QStringLiteral("region")).toString());
            entry.url = requireString(endpoint, QStringLiteral("url"), QStringLiteral("endpoint"));
            result.catalog.append(entry);
        }
    }
    return result;
}

} // namespace Pilvi::KeystoneAuth
