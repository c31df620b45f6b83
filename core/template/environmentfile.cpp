// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/environmentfile.h"

using namespace Qt::StringLiterals;

namespace Pilvi {

namespace {

QList<EnvironmentValue> values(const YamlNode *mapping)
{
    QList<EnvironmentValue> out;
    if (!mapping || !mapping->isMapping())
        return out;
    for (qsizetype i = 0; i < mapping->keys.size(); ++i)
        out.append({mapping->keys[i].scalar, &mapping->keys[i], &mapping->items[i]});
    return out;
}

// Registry entries of one level: scalar values are mappings; hooks, restricted_actions and
// base_url are not types.
void readRegistry(const YamlNode &mapping, const QString &resource, QList<RegistryEntry> &out)
{
    for (qsizetype i = 0; i < mapping.keys.size(); ++i) {
        const YamlNode &key = mapping.keys[i];
        const YamlNode &value = mapping.items[i];
        if (!key.isScalar() || key.scalar == "base_url"_L1 || key.scalar == "hooks"_L1 || key.scalar == "restricted_actions"_L1)
            continue;
        if (resource.isEmpty() && key.scalar == "resources"_L1 && value.isMapping()) {
            for (qsizetype j = 0; j < value.keys.size(); ++j) {
                if (value.items[j].isMapping())
                    readRegistry(value.items[j], value.keys[j].scalar, out);
            }
            continue;
        }
        if (value.isScalar())
            out.append({key.scalar, value.scalar, resource, &key, &value});
    }
}

} // namespace

const QStringList &EnvironmentFile::sectionNames()
{
    static const QStringList names{u"parameters"_s,         u"resource_registry"_s,
                                   u"parameter_defaults"_s, u"encrypted_param_names"_s,
                                   u"event_sinks"_s,        u"parameter_merge_strategies"_s};
    return names;
}

EnvironmentFile EnvironmentFile::parse(const QByteArray &utf8)
{
    EnvironmentFile env;
    YamlParseResult parsed = parseYaml(utf8);
    env.m_yamlErrors = std::move(parsed.errors);
    if (!parsed.root)
        return env;
    env.m_root = std::make_shared<const YamlNode>(std::move(*parsed.root));
    const YamlNode &root = *env.m_root;
    if (!root.isMapping())
        return env;
    env.m_parameters = values(root.value(u"parameters"));
    env.m_parameterDefaults = values(root.value(u"parameter_defaults"));
    if (const YamlNode *registry = root.value(u"resource_registry"); registry && registry->isMapping()) {
        env.m_baseUrl = registry->value(u"base_url");
        readRegistry(*registry, {}, env.m_registry);
    }
    env.m_eventSinks = root.value(u"event_sinks");
    env.m_encryptedParamNames = root.value(u"encrypted_param_names");
    env.m_mergeStrategies = root.value(u"parameter_merge_strategies");
    return env;
}

const RegistryEntry *EnvironmentFile::mapping(const QString &type, const QString &resource) const
{
    const RegistryEntry *global = nullptr;
    for (const RegistryEntry &entry : m_registry) {
        if (entry.typeName != type)
            continue;
        if (!resource.isEmpty() && entry.resource == resource)
            return &entry;
        if (entry.resource.isEmpty())
            global = &entry;
    }
    return global;
}

} // namespace Pilvi
