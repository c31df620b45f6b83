// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace Pilvi {

/// Pilvi's own clouds.yaml key `environment:`. The order is the order of the sidebar and of
/// caution: production is last and guarded.
enum class Environment { Development, Testing, Preproduction, Production };

inline constexpr Environment allEnvironments[] = {Environment::Development, Environment::Testing, Environment::Preproduction,
                                                  Environment::Production};

/// The clouds.yaml word: development, testing, preproduction, production.
QString environmentKey(Environment environment);
/// Accepts the clouds.yaml words and a few common spellings (dev, test, pre-production, prod).
std::optional<Environment> environmentFromKey(QStringView key);

/// Whether a destructive action (delete, scale in, restore over a volume...) in this environment
/// needs the user to type the resource's name: the GUI's guard and pilvi-cli's --confirm NAME.
inline bool needsTypedConfirmation(Environment environment)
{
    return environment == Environment::Production;
}

} // namespace Pilvi

Q_DECLARE_METATYPE(Pilvi::Environment)
