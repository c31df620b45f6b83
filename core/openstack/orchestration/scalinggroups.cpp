// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/orchestration/scalinggroups.h"

#include "net/apierror.h"
#include "yaml/yamldocument.h"

#include <algorithm>
#include <cmath>

namespace Pilvi {

namespace {

constexpr QLatin1StringView autoScalingGroupType("OS::Heat::AutoScalingGroup");
constexpr QLatin1StringView resourceGroupType("OS::Heat::ResourceGroup");
constexpr QLatin1StringView scalingPolicyType("OS::Heat::ScalingPolicy");

// Reads property values of the template, resolving get_param against the stack's parameters
// (which carry the defaults Heat applied) and, failing that, the template's own defaults.
class PropertyResolver
{
public:
    PropertyResolver(const Stack &stack, const YamlNode &root)
        : m_stack(stack)
        , m_parameters(root.value(u"parameters"))
    {}

    std::optional<QString> text(const YamlNode *node) const
    {
        if (!node || node->isNull())
            return std::nullopt;
        if (node->isScalar())
            return node->scalar;
        if (!node->isMapping() || node->keys.size() != 1 || node->keys[0].scalar != u"get_param")
            return std::nullopt;
        const YamlNode &argument = node->items[0];
        if (argument.isScalar())
            return parameter(argument.scalar);
        if (argument.isSequence() && argument.items.size() == 1 && argument.items[0].isScalar())
            return parameter(argument.items[0].scalar);
        return std::nullopt; // a path into a json parameter: not a size
    }

    std::optional<int> integer(const YamlNode *node) const
    {
        const std::optional<QString> value = text(node);
        if (!value)
            return std::nullopt;
        bool ok = false;
        const double number = value->trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return std::nullopt;
        return static_cast<int>(number);
    }

private:
    std::optional<QString> parameter(const QString &name) const
    {
        const auto it = m_stack.parameters.constFind(name);
        if (it != m_stack.parameters.cend())
            return *it;
        const YamlNode *declared = m_parameters ? m_parameters->value(name) : nullptr;
        const YamlNode *fallback = declared && declared->isMapping() ? declared->value(u"default") : nullptr;
        if (fallback && fallback->isScalar())
            return fallback->scalar;
        return std::nullopt;
    }

    const Stack &m_stack;
    const YamlNode *m_parameters;
};

// The resource a get_resource names, or nullopt.
std::optional<QString> resourceReference(const YamlNode *node)
{
    if (node && node->isMapping() && node->keys.size() == 1 && node->keys[0].scalar == u"get_resource" &&
        node->items[0].isScalar())
        return node->items[0].scalar;
    return std::nullopt;
}

const YamlNode *properties(const YamlNode *resource)
{
    const YamlNode *props = resource && resource->isMapping() ? resource->value(u"properties") : nullptr;
    return props && props->isMapping() ? props : nullptr;
}

const YamlNode *property(const YamlNode *props, QStringView name)
{
    return props ? props->value(name) : nullptr;
}

bool isTopLevel(const StackResource &resource, const Stack &stack)
{
    if (!resource.stackId.isEmpty())
        return resource.stackId == stack.id;
    return resource.parentResource.isEmpty();
}

} // namespace

std::optional<int> ScalingGroup::wantedSize() const
{
    if (kind == Kind::ResourceGroup)
        return count;
    return desiredCapacity ? desiredCapacity : minSize;
}

QString scalingGroupKindName(ScalingGroup::Kind kind)
{
    return kind == ScalingGroup::Kind::ResourceGroup ? QStringLiteral("ResourceGroup") : QStringLiteral("AutoScalingGroup");
}

QList<ScalingGroup> deriveScalingGroups(const Stack &stack, const QByteArray &templateText, const QList<StackResource> &resources)
{
    const YamlParseResult parsed = parseYaml(templateText);
    if (!parsed.root || !parsed.root->isMapping()) {
        const QString why = parsed.errors.isEmpty() ? QStringLiteral("not a mapping") : parsed.errors.constFirst().message;
        throw ApiError(ApiError::Kind::BadResponse,
                       QStringLiteral("the template of stack %1 cannot be read: %2").arg(stack.name, why));
    }
    const YamlNode &root = *parsed.root;
    const YamlNode *templateResources = root.value(u"resources");
    const auto templateResource = [templateResources](const QString &name) -> const YamlNode * {
        return templateResources && templateResources->isMapping() ? templateResources->value(name) : nullptr;
    };
    const PropertyResolver resolve(stack, root);

    QList<ScalingGroup> groups;
    for (const StackResource &resource : resources) {
        if (!isTopLevel(resource, stack) || (resource.type != autoScalingGroupType && resource.type != resourceGroupType))
            continue;
        ScalingGroup group;
        group.stackName = stack.name;
        group.stackId = stack.id;
        group.resourceName = resource.name;
        group.kind =
            resource.type == resourceGroupType ? ScalingGroup::Kind::ResourceGroup : ScalingGroup::Kind::AutoScalingGroup;
        group.status = resource.status;
        // A group's physical id is its nested stack's id; the "nested" link says the same.
        group.nestedStackId = resource.nestedStackId.isEmpty() ? resource.physicalId : resource.nestedStackId;
        const YamlNode *props = properties(templateResource(resource.name));
        if (group.kind == ScalingGroup::Kind::ResourceGroup) {
            // Heat's default count is 1.
            group.count = property(props, u"count") ? resolve.integer(property(props, u"count")) : std::optional<int>(1);
        } else {
            group.minSize = resolve.integer(property(props, u"min_size"));
            group.maxSize = resolve.integer(property(props, u"max_size"));
            group.desiredCapacity = resolve.integer(property(props, u"desired_capacity"));
        }
        for (const StackResource &member : resources) {
            if (group.nestedStackId.isEmpty() || member.stackId != group.nestedStackId)
                continue;
            group.members.append({member.name, member.physicalId, member.status});
            if (member.status != u"DELETE_COMPLETE")
                ++group.currentSize;
        }
        groups.append(group);
    }

    for (const StackResource &resource : resources) {
        if (!isTopLevel(resource, stack) || resource.type != scalingPolicyType)
            continue;
        const YamlNode *props = properties(templateResource(resource.name));
        const YamlNode *target = property(props, u"auto_scaling_group_id");
        // {get_resource: asg}, or the group's id written out (or passed in as a parameter).
        const std::optional<QString> byName = resourceReference(target);
        const std::optional<QString> byId = byName ? std::nullopt : resolve.text(target);
        const auto group = std::find_if(groups.begin(), groups.end(), [&](const ScalingGroup &g) {
            return (byName && g.resourceName == *byName) || (byId && !byId->isEmpty() && g.nestedStackId == *byId);
        });
        if (group == groups.end())
            continue;
        ScalingPolicy policy;
        policy.resourceName = resource.name;
        policy.adjustmentType = resolve.text(property(props, u"adjustment_type")).value_or(QString());
        policy.scalingAdjustment = resolve.integer(property(props, u"scaling_adjustment"));
        policy.cooldown = resolve.integer(property(props, u"cooldown"));
        policy.groupResource = group->resourceName;
        policy.stackName = stack.name;
        policy.stackId = stack.id;
        policy.status = resource.status;
        group->policies.append(policy);
    }
    return groups;
}

} // namespace Pilvi
