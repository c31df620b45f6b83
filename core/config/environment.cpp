// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/environment.h"

namespace Pilvi {

QString environmentKey(Environment environment)
{
    switch (environment) {
    case Environment::Development: return QStringLiteral("development");
    case Environment::Testing: return QStringLiteral("testing");
    case Environment::Preproduction: return QStringLiteral("preproduction");
    case Environment::Production: return QStringLiteral("production");
    }
    return {};
}

std::optional<Environment> environmentFromKey(QStringView key)
{
    const QString word = key.trimmed().toString().toLower().remove(u'-').remove(u'_');
    if (word == u"development" || word == u"dev")
        return Environment::Development;
    if (word == u"testing" || word == u"test")
        return Environment::Testing;
    if (word == u"preproduction" || word == u"preprod" || word == u"staging")
        return Environment::Preproduction;
    if (word == u"production" || word == u"prod")
        return Environment::Production;
    return std::nullopt;
}

} // namespace Pilvi
