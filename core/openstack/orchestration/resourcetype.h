// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Pilvi {

/// Heat's support status of a resource type or property.
struct HeatSupportStatus {
    QString status; ///< SUPPORTED, DEPRECATED, UNSUPPORTED, HIDDEN, UNKNOWN
    QString version;
    QString message;
    friend bool operator==(const HeatSupportStatus &, const HeatSupportStatus &) = default;
};

/// One constraint of a property or parameter.
struct PropertyConstraint {
    enum class Kind { AllowedValues, Range, Length, Modulo, AllowedPattern, CustomConstraint, Other };
    Kind kind = Kind::Other;
    QStringList allowedValues;  ///< AllowedValues (numbers as text)
    std::optional<double> min;  ///< Range, Length
    std::optional<double> max;  ///< Range, Length
    std::optional<double> step; ///< Modulo
    std::optional<double> offset;
    QString pattern; ///< AllowedPattern; CustomConstraint: its name ("nova.flavor")
    QString description;
    friend bool operator==(const PropertyConstraint &, const PropertyConstraint &) = default;
};

/// One property of a resource type, with the schema of its items for maps and lists.
struct HeatPropertySchema {
    QString name; ///< for a list's items: "*"
    QString type; ///< string, integer, number, boolean, map, list
    bool required = false;
    bool updateAllowed = false;
    bool immutable = false;
    QString description;
    std::optional<QString> defaultValue; ///< text; lists and maps as compact JSON
    QList<PropertyConstraint> constraints;
    QList<HeatPropertySchema> schema; ///< a map's keys, or one "*" entry for a list's items
    HeatSupportStatus supportStatus;
    friend bool operator==(const HeatPropertySchema &, const HeatPropertySchema &) = default;
};

struct AttributeSchema {
    QString name;
    QString description;
    QString type; ///< empty when Heat does not say
    friend bool operator==(const AttributeSchema &, const AttributeSchema &) = default;
};

/// GET /resource_types/{type}
struct HeatResourceTypeSchema {
    QString type;
    QString description;
    QList<HeatPropertySchema> properties; ///< sorted by name
    QList<AttributeSchema> attributes;    ///< sorted by name
    HeatSupportStatus supportStatus;
    const HeatPropertySchema *property(QStringView name) const;
    const AttributeSchema *attribute(QStringView name) const;
};

/// One entry of GET /resource_types.
struct ResourceTypeInfo {
    QString type;
    QString description; ///< only when asked for with descriptions
    friend bool operator==(const ResourceTypeInfo &, const ResourceTypeInfo &) = default;
};

/// Which resource types to list (Heat's query parameters).
struct ResourceTypeFilter {
    QString supportStatus; ///< SUPPORTED, DEPRECATED, UNSUPPORTED, HIDDEN, UNKNOWN; empty: any
    QString name;          ///< a name or a regular expression
    QString version;       ///< the Heat version the type appeared in
    bool withDescription = false;
};

/// GET /template_versions
struct HeatTemplateVersion {
    QString version; ///< "heat_template_version.2021-04-16"
    QString type;    ///< "hot" or "cfn"
    QStringList aliases;
    friend bool operator==(const HeatTemplateVersion &, const HeatTemplateVersion &) = default;
};

/// One parameter as POST /validate reports it.
struct HeatTemplateParameter {
    QString name;
    QString type; ///< String, Number, Json, CommaDelimitedList, Boolean
    std::optional<QString> defaultValue;
    QString description;
    QString label;
    bool noEcho = false;
    bool hidden = false;
    std::optional<QString> value; ///< the value the validation used (from parameters or the environment)
    QList<PropertyConstraint> constraints;
    friend bool operator==(const HeatTemplateParameter &, const HeatTemplateParameter &) = default;
};

/// What POST /validate sends.
struct TemplateValidateRequest {
    QByteArray templateText;
    QMap<QString, QString> parameters;
    QMap<QString, QByteArray> files;
    QByteArray environmentText;
};

/// A template Heat accepted: what it read from it.
struct HeatTemplateValidation {
    QString description;
    QList<HeatTemplateParameter> parameters; ///< sorted by name
};

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::PropertyConstraint, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::HeatPropertySchema, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::AttributeSchema, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::ResourceTypeInfo, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::HeatTemplateVersion, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::HeatTemplateParameter, Q_RELOCATABLE_TYPE);
