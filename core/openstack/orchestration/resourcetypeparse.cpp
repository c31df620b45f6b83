// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/orchestration/resourcetypeparse.h"

#include "net/apierror.h"
#include "openstack/jsonreader.h"
#include "openstack/orchestration/orchestrationparse.h"

#include <algorithm>

namespace Pilvi::HeatParse {

namespace {

QString child(const JsonReader &r, const QString &key)
{
    return r.path().isEmpty() ? key : r.path() + u'.' + key;
}

[[noreturn]] void wrongType(const QString &path, const QString &expected)
{
    throw ApiError(ApiError::Kind::BadResponse, QStringLiteral("unexpected answer: %1: expected %2").arg(path, expected));
}

std::optional<double> optionalNumber(const JsonReader &r, const QString &key)
{
    if (!r.has(key))
        return std::nullopt;
    const QJsonValue value = r.json().value(key);
    if (!value.isDouble())
        wrongType(child(r, key), QStringLiteral("a number"));
    return value.toDouble();
}

HeatSupportStatus readSupportStatus(const JsonReader &r)
{
    HeatSupportStatus status;
    if (!r.has(QStringLiteral("support_status")))
        return status;
    const JsonReader s = r.object(QStringLiteral("support_status"));
    status.status = s.optionalString(QStringLiteral("status"));
    status.version = s.optionalString(QStringLiteral("version"));
    status.message = s.optionalString(QStringLiteral("message"));
    return status;
}

// One entry of a property's "constraints": {"allowed_values": [...]}, {"range": {"min", "max"}},
// {"length": {...}}, {"modulo": {"step", "offset"}}, {"allowed_pattern": "..."},
// {"custom_constraint": "nova.flavor"}, each with an optional "description".
PropertyConstraint readConstraint(const JsonReader &r)
{
    PropertyConstraint c;
    c.description = r.optionalString(QStringLiteral("description"));
    if (r.has(QStringLiteral("allowed_values"))) {
        c.kind = PropertyConstraint::Kind::AllowedValues;
        const QJsonArray values = r.array(QStringLiteral("allowed_values"));
        for (const auto &value : values)
            c.allowedValues.append(valueText(value));
    } else if (r.has(QStringLiteral("range")) || r.has(QStringLiteral("length"))) {
        const bool range = r.has(QStringLiteral("range"));
        c.kind = range ? PropertyConstraint::Kind::Range : PropertyConstraint::Kind::Length;
        const JsonReader bounds = r.object(range ? QStringLiteral("range") : QStringLiteral("length"));
        c.min = optionalNumber(bounds, QStringLiteral("min"));
        c.max = optionalNumber(bounds, QStringLiteral("max"));
    } else if (r.has(QStringLiteral("modulo"))) {
        c.kind = PropertyConstraint::Kind::Modulo;
        const JsonReader modulo = r.object(QStringLiteral("modulo"));
        c.step = optionalNumber(modulo, QStringLiteral("step"));
        c.offset = optionalNumber(modulo, QStringLiteral("offset"));
    } else if (r.has(QStringLiteral("allowed_pattern"))) {
        c.kind = PropertyConstraint::Kind::AllowedPattern;
        c.pattern = r.string(QStringLiteral("allowed_pattern"));
    } else if (r.has(QStringLiteral("custom_constraint"))) {
        c.kind = PropertyConstraint::Kind::CustomConstraint;
        c.pattern = r.string(QStringLiteral("custom_constraint"));
    }
    return c;
}

QList<HeatPropertySchema> readProperties(const JsonReader &properties);

HeatPropertySchema readProperty(const QString &name, const JsonReader &r)
{
    HeatPropertySchema p;
    p.name = name;
    p.type = r.string(QStringLiteral("type"));
    p.required = r.optionalBool(QStringLiteral("required"));
    p.updateAllowed = r.optionalBool(QStringLiteral("update_allowed"));
    p.immutable = r.optionalBool(QStringLiteral("immutable"));
    p.description = r.optionalString(QStringLiteral("description"));
    if (r.has(QStringLiteral("default")))
        p.defaultValue = valueText(r.json().value(QStringLiteral("default")));
    if (r.has(QStringLiteral("constraints")))
        r.forEach(QStringLiteral("constraints"), [&p](const JsonReader &c) { p.constraints.append(readConstraint(c)); });
    if (r.has(QStringLiteral("schema")))
        p.schema = readProperties(r.object(QStringLiteral("schema")));
    p.supportStatus = readSupportStatus(r);
    return p;
}

QList<HeatPropertySchema> readProperties(const JsonReader &properties)
{
    QList<HeatPropertySchema> result;
    // QJsonObject iterates in key order: the list comes out sorted by name.
    for (auto it = properties.json().begin(); it != properties.json().end(); ++it)
        result.append(readProperty(it.key(), properties.object(it.key())));
    return result;
}

} // namespace

QList<ResourceTypeInfo> resourceTypes(const QByteArray &body)
{
    const JsonReader root = JsonReader::document(body, QStringLiteral("list resource types"));
    const QJsonArray items = root.array(QStringLiteral("resource_types"));
    QList<ResourceTypeInfo> result;
    result.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        // Plain names, or {"resource_type", "description"} when asked with_description.
        if (items[i].isString()) {
            result.append({items[i].toString(), {}});
        } else if (items[i].isObject()) {
            const JsonReader r(items[i].toObject(), QStringLiteral("resource_types[%1]").arg(i));
            result.append({r.string(QStringLiteral("resource_type")), r.optionalString(QStringLiteral("description"))});
        } else {
            wrongType(QStringLiteral("resource_types[%1]").arg(i), QStringLiteral("a type name"));
        }
    }
    return result;
}

HeatResourceTypeSchema resourceTypeSchema(const QByteArray &body)
{
    const JsonReader r = JsonReader::document(body, QStringLiteral("show resource type"));
    HeatResourceTypeSchema schema;
    schema.type = r.string(QStringLiteral("resource_type"));
    schema.description = r.optionalString(QStringLiteral("description"));
    if (r.has(QStringLiteral("properties")))
        schema.properties = readProperties(r.object(QStringLiteral("properties")));
    if (r.has(QStringLiteral("attributes"))) {
        const JsonReader attributes = r.object(QStringLiteral("attributes"));
        for (auto it = attributes.json().begin(); it != attributes.json().end(); ++it) {
            const JsonReader a = attributes.object(it.key());
            schema.attributes.append(
                {it.key(), a.optionalString(QStringLiteral("description")), a.optionalString(QStringLiteral("type"))});
        }
    }
    schema.supportStatus = readSupportStatus(r);
    return schema;
}

QList<HeatTemplateVersion> templateVersions(const QByteArray &body)
{
    QList<HeatTemplateVersion> result;
    JsonReader::document(body, QStringLiteral("list template versions"))
        .forEach(QStringLiteral("template_versions"), [&result](const JsonReader &r) {
            result.append({r.string(QStringLiteral("version")), r.string(QStringLiteral("type")),
                           r.optionalStrings(QStringLiteral("aliases"))});
        });
    return result;
}

HeatTemplateValidation templateValidation(const QByteArray &body)
{
    const JsonReader r = JsonReader::document(body, QStringLiteral("validate template"));
    HeatTemplateValidation validation;
    validation.description = r.optionalString(QStringLiteral("Description"));
    if (!r.has(QStringLiteral("Parameters")))
        return validation;
    const JsonReader parameters = r.object(QStringLiteral("Parameters"));
    for (auto it = parameters.json().begin(); it != parameters.json().end(); ++it) {
        const JsonReader p = parameters.object(it.key());
        HeatTemplateParameter parameter;
        parameter.name = it.key();
        parameter.type = p.string(QStringLiteral("Type"));
        if (p.has(QStringLiteral("Default")))
            parameter.defaultValue = valueText(p.json().value(QStringLiteral("Default")));
        if (p.has(QStringLiteral("Value")))
            parameter.value = valueText(p.json().value(QStringLiteral("Value")));
        parameter.description = p.optionalString(QStringLiteral("Description"));
        parameter.label = p.optionalString(QStringLiteral("Label"));
        // Heat writes NoEcho as "true"/"false" text; optionalBool reads both.
        parameter.noEcho = p.optionalBool(QStringLiteral("NoEcho"));
        parameter.hidden = p.optionalBool(QStringLiteral("Hidden"));
        // Heat flattens the constraints into CloudFormation-style keys.
        const QString constraintText = p.optionalString(QStringLiteral("ConstraintDescription"));
        if (p.has(QStringLiteral("AllowedValues"))) {
            PropertyConstraint c;
            c.kind = PropertyConstraint::Kind::AllowedValues;
            const QJsonArray values = p.array(QStringLiteral("AllowedValues"));
            for (const auto &value : values)
                c.allowedValues.append(valueText(value));
            c.description = constraintText;
            parameter.constraints.append(c);
        }
        if (p.has(QStringLiteral("MinValue")) || p.has(QStringLiteral("MaxValue"))) {
            PropertyConstraint c;
            c.kind = PropertyConstraint::Kind::Range;
            c.min = optionalNumber(p, QStringLiteral("MinValue"));
            c.max = optionalNumber(p, QStringLiteral("MaxValue"));
            c.description = constraintText;
            parameter.constraints.append(c);
        }
        if (p.has(QStringLiteral("MinLength")) || p.has(QStringLiteral("MaxLength"))) {
            PropertyConstraint c;
            c.kind = PropertyConstraint::Kind::Length;
            c.min = optionalNumber(p, QStringLiteral("MinLength"));
            c.max = optionalNumber(p, QStringLiteral("MaxLength"));
            c.description = constraintText;
            parameter.constraints.append(c);
        }
        if (p.has(QStringLiteral("AllowedPattern"))) {
            PropertyConstraint c;
            c.kind = PropertyConstraint::Kind::AllowedPattern;
            c.pattern = p.string(QStringLiteral("AllowedPattern"));
            c.description = constraintText;
            parameter.constraints.append(c);
        }
        if (p.has(QStringLiteral("CustomConstraint"))) {
            PropertyConstraint c;
            c.kind = PropertyConstraint::Kind::CustomConstraint;
            c.pattern = p.string(QStringLiteral("CustomConstraint"));
            c.description = constraintText;
            parameter.constraints.append(c);
        }
        validation.parameters.append(parameter);
    }
    return validation;
}

} // namespace Pilvi::HeatParse

namespace Pilvi {

const HeatPropertySchema *HeatResourceTypeSchema::property(QStringView name) const
{
    const auto it =
        std::find_if(properties.cbegin(), properties.cend(), [name](const HeatPropertySchema &p) { return p.name == name; });
    return it == properties.cend() ? nullptr : &*it;
}

const AttributeSchema *HeatResourceTypeSchema::attribute(QStringView name) const
{
    const auto it =
        std::find_if(attributes.cbegin(), attributes.cend(), [name](const AttributeSchema &a) { return a.name == name; });
    return it == attributes.cend() ? nullptr : &*it;
}

} // namespace Pilvi
