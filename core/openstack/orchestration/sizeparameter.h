// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Pilvi {

/// Where a scaling group's size property (min_size, max_size, desired_capacity, count) comes
/// from in a stack's template. Only a top-level parameter can be changed by a stack update
/// (PATCH with the parameter); a literal or another function needs a template edit.
struct SizeSource {
    enum class Kind { Parameter, Literal, Other, Missing };
    Kind kind = Kind::Missing;
    QString parameter; ///< for Kind::Parameter: the parameter's name
    friend bool operator==(const SizeSource &, const SizeSource &) = default;
};

/// Pure: reads `property` of `groupResource`'s properties in `templateText` (YAML or JSON).
SizeSource sizeSourceOf(const QByteArray &templateText, const QString &groupResource, const QString &property);

} // namespace Pilvi
