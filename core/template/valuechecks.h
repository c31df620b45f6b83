// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/templateproblem.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Pilvi {

class PropertySchema;

/// Where problems of one file go. Internal to the validator's parts.
struct ProblemSink {
    QString file;
    QList<TemplateProblem> *problems = nullptr;

    void error(const YamlNode &node, const QString &message) const { add(TemplateProblem::Severity::Error, node.range, message); }
    void warning(const YamlNode &node, const QString &message) const
    {
        add(TemplateProblem::Severity::Warning, node.range, message);
    }
    void add(TemplateProblem::Severity severity, const SourceRange &range, const QString &message) const
    {
        // An empty document has no positions: such a problem stands at its start.
        const SourceRange where = range.start.isValid() ? range : SourceRange{{1, 1, 0}, {1, 1, 0}};
        problems->append({severity, file, where, message});
    }
};

/// Whether `node` is an intrinsic function call: a one-key mapping whose key is a function name.
bool isFunctionCall(const YamlNode &node, const QStringList &functionNames);

/// The text Heat prints for a value in its messages (Python's str() of what YAML gave).
QString displayValue(const YamlNode &node);

/// Checks a literal value against a property schema (type, nested schema, constraints),
/// reporting at the node that is wrong. Function calls anywhere in the value are skipped: their
/// result is known only on the server.
void checkPropertyValue(const ProblemSink &sink, const YamlNode &value, const PropertySchema &schema,
                        const QStringList &functionNames);

/// Checks a set of properties (a mapping) against the schemas of a type or of a nested map:
/// unknown keys (at the key), missing required ones (at `missingAnchor`), each value.
void checkProperties(const ProblemSink &sink, const YamlNode *properties, const YamlNode &missingAnchor, const QStringList &names,
                     const std::function<PropertySchema(const QString &)> &schemaOf, const QStringList &functionNames);

/// Checks `value` against Heat constraints (allowed_values, range, length, allowed_pattern,
/// modulo; custom constraints need a cloud and pass) for a value of `type`. Returns the first
/// failure's message, or an empty string.
QString constraintFailure(const YamlNode &value, const QString &type, const QJsonArray &constraints);

/// A parameter's `constraints` list as written, in the JSON shape property schemas use.
QJsonArray constraintsFromYaml(const YamlNode *constraints);

} // namespace Pilvi
