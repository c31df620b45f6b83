// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/valuechecks.h"

#include "template/heattemplate.h"
#include "template/resourceschema.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Pilvi {

namespace {

QString pythonRepr(const YamlNode &node)
{
    switch (node.kind) {
    case YamlNode::Kind::Null: return u"None"_s;
    case YamlNode::Kind::Scalar:
        if (!node.quoted && (Yaml11::isInteger(node) || Yaml11::isFloat(node)))
            return node.scalar;
        if (Yaml11::isBoolean(node))
            return Yaml11::isTrue(node) ? u"True"_s : u"False"_s;
        return u"'"_s + node.scalar + u"'"_s;
    case YamlNode::Kind::Sequence: {
        QStringList items;
        for (const YamlNode &item : node.items)
            items.append(pythonRepr(item));
        return u"["_s + items.join(u", "_s) + u"]"_s;
    }
    case YamlNode::Kind::Mapping: {
        QStringList items;
        for (qsizetype i = 0; i < node.keys.size(); ++i)
            items.append(pythonRepr(node.keys[i]) + u": "_s + pythonRepr(node.items[i]));
        return u"{"_s + items.join(u", "_s) + u"}"_s;
    }
    }
    return {};
}

// The number a scalar stands for, as Heat's str_to_num (int() then float()) reads it.
std::optional<double> numberOf(const YamlNode &node)
{
    if (!node.isScalar())
        return std::nullopt;
    QString text = node.scalar.trimmed();
    text.remove(u'_');
    bool ok = false;
    if (!node.quoted && Yaml11::isInteger(node)) {
        const bool negative = text.startsWith(u'-');
        if (text.startsWith(u'-') || text.startsWith(u'+'))
            text.remove(0, 1);
        qlonglong v = 0;
        if (text.startsWith("0x"_L1))
            v = text.mid(2).toLongLong(&ok, 16);
        else if (text.startsWith("0b"_L1))
            v = text.mid(2).toLongLong(&ok, 2);
        else if (text.size() > 1 && text.startsWith(u'0'))
            v = text.toLongLong(&ok, 8);
        else
            v = text.toLongLong(&ok, 10);
        if (ok)
            return negative ? -static_cast<double>(v) : static_cast<double>(v);
    }
    const double d = text.toDouble(&ok);
    if (ok)
        return d;
    const QString lower = text.toLower();
    if (lower == "inf"_L1 || lower == "+inf"_L1 || lower == "infinity"_L1 || lower == ".inf"_L1)
        return INFINITY;
    if (lower == "-inf"_L1 || lower == "-.inf"_L1)
        return -INFINITY;
    if (lower == "nan"_L1 || lower == ".nan"_L1)
        return NAN;
    return std::nullopt;
}

bool isIntegerText(const YamlNode &node)
{
    if (!node.isScalar())
        return false;
    if (!node.quoted && (Yaml11::isInteger(node) || Yaml11::isFloat(node) || Yaml11::isBoolean(node)))
        return true;
    QString text = node.scalar.trimmed();
    text.remove(u'_');
    bool ok = false;
    text.toLongLong(&ok);
    return ok;
}

QString numberText(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(static_cast<qlonglong>(value));
    return QString::number(value);
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return u"\""_s + value.toString() + u"\""_s;
    if (value.isDouble())
        return numberText(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isNull() || value.isUndefined())
        return u"null"_s;
    return QString::fromUtf8(QJsonDocument(value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
                                 .toJson(QJsonDocument::Compact));
}

// json.dumps() of the value as YAML gave it to Heat.
QString jsonOfNode(const YamlNode &node)
{
    if (node.isScalar() && !node.quoted) {
        if (Yaml11::isInteger(node) || Yaml11::isFloat(node))
            return node.scalar;
        if (Yaml11::isBoolean(node))
            return Yaml11::isTrue(node) ? u"true"_s : u"false"_s;
    }
    if (node.isScalar())
        return u"\""_s + node.scalar + u"\""_s;
    return displayValue(node);
}

QString optionalNumber(const QJsonValue &value)
{
    return value.isDouble() ? numberText(value.toDouble()) : u"None"_s;
}

bool inAllowed(const YamlNode &value, const QString &type, const QJsonArray &allowed)
{
    for (const auto &a : allowed) {
        if (type == "integer"_L1 || type == "number"_L1) {
            const std::optional<double> n = numberOf(value);
            if (n && a.isDouble() && *n == a.toDouble())
                return true;
            if (n && a.isString() && numberOf(YamlNode{YamlNode::Kind::Scalar, a.toString(), true, {}, {}, {}}) == n)
                return true;
        } else if (type == "boolean"_L1) {
            const bool v = Yaml11::isTrue(value) || value.scalar.compare("true"_L1, Qt::CaseInsensitive) == 0;
            if ((a.isBool() && a.toBool() == v) ||
                (a.isString() && a.toString().compare(v ? "true"_L1 : "false"_L1, Qt::CaseInsensitive) == 0))
                return true;
        } else {
            const QString text = a.isString()   ? a.toString()
                                 : a.isDouble() ? numberText(a.toDouble())
                                 : a.isBool()   ? (a.toBool() ? u"True"_s : u"False"_s)
                                                : QString();
            if (value.scalar == text)
                return true;
        }
    }
    return false;
}

qsizetype lengthOf(const YamlNode &value)
{
    return value.isScalar() ? value.scalar.size() : value.items.size();
}

} // namespace

bool isFunctionCall(const YamlNode &node, const QStringList &functionNames)
{
    return node.isMapping() && node.keys.size() == 1 && node.keys.constFirst().isScalar() &&
           functionNames.contains(node.keys.constFirst().scalar);
}

QString displayValue(const YamlNode &node)
{
    return node.isScalar() ? node.scalar : pythonRepr(node);
}

QString constraintFailure(const YamlNode &value, const QString &type, const QJsonArray &constraints)
{
    for (const auto &c : constraints) {
        const QJsonObject constraint = c.toObject();
        const QString description = constraint.value("description"_L1).toString();
        QString failure;
        if (constraint.contains("allowed_values"_L1)) {
            const QJsonArray allowed = constraint.value("allowed_values"_L1).toArray();
            bool ok = true;
            if (value.isSequence()) {
                for (const YamlNode &item : value.items)
                    ok = ok && item.isScalar() && inAllowed(item, type, allowed);
            } else if (value.isScalar()) {
                ok = inAllowed(value, type, allowed);
            }
            if (!ok) {
                QStringList texts;
                for (const auto &a : allowed)
                    texts.append(jsonText(a));
                failure = u"%1 is not an allowed value [%2]"_s.arg(jsonOfNode(value), texts.join(u", "_s));
            }
        } else if (constraint.contains("range"_L1)) {
            const QJsonObject range = constraint.value("range"_L1).toObject();
            const std::optional<double> n = numberOf(value);
            const QJsonValue min = range.value("min"_L1);
            const QJsonValue max = range.value("max"_L1);
            if (n && ((min.isDouble() && *n < min.toDouble()) || (max.isDouble() && *n > max.toDouble())))
                failure = u"%1 is out of range (min: %2, max: %3)"_s.arg(value.scalar.trimmed(), optionalNumber(min),
                                                                         optionalNumber(max));
        } else if (constraint.contains("length"_L1)) {
            const QJsonObject range = constraint.value("length"_L1).toObject();
            const qsizetype n = lengthOf(value);
            const QJsonValue min = range.value("min"_L1);
            const QJsonValue max = range.value("max"_L1);
            if ((min.isDouble() && n < min.toDouble()) || (max.isDouble() && n > max.toDouble()))
                failure =
                    u"length (%1) is out of range (min: %2, max: %3)"_s.arg(n).arg(optionalNumber(min), optionalNumber(max));
        } else if (constraint.contains("allowed_pattern"_L1) && value.isScalar()) {
            const QString pattern = constraint.value("allowed_pattern"_L1).toString();
            // Heat uses Python's re.match and requires the whole value to match.
            const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
            if (re.isValid() && !re.match(value.scalar).hasMatch())
                failure = u"\"%1\" does not match pattern \"%2\""_s.arg(value.scalar, pattern);
        } else if (constraint.contains("modulo"_L1)) {
            const QJsonObject modulo = constraint.value("modulo"_L1).toObject();
            const std::optional<double> n = numberOf(value);
            const double step = modulo.value("step"_L1).toDouble();
            const double offset = modulo.value("offset"_L1).toDouble();
            if (n && step != 0 && std::fmod(*n - offset, step) != 0) {
                failure = u"%1 is not a multiple of %2 with an offset of %3"_s.arg(value.scalar.trimmed(), numberText(step),
                                                                                   numberText(offset));
            }
        }
        if (!failure.isEmpty())
            return description.isEmpty() ? failure : description;
    }
    return {};
}

QJsonArray constraintsFromYaml(const YamlNode *constraints)
{
    QJsonArray out;
    if (!constraints || !constraints->isSequence())
        return out;
    const auto scalarJson = [](const YamlNode &n) -> QJsonValue {
        if (!n.isScalar())
            return {};
        if (!n.quoted && (Yaml11::isInteger(n) || Yaml11::isFloat(n))) {
            const std::optional<double> v = numberOf(n);
            return v ? QJsonValue(*v) : QJsonValue(n.scalar);
        }
        if (Yaml11::isBoolean(n))
            return Yaml11::isTrue(n);
        return n.scalar;
    };
    for (const YamlNode &c : constraints->items) {
        if (!c.isMapping())
            continue;
        QJsonObject o;
        for (qsizetype i = 0; i < c.keys.size(); ++i) {
            const QString key = c.keys[i].scalar;
            const YamlNode &v = c.items[i];
            if (v.isSequence()) {
                QJsonArray a;
                for (const YamlNode &item : v.items)
                    a.append(scalarJson(item));
                o.insert(key, a);
            } else if (v.isMapping()) {
                QJsonObject m;
                for (qsizetype j = 0; j < v.keys.size(); ++j)
                    m.insert(v.keys[j].scalar, scalarJson(v.items[j]));
                o.insert(key, m);
            } else {
                o.insert(key, scalarJson(v));
            }
        }
        out.append(o);
    }
    return out;
}

void checkPropertyValue(const ProblemSink &sink, const YamlNode &value, const PropertySchema &schema,
                        const QStringList &functionNames)
{
    if (value.isNull() || isFunctionCall(value, functionNames))
        return;
    const QString type = schema.type();
    if (type == "string"_L1) {
        if (!value.isScalar()) {
            sink.error(value, u"Value must be a string; got %1"_s.arg(pythonRepr(value)));
            return;
        }
    } else if (type == "integer"_L1) {
        if (!isIntegerText(value)) {
            sink.error(value, u"Value '%1' is not an integer"_s.arg(displayValue(value)));
            return;
        }
    } else if (type == "number"_L1) {
        if (!numberOf(value) && !(value.isScalar() && !value.quoted && Yaml11::isBoolean(value))) {
            sink.error(value, u"Value '%1' is not a number"_s.arg(displayValue(value)));
            return;
        }
    } else if (type == "boolean"_L1) {
        const bool ok =
            value.isScalar() && (Yaml11::isBoolean(value) || value.scalar.compare("true"_L1, Qt::CaseInsensitive) == 0 ||
                                 value.scalar.compare("false"_L1, Qt::CaseInsensitive) == 0);
        if (!ok) {
            sink.error(value, u"\"%1\" is not a valid boolean"_s.arg(displayValue(value)));
            return;
        }
    } else if (type == "map"_L1) {
        if (!value.isMapping()) {
            sink.error(value, u"\"%1\" is not a map"_s.arg(displayValue(value)));
            return;
        }
        if (schema.hasNested()) {
            checkProperties(
                sink, &value, value, schema.nestedNames(), [&schema](const QString &n) { return schema.nested(n); },
                functionNames);
        }
    } else if (type == "list"_L1) {
        if (!value.isSequence()) {
            sink.error(value, u"\"%1\" is not a list"_s.arg(pythonRepr(value)));
            return;
        }
        if (schema.hasNested()) {
            const PropertySchema item = schema.nested(u"*"_s);
            for (const YamlNode &element : value.items)
                checkPropertyValue(sink, element, item, functionNames);
        }
    }
    // Constraints judge literal values only; a list or map holding a function call is unknown.
    const auto holdsFunction = [&functionNames](const YamlNode &n) {
        for (const YamlNode &item : n.items) {
            if (isFunctionCall(item, functionNames))
                return true;
        }
        return false;
    };
    if (holdsFunction(value))
        return;
    const QString failure = constraintFailure(value, type, schema.constraints());
    if (!failure.isEmpty())
        sink.error(value, failure);
}

void checkProperties(const ProblemSink &sink, const YamlNode *properties, const YamlNode &missingAnchor, const QStringList &names,
                     const std::function<PropertySchema(const QString &)> &schemaOf, const QStringList &functionNames)
{
    if (properties && isFunctionCall(*properties, functionNames))
        return; // the whole set comes from a function: unknown until the server resolves it
    if (properties && properties->isMapping()) {
        for (qsizetype i = 0; i < properties->keys.size(); ++i) {
            const YamlNode &key = properties->keys[i];
            if (!names.contains(key.scalar)) {
                sink.error(key, u"Unknown Property %1"_s.arg(key.scalar));
                continue;
            }
            checkPropertyValue(sink, properties->items[i], schemaOf(key.scalar), functionNames);
        }
    }
    for (const QString &name : names) {
        const PropertySchema schema = schemaOf(name);
        if (!schema.required() || !schema.defaultValue().isUndefined())
            continue;
        const YamlNode *given = properties && properties->isMapping() ? properties->value(name) : nullptr;
        if (!given || given->isNull())
            sink.error(missingAnchor, u"Property %1 not assigned"_s.arg(name));
    }
}

} // namespace Pilvi
