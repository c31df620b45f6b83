// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/templatevalidator.h"

#include "template/templatevalidation_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Pilvi {

namespace {

// The newest HOT version: what the checks assume when the template names none Heat knows.
constexpr QLatin1StringView fallbackVersion("2021-04-16");

const QStringList &pseudoParameters()
{
    static const QStringList names{u"OS::stack_name"_s, u"OS::stack_id"_s, u"OS::project_id"_s};
    return names;
}

QString pythonTypeName(const YamlNode &node)
{
    switch (node.kind) {
    case YamlNode::Kind::Null: return u"NoneType"_s;
    case YamlNode::Kind::Scalar: return u"str"_s;
    case YamlNode::Kind::Sequence: return u"list"_s;
    case YamlNode::Kind::Mapping: return u"dict"_s;
    }
    return {};
}

bool isDateVersion(const QString &key)
{
    return key.size() == 10 && key[4] == u'-' && key[7] == u'-';
}

} // namespace

TemplateValidator::TemplateValidator(ResourceSchemaRegistry registry)
    : m_registry(std::move(registry))
{
    m_reader = [](const QString &path) -> std::optional<QByteArray> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return std::nullopt;
        return file.readAll();
    };
}

void TemplateValidator::setFileReader(LocalFileReader reader)
{
    m_reader = std::move(reader);
}

void TemplateValidator::addEnvironment(const QString &fileName, const QByteArray &text)
{
    m_environments.append({fileName, EnvironmentFile::parse(text)});
}

QList<TemplateProblem> TemplateValidator::validate(const QString &fileName, const QByteArray &text) const
{
    return validate(fileName, HeatTemplate::parse(text));
}

QList<TemplateProblem> TemplateValidator::validate(const QString &fileName, const HeatTemplate &tmpl) const
{
    QList<TemplateProblem> problems;
    QSet<QString> visited;
    if (!fileName.isEmpty())
        visited.insert(QFileInfo(fileName).absoluteFilePath());
    TemplateValidation validation(*this, problems, visited);
    validation.run(fileName, tmpl, true);
    validation.checkEnvironments(tmpl);
    // In reading order: files as they came up, each from top to bottom.
    QStringList files;
    for (const TemplateProblem &p : std::as_const(problems)) {
        if (!files.contains(p.file))
            files.append(p.file);
    }
    std::stable_sort(problems.begin(), problems.end(), [&files](const TemplateProblem &a, const TemplateProblem &b) {
        const qsizetype fa = files.indexOf(a.file);
        const qsizetype fb = files.indexOf(b.file);
        if (fa != fb)
            return fa < fb;
        if (a.range.start.line != b.range.start.line)
            return a.range.start.line < b.range.start.line;
        return a.range.start.column < b.range.start.column;
    });
    return problems;
}

TemplateValidation::TemplateValidation(const TemplateValidator &validator, QList<TemplateProblem> &problems,
                                       QSet<QString> &visited)
    : m_validator(validator)
    , m_problems(problems)
    , m_visited(visited)
{}

void TemplateValidation::run(const QString &fileName, const HeatTemplate &tmpl, bool topLevel)
{
    m_fileName = fileName;
    m_template = &tmpl;
    m_topLevel = topLevel;
    m_sink = {fileName, &m_problems};
    m_dependencies.clear();

    for (const YamlError &e : tmpl.yamlErrors())
        m_sink.add(TemplateProblem::Severity::Error, {e.position, e.position}, e.message);
    const YamlNode *root = tmpl.root();
    if (!root)
        return;
    if (!root->isMapping()) {
        m_sink.error(*root, u"The template is not a JSON object or YAML mapping."_s);
        return;
    }
    if (root->value(u"AWSTemplateFormatVersion") || root->value(u"HeatTemplateFormatVersion")) {
        m_sink.warning(root->keys.constFirst(), u"CloudFormation-format templates are not checked offline; Heat checks them."_s);
        return;
    }
    checkDuplicateKeys(*root);
    if (!checkVersion())
        m_version = m_validator.m_registry.version(fallbackVersion);
    m_allFunctions = m_validator.m_registry.allFunctionNames();
    checkSections();
    checkParameterGroups();
    checkParameters();
    checkConditions();
    checkResources();
    checkOutputs();
    checkCycles();
}

void TemplateValidation::checkDuplicateKeys(const YamlNode &node)
{
    if (node.isMapping()) {
        QHash<QString, const YamlNode *> seen;
        for (const YamlNode &key : node.keys) {
            if (!key.isScalar())
                continue;
            if (const YamlNode *earlier = seen.value(key.scalar)) {
                m_sink.warning(key, u"Duplicate key '%1': Heat ignores the one on line %2 and uses this one"_s.arg(key.scalar)
                                        .arg(earlier->range.start.line));
            }
            seen.insert(key.scalar, &key);
        }
    }
    for (const YamlNode &item : node.items)
        checkDuplicateKeys(item);
}

bool TemplateValidation::checkVersion()
{
    const YamlNode *node = m_template->versionNode();
    if (!node) {
        const YamlNode &root = *m_template->root();
        m_sink.add(TemplateProblem::Severity::Error, {root.range.start, root.range.start},
                   u"Template format version not found."_s);
        return false;
    }
    m_version = m_validator.m_registry.version(node->isScalar() ? node->scalar : QString());
    if (m_version.isValid())
        return true;
    QStringList available;
    const QStringList names = m_validator.m_registry.versionNames();
    for (const QString &name : names) {
        if (isDateVersion(name))
            available.append(name);
    }
    m_sink.error(
        *node,
        u"The template version is invalid: \"heat_template_version: %1\". \"heat_template_version\" should be one of: %2"_s.arg(
            displayValue(*node), available.join(u", "_s)));
    return false;
}

void TemplateValidation::checkSections()
{
    const YamlNode &root = *m_template->root();
    for (qsizetype i = 0; i < root.keys.size(); ++i) {
        const YamlNode &key = root.keys[i];
        if (!m_version.sections.contains(key.scalar)) {
            m_sink.error(key, u"The template section is invalid: %1"_s.arg(key.scalar));
            continue;
        }
        const YamlNode &value = root.items[i];
        const bool mappingSection = key.scalar == "parameters"_L1 || key.scalar == "resources"_L1 || key.scalar == "outputs"_L1 ||
                                    key.scalar == "conditions"_L1;
        if (mappingSection && !value.isMapping() && !value.isNull())
            m_sink.error(value, u"The %1 section must be a mapping, not %2."_s.arg(key.scalar, value.kindName()));
        if (key.scalar == "parameter_groups"_L1 && !value.isSequence() && !value.isNull())
            m_sink.error(value, u"The parameter_groups should be a list."_s);
    }
}

void TemplateValidation::checkParameterGroups()
{
    QSet<QString> grouped;
    for (const TemplateParameterGroup &group : m_template->parameterGroups()) {
        const YamlNode *names = group.definition->isMapping() ? group.definition->value(u"parameters") : nullptr;
        if (!names) {
            m_sink.error(*group.definition, u"The parameters must be provided for each parameter group."_s);
            continue;
        }
        if (!names->isSequence()) {
            m_sink.error(*names, u"The parameters of parameter group should be a list."_s);
            continue;
        }
        for (const YamlNode *name : group.parameters) {
            if (grouped.contains(name->scalar))
                m_sink.error(*name, u"The %1 parameter must be assigned to one parameter group only."_s.arg(name->scalar));
            grouped.insert(name->scalar);
            if (!m_template->parameter(name->scalar))
                m_sink.error(*name, u"The grouped parameter %1 does not reference a valid parameter."_s.arg(name->scalar));
        }
    }
}

void TemplateValidation::checkParameters()
{
    for (const TemplateParameter &p : m_template->parameters()) {
        if (!p.definition->isMapping()) {
            m_sink.error(*p.definition, u"Invalid parameter %1, expected a mapping"_s.arg(p.name));
            continue;
        }
        for (const YamlNode &key : p.definition->keys) {
            if (!m_version.parameterKeys.contains(key.scalar))
                m_sink.error(key, u"Invalid key '%1' for parameter (%2)"_s.arg(key.scalar, p.name));
        }
        if (!p.typeNode) {
            m_sink.error(*p.nameNode, u"Missing parameter type for parameter: %1"_s.arg(p.name));
            continue;
        }
        if (!m_version.parameterTypes.contains(p.type)) {
            m_sink.error(*p.typeNode, u"Invalid type (%1)"_s.arg(displayValue(*p.typeNode)));
            continue;
        }
        if (p.constraints && !p.constraints->isSequence()) {
            m_sink.error(*p.constraints, u"Invalid parameter constraints for parameter %1, expected a list"_s.arg(p.name));
            continue;
        }
        if (p.defaultValue && !p.defaultValue->isNull())
            checkParameterDefault(p);
    }
}

void TemplateValidation::checkParameterDefault(const TemplateParameter &p)
{
    const YamlNode &value = *p.defaultValue;
    const QString failure = parameterValueFailure(p, value);
    if (!failure.isEmpty())
        m_sink.error(value, u"Invalid default %1 (%2)"_s.arg(displayValue(value), failure));
}

QString TemplateValidation::parameterValueFailure(const TemplateParameter &p, const YamlNode &value) const
{
    QString failure;
    if (p.type == "string"_L1) {
        if (!value.isScalar())
            failure = u"Value must be a string"_s;
    } else if (p.type == "number"_L1) {
        static const PropertySchema number(QJsonObject{{u"type"_s, u"number"_s}});
        QList<TemplateProblem> scratch;
        checkPropertyValue({m_fileName, &scratch}, value, number, {});
        if (!scratch.isEmpty())
            failure = scratch.constFirst().message;
    } else if (p.type == "boolean"_L1) {
        static const QStringList words{u"0"_s,   u"1"_s,  u"f"_s, u"false"_s, u"n"_s, u"no"_s,
                                       u"off"_s, u"on"_s, u"t"_s, u"true"_s,  u"y"_s, u"yes"_s};
        if (!value.isScalar() || !words.contains(value.scalar.toLower()))
            failure =
                u"Unrecognized value '%1', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'"_s
                    .arg(displayValue(value));
    } else if (p.type == "json"_L1) {
        if (value.isScalar()) {
            QJsonParseError error{};
            QJsonDocument::fromJson(value.scalar.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError)
                failure = u"Value must be valid JSON: %1"_s.arg(error.errorString());
        }
    } else if (p.type == "comma_delimited_list"_L1) {
        if (value.isMapping())
            failure = u"Value must be a comma-delimited list string: %1"_s.arg(displayValue(value));
    }
    if (failure.isEmpty() && !isFunctionCall(value, m_allFunctions)) {
        const QString type = p.type == "number"_L1 ? u"number"_s : p.type == "boolean"_L1 ? u"boolean"_s : u"string"_s;
        if (value.isSequence() || value.isScalar())
            failure = constraintFailure(value, type, constraintsFromYaml(p.constraints));
    }
    return failure;
}

void TemplateValidation::checkConditions()
{
    for (const TemplateCondition &c : m_template->conditions())
        walk(*c.definition, {{}, u"conditions."_s + c.name, true});
}

void TemplateValidation::checkConditionName(const YamlNode &node)
{
    if (!node.isScalar() || Yaml11::isBoolean(node))
        return;
    if (!m_template->condition(node.scalar))
        m_sink.error(node, u"Invalid condition \"%1\""_s.arg(node.scalar));
}

void TemplateValidation::checkResources()
{
    for (const TemplateResource &r : m_template->resources())
        checkResource(r);
}

void TemplateValidation::checkResource(const TemplateResource &r)
{
    m_dependencies[r.name]; // every resource is a node of the graph, even with no references
    if (!r.definition->isMapping() || !r.typeNode) {
        m_sink.error(*r.nameNode, u"Each resource must contain a type key."_s);
        return;
    }
    for (const YamlNode &key : r.definition->keys) {
        if (!m_version.resourceKeys.contains(key.scalar))
            m_sink.error(key, u"\"%1\" is not a valid keyword inside a resource definition"_s.arg(key.scalar));
    }
    const auto mustBe = [this, &r](const YamlNode *node, const QString &key, YamlNode::Kind kind, const QString &typeName) {
        if (node && !node->isNull() && node->kind != kind && !isFunctionCall(*node, m_allFunctions)) {
            m_sink.error(*node, u"Resource %1 %2 type must be %3"_s.arg(r.name, key, typeName));
            return false;
        }
        return true;
    };
    if (!r.typeNode->isScalar()) {
        m_sink.error(*r.typeNode, u"Resource %1 type type must be string"_s.arg(r.name));
        return;
    }
    const bool propertiesOk = mustBe(r.properties, u"properties"_s, YamlNode::Kind::Mapping, u"object"_s);
    mustBe(r.metadata, u"metadata"_s, YamlNode::Kind::Mapping, u"object"_s);
    mustBe(r.updatePolicy, u"update_policy"_s, YamlNode::Kind::Mapping, u"object"_s);

    if (r.deletionPolicy && r.deletionPolicy->isScalar() && !m_version.deletionPolicies.contains(r.deletionPolicy->scalar))
        m_sink.error(*r.deletionPolicy, u"Invalid deletion policy \"%1\""_s.arg(r.deletionPolicy->scalar));
    if (r.dependsOn && !r.dependsOn->isScalar() && !r.dependsOn->isSequence())
        m_sink.error(*r.dependsOn, u"Resource %1 depends_on type must be list or string"_s.arg(r.name));
    for (const YamlNode *dep : r.dependsOnNames) {
        if (!dep->isScalar()) {
            m_sink.error(*dep, u"Resource %1 depends_on must be a list of strings"_s.arg(r.name));
            continue;
        }
        if (!m_template->resource(dep->scalar))
            m_sink.error(*dep, u"The specified reference \"%1\" (in %2) is incorrect."_s.arg(dep->scalar, r.name));
        else
            m_dependencies[r.name].insert(dep->scalar);
    }
    if (r.condition) {
        if (r.condition->isScalar())
            checkConditionName(*r.condition);
        else
            walk(*r.condition, {r.name, r.name + u".condition"_s, true});
    }
    if (propertiesOk)
        checkResourceType(r);
    const std::pair<const YamlNode *, QLatin1StringView> sections[] = {{r.properties, "properties"_L1},
                                                                       {r.metadata, "metadata"_L1},
                                                                       {r.updatePolicy, "update_policy"_L1},
                                                                       {r.deletionPolicy, "deletion_policy"_L1},
                                                                       {r.externalId, "external_id"_L1}};
    for (const auto &[node, name] : sections) {
        if (!node)
            continue;
        if (node == r.properties && node->isMapping()) {
            // Heat names a property's references "server.Properties.flavor".
            for (qsizetype i = 0; i < node->keys.size(); ++i)
                walk(node->items[i], {r.name, r.name + u".Properties."_s + node->keys[i].scalar, false});
            continue;
        }
        walk(*node, {r.name, r.name + u'.' + name, false});
    }
}

void TemplateValidation::checkResourceType(const TemplateResource &r)
{
    const ResolvedType resolved = resolveType(r.type, r.name, r.typeNode);
    if (resolved.remote)
        return;
    if (resolved.unresolved) {
        m_sink.error(*r.typeNode, u"The Resource Type (%1) could not be found."_s.arg(r.type));
        return;
    }
    if (!resolved.nestedFile.isEmpty()) {
        const std::optional<HeatTemplate> nested = loadNested(resolved.nestedFile);
        if (!nested) {
            // Reported at the line that names the file: the type here; a registry entry in an
            // environment is reported with the environment's checks.
            if (resolved.blameFile == m_fileName)
                m_sink.error(*resolved.blame,
                             u"Could not fetch contents for %1"_s.arg(
                                 QUrl::fromLocalFile(QFileInfo(resolved.nestedFile).absoluteFilePath()).toString()));
            return;
        }
        validateNested(resolved.nestedFile);
        // A nested template's parameters are the resource's properties.
        QStringList names;
        for (const TemplateParameter &p : nested->parameters())
            names.append(p.name);
        if (r.properties && r.properties->isMapping()) {
            for (const YamlNode &key : r.properties->keys) {
                if (!names.contains(key.scalar))
                    m_sink.error(key, u"Unknown Property %1"_s.arg(key.scalar));
            }
        }
        for (const TemplateParameter &p : nested->parameters()) {
            const bool given = r.properties && r.properties->isMapping() && r.properties->value(p.name);
            bool defaulted = p.defaultValue != nullptr;
            for (const auto &env : m_validator.m_environments) {
                for (const EnvironmentValue &v : env.file.parameterDefaults())
                    defaulted = defaulted || v.name == p.name;
            }
            if (!given && !defaulted)
                m_sink.error(*r.nameNode, u"Property %1 not assigned"_s.arg(p.name));
        }
        return;
    }
    const ResourceTypeSchema &schema = resolved.schema;
    const SupportStatus status = schema.supportStatus();
    if (status.status == SupportStatus::Status::Deprecated || status.status == SupportStatus::Status::Hidden) {
        const QString word = status.status == SupportStatus::Status::Hidden ? u"hidden (no longer supported)"_s : u"deprecated"_s;
        m_sink.warning(*r.typeNode,
                       u"%1 is %2%3"_s.arg(r.type, word, status.message.isEmpty() ? QString() : u": "_s + status.message));
    }
    checkProperties(
        m_sink, r.properties, *r.nameNode, schema.propertyNames(), [&schema](const QString &n) { return schema.property(n); },
        m_version.functions);
    checkGroupMember(r, schema);
    if (r.properties && r.properties->isMapping()) {
        for (qsizetype i = 0; i < r.properties->keys.size(); ++i) {
            const PropertySchema p = schema.property(r.properties->keys[i].scalar);
            const SupportStatus ps = p.supportStatus();
            if (p.isValid() && (ps.status == SupportStatus::Status::Deprecated || ps.status == SupportStatus::Status::Hidden)) {
                m_sink.warning(r.properties->keys[i], u"Property %1 of %2 is deprecated%3"_s.arg(
                                                          r.properties->keys[i].scalar, r.type,
                                                          ps.message.isEmpty() ? QString() : u": "_s + ps.message));
            }
        }
    }
}

void TemplateValidation::checkGroupMember(const TemplateResource &r, const ResourceTypeSchema &schema)
{
    // A group's member definition is a resource of its own: Heat validates it with the group.
    const bool resourceGroup = schema.name() == "OS::Heat::ResourceGroup"_L1;
    if ((!resourceGroup && schema.name() != "OS::Heat::AutoScalingGroup"_L1) || !r.properties || !r.properties->isMapping())
        return;
    const QStringView key = resourceGroup ? u"resource_def" : u"resource";
    const YamlNode *member = r.properties->value(key);
    const YamlNode *memberType = member && member->isMapping() ? member->value(u"type") : nullptr;
    if (!memberType || !memberType->isScalar())
        return;
    const ResolvedType resolved = resolveType(memberType->scalar, {}, memberType);
    if (resolved.unresolved) {
        m_sink.error(*memberType, u"The Resource Type (%1) could not be found."_s.arg(memberType->scalar));
        return;
    }
    if (!resolved.schema.isValid())
        return; // a nested template or a URL: checked where it is used as a type
    const ResourceTypeSchema &memberSchema = resolved.schema;
    checkProperties(
        m_sink, member->value(u"properties"), *r.properties->key(key), memberSchema.propertyNames(),
        [&memberSchema](const QString &n) { return memberSchema.property(n); }, m_version.functions);
}

TemplateValidation::ResolvedType TemplateValidation::resolveType(const QString &type, const QString &resourceName,
                                                                 const YamlNode *typeNode) const
{
    ResolvedType result;
    QString current = type;
    const YamlNode *blame = typeNode;
    QString blameFile = m_fileName;
    QString baseFile = m_fileName;
    // Environments later on the command line override earlier ones; a mapping may lead to another.
    for (int hop = 0; hop < 8; ++hop) {
        const RegistryEntry *entry = nullptr;
        QString entryFile;
        for (const auto &env : m_validator.m_environments) {
            if (const RegistryEntry *e = env.file.mapping(current, resourceName)) {
                entry = e;
                entryFile = env.fileName;
            }
        }
        if (!m_topLevel || !entry || entry->target == current)
            break;
        current = entry->target;
        blame = entry->targetNode;
        blameFile = entryFile;
        baseFile = entryFile;
    }
    result.blame = blame;
    result.blameFile = blameFile;
    const bool isTemplateName = current.endsWith(".yaml"_L1) || current.endsWith(".template"_L1) || current.endsWith(".yml"_L1) ||
                                (!current.contains("::"_L1) && blame != typeNode);
    if (isTemplateName) {
        const QUrl url(current);
        if (!url.scheme().isEmpty() && url.scheme() != "file"_L1) {
            result.remote = true;
            return result;
        }
        if (baseFile.isEmpty() && QFileInfo(current).isRelative()) {
            result.remote = true; // an unsaved buffer has no folder to look in
            return result;
        }
        const QString path = url.scheme() == "file"_L1 ? url.toLocalFile() : current;
        result.nestedFile = QFileInfo(path).isAbsolute() ? path : QDir::cleanPath(QFileInfo(baseFile).path() + u'/' + path);
        return result;
    }
    result.schema = m_validator.m_registry.type(current);
    result.unresolved = !result.schema.isValid();
    return result;
}

std::optional<HeatTemplate> TemplateValidation::loadNested(const QString &path) const
{
    const std::optional<QByteArray> text = m_validator.m_reader(QFileInfo(path).absoluteFilePath());
    if (!text)
        return std::nullopt;
    return HeatTemplate::parse(*text);
}

void TemplateValidation::validateNested(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_visited.contains(absolute))
        return;
    m_visited.insert(absolute);
    const std::optional<HeatTemplate> nested = loadNested(path);
    if (!nested)
        return;
    TemplateValidation inner(m_validator, m_problems, m_visited);
    inner.run(path, *nested, false);
}

void TemplateValidation::checkOutputs()
{
    for (const TemplateOutput &o : m_template->outputs()) {
        if (!o.definition->isMapping()) {
            m_sink.error(*o.definition,
                         u"Output definitions must be a map. Found a %1 instead"_s.arg(pythonTypeName(*o.definition)));
            continue;
        }
        for (const YamlNode &key : o.definition->keys) {
            if (!m_version.outputKeys.contains(key.scalar))
                m_sink.error(key, u"\"%1\" is not a valid keyword inside a output definition"_s.arg(key.scalar));
        }
        if (!o.value) {
            m_sink.error(*o.nameNode, u"Each output definition must contain a value key."_s);
            continue;
        }
        if (o.condition) {
            if (o.condition->isScalar())
                checkConditionName(*o.condition);
            else
                walk(*o.condition, {{}, u"outputs."_s + o.name + u".condition"_s, true});
        }
        walk(*o.value, {{}, u"outputs."_s + o.name + u".value"_s, false});
    }
}

void TemplateValidation::checkEnvironments(const HeatTemplate &tmpl)
{
    for (const auto &env : m_validator.m_environments) {
        const ProblemSink sink{env.fileName, &m_problems};
        for (const YamlError &e : env.file.yamlErrors())
            sink.add(TemplateProblem::Severity::Error, {e.position, e.position}, e.message);
        const YamlNode *root = env.file.root();
        if (!root || root->isNull())
            continue;
        if (!root->isMapping()) {
            sink.error(*root, u"The environment is not a valid YAML mapping data type."_s);
            continue;
        }
        for (qsizetype i = 0; i < root->keys.size(); ++i) {
            const YamlNode &key = root->keys[i];
            if (!EnvironmentFile::sectionNames().contains(key.scalar))
                sink.error(key, u"environment has wrong section \"%1\""_s.arg(key.scalar));
            else if (root->items[i].isNull())
                sink.error(key, u"environment has empty section \"%1\""_s.arg(key.scalar));
        }
        for (const EnvironmentValue &v : env.file.parameters()) {
            const TemplateParameter *p = tmpl.parameter(v.name);
            if (!p && !pseudoParameters().contains(v.name)) {
                sink.error(*v.nameNode, u"The Parameter (%1) was not defined in template."_s.arg(v.name));
                continue;
            }
            if (p && p->typeNode && v.value && !v.value->isNull()) {
                const QString failure = parameterValueFailure(*p, *v.value);
                if (!failure.isEmpty())
                    sink.error(*v.value, u"Parameter '%1' is invalid: %2"_s.arg(v.name, failure));
            }
        }
        for (const RegistryEntry &entry : env.file.registry()) {
            if (!entry.targetsTemplate()) {
                if (!entry.target.contains(u'*') && !m_validator.m_registry.hasType(entry.target) &&
                    !env.file.mapping(entry.target))
                    sink.error(*entry.targetNode, u"The Resource Type (%1) could not be found."_s.arg(entry.target));
                continue;
            }
            const QUrl url(entry.target);
            if (!url.scheme().isEmpty() && url.scheme() != "file"_L1)
                continue; // a URL: the server fetches it
            const QString local = url.scheme() == "file"_L1 ? url.toLocalFile() : entry.target;
            QString base = QFileInfo(env.fileName).path();
            if (const YamlNode *baseUrl = env.file.baseUrl(); baseUrl && baseUrl->isScalar())
                base = QUrl(baseUrl->scalar).isLocalFile() ? QUrl(baseUrl->scalar).toLocalFile() : baseUrl->scalar;
            const QString path = QFileInfo(local).isAbsolute() ? local : QDir::cleanPath(base + u'/' + local);
            if (!m_validator.m_reader(QFileInfo(path).absoluteFilePath())) {
                sink.error(*entry.targetNode, u"Could not fetch contents for %1"_s.arg(
                                                  QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString()));
                continue;
            }
            validateNested(path);
        }
    }
}

QString TemplateValidation::localPath(const QString &name) const
{
    const QUrl url(name);
    if (!url.scheme().isEmpty() && url.scheme() != "file"_L1 && url.scheme().size() > 1)
        return {};
    if (m_fileName.isEmpty())
        return {};
    QString local = url.scheme() == "file"_L1 ? url.toLocalFile() : name;
    if (QFileInfo(local).isAbsolute())
        return local;
    return QFileInfo(QFileInfo(m_fileName).absolutePath() + u'/' + local).absoluteFilePath();
}

bool TemplateValidation::fileExists(const QString &absolutePath) const
{
    return m_validator.m_reader(absolutePath).has_value();
}

} // namespace Pilvi
