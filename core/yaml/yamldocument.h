// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Pilvi {

/// A place in a text: 1-based line and column (columns count characters), and the 0-based byte
/// offset into the UTF-8 source.
struct SourcePosition {
    int line = 0;
    int column = 0;
    qsizetype offset = -1;

    bool isValid() const { return line > 0; }
    friend bool operator==(const SourcePosition &, const SourcePosition &) = default;
};

/// The bytes [start.offset, end.offset) of the source a node was read from.
struct SourceRange {
    SourcePosition start;
    SourcePosition end;
    friend bool operator==(const SourceRange &, const SourceRange &) = default;
};

/// One node of a YAML document with where it stands in the text. Scalars keep their text as
/// written (no type guessing): the reader of a format knows whether it expects a number, a
/// boolean or a string, and YAML 1.1 and 1.2 disagree on the answer.
class YamlNode
{
public:
    enum class Kind { Null, Scalar, Sequence, Mapping };

    Kind kind = Kind::Null;
    QString scalar;        ///< the scalar's value (Scalar only)
    bool quoted = false;   ///< the scalar was written in quotes or as a block
    SourceRange range;     ///< the whole node, for a mapping or sequence all of its content
    QList<YamlNode> items; ///< sequence items, or mapping values
    QList<YamlNode> keys;  ///< mapping keys, in order (same length as items)

    bool isNull() const { return kind == Kind::Null; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isMapping() const { return kind == Kind::Mapping; }
    bool isSequence() const { return kind == Kind::Sequence; }

    /// The value of mapping key `key`, or nullptr.
    const YamlNode *value(QStringView key) const;
    /// The key node of mapping key `key`, or nullptr.
    const YamlNode *key(QStringView key) const;
    /// A short word for the kind, for messages: "a mapping", "a list", "a string"...
    QString kindName() const;
};

struct YamlError {
    SourcePosition position;
    QString message;
};

struct YamlParseResult {
    std::optional<YamlNode> root; ///< empty when the text is not valid YAML
    QList<YamlError> errors;
};

/// Parses one YAML document (YAML 1.1 rules, as OpenStack's Python tools read them).
/// Accepts JSON too. Thread-safe: keeps no state between calls.
YamlParseResult parseYaml(const QByteArray &utf8);

} // namespace Pilvi
