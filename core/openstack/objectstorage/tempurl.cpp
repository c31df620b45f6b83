// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/objectstorage/tempurl.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace Pilvi::TempUrl {

QByteArray signature(const QByteArray &key, const QByteArray &method, qint64 expires, const QString &path,
                     QCryptographicHash::Algorithm algorithm)
{
    const QByteArray body = method + '\n' + QByteArray::number(expires) + '\n' + path.toUtf8();
    return QMessageAuthenticationCode::hash(body, key, algorithm).toHex();
}

QUrl make(const QUrl &objectUrl, const QByteArray &key, const QDateTime &expires, const QByteArray &method,
          QCryptographicHash::Algorithm algorithm)
{
    const qint64 seconds = expires.toSecsSinceEpoch();
    QUrl url = objectUrl;
    // The signed path is the decoded one, as Swift sees it after unquoting the request line.
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("temp_url_sig"),
                       QString::fromLatin1(signature(key, method, seconds, url.path(QUrl::FullyDecoded), algorithm)));
    query.addQueryItem(QStringLiteral("temp_url_expires"), QString::number(seconds));
    url.setQuery(query);
    return url;
}

QCryptographicHash::Algorithm preferredDigest(const QStringList &allowedDigests)
{
    if (allowedDigests.contains(QStringLiteral("sha256"), Qt::CaseInsensitive))
        return QCryptographicHash::Sha256;
    if (allowedDigests.contains(QStringLiteral("sha512"), Qt::CaseInsensitive) &&
        !allowedDigests.contains(QStringLiteral("sha1"), Qt::CaseInsensitive))
        return QCryptographicHash::Sha512;
    return QCryptographicHash::Sha1;
}

QByteArray generateKey()
{
    QByteArray key;
    for (int i = 0; i < 4; ++i)
        key += QByteArray::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0');
    return key;
}

} // namespace Pilvi::TempUrl
