// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "yaml/yamldocument.h"

#include <QList>
#include <QString>

#include <memory>

namespace Pilvi {

/// One `resource_registry` entry: a type mapped to another type or to a template file, either
/// globally or for one resource (under `resources: NAME:`).
struct RegistryEntry {
    QString typeName; ///< the key ("OS::Nova::Server", "My::Server")
    QString target;   ///< what it maps to ("OS::Nova::Server", "server.yaml", a URL)
    QString resource; ///< the resource it is scoped to (under `resources:`), else empty
    const YamlNode *keyNode = nullptr;
    const YamlNode *targetNode = nullptr;

    /// A template file rather than a type: Heat's rule is "no `::` in it".
    bool targetsTemplate() const { return !target.contains(QLatin1StringView("::")); }
};

/// A named value under `parameters` or `parameter_defaults`.
struct EnvironmentValue {
    QString name;
    const YamlNode *nameNode = nullptr;
    const YamlNode *value = nullptr;
};

/// A Heat environment file read with positions: parameters, parameter_defaults, resource_registry,
/// event_sinks, encrypted_param_names, parameter_merge_strategies.
class EnvironmentFile
{
public:
    static EnvironmentFile parse(const QByteArray &utf8);

    /// Heat's environment sections.
    static const QStringList &sectionNames();

    const QList<YamlError> &yamlErrors() const { return m_yamlErrors; }
    const YamlNode *root() const { return m_root.get(); }

    const QList<EnvironmentValue> &parameters() const { return m_parameters; }
    const QList<EnvironmentValue> &parameterDefaults() const { return m_parameterDefaults; }
    const QList<RegistryEntry> &registry() const { return m_registry; }
    const YamlNode *baseUrl() const { return m_baseUrl; } ///< resource_registry's base_url
    const YamlNode *eventSinks() const { return m_eventSinks; }
    const YamlNode *encryptedParamNames() const { return m_encryptedParamNames; }
    const YamlNode *parameterMergeStrategies() const { return m_mergeStrategies; }

    /// The registry's mapping for `type` (scoped to `resource` first, then global), or nullptr.
    const RegistryEntry *mapping(const QString &type, const QString &resource = {}) const;

private:
    std::shared_ptr<const YamlNode> m_root;
    QList<YamlError> m_yamlErrors;
    QList<EnvironmentValue> m_parameters;
    QList<EnvironmentValue> m_parameterDefaults;
    QList<RegistryEntry> m_registry;
    const YamlNode *m_baseUrl = nullptr;
    const YamlNode *m_eventSinks = nullptr;
    const YamlNode *m_encryptedParamNames = nullptr;
    const YamlNode *m_mergeStrategies = nullptr;
};

} // namespace Pilvi
