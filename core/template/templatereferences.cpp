// SPDX-License-Identifier: GPL-3.0-or-later
// TemplateValidation, second half: intrinsic functions, the references they make, and the
// dependency cycles those references form.
#include "template/templatevalidation_p.h"

#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Pilvi {

namespace {

const QStringList &pseudoParameterNames()
{
    static const QStringList names{u"OS::stack_name"_s, u"OS::stack_id"_s, u"OS::project_id"_s};
    return names;
}

// Groups pass any other attribute through to their members ([group, member_attribute]).
bool isGroupType(const QString &type)
{
    return type == "OS::Heat::ResourceGroup"_L1 || type == "OS::Heat::AutoScalingGroup"_L1 ||
           type == "AWS::AutoScaling::AutoScalingGroup"_L1 || type == "OS::Heat::SoftwareDeploymentGroup"_L1 ||
           type == "OS::Heat::StructuredDeploymentGroup"_L1 || type == "OS::Heat::SoftwareDeployments"_L1 ||
           type == "OS::Heat::StructuredDeployments"_L1;
}

bool isDeploymentType(const QString &type)
{
    return type == "OS::Heat::SoftwareDeployment"_L1 || type == "OS::Heat::StructuredDeployment"_L1;
}

} // namespace

void TemplateValidation::walk(const YamlNode &node, const WalkContext &context)
{
    if (node.isMapping() && node.keys.size() == 1 && node.keys.constFirst().isScalar()) {
        const YamlNode &key = node.keys.constFirst();
        const QString &name = key.scalar;
        const bool current =
            m_version.functions.contains(name) || (context.condition && m_version.conditionFunctions.contains(name));
        if (current) {
            if (context.condition && !m_version.conditionFunctions.contains(name)) {
                m_sink.error(key, u"The function \"%1\" is invalid in this context"_s.arg(name));
                return;
            }
            checkFunction(name, key, node.items.constFirst(), context);
            return;
        }
        if (m_version.removedFunctions.contains(name)) {
            m_sink.error(
                key, u"The template version is invalid: The function %1 is not supported in this version of HOT."_s.arg(name));
            return;
        }
        if (m_allFunctions.contains(name)) {
            // Heat takes it as a plain mapping here, so it passes, but it is surely meant as the
            // function a later version has.
            const QString since = m_validator.m_registry.firstVersionWith(name);
            if (!since.isEmpty() && since > m_version.date) {
                m_sink.warning(
                    key,
                    u"%1 is not a function in heat_template_version %2 (it is from %3 on): Heat takes this as a plain mapping"_s
                        .arg(name, m_version.date, since));
            }
        }
    }
    for (const YamlNode &item : node.items)
        walk(item, context);
}

void TemplateValidation::checkFunction(const QString &name, const YamlNode &key, const YamlNode &args, const WalkContext &context)
{
    Q_UNUSED(key)
    if (name == "get_param"_L1) {
        checkGetParam(args, context);
    } else if (name == "get_resource"_L1) {
        checkGetResource(args, context);
    } else if (name == "get_attr"_L1) {
        checkGetAttr(args, context);
    } else if (name == "get_file"_L1) {
        checkGetFile(args, context);
    } else if (name == "if"_L1 && args.isSequence() && !args.items.isEmpty()) {
        const YamlNode &condition = args.items.constFirst();
        if (condition.isScalar())
            checkConditionName(condition);
        else
            walk(condition, {context.resource, context.path, true});
        for (qsizetype i = 1; i < args.items.size(); ++i)
            walk(args.items[i], context);
    } else if (context.condition && (name == "not"_L1 || name == "and"_L1 || name == "or"_L1)) {
        // From 2017-09-01 a condition may name another condition.
        const bool namesAllowed = m_version.date >= "2017-09-01"_L1;
        const auto check = [&](const YamlNode &operand) {
            if (operand.isScalar() && namesAllowed)
                checkConditionName(operand);
            else
                walk(operand, context);
        };
        if (args.isSequence()) {
            for (const YamlNode &operand : args.items)
                check(operand);
        } else {
            check(args);
        }
    } else {
        walk(args, context);
    }
}

void TemplateValidation::checkGetParam(const YamlNode &args, const WalkContext &context)
{
    const YamlNode *name = args.isSequence() && !args.items.isEmpty() ? &args.items.constFirst() : &args;
    if (name->isScalar()) {
        if (!m_template->parameter(name->scalar) && !pseudoParameterNames().contains(name->scalar))
            m_sink.error(
                *name, u"The Parameter (%1) was not provided: it is not declared in the parameters section."_s.arg(name->scalar));
    } else {
        walk(*name, context);
    }
    if (args.isSequence()) {
        for (qsizetype i = 1; i < args.items.size(); ++i)
            walk(args.items[i], context);
    }
}

void TemplateValidation::checkGetResource(const YamlNode &args, const WalkContext &context)
{
    if (!args.isScalar()) {
        walk(args, context);
        return;
    }
    if (!m_template->resource(args.scalar)) {
        m_sink.error(args, u"The specified reference \"%1\" (in %2) is incorrect."_s.arg(args.scalar, context.path));
        return;
    }
    addDependency(context, args.scalar);
}

void TemplateValidation::checkGetAttr(const YamlNode &args, const WalkContext &context)
{
    if (!args.isSequence() || args.items.isEmpty()) {
        m_sink.error(args, u"Arguments to \"get_attr\" must be of the form [resource_name, attribute, (path), ...]"_s);
        return;
    }
    const YamlNode &resource = args.items.constFirst();
    if (!resource.isScalar()) {
        walk(args, context);
        return;
    }
    const TemplateResource *target = m_template->resource(resource.scalar);
    if (!target) {
        m_sink.error(resource, u"The specified reference \"%1\" (in %2) is incorrect."_s.arg(resource.scalar, context.path));
        return;
    }
    addDependency(context, resource.scalar);
    if (args.items.size() > 1 && args.items[1].isScalar())
        checkAttribute(*target, args.items[1]);
    for (qsizetype i = 1; i < args.items.size(); ++i)
        walk(args.items[i], context);
}

void TemplateValidation::checkAttribute(const TemplateResource &target, const YamlNode &attribute)
{
    if (!target.typeNode || !target.typeNode->isScalar())
        return;
    const ResolvedType resolved = resolveType(target.type, target.name, target.typeNode);
    const QString &name = attribute.scalar;
    const auto incorrect = [&] {
        m_sink.error(attribute, u"The Referenced Attribute (%1 %2) is incorrect."_s.arg(target.name, name));
    };
    if (!resolved.nestedFile.isEmpty()) {
        // A nested stack's attributes are its outputs, plus resource.NAME of its resources.
        const std::optional<HeatTemplate> nested = loadNested(resolved.nestedFile);
        if (nested && !nested->yamlErrors().isEmpty())
            return;
        bool found = !nested || name.startsWith("resource."_L1) || name == "OS::stack_id"_L1;
        if (nested) {
            for (const TemplateOutput &o : nested->outputs())
                found = found || o.name == name;
            found = found || resolved.schema.hasAttribute(name);
        }
        if (!found && name != "show"_L1)
            incorrect();
        return;
    }
    const ResourceTypeSchema &schema = resolved.schema;
    if (!schema.isValid())
        return; // an unknown type is reported at its type already
    if (schema.hasAttribute(name)) {
        const SupportStatus status = schema.attributeStatus(name);
        if (status.status == SupportStatus::Status::Hidden || status.status == SupportStatus::Status::Deprecated) {
            m_sink.warning(attribute,
                           u"Attribute %1 of %2 is %3%4"_s.arg(
                               name, target.type, status.status == SupportStatus::Status::Hidden ? u"hidden"_s : u"deprecated"_s,
                               status.message.isEmpty() ? QString() : u": "_s + status.message));
        }
        return;
    }
    if (isGroupType(schema.name()) || isGroupType(target.type))
        return; // [group, member_attribute] and resource.N... pass through to the members
    if (isDeploymentType(schema.name())) {
        // A deployment also has the outputs its config declares. If the config is not a
        // resource of this template, its outputs are unknown here.
        const YamlNode *config =
            target.properties && target.properties->isMapping() ? target.properties->value(u"config") : nullptr;
        const YamlNode *ref = config && config->isMapping() ? config->value(u"get_resource") : nullptr;
        const TemplateResource *configResource = ref && ref->isScalar() ? m_template->resource(ref->scalar) : nullptr;
        if (!configResource || !configResource->properties || !configResource->properties->isMapping())
            return;
        const YamlNode *outputs = configResource->properties->value(u"outputs");
        if (!outputs || !outputs->isSequence())
            return incorrect();
        for (const YamlNode &output : outputs->items) {
            if (!output.isMapping())
                return; // built by a function: unknown
            const YamlNode *outputName = output.value(u"name");
            if (outputName && outputName->scalar == name)
                return;
        }
    }
    incorrect();
}

void TemplateValidation::checkGetFile(const YamlNode &args, const WalkContext &context)
{
    if (!args.isScalar()) {
        walk(args, context);
        return;
    }
    const QString path = localPath(args.scalar);
    if (path.isEmpty())
        return; // a URL, or an unsaved template with no folder: left to the client and server
    if (!fileExists(path))
        m_sink.error(args, u"Could not fetch contents for %1"_s.arg(QUrl::fromLocalFile(path).toString()));
}

void TemplateValidation::addDependency(const WalkContext &context, const QString &target)
{
    if (!context.resource.isEmpty())
        m_dependencies[context.resource].insert(target);
}

void TemplateValidation::checkCycles()
{
    // Depth-first search in document order; a back edge closes a cycle, reported once at the
    // first resource of it (in document order), with the path around it.
    enum class Mark { None, Active, Done };
    QHash<QString, Mark> marks;
    QStringList stack;
    QSet<QString> reported;
    std::function<void(const QString &)> visit = [&](const QString &name) {
        marks[name] = Mark::Active;
        stack.append(name);
        const QSet<QString> dependencies = m_dependencies.value(name);
        QStringList next(dependencies.begin(), dependencies.end());
        // Follow edges in document order, so messages are stable.
        std::sort(next.begin(), next.end(), [this](const QString &a, const QString &b) {
            const TemplateResource *ra = m_template->resource(a);
            const TemplateResource *rb = m_template->resource(b);
            return ra && rb ? ra->nameNode->range.start.offset < rb->nameNode->range.start.offset : a < b;
        });
        for (const QString &dep : std::as_const(next)) {
            const Mark mark = marks.value(dep, Mark::None);
            if (mark == Mark::Active) {
                QStringList cycle = stack.mid(stack.indexOf(dep));
                const TemplateResource *first = nullptr;
                for (const QString &member : std::as_const(cycle)) {
                    const TemplateResource *r = m_template->resource(member);
                    if (r && (!first || r->nameNode->range.start.offset < first->nameNode->range.start.offset))
                        first = r;
                }
                QStringList members = cycle;
                members.sort();
                const QString key = members.join(u',');
                if (first && !reported.contains(key)) {
                    reported.insert(key);
                    // Start the path at the reported resource.
                    const qsizetype at = cycle.indexOf(first->name);
                    QStringList path = cycle.mid(at) + cycle.mid(0, at);
                    path.append(first->name);
                    m_sink.error(*first->nameNode, u"Circular Dependency Found: %1"_s.arg(path.join(u" -> "_s)));
                }
            } else if (mark == Mark::None && m_template->resource(dep)) {
                visit(dep);
            }
        }
        stack.removeLast();
        marks[name] = Mark::Done;
    };
    for (const TemplateResource &r : m_template->resources()) {
        if (marks.value(r.name, Mark::None) == Mark::None)
            visit(r.name);
    }
}

} // namespace Pilvi
