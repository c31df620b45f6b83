// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/objectstorage/objectstorageparse.h"

#include "net/apierror.h"
#include "openstack/jsonreader.h"

#include <QJsonDocument>

namespace Pilvi::SwiftParse {

namespace {
// Swift lists are top-level JSON arrays; wrap each in the reader that knows its path.
template<typename T, typename Reader>
QList<T> readArray(const QByteArray &body, const QString &what, Reader reader)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        throw ApiError(ApiError::Kind::BadResponse, QStringLiteral("the answer to '%1' is not a JSON list").arg(what));
    const JsonReader root(QJsonObject{{QStringLiteral("items"), document.array()}}, QString());
    QList<T> result;
    root.forEach(QStringLiteral("items"), [&](const JsonReader &r) { result.append(reader(r)); });
    return result;
}
} // namespace

QList<Container> containers(const QByteArray &body)
{
    return readArray<Container>(body, QStringLiteral("list containers"), [](const JsonReader &r) {
        Container c;
        c.name = r.string(QStringLiteral("name"));
        c.objectCount = r.integer(QStringLiteral("count"));
        c.bytes = r.integer(QStringLiteral("bytes"));
        c.lastModified = r.optionalTime(QStringLiteral("last_modified"));
        return c;
    });
}

QList<ObjectEntry> objects(const QByteArray &body)
{
    return readArray<ObjectEntry>(body, QStringLiteral("list objects"), [](const JsonReader &r) {
        ObjectEntry o;
        if (r.has(QStringLiteral("subdir"))) {
            o.name = r.string(QStringLiteral("subdir"));
            o.isPseudoFolder = true;
            return o;
        }
        o.name = r.string(QStringLiteral("name"));
        o.bytes = r.integer(QStringLiteral("bytes"));
        o.hash = r.optionalString(QStringLiteral("hash"));
        o.contentType = r.optionalString(QStringLiteral("content_type"));
        o.lastModified = r.optionalTime(QStringLiteral("last_modified"));
        return o;
    });
}

} // namespace Pilvi::SwiftParse
