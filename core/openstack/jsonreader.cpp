// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/jsonreader.h"

#include "net/apierror.h"

#include <QJsonDocument>
#include <QTimeZone>

namespace Pilvi {

namespace {
QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("text");
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: return QStringLiteral("nothing");
    }
    return {};
}
} // namespace

JsonReader::JsonReader(QJsonObject object, QString path)
    : m_object(std::move(object))
    , m_path(std::move(path))
{}

JsonReader JsonReader::document(const QByteArray &body, const QString &what)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError(ApiError::Kind::BadResponse, QStringLiteral("the answer to '%1' is not valid JSON (%2 at byte %3)")
                                                        .arg(what, error.errorString())
                                                        .arg(error.offset));
    if (!document.isObject())
        throw ApiError(ApiError::Kind::BadResponse, QStringLiteral("the answer to '%1' is not a JSON object").arg(what));
    return JsonReader(document.object(), QString());
}

void JsonReader::fail(const QString &key, const QString &expected, const QJsonValue &got) const
{
    const QString where = m_path.isEmpty() ? key : m_path + u'.' + key;
    throw ApiError(ApiError::Kind::BadResponse,
                   QStringLiteral("unexpected answer: %1: expected %2, got %3").arg(where, expected, typeName(got)));
}

QString JsonReader::string(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (!value.isString())
        fail(key, QStringLiteral("text"), value);
    return value.toString();
}

QString JsonReader::optionalString(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString())
        fail(key, QStringLiteral("text"), value);
    return value.toString();
}

qint64 JsonReader::integer(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (!value.isDouble())
        fail(key, QStringLiteral("a number"), value);
    return value.toInteger();
}

qint64 JsonReader::optionalInteger(const QString &key, qint64 fallback) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isDouble())
        fail(key, QStringLiteral("a number"), value);
    return value.toInteger();
}

bool JsonReader::optionalBool(const QString &key, bool fallback) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        const QString text = value.toString().toLower();
        if (text == u"true")
            return true;
        if (text == u"false")
            return false;
    }
    fail(key, QStringLiteral("a boolean"), value);
}

QDateTime JsonReader::optionalTime(const QString &key) const
{
    QString text = optionalString(key);
    if (text.isEmpty())
        return {};
    // OpenStack writes UTC, often without a zone ("2026-11-25T04:03:54.276138"). Saying so before
    // parsing keeps QDateTime off the local time zone rules, which cost ~50 us a value.
    const bool hasZone = text.endsWith(u'Z') || text.lastIndexOf(u'+') > 10 || text.lastIndexOf(u'-') > 10;
    if (!hasZone)
        text += u'Z';
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        fail(key, QStringLiteral("an ISO 8601 time"), m_object.value(key));
    return time;
}

QStringList JsonReader::optionalStrings(const QString &key) const
{
    QStringList result;
    const QJsonArray items = optionalArray(key);
    for (const auto &item : items) {
        if (!item.isString())
            fail(key, QStringLiteral("a list of text"), item);
        result.append(item.toString());
    }
    return result;
}

JsonReader JsonReader::object(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (!value.isObject())
        fail(key, QStringLiteral("an object"), value);
    return JsonReader(value.toObject(), m_path.isEmpty() ? key : m_path + u'.' + key);
}

QJsonArray JsonReader::array(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (!value.isArray())
        fail(key, QStringLiteral("a list"), value);
    return value.toArray();
}

QJsonArray JsonReader::optionalArray(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray())
        fail(key, QStringLiteral("a list"), value);
    return value.toArray();
}

QMap<QString, QString> JsonReader::optionalStringMap(const QString &key) const
{
    QMap<QString, QString> result;
    if (!has(key))
        return result;
    const JsonReader map = object(key);
    for (auto it = map.m_object.begin(); it != map.m_object.end(); ++it) {
        if (!it.value().isString())
            map.fail(it.key(), QStringLiteral("text"), it.value());
        result.insert(it.key(), it.value().toString());
    }
    return result;
}

JsonReader JsonReader::element(const QJsonArray &items, const QString &key, qsizetype index) const
{
    const QString path = (m_path.isEmpty() ? key : m_path + u'.' + key) + QStringLiteral("[%1]").arg(index);
    const QJsonValue value = items.at(index);
    if (!value.isObject())
        throw ApiError(ApiError::Kind::BadResponse,
                       QStringLiteral("unexpected answer: %1: expected an object, got %2").arg(path, typeName(value)));
    return JsonReader(value.toObject(), path);
}

} // namespace Pilvi
