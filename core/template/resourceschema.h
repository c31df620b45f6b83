// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace Pilvi {

/// A property's or attribute's or type's support status, as Heat declares it.
struct SupportStatus {
    enum class Status { Supported, Deprecated, Hidden, Unsupported, Unknown };
    Status status = Status::Supported;
    QString message;
    QString version;

    static SupportStatus fromJson(const QJsonValue &value);
};

/// One property schema as Heat's resource_types API serialises it (`type`, `required`,
/// `update_allowed`, `immutable`, `description`, `default`, `constraints`, nested `schema`). A view
/// on the JSON: the bundled file and a cloud's answer have the same shape.
class PropertySchema
{
public:
    PropertySchema() = default;
    explicit PropertySchema(QJsonObject json)
        : m_json(std::move(json))
    {}

    bool isValid() const { return !m_json.isEmpty(); }
    QString type() const; ///< string, integer, number, boolean, map, list, any
    bool required() const { return m_json.value(QLatin1StringView("required")).toBool(); }
    bool updateAllowed() const { return m_json.value(QLatin1StringView("update_allowed")).toBool(); }
    bool immutable() const { return m_json.value(QLatin1StringView("immutable")).toBool(); }
    QString description() const { return m_json.value(QLatin1StringView("description")).toString(); }
    QJsonValue defaultValue() const { return m_json.value(QLatin1StringView("default")); }
    QJsonArray constraints() const { return m_json.value(QLatin1StringView("constraints")).toArray(); }
    SupportStatus supportStatus() const { return SupportStatus::fromJson(m_json.value(QLatin1StringView("support_status"))); }

    /// Whether the map or list has a schema for its keys or items.
    bool hasNested() const { return m_json.value(QLatin1StringView("schema")).isObject(); }
    /// Names of a map's keys (a list's item schema is named "*").
    QStringList nestedNames() const;
    /// The schema of a map key, or of a list's items for "*".
    PropertySchema nested(const QString &name) const;

private:
    QJsonObject m_json;
};

/// One resource type: properties, attributes and support status.
class ResourceTypeSchema
{
public:
    ResourceTypeSchema() = default;
    ResourceTypeSchema(QString name, QJsonObject json)
        : m_name(std::move(name))
        , m_json(std::move(json))
    {}

    QString name() const { return m_name; }
    bool isValid() const { return !m_name.isEmpty(); }
    QStringList propertyNames() const;
    PropertySchema property(const QString &name) const;
    QStringList attributeNames() const;
    bool hasAttribute(const QString &name) const;
    SupportStatus attributeStatus(const QString &name) const;
    QString attributeDescription(const QString &name) const;
    SupportStatus supportStatus() const { return SupportStatus::fromJson(m_json.value(QLatin1StringView("support_status"))); }

private:
    QString m_name;
    QJsonObject m_json;
};

/// What a HOT version allows: its sections, resource and output keys and intrinsic functions.
struct TemplateVersion {
    QString date; ///< the canonical YYYY-MM-DD version
    QStringList sections;
    QStringList resourceKeys;
    QStringList outputKeys;
    QStringList functions;          ///< usable in resources and outputs
    QStringList removedFunctions;   ///< known to Heat but removed in this version
    QStringList conditionFunctions; ///< usable in the conditions section
    QStringList deletionPolicies;
    QStringList parameterKeys;
    QStringList parameterTypes;

    bool isValid() const { return !date.isEmpty(); }
};

/// The resource types and template versions validation checks against: the bundled data (generated
/// from a real Heat by tools/generate-heat-schemas), replaceable by a connected cloud's answer.
/// A value type; copies share their data. Read-only after construction, so safe to share across
/// threads.
class ResourceSchemaRegistry
{
public:
    ResourceSchemaRegistry();

    /// The bundled schemas (resources/heat/resource-types.json, compiled in). Loaded once.
    static ResourceSchemaRegistry bundled();
    /// Reads a bundle in the generated format; an empty registry and `error` set when it is not one.
    static ResourceSchemaRegistry fromJson(const QByteArray &json, QString *error = nullptr);

    bool isEmpty() const;
    QString heatVersion() const;

    QStringList typeNames() const; ///< sorted; without aliases
    bool hasType(const QString &name) const;
    /// The schema of `name`, following aliases (OS::Heat::... -> its replacement); invalid if unknown.
    ResourceTypeSchema type(const QString &name) const;

    /// Replaces (or adds) one type from a cloud's GET /resource_types/{type} answer.
    void setType(const QString &name, const QJsonObject &apiSchema);
    /// Restricts the known types to a cloud's GET /resource_types list (types it lacks are dropped).
    void restrictTypes(const QStringList &available);

    /// A HOT version by date ("2021-04-16") or by name ("wallaby"); invalid if unknown.
    TemplateVersion version(const QString &dateOrName) const;
    /// Every version key, dates and names.
    QStringList versionNames() const;
    /// Every function name any HOT version knows (to tell a function call from a plain mapping).
    QStringList allFunctionNames() const;
    /// The first HOT version (date) whose resources may use `function`; empty if none.
    QString firstVersionWith(const QString &function) const;

private:
    struct Data;
    std::shared_ptr<Data> m_data;
    void detach();
};

} // namespace Pilvi
