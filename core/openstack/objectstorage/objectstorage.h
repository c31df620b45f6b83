// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Pilvi {

struct Container {
    QString name;
    qint64 objectCount = 0;
    qint64 bytes = 0;
    QDateTime lastModified;
    friend bool operator==(const Container &, const Container &) = default;
};

/// An object, or with a delimiter a pseudo-folder ("subdir") of them.
struct ObjectEntry {
    QString name;
    qint64 bytes = 0;
    QString hash; ///< MD5 ETag (of the manifest for SLO/DLO)
    QString contentType;
    QDateTime lastModified;
    bool isPseudoFolder = false;
    /// In a history-mode archive, the marker versioned_writes leaves where the object was deleted
    /// (no content to restore).
    bool isDeleteMarker() const { return contentType.startsWith(QLatin1StringView("application/x-deleted;")); }
    friend bool operator==(const ObjectEntry &, const ObjectEntry &) = default;
};

/// HEAD of the account.
struct AccountInfo {
    qint64 containerCount = 0;
    qint64 objectCount = 0;
    qint64 bytesUsed = 0;
    qint64 quotaBytes = -1;          ///< X-Account-Meta-Quota-Bytes when the operator set one
    QMap<QString, QString> metadata; ///< X-Account-Meta-*, keys in lower case
};

/// HEAD of a container.
struct ContainerInfo {
    qint64 objectCount = 0;
    qint64 bytesUsed = 0;
    QMap<QString, QString> metadata; ///< X-Container-Meta-*, keys in lower case
    /// Versioning with the versioned_writes middleware: the archive container, in "stack" mode
    /// (X-Versions-Location: a delete restores the previous version) or "history" mode
    /// (X-History-Location: a delete keeps a copy). Empty when off.
    QString versionsLocation;
    QString historyLocation;
    /// Versioning with the newer object_versioning middleware (X-Versions-Enabled).
    bool versionsEnabled = false;
    QString readAcl;
    QString writeAcl;

    /// Whether anyone may read objects without a token (a referrer rule ".r:" in the read ACL).
    bool isPublic() const
    {
        for (QStringView rule : QStringView(readAcl).tokenize(u',')) {
            rule = rule.trimmed();
            if (rule.startsWith(u".r:") && !rule.startsWith(u".r:-"))
                return true;
        }
        return false;
    }
    /// Where old versions go, whichever middleware keeps them; empty when none does.
    QString archiveContainer() const { return !versionsLocation.isEmpty() ? versionsLocation : historyLocation; }
    /// Whether an overwrite or delete keeps the old object somewhere (either middleware).
    bool keepsOldVersions() const { return !archiveContainer().isEmpty() || versionsEnabled; }
    friend bool operator==(const ContainerInfo &, const ContainerInfo &) = default;
};

/// HEAD of an object.
struct ObjectInfo {
    qint64 bytes = 0;
    QString etag; ///< MD5 of the content; of the manifest for a large object
    QString contentType;
    QDateTime lastModified;
    QDateTime deleteAt;              ///< X-Delete-At; invalid when it is kept
    QMap<QString, QString> metadata; ///< X-Object-Meta-*, keys in lower case
    bool isLargeObject = false;      ///< a static or dynamic large object (manifest)
    bool isStaticLargeObject = false;
    /// The headers a POST of metadata takes away unless it sends them again (Swift's object
    /// server "allowed headers": Content-Disposition, Content-Encoding, X-Object-Manifest,
    /// Cache-Control, Content-Language, Expires, X-Robots-Tag), as the HEAD gave them. Without
    /// X-Object-Manifest a dynamic large object becomes an empty object.
    QList<std::pair<QByteArray, QByteArray>> headersPostDrops;
};

/// How a container keeps old versions (versioned_writes).
enum class VersioningMode {
    Off,
    Stack,   ///< X-Versions-Location
    History, ///< X-History-Location
};

/// What the Swift cluster offers, from GET /info.
struct SwiftCapabilities {
    QString version;
    qint64 maxFileSize = -1;
    qint64 containerListingLimit = -1;
    bool versionedWrites = false;  ///< X-Versions-Location / X-History-Location work
    bool objectVersioning = false; ///< X-Versions-Enabled works
    bool staticLargeObjects = false;
    bool tempUrl = false;
    QStringList tempUrlDigests; ///< tempurl.allowed_digests, e.g. sha1 sha256 sha512; empty when /info does not say
    QStringList capabilities;   ///< every middleware /info names
};

/// A temporary URL and how it came about.
struct TemporaryUrl {
    QUrl url;
    bool keyCreated = false; ///< the account had no Temp-URL-Key: Pilvi set a new one
};

/// The outcome of a streamed upload or download, checked against Swift's ETag.
struct TransferResult {
    qint64 bytes = 0;
    QString md5; ///< what was sent or received, equal to Swift's ETag
};

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::Container, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::ObjectEntry, Q_RELOCATABLE_TYPE);
