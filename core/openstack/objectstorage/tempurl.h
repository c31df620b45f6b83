// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace Pilvi {

/// Swift's temporary URLs (the tempurl middleware): anyone holding the URL may `method` the
/// object until `expires`, without a token. The signature is an HMAC, keyed with the account's
/// (or container's) X-*-Meta-Temp-URL-Key, of "METHOD\nEXPIRES\nPATH", PATH being the object's
/// path from "/v1/..." on, as sent (not percent-encoded).
namespace TempUrl {

/// The hex HMAC signature; SHA-256 unless the cluster allows only another digest (/info
/// tempurl.allowed_digests).
QByteArray signature(const QByteArray &key, const QByteArray &method, qint64 expires, const QString &path,
                     QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256);

/// The object's URL with temp_url_sig and temp_url_expires added. `objectUrl` is the storage
/// endpoint plus "/container/object"; its path must start with "/v1/".
QUrl make(const QUrl &objectUrl, const QByteArray &key, const QDateTime &expires, const QByteArray &method = "GET",
          QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256);

/// The digest to sign with: SHA-256 where the cluster allows it; SHA-1 where it names only
/// older digests or does not say (older Swift, Ceph's RGW).
QCryptographicHash::Algorithm preferredDigest(const QStringList &allowedDigests);

/// A new random key (hex, 64 characters) for X-Account-Meta-Temp-URL-Key.
QByteArray generateKey();

} // namespace TempUrl

} // namespace Pilvi
