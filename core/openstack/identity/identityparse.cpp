// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/identity/identityparse.h"

#include "openstack/jsonreader.h"

namespace Pilvi::KeystoneParse {

Project project(const QByteArray &body)
{
    const JsonReader r = JsonReader::document(body, QStringLiteral("show project")).object(QStringLiteral("project"));
    Project p;
    p.id = r.string(QStringLiteral("id"));
    p.name = r.string(QStringLiteral("name"));
    p.domainId = r.string(QStringLiteral("domain_id"));
    p.description = r.optionalString(QStringLiteral("description"));
    p.enabled = r.optionalBool(QStringLiteral("enabled"), true);
    p.parentId = r.optionalString(QStringLiteral("parent_id"));
    p.tags = r.optionalStrings(QStringLiteral("tags"));
    return p;
}

QList<ApplicationCredential> applicationCredentials(const QByteArray &body)
{
    QList<ApplicationCredential> result;
    JsonReader::document(body, QStringLiteral("list application credentials"))
        .forEach(QStringLiteral("application_credentials"), [&result](const JsonReader &r) {
            ApplicationCredential c;
            c.id = r.string(QStringLiteral("id"));
            c.name = r.string(QStringLiteral("name"));
            c.description = r.optionalString(QStringLiteral("description"));
            c.projectId = r.string(QStringLiteral("project_id"));
            c.expiresAt = r.optionalTime(QStringLiteral("expires_at"));
            c.unrestricted = r.optionalBool(QStringLiteral("unrestricted"));
            if (r.has(QStringLiteral("roles"))) {
                r.forEach(QStringLiteral("roles"),
                          [&c](const JsonReader &role) { c.roles.append(role.string(QStringLiteral("name"))); });
            }
            result.append(c);
        });
    return result;
}

} // namespace Pilvi::KeystoneParse
