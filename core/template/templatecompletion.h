// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Pilvi {

/// What completion knows about the cloud: resource types and, per type, its property and
/// attribute names. Filled from the schema registry (bundled schemas, or the connected cloud's).
struct CompletionData {
    QStringList resourceTypes;
    QHash<QString, QStringList> properties; ///< type name -> property names
    QHash<QString, QStringList> attributes; ///< type name -> attribute names
};

/// Where the cursor stands, as far as completion cares.
enum class CompletionKind {
    None,              ///< nothing to offer here
    SectionKey,        ///< a top-level key: heat_template_version, resources...
    ResourceKey,       ///< a key of one resource: type, properties, depends_on...
    ResourceType,      ///< the value after `type:` in a resource
    PropertyName,      ///< a key under a resource's `properties:`
    ParameterRef,      ///< the target of get_param
    ResourceRef,       ///< the target of get_resource or depends_on
    AttributeResource, ///< the first item of get_attr
    AttributeName,     ///< the second item of get_attr
};

/// The answer: the kind of place, the word being typed (the prefix, which the candidates start
/// with, case-insensitively) and where that word starts, so an editor can replace it.
struct CompletionResult {
    CompletionKind kind = CompletionKind::None;
    QString prefix;
    int prefixColumn = 0; ///< 1-based column where the prefix starts
    QStringList candidates;
};

/// Completion candidates for the cursor at 1-based `line` and `column` (the column of the character
/// the cursor stands before; columns count UTF-16 units of the line) of a Heat template's `text`.
/// Works on half-typed templates: declared names come from the YAML tree when the text parses, and
/// from indentation when it does not. Pure function: thread-safe.
CompletionResult completeTemplate(const QString &text, int line, int column, const CompletionData &data);

QDebug operator<<(QDebug debug, CompletionKind kind);

} // namespace Pilvi
