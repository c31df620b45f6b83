// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to TemplateValidator: one validation run over one template file. Split over
// templatevalidator.cpp (sections, parameters, resources, outputs, environments) and
// templatereferences.cpp (intrinsic functions, references, dependency cycles).

#include "template/templatevalidator.h"
#include "template/valuechecks.h"

#include <QHash>
#include <QSet>

namespace Pilvi {

class TemplateValidation
{
public:
    TemplateValidation(const TemplateValidator &validator, QList<TemplateProblem> &problems, QSet<QString> &visited);

    /// Validates `tmpl` read from `fileName`; `topLevel` is false for nested templates (their
    /// environment is the parent's, and parameters without defaults become required properties).
    void run(const QString &fileName, const HeatTemplate &tmpl, bool topLevel);
    /// Validates the environment files given to the validator against `tmpl`.
    void checkEnvironments(const HeatTemplate &tmpl);

private:
    // Where a value stands, for the functions it may use and the references it records.
    struct WalkContext {
        QString resource; ///< the resource whose definition this is, for dependencies
        QString path;     ///< Heat's key path for messages ("server.properties")
        bool condition = false;
    };

    // templatevalidator.cpp
    void checkDuplicateKeys(const YamlNode &node);
    bool checkVersion();
    void checkSections();
    void checkParameterGroups();
    void checkParameters();
    void checkParameterDefault(const TemplateParameter &parameter);
    QString parameterValueFailure(const TemplateParameter &parameter, const YamlNode &value) const;
    void checkConditions();
    void checkResources();
    void checkResource(const TemplateResource &resource);
    void checkResourceType(const TemplateResource &resource);
    void checkGroupMember(const TemplateResource &resource, const ResourceTypeSchema &schema);
    void checkOutputs();
    void checkConditionName(const YamlNode &node);

    // A resource type as this template sees it: through the environments' registry to a schema
    // or to a nested template file.
    struct ResolvedType {
        ResourceTypeSchema schema;
        QString nestedFile;              ///< the nested template's path (as named, joined to its base)
        bool remote = false;             ///< a URL: left to the server
        bool unresolved = false;         ///< neither a known type nor a template
        const YamlNode *blame = nullptr; ///< where a missing nested file is named
        QString blameFile;
    };
    ResolvedType resolveType(const QString &type, const QString &resourceName, const YamlNode *typeNode) const;
    std::optional<HeatTemplate> loadNested(const QString &path) const;
    void validateNested(const QString &path);

    // templatereferences.cpp
    void walk(const YamlNode &node, const WalkContext &context);
    void checkFunction(const QString &name, const YamlNode &key, const YamlNode &args, const WalkContext &context);
    void checkGetParam(const YamlNode &args, const WalkContext &context);
    void checkGetResource(const YamlNode &args, const WalkContext &context);
    void checkGetAttr(const YamlNode &args, const WalkContext &context);
    void checkAttribute(const TemplateResource &target, const YamlNode &attribute);
    void checkGetFile(const YamlNode &args, const WalkContext &context);
    void addDependency(const WalkContext &context, const QString &target);
    void checkCycles();

    // Local files: the absolute path for a name written in this template, empty for a URL.
    QString localPath(const QString &name) const;
    bool fileExists(const QString &absolutePath) const;

    const TemplateValidator &m_validator;
    QList<TemplateProblem> &m_problems;
    QSet<QString> &m_visited;
    ProblemSink m_sink;
    const HeatTemplate *m_template = nullptr;
    TemplateVersion m_version;
    QStringList m_allFunctions;
    QString m_fileName;
    bool m_topLevel = true;
    QHash<QString, QSet<QString>> m_dependencies; // resource -> resources it needs
};

} // namespace Pilvi
