// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/tokencache.h"

#include "util/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Pilvi {

QString TokenCache::defaultDirectory()
{
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QDir(QString::fromLocal8Bit(runtime)).exists())
        return QString::fromLocal8Bit(runtime) + QStringLiteral("/pilvi/tokens");
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/pilvi/tokens");
}

TokenCache::TokenCache(QString directory)
    : m_directory(std::move(directory))
{}

QString TokenCache::fileFor(const CloudProfile &profile) const
{
    const CloudAuth &a = profile.auth;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &part : {profile.authType, a.authUrl, a.username, a.userId, a.password, a.projectName, a.projectId,
                                a.userDomainName, a.userDomainId, a.projectDomainName, a.projectDomainId,
                                a.applicationCredentialId, a.applicationCredentialName, a.applicationCredentialSecret, a.token}) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    }
    return m_directory + u'/' + QString::fromLatin1(hash.result().toHex().left(32)) + QStringLiteral(".json");
}

std::optional<AuthToken> TokenCache::load(const CloudProfile &profile) const
{
    QFile file(fileFor(profile));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    // Refuse a file others could have read or written.
    if (file.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)) {
        qCWarning(lcAuth) << "ignoring token cache file with loose permissions:" << file.fileName();
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    AuthToken token;
    token.id = object.value(QStringLiteral("id")).toString().toLatin1();
    token.expiresAt = QDateTime::fromString(object.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
    token.projectId = object.value(QStringLiteral("project_id")).toString();
    token.projectName = object.value(QStringLiteral("project_name")).toString();
    token.projectDomainId = object.value(QStringLiteral("project_domain_id")).toString();
    token.projectDomainName = object.value(QStringLiteral("project_domain_name")).toString();
    token.userId = object.value(QStringLiteral("user_id")).toString();
    token.userName = object.value(QStringLiteral("user_name")).toString();
    const QJsonArray catalog = object.value(QStringLiteral("catalog")).toArray();
    for (const auto &value : catalog) {
        const QJsonObject e = value.toObject();
        token.catalog.append({e.value(QStringLiteral("type")).toString(), e.value(QStringLiteral("name")).toString(),
                              e.value(QStringLiteral("interface")).toString(), e.value(QStringLiteral("region")).toString(),
                              e.value(QStringLiteral("url")).toString()});
    }
    if (!token.isFreshAt(QDateTime::currentDateTimeUtc()))
        return std::nullopt;
    return token;
}

void TokenCache::store(const CloudProfile &profile, const AuthToken &token) const
{
    if (!QDir().mkpath(m_directory))
        return;
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QJsonArray catalog;
    for (const ServiceEndpoint &e : token.catalog) {
        catalog.append(QJsonObject{{QStringLiteral("type"), e.serviceType},
                                   {QStringLiteral("name"), e.serviceName},
                                   {QStringLiteral("interface"), e.interface},
                                   {QStringLiteral("region"), e.region},
                                   {QStringLiteral("url"), e.url}});
    }
    const QJsonObject object{{QStringLiteral("id"), QString::fromLatin1(token.id)},
                             {QStringLiteral("expires_at"), token.expiresAt.toString(Qt::ISODateWithMs)},
                             {QStringLiteral("project_id"), token.projectId},
                             {QStringLiteral("project_name"), token.projectName},
                             {QStringLiteral("project_domain_id"), token.projectDomainId},
                             {QStringLiteral("project_domain_name"), token.projectDomainName},
                             {QStringLiteral("user_id"), token.userId},
                             {QStringLiteral("user_name"), token.userName},
                             {QStringLiteral("catalog"), catalog}};
    QSaveFile file(fileFor(profile));
    if (!file.open(QIODevice::WriteOnly))
        return;
    // The temporary file gets 0600 before the token is written into it.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    file.commit();
}

void TokenCache::drop(const CloudProfile &profile) const
{
    QFile::remove(fileFor(profile));
}

} // namespace Pilvi
