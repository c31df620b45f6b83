// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/heattemplate.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Pilvi {

namespace {

QString scalarOf(const YamlNode *node)
{
    return node && node->isScalar() ? node->scalar : QString();
}

// Calls f(keyNode, valueNode) for every entry of a mapping section.
template<typename F>
void forEachEntry(const YamlNode *mapping, F &&f)
{
    if (!mapping || !mapping->isMapping())
        return;
    for (qsizetype i = 0; i < mapping->keys.size(); ++i)
        f(mapping->keys[i], mapping->items[i]);
}

} // namespace

HeatTemplate HeatTemplate::parse(const QByteArray &utf8)
{
    HeatTemplate t;
    YamlParseResult parsed = parseYaml(utf8);
    t.m_yamlErrors = std::move(parsed.errors);
    if (!parsed.root)
        return t;
    t.m_root = std::make_shared<const YamlNode>(std::move(*parsed.root));
    const YamlNode &root = *t.m_root;
    if (!root.isMapping())
        return t;

    t.m_versionNode = root.value(u"heat_template_version");
    t.m_version = scalarOf(t.m_versionNode);
    t.m_description = scalarOf(root.value(u"description"));

    if (const YamlNode *groups = root.value(u"parameter_groups"); groups && groups->isSequence()) {
        for (const YamlNode &g : groups->items) {
            TemplateParameterGroup group;
            group.definition = &g;
            group.label = scalarOf(g.value(u"label"));
            group.description = scalarOf(g.value(u"description"));
            if (const YamlNode *names = g.value(u"parameters"); names && names->isSequence()) {
                for (const YamlNode &n : names->items)
                    group.parameters.append(&n);
            }
            t.m_groups.append(group);
        }
    }

    forEachEntry(root.value(u"parameters"), [&t](const YamlNode &key, const YamlNode &value) {
        TemplateParameter p;
        p.name = key.scalar;
        p.nameNode = &key;
        p.definition = &value;
        p.typeNode = value.value(u"type");
        p.type = scalarOf(p.typeNode);
        p.defaultValue = value.value(u"default");
        p.constraints = value.value(u"constraints");
        p.label = scalarOf(value.value(u"label"));
        p.description = scalarOf(value.value(u"description"));
        if (const YamlNode *hidden = value.value(u"hidden"))
            p.hidden = Yaml11::isTrue(*hidden);
        t.m_parameters.append(p);
    });

    forEachEntry(root.value(u"resources"), [&t](const YamlNode &key, const YamlNode &value) {
        TemplateResource r;
        r.name = key.scalar;
        r.nameNode = &key;
        r.definition = &value;
        r.typeNode = value.value(u"type");
        r.type = scalarOf(r.typeNode);
        r.properties = value.value(u"properties");
        r.metadata = value.value(u"metadata");
        r.dependsOn = value.value(u"depends_on");
        if (r.dependsOn && r.dependsOn->isScalar())
            r.dependsOnNames.append(r.dependsOn);
        else if (r.dependsOn && r.dependsOn->isSequence()) {
            for (const YamlNode &n : r.dependsOn->items)
                r.dependsOnNames.append(&n);
        }
        r.condition = value.value(u"condition");
        r.updatePolicy = value.value(u"update_policy");
        r.deletionPolicy = value.value(u"deletion_policy");
        r.externalId = value.value(u"external_id");
        r.description = scalarOf(value.value(u"description"));
        t.m_resources.append(r);
    });

    forEachEntry(root.value(u"outputs"), [&t](const YamlNode &key, const YamlNode &value) {
        TemplateOutput o;
        o.name = key.scalar;
        o.nameNode = &key;
        o.definition = &value;
        o.value = value.value(u"value");
        o.condition = value.value(u"condition");
        o.description = scalarOf(value.value(u"description"));
        t.m_outputs.append(o);
    });

    forEachEntry(root.value(u"conditions"),
                 [&t](const YamlNode &key, const YamlNode &value) { t.m_conditions.append({key.scalar, &key, &value}); });
    // Of duplicate names the last one wins, as PyYAML (and so Heat) reads a mapping.
    for (qsizetype i = 0; i < t.m_parameters.size(); ++i)
        t.m_parameterIndex.insert(t.m_parameters[i].name, i);
    for (qsizetype i = 0; i < t.m_resources.size(); ++i)
        t.m_resourceIndex.insert(t.m_resources[i].name, i);
    for (qsizetype i = 0; i < t.m_conditions.size(); ++i)
        t.m_conditionIndex.insert(t.m_conditions[i].name, i);
    return t;
}

const TemplateParameter *HeatTemplate::parameter(QStringView name) const
{
    const auto it = m_parameterIndex.constFind(name.toString());
    return it == m_parameterIndex.constEnd() ? nullptr : &m_parameters[*it];
}

const TemplateResource *HeatTemplate::resource(QStringView name) const
{
    const auto it = m_resourceIndex.constFind(name.toString());
    return it == m_resourceIndex.constEnd() ? nullptr : &m_resources[*it];
}

const TemplateCondition *HeatTemplate::condition(QStringView name) const
{
    const auto it = m_conditionIndex.constFind(name.toString());
    return it == m_conditionIndex.constEnd() ? nullptr : &m_conditions[*it];
}

const YamlNode *HeatTemplate::section(QStringView name) const
{
    return m_root && m_root->isMapping() ? m_root->value(name) : nullptr;
}

namespace Yaml11 {

bool isBoolean(const YamlNode &node)
{
    static const QRegularExpression words(u"^(yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"_s);
    return node.isScalar() && !node.quoted && words.match(node.scalar).hasMatch();
}

bool isTrue(const YamlNode &node)
{
    static const QRegularExpression words(u"^(yes|Yes|YES|true|True|TRUE|on|On|ON)$"_s);
    return node.isScalar() && words.match(node.scalar).hasMatch();
}

bool isInteger(const YamlNode &node)
{
    // PyYAML's int resolver: binary, octal, decimal, hex, sexagesimal; underscores allowed.
    static const QRegularExpression pattern(
        u"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"_s);
    return node.isScalar() && !node.quoted && pattern.match(node.scalar).hasMatch();
}

bool isFloat(const YamlNode &node)
{
    // PyYAML's float resolver: a dot is required ("1e3" is a string there).
    static const QRegularExpression pattern(
        u"^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"_s);
    return node.isScalar() && !node.quoted && pattern.match(node.scalar).hasMatch();
}

} // namespace Yaml11

} // namespace Pilvi
