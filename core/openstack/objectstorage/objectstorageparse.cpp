// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/objectstorage/objectstorageparse.h"

#include "net/apierror.h"
#include "openstack/jsonreader.h"

#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>
#include <QUrl>

#include <array>

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

namespace {
QByteArray header(const Headers &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

qint64 count(const Headers &headers, QByteArrayView name, qint64 fallback = 0)
{
    const QByteArray value = header(headers, name);
    if (value.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 number = value.trimmed().toLongLong(&ok);
    if (!ok)
        throw ApiError(ApiError::Kind::BadResponse, QStringLiteral("unexpected answer: header %1: expected a number, got '%2'")
                                                        .arg(QString::fromLatin1(name), QString::fromLatin1(value.left(40))));
    return number;
}

// X-<Kind>-Meta-Color: red -> {"color": "red"}. Swift keeps keys case-insensitive and values as UTF-8.
QMap<QString, QString> metadata(const Headers &headers, QByteArrayView prefix)
{
    const QByteArray lowerPrefix = prefix.toByteArray().toLower();
    QMap<QString, QString> result;
    for (const auto &[key, value] : headers) {
        const QByteArray lower = key.toLower();
        if (lower.size() > lowerPrefix.size() && lower.startsWith(lowerPrefix))
            result.insert(QString::fromLatin1(lower.mid(lowerPrefix.size())), QString::fromUtf8(value));
    }
    return result;
}

QString text(const Headers &headers, QByteArrayView name)
{
    return QString::fromUtf8(header(headers, name));
}

QString unquoted(const Headers &headers, QByteArrayView name)
{
    QByteArray value = header(headers, name);
    return QString::fromLatin1(value.replace('"', ""));
}
} // namespace

AccountInfo account(const Headers &headers)
{
    AccountInfo a;
    a.containerCount = count(headers, "X-Account-Container-Count");
    a.objectCount = count(headers, "X-Account-Object-Count");
    a.bytesUsed = count(headers, "X-Account-Bytes-Used");
    a.quotaBytes = count(headers, "X-Account-Meta-Quota-Bytes", -1);
    a.metadata = metadata(headers, "X-Account-Meta-");
    return a;
}

ContainerInfo container(const Headers &headers)
{
    ContainerInfo c;
    c.objectCount = count(headers, "X-Container-Object-Count");
    c.bytesUsed = count(headers, "X-Container-Bytes-Used");
    c.metadata = metadata(headers, "X-Container-Meta-");
    c.versionsLocation = QUrl::fromPercentEncoding(header(headers, "X-Versions-Location"));
    c.historyLocation = QUrl::fromPercentEncoding(header(headers, "X-History-Location"));
    c.versionsEnabled = header(headers, "X-Versions-Enabled").toLower() == "true";
    c.readAcl = text(headers, "X-Container-Read");
    c.writeAcl = text(headers, "X-Container-Write");
    return c;
}

ObjectInfo object(const Headers &headers)
{
    ObjectInfo o;
    o.bytes = count(headers, "Content-Length");
    o.etag = unquoted(headers, "ETag");
    o.contentType = text(headers, "Content-Type");
    const QByteArray modified = header(headers, "Last-Modified");
    if (!modified.isEmpty()) {
        // An HTTP date, "Fri, 04 Dec 2026 10:06:37 GMT" (Qt::RFC2822Date does not take "GMT").
        o.lastModified =
            QLocale::c().toDateTime(QString::fromLatin1(modified), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        o.lastModified.setTimeZone(QTimeZone::UTC);
    }
    const qint64 deleteAt = count(headers, "X-Delete-At", -1);
    if (deleteAt >= 0)
        o.deleteAt = QDateTime::fromSecsSinceEpoch(deleteAt, QTimeZone::UTC);
    o.metadata = metadata(headers, "X-Object-Meta-");
    o.isStaticLargeObject = header(headers, "X-Static-Large-Object").compare("true", Qt::CaseInsensitive) == 0;
    o.isLargeObject = o.isStaticLargeObject || !header(headers, "X-Object-Manifest").isEmpty();
    // X-Delete-At is one of them too, but it is deleteAt: the caller says whether to keep it.
    static constexpr std::array<QByteArrayView, 7> postDrops = {"Content-Disposition", "Content-Encoding", "X-Object-Manifest",
                                                                "Cache-Control",       "Content-Language", "Expires",
                                                                "X-Robots-Tag"};
    for (const QByteArrayView name : postDrops) {
        const QByteArray value = header(headers, name);
        if (!value.isEmpty())
            o.headersPostDrops.append({name.toByteArray(), value});
    }
    return o;
}

SwiftCapabilities capabilities(const QByteArray &body)
{
    const JsonReader root = JsonReader::document(body, QStringLiteral("show the cluster's capabilities"));
    SwiftCapabilities c;
    const JsonReader swift = root.object(QStringLiteral("swift"));
    c.version = swift.optionalString(QStringLiteral("version"));
    c.maxFileSize = swift.optionalInteger(QStringLiteral("max_file_size"), -1);
    c.containerListingLimit = swift.optionalInteger(QStringLiteral("container_listing_limit"), -1);
    c.capabilities = root.json().keys();
    c.versionedWrites = root.has(QStringLiteral("versioned_writes"));
    c.objectVersioning = root.has(QStringLiteral("object_versioning"));
    c.staticLargeObjects = root.has(QStringLiteral("slo"));
    c.tempUrl = root.has(QStringLiteral("tempurl"));
    if (c.tempUrl)
        c.tempUrlDigests = root.object(QStringLiteral("tempurl")).optionalStrings(QStringLiteral("allowed_digests"));
    return c;
}

QString versionsPrefix(const QString &name)
{
    return QStringLiteral("%1%2/").arg(name.toUtf8().size(), 3, 16, QLatin1Char('0')).arg(name);
}

} // namespace Pilvi::SwiftParse
