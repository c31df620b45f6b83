// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/stack.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Pilvi {

/// One member of a scaling group: a resource of the group's nested stack.
struct ScalingMember {
    QString name;
    QString physicalId;
    QString status;
    friend bool operator==(const ScalingMember &, const ScalingMember &) = default;
};

/// An OS::Heat::ScalingPolicy that points at a group. Signalling the resource `resourceName` of
/// stack `stackName`/`stackId` applies the adjustment.
struct ScalingPolicy {
    QString resourceName;
    QString adjustmentType; ///< change_in_capacity, exact_capacity, percent_change_in_capacity
    std::optional<int> scalingAdjustment;
    std::optional<int> cooldown; ///< seconds; unset when the template gives none
    QString groupResource;       ///< the group's resource name (auto_scaling_group_id)
    QString stackName;           ///< where to signal
    QString stackId;
    QString status;
    friend bool operator==(const ScalingPolicy &, const ScalingPolicy &) = default;
};

/// A scaling group as the stack defines it and as it stands now. Sizes from the template are
/// unset when they cannot be resolved (a get_param to a parameter the stack does not have, an
/// intrinsic function other than get_param).
struct ScalingGroup {
    enum class Kind { AutoScalingGroup, ResourceGroup };

    QString stackName;
    QString stackId;
    QString resourceName;
    Kind kind = Kind::AutoScalingGroup;
    QString status;                     ///< the group resource's status
    QString nestedStackId;              ///< the stack that holds the members
    std::optional<int> minSize;         ///< ASG
    std::optional<int> maxSize;         ///< ASG
    std::optional<int> desiredCapacity; ///< ASG
    std::optional<int> count;           ///< ResourceGroup
    int currentSize = 0;                ///< members in the nested stack, leaving out those already deleted
    QList<ScalingMember> members;
    QList<ScalingPolicy> policies;

    /// "stack id/resource name": unique across stacks.
    QString key() const { return stackId + u'/' + resourceName; }
    /// The size the template asks for: desired_capacity (or min_size) for an ASG, count for a
    /// ResourceGroup.
    std::optional<int> wantedSize() const;
    friend bool operator==(const ScalingGroup &, const ScalingGroup &) = default;
};

/// The scaling groups (OS::Heat::AutoScalingGroup, OS::Heat::ResourceGroup) at the top of a
/// stack and the ScalingPolicy resources aimed at them. `stack` comes from showStack (its
/// parameters resolve get_param), `templateText` is the stack's template (YAML or Heat's JSON
/// answer) and `resources` its resources listed with nested_depth >= 1 (the members live one
/// level down). Pure: no IO, safe on any thread.
QList<ScalingGroup> deriveScalingGroups(const Stack &stack, const QByteArray &templateText,
                                        const QList<StackResource> &resources);

QString scalingGroupKindName(ScalingGroup::Kind kind);

} // namespace Pilvi

Q_DECLARE_TYPEINFO(Pilvi::ScalingMember, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::ScalingPolicy, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pilvi::ScalingGroup, Q_RELOCATABLE_TYPE);
