// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "yaml/yamldocument.h"

#include <QDebug>
#include <QList>
#include <QString>

namespace Pilvi {

/// What a resource is, broadly, for its icon and colour in the graph.
enum class ResourceFamily { Server, Volume, Network, ScalingGroup, Policy, SoftwareConfig, Other };

/// The family of a resource type: by Heat's type names (`OS::Nova::Server`, `OS::Neutron::Port`,
/// `AWS::EC2::Volume`...), and for nested template types (`lib/server.yaml`) by the file's name.
ResourceFamily resourceFamilyOf(QStringView type);
/// A stable lower-case word for the family ("server", "scaling-group"...), for SVG classes and tests.
QString resourceFamilyKey(ResourceFamily family);

/// One resource of a template, with where it is written.
struct ResourceNode {
    QString name;
    QString type; ///< as written; empty when the resource has no scalar `type`
    ResourceFamily family = ResourceFamily::Other;
    SourceRange nameRange;  ///< the resource's key
    SourceRange blockRange; ///< from the key to the end of the resource's value (selection sync)

    friend bool operator==(const ResourceNode &, const ResourceNode &) = default;
};

/// One reference from a resource (or an output) to a resource.
struct ResourceReference {
    enum class Kind { GetResource, GetAttr, DependsOn };

    QString from; ///< the referring resource; empty when the reference stands outside `resources`
    QString to;   ///< the resource named
    Kind kind = Kind::GetResource;
    SourceRange range; ///< the scalar that names `to` (what a rename rewrites)

    friend bool operator==(const ResourceReference &, const ResourceReference &) = default;
};
using ResourceEdge = ResourceReference;

QString referenceKindKey(ResourceReference::Kind kind); ///< "get_resource", "get_attr", "depends_on"

/// Resources and the references between them, in the order the template lists them.
struct ResourceGraph {
    QList<ResourceNode> nodes;
    /// References between declared resources (edges of the graph), in text order; a resource that
    /// names another twice gives two edges. References to undeclared resources are left out
    /// (the validator reports them).
    QList<ResourceEdge> edges;

    qsizetype indexOf(QStringView name) const;
    const ResourceNode *node(QStringView name) const;
    /// The resource whose block holds the byte `offset` (the editor's cursor), or an empty string.
    QString nodeAtOffset(qsizetype offset) const;
};

/// The resource graph of a parsed Heat template (HOT). Never fails: the editor calls it on every
/// change, so whatever is malformed (a resource that is not a mapping, a `type` that is a list,
/// a `get_attr` without a name) is skipped and the rest is still read. Thread-safe.
ResourceGraph buildResourceGraph(const YamlNode &root);
/// Same from the text; an empty graph when the text is not valid YAML.
ResourceGraph buildResourceGraph(const QByteArray &utf8);

/// Every get_resource, get_attr (anywhere in the document) and depends_on (in resources) in the
/// template, including those that name undeclared resources, in text order.
QList<ResourceReference> findResourceReferences(const YamlNode &root);

QDebug operator<<(QDebug debug, const ResourceReference &reference);

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::ResourceNode, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::ResourceReference, Q_RELOCATABLE_TYPE);
