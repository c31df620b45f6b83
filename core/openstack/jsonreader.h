// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Pilvi {

/// Reads fields of one JSON object of an API response, with the path of the object for error
/// messages ("stacks[3]"). A missing required field, or one of the wrong type, throws
/// ApiError(BadResponse) naming it: "stacks[3].stack_status: expected text, got a number".
class JsonReader
{
public:
    JsonReader(QJsonObject object, QString path);

    static JsonReader document(const QByteArray &body, const QString &what);

    QString string(const QString &key) const;         ///< required text
    QString optionalString(const QString &key) const; ///< text, or empty when absent or null
    qint64 integer(const QString &key) const;         ///< required number
    qint64 optionalInteger(const QString &key, qint64 fallback = 0) const;
    bool optionalBool(const QString &key, bool fallback = false) const; ///< also "true"/"false" text (Cinder)
    QDateTime optionalTime(const QString &key) const;                   ///< ISO 8601, UTC when no zone is given
    QStringList optionalStrings(const QString &key) const;
    JsonReader object(const QString &key) const; ///< required object
    QJsonArray array(const QString &key) const;  ///< required array
    QJsonArray optionalArray(const QString &key) const;
    /// An object of text values (Nova and Swift metadata); empty when absent or null.
    QMap<QString, QString> optionalStringMap(const QString &key) const;
    bool has(const QString &key) const { return m_object.contains(key) && !m_object.value(key).isNull(); }

    /// Each element of an array field as an object reader: "stacks[0]", "stacks[1]"...
    template<typename Function>
    void forEach(const QString &key, Function &&function) const
    {
        const QJsonArray items = array(key);
        for (qsizetype i = 0; i < items.size(); ++i)
            function(element(items, key, i));
    }

    const QJsonObject &json() const { return m_object; }
    QString path() const { return m_path; }

    /// Throws the ApiError for a field that is not what `expected` says, naming it by its path.
    [[noreturn]] void fail(const QString &key, const QString &expected, const QJsonValue &got) const;

private:
    JsonReader element(const QJsonArray &items, const QString &key, qsizetype index) const;

    QJsonObject m_object;
    QString m_path;
};

} // namespace Pilvi
