// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/resourcegraph.h"

#include <QSet>

namespace Pilvi {

namespace {

bool containsAny(QStringView text, std::initializer_list<QStringView> words)
{
    return std::any_of(words.begin(), words.end(), [text](QStringView word) { return text.contains(word, Qt::CaseInsensitive); });
}

// Heat's own types say what they are in their names; the order matters where names overlap
// (OS::Neutron::QoSPolicy is a network thing, OS::Heat::ScalingPolicy a policy).
ResourceFamily familyOfHeatType(QStringView type)
{
    if (type.startsWith(u"OS::Heat::") && containsAny(type, {u"Config", u"Deployment", u"MultipartMime", u"SoftwareComponent"}))
        return ResourceFamily::SoftwareConfig;
    if (containsAny(type, {u"ScalingGroup", u"ResourceGroup", u"InstanceGroup", u"Senlin::Cluster"}))
        return ResourceFamily::ScalingGroup;
    if (containsAny(type, {u"ScalingPolicy", u"OS::Aodh::", u"Senlin::Policy", u"CloudWatch::Alarm"}))
        return ResourceFamily::Policy;
    if (containsAny(type, {u"OS::Neutron::", u"OS::Octavia::", u"OS::Designate::", u"Nova::FloatingIP", u"EC2::VPC",
                           u"EC2::Subnet", u"EC2::SecurityGroup", u"EC2::EIP", u"EC2::NetworkInterface", u"EC2::InternetGateway",
                           u"EC2::RouteTable", u"LoadBalancer"}))
        return ResourceFamily::Network;
    if (containsAny(type, {u"OS::Cinder::", u"EC2::Volume", u"OS::Swift::", u"OS::Manila::", u"S3::Bucket"}))
        return ResourceFamily::Volume;
    if (containsAny(type, {u"Nova::Server", u"EC2::Instance", u"OS::Trove::Instance", u"OS::Zun::Container"}))
        return ResourceFamily::Server;
    return ResourceFamily::Other;
}

} // namespace

ResourceFamily resourceFamilyOf(QStringView type)
{
    if (type.contains(u"::"))
        return familyOfHeatType(type);
    // A nested template (`type: lib/web_server.yaml`, or an environment's alias): guess from its name.
    const QStringView base = type.mid(type.lastIndexOf(u'/') + 1);
    if (containsAny(base, {u"group", u"cluster"}))
        return ResourceFamily::ScalingGroup;
    if (containsAny(base, {u"server", u"instance", u"vm"}))
        return ResourceFamily::Server;
    if (containsAny(base, {u"volume", u"disk", u"storage"}))
        return ResourceFamily::Volume;
    if (containsAny(base, {u"net", u"port", u"router", u"subnet", u"lb"}))
        return ResourceFamily::Network;
    if (containsAny(base, {u"policy", u"alarm"}))
        return ResourceFamily::Policy;
    if (containsAny(base, {u"config", u"deploy"}))
        return ResourceFamily::SoftwareConfig;
    return ResourceFamily::Other;
}

QString resourceFamilyKey(ResourceFamily family)
{
    switch (family) {
    case ResourceFamily::Server: return QStringLiteral("server");
    case ResourceFamily::Volume: return QStringLiteral("volume");
    case ResourceFamily::Network: return QStringLiteral("network");
    case ResourceFamily::ScalingGroup: return QStringLiteral("scaling-group");
    case ResourceFamily::Policy: return QStringLiteral("policy");
    case ResourceFamily::SoftwareConfig: return QStringLiteral("software-config");
    case ResourceFamily::Other: return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

QString referenceKindKey(ResourceReference::Kind kind)
{
    switch (kind) {
    case ResourceReference::Kind::GetResource: return QStringLiteral("get_resource");
    case ResourceReference::Kind::GetAttr: return QStringLiteral("get_attr");
    case ResourceReference::Kind::DependsOn: return QStringLiteral("depends_on");
    }
    return {};
}

namespace {

// Heat reads a mapping with exactly one key as a function call; anything else is plain data
// (so `{get_resource: a, other: b}` is data, as Heat sees it).
void collectFunctions(const YamlNode &node, const QString &from, QList<ResourceReference> &out)
{
    if (node.isMapping() && node.keys.size() == 1 && node.keys[0].isScalar()) {
        const QString &function = node.keys[0].scalar;
        const YamlNode &argument = node.items[0];
        if (function == u"get_resource" && argument.isScalar() && !argument.scalar.isEmpty()) {
            out.append({from, argument.scalar, ResourceReference::Kind::GetResource, argument.range});
            return;
        }
        if (function == u"get_attr" && argument.isSequence() && !argument.items.isEmpty()) {
            const YamlNode &target = argument.items[0];
            if (target.isScalar() && !target.scalar.isEmpty())
                out.append({from, target.scalar, ResourceReference::Kind::GetAttr, target.range});
            // The attribute path may hold functions too (`[srv, {get_param: attr}]`).
            for (qsizetype i = 1; i < argument.items.size(); ++i)
                collectFunctions(argument.items[i], from, out);
            return;
        }
    }
    for (const YamlNode &item : node.items)
        collectFunctions(item, from, out);
}

void collectDependsOn(const YamlNode &value, const QString &from, QList<ResourceReference> &out)
{
    if (value.isScalar() && !value.scalar.isEmpty()) {
        out.append({from, value.scalar, ResourceReference::Kind::DependsOn, value.range});
        return;
    }
    if (value.isSequence()) {
        for (const YamlNode &item : value.items) {
            if (item.isScalar() && !item.scalar.isEmpty())
                out.append({from, item.scalar, ResourceReference::Kind::DependsOn, item.range});
        }
    }
}

const YamlNode *resourcesOf(const YamlNode &root)
{
    if (!root.isMapping())
        return nullptr;
    const YamlNode *resources = root.value(u"resources");
    return resources && resources->isMapping() ? resources : nullptr;
}

} // namespace

QList<ResourceReference> findResourceReferences(const YamlNode &root)
{
    QList<ResourceReference> references;
    if (!root.isMapping())
        return references;
    for (qsizetype i = 0; i < root.keys.size(); ++i) {
        const YamlNode &section = root.items[i];
        if (root.keys[i].isScalar() && root.keys[i].scalar == u"resources" && section.isMapping()) {
            for (qsizetype r = 0; r < section.keys.size(); ++r) {
                const YamlNode &key = section.keys[r];
                const YamlNode &body = section.items[r];
                if (!key.isScalar() || !body.isMapping())
                    continue;
                for (qsizetype k = 0; k < body.keys.size(); ++k) {
                    if (body.keys[k].isScalar() && body.keys[k].scalar == u"depends_on")
                        collectDependsOn(body.items[k], key.scalar, references);
                    else
                        collectFunctions(body.items[k], key.scalar, references);
                }
            }
        } else {
            collectFunctions(section, QString(), references);
        }
    }
    return references;
}

ResourceGraph buildResourceGraph(const YamlNode &root)
{
    ResourceGraph graph;
    const YamlNode *resources = resourcesOf(root);
    if (!resources)
        return graph;
    QSet<QString> names;
    for (qsizetype i = 0; i < resources->keys.size(); ++i) {
        const YamlNode &key = resources->keys[i];
        const YamlNode &body = resources->items[i];
        if (!key.isScalar() || key.scalar.isEmpty() || names.contains(key.scalar))
            continue;
        names.insert(key.scalar);
        ResourceNode node;
        node.name = key.scalar;
        if (body.isMapping()) {
            if (const YamlNode *type = body.value(u"type"); type && type->isScalar())
                node.type = type->scalar;
        }
        node.family = resourceFamilyOf(node.type);
        node.nameRange = key.range;
        node.blockRange = {key.range.start, key.range.end};
        if (body.range.end.offset > key.range.end.offset)
            node.blockRange.end = body.range.end;
        graph.nodes.append(std::move(node));
    }
    for (ResourceReference &reference : findResourceReferences(root)) {
        if (!reference.from.isEmpty() && names.contains(reference.to))
            graph.edges.append(std::move(reference));
    }
    return graph;
}

ResourceGraph buildResourceGraph(const QByteArray &utf8)
{
    const YamlParseResult parsed = parseYaml(utf8);
    return parsed.root ? buildResourceGraph(*parsed.root) : ResourceGraph{};
}

qsizetype ResourceGraph::indexOf(QStringView name) const
{
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (nodes[i].name == name)
            return i;
    }
    return -1;
}

const ResourceNode *ResourceGraph::node(QStringView name) const
{
    const qsizetype i = indexOf(name);
    return i < 0 ? nullptr : &nodes[i];
}

QString ResourceGraph::nodeAtOffset(qsizetype offset) const
{
    for (const ResourceNode &n : nodes) {
        if (offset >= n.blockRange.start.offset && offset <= n.blockRange.end.offset)
            return n.name;
    }
    return {};
}

QDebug operator<<(QDebug debug, const ResourceReference &reference)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << reference.from << " -" << referenceKindKey(reference.kind) << "-> " << reference.to << " @"
                    << reference.range.start.line << ':' << reference.range.start.column;
    return debug;
}

} // namespace Pilvi
