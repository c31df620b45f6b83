// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "yaml/yamldocument.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace Pilvi {

// Every element points into the template's YamlNode tree (held by the HeatTemplate and shared by
// its copies, never changed), so each keeps its exact place in the text. A pointer is null when the
// template does not have that part.

struct TemplateParameter {
    QString name;
    const YamlNode *nameNode = nullptr;   ///< the key under `parameters`
    const YamlNode *definition = nullptr; ///< the mapping (or whatever was written) after it
    QString type;
    const YamlNode *typeNode = nullptr;
    const YamlNode *defaultValue = nullptr;
    const YamlNode *constraints = nullptr;
    QString label;
    QString description;
    bool hidden = false;
};

struct TemplateResource {
    QString name;
    const YamlNode *nameNode = nullptr;
    const YamlNode *definition = nullptr;
    QString type;
    const YamlNode *typeNode = nullptr;
    const YamlNode *properties = nullptr;
    const YamlNode *metadata = nullptr;
    const YamlNode *dependsOn = nullptr; ///< a name or a list of names, as written
    QList<const YamlNode *> dependsOnNames;
    const YamlNode *condition = nullptr;
    const YamlNode *updatePolicy = nullptr;
    const YamlNode *deletionPolicy = nullptr;
    const YamlNode *externalId = nullptr;
    QString description;
};

struct TemplateOutput {
    QString name;
    const YamlNode *nameNode = nullptr;
    const YamlNode *definition = nullptr;
    const YamlNode *value = nullptr;
    const YamlNode *condition = nullptr;
    QString description;
};

struct TemplateCondition {
    QString name;
    const YamlNode *nameNode = nullptr;
    const YamlNode *definition = nullptr;
};

struct TemplateParameterGroup {
    QString label;
    QString description;
    const YamlNode *definition = nullptr;
    QList<const YamlNode *> parameters; ///< the names listed, as written
};

/// A Heat Orchestration Template read from YAML, with every element's position. Parsing never
/// fails: what is malformed is left out of the typed lists and reported by TemplateValidator,
/// which walks the same tree.
class HeatTemplate
{
public:
    static HeatTemplate parse(const QByteArray &utf8);

    const QList<YamlError> &yamlErrors() const { return m_yamlErrors; }
    /// The document's root node; null when the text is not YAML.
    const YamlNode *root() const { return m_root.get(); }

    QString version() const { return m_version; }
    const YamlNode *versionNode() const { return m_versionNode; }
    QString description() const { return m_description; }
    const QList<TemplateParameterGroup> &parameterGroups() const { return m_groups; }
    const QList<TemplateParameter> &parameters() const { return m_parameters; }
    const QList<TemplateResource> &resources() const { return m_resources; }
    const QList<TemplateOutput> &outputs() const { return m_outputs; }
    const QList<TemplateCondition> &conditions() const { return m_conditions; }

    const TemplateParameter *parameter(QStringView name) const;
    const TemplateResource *resource(QStringView name) const;
    const TemplateCondition *condition(QStringView name) const;
    /// The value of top-level section `name`, or nullptr.
    const YamlNode *section(QStringView name) const;

private:
    std::shared_ptr<const YamlNode> m_root;
    QList<YamlError> m_yamlErrors;
    QString m_version;
    const YamlNode *m_versionNode = nullptr;
    QString m_description;
    QList<TemplateParameterGroup> m_groups;
    QList<TemplateParameter> m_parameters;
    QList<TemplateResource> m_resources;
    QList<TemplateOutput> m_outputs;
    QList<TemplateCondition> m_conditions;
    // Name -> index, for references (a 1,000-resource template has thousands of them).
    QHash<QString, qsizetype> m_parameterIndex;
    QHash<QString, qsizetype> m_resourceIndex;
    QHash<QString, qsizetype> m_conditionIndex;
};

/// YAML 1.1 scalar rules as PyYAML (and so Heat) applies them to plain scalars; dates stay strings,
/// as Heat's loader makes them.
namespace Yaml11 {
bool isBoolean(const YamlNode &node);
bool isTrue(const YamlNode &node);
bool isInteger(const YamlNode &node);
bool isFloat(const YamlNode &node);
} // namespace Yaml11

} // namespace Pilvi
