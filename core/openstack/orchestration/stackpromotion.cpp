// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/orchestration/stackpromotion.h"

#include "net/apierror.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "yaml/yamldocument.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <memory>
#include <numeric>
#include <vector>

namespace Pilvi {

QList<DiffLine> diffLines(const QStringList &before, const QStringList &after)
{
    // Classic LCS table, from the ends so the walk below goes forwards. Templates are a few
    // hundred lines: the n*m table stays small, and it is simple enough to be obviously right.
    const qsizetype n = before.size();
    const qsizetype m = after.size();
    std::vector<int> lcs(static_cast<size_t>((n + 1) * (m + 1)), 0);
    const auto at = [m](qsizetype i, qsizetype j) { return static_cast<size_t>(i * (m + 1) + j); };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[at(i, j)] = before[i] == after[j] ? lcs[at(i + 1, j + 1)] + 1 : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
    }
    QList<DiffLine> diff;
    diff.reserve(n + m - lcs[0]);
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && before[i] == after[j]) {
            diff.append({DiffLine::Kind::Same, before[i], int(i + 1), int(j + 1)});
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[at(i + 1, j)] >= lcs[at(i, j + 1)])) {
            diff.append({DiffLine::Kind::Removed, before[i], int(i + 1), 0});
            ++i;
        } else {
            diff.append({DiffLine::Kind::Added, after[j], 0, int(j + 1)});
            ++j;
        }
    }
    return diff;
}

QString unifiedDiff(const QList<DiffLine> &diff, const QString &beforeName, const QString &afterName, int context)
{
    const qsizetype count = diff.size();
    // Which lines are shown: every change and `context` lines either side of it.
    std::vector<bool> shown(static_cast<size_t>(count), false);
    bool anyChange = false;
    for (qsizetype k = 0; k < count; ++k) {
        if (diff[k].kind == DiffLine::Kind::Same)
            continue;
        anyChange = true;
        for (qsizetype c = std::max<qsizetype>(0, k - context); c <= std::min(count - 1, k + context); ++c)
            shown[static_cast<size_t>(c)] = true;
    }
    if (!anyChange)
        return {};
    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(beforeName, afterName);
    qsizetype k = 0;
    int oldLine = 1; // the next line number of each side, for hunks that start with an addition
    int newLine = 1;
    while (k < count) {
        if (!shown[static_cast<size_t>(k)]) {
            oldLine += diff[k].oldLine != 0 ? 1 : 0;
            newLine += diff[k].newLine != 0 ? 1 : 0;
            ++k;
            continue;
        }
        qsizetype end = k;
        while (end < count && shown[static_cast<size_t>(end)])
            ++end;
        int oldCount = 0;
        int newCount = 0;
        QString body;
        for (qsizetype c = k; c < end; ++c) {
            const DiffLine &line = diff[c];
            const QChar mark = line.kind == DiffLine::Kind::Same ? u' ' : line.kind == DiffLine::Kind::Removed ? u'-' : u'+';
            oldCount += line.kind != DiffLine::Kind::Added ? 1 : 0;
            newCount += line.kind != DiffLine::Kind::Removed ? 1 : 0;
            body += mark + line.text + u'\n';
        }
        // diff -u numbers an empty side by the line before it.
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                   .arg(oldCount == 0 ? oldLine - 1 : oldLine)
                   .arg(oldCount)
                   .arg(newCount == 0 ? newLine - 1 : newLine)
                   .arg(newCount);
        out += body;
        oldLine += oldCount;
        newLine += newCount;
        k = end;
    }
    return out;
}

namespace {

QString scalarText(const YamlNode &node)
{
    if (node.isNull())
        return QStringLiteral("null");
    if (node.scalar.isEmpty())
        return QStringLiteral("''");
    return node.scalar;
}

void emitNode(const YamlNode &node, int indent, QStringList &lines, const QString &prefix);

// A value after `prefix` ("key:" or "-"): scalars on the same line, collections below it.
void emitValue(const YamlNode &value, int indent, QStringList &lines, const QString &prefix)
{
    const QString pad(indent, u' ');
    if (value.isScalar() && value.scalar.contains(u'\n')) {
        lines.append(pad + prefix + QStringLiteral(" |"));
        QString text = value.scalar;
        if (text.endsWith(u'\n'))
            text.chop(1);
        const auto textLines = text.split(u'\n');
        for (const QString &line : textLines)
            lines.append(QString(indent + 2, u' ') + line);
    } else if (value.isScalar() || value.isNull()) {
        lines.append(pad + prefix + u' ' + scalarText(value));
    } else if (value.items.isEmpty()) {
        lines.append(pad + prefix + (value.isMapping() ? QStringLiteral(" {}") : QStringLiteral(" []")));
    } else {
        lines.append(pad + prefix);
        emitNode(value, indent + 2, lines, {});
    }
}

void emitNode(const YamlNode &node, int indent, QStringList &lines, const QString &prefix)
{
    Q_UNUSED(prefix)
    if (node.isMapping()) {
        QList<qsizetype> order(node.keys.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&node](qsizetype a, qsizetype b) { return node.keys[a].scalar < node.keys[b].scalar; });
        for (qsizetype k : order)
            emitValue(node.items[k], indent, lines, node.keys[k].scalar + u':');
    } else if (node.isSequence()) {
        for (const YamlNode &item : node.items)
            emitValue(item, indent, lines, QStringLiteral("-"));
    } else {
        lines.append(QString(indent, u' ') + scalarText(node));
    }
}

bool isOsParameter(const QString &name)
{
    return name.startsWith(QLatin1StringView("OS::"));
}

} // namespace

QString normalizedTemplate(const QByteArray &templateText)
{
    const YamlParseResult parsed = parseYaml(templateText);
    if (!parsed.root || !parsed.errors.isEmpty())
        return QString::fromUtf8(templateText);
    QStringList lines;
    emitNode(*parsed.root, 0, lines, {});
    return lines.join(u'\n') + u'\n';
}

QString ParameterChange::displayValue(const QString &value) const
{
    if (!hidden)
        return value;
    return kind == Kind::Same ? QCoreApplication::translate("Pilvi::ParameterChange", "(hidden, same)")
                              : QCoreApplication::translate("Pilvi::ParameterChange", "(hidden, changed)");
}

QString ParameterChange::kindName() const
{
    switch (kind) {
    case Kind::Same: return QStringLiteral("same");
    case Kind::Added: return QStringLiteral("added");
    case Kind::Removed: return QStringLiteral("removed");
    case Kind::Changed: return QStringLiteral("changed");
    }
    return {};
}

QList<ParameterChange> diffParameters(const QMap<QString, QString> &source, const std::optional<QMap<QString, QString>> &target,
                                      const QSet<QString> &hidden, const QSet<QString> &environmentSpecific)
{
    QList<ParameterChange> changes;
    for (auto it = source.cbegin(); it != source.cend(); ++it) {
        if (isOsParameter(it.key()))
            continue;
        ParameterChange change;
        change.name = it.key();
        change.hidden = hidden.contains(it.key());
        change.environmentSpecific = environmentSpecific.contains(it.key());
        change.sourceValue = it.value();
        change.targetValue = it.value();
        if (target && target->contains(it.key())) {
            change.currentValue = target->value(it.key());
            change.kind =
                change.currentValue == change.sourceValue ? ParameterChange::Kind::Same : ParameterChange::Kind::Changed;
        } else {
            change.kind = ParameterChange::Kind::Added;
        }
        changes.append(change);
    }
    if (target) {
        for (auto it = target->cbegin(); it != target->cend(); ++it) {
            if (isOsParameter(it.key()) || source.contains(it.key()))
                continue;
            ParameterChange change;
            change.name = it.key();
            change.kind = ParameterChange::Kind::Removed;
            change.hidden = hidden.contains(it.key());
            change.environmentSpecific = environmentSpecific.contains(it.key());
            change.currentValue = it.value();
            changes.append(change);
        }
    }
    std::sort(changes.begin(), changes.end(), [](const ParameterChange &a, const ParameterChange &b) { return a.name < b.name; });
    return changes;
}

namespace {

const YamlNode *templateParameters(const YamlParseResult &parsed)
{
    if (!parsed.root || !parsed.root->isMapping())
        return nullptr;
    const YamlNode *parameters = parsed.root->value(u"parameters");
    return parameters && parameters->isMapping() ? parameters : nullptr;
}

bool hasEnvironmentConstraint(const YamlNode &definition)
{
    static const QStringList constraints{QStringLiteral("nova.keypair"),          QStringLiteral("nova.flavor"),
                                         QStringLiteral("glance.image"),          QStringLiteral("neutron.network"),
                                         QStringLiteral("neutron.subnet"),        QStringLiteral("neutron.port"),
                                         QStringLiteral("neutron.router"),        QStringLiteral("nova.host"),
                                         QStringLiteral("cinder.volume"),         QStringLiteral("cinder.vtype"),
                                         QStringLiteral("neutron.security_group")};
    const YamlNode *list = definition.isMapping() ? definition.value(u"constraints") : nullptr;
    if (!list || !list->isSequence())
        return false;
    return std::any_of(list->items.cbegin(), list->items.cend(), [](const YamlNode &item) {
        const YamlNode *custom = item.isMapping() ? item.value(u"custom_constraint") : nullptr;
        return custom && custom->isScalar() && constraints.contains(custom->scalar);
    });
}

} // namespace

QSet<QString> environmentSpecificParameters(const QByteArray &templateText)
{
    // Names as templates usually spell them: key_name, public_net, flavor, image_id...
    static const QRegularExpression byName(QStringLiteral("(^|_)(key|keypair|key_name|net|network|subnet|flavor|image|az|"
                                                          "availability_zone|security_group|router|dns|domain)(_|$|s$)"),
                                           QRegularExpression::CaseInsensitiveOption);
    QSet<QString> names;
    const YamlParseResult parsed = parseYaml(templateText);
    const YamlNode *parameters = templateParameters(parsed);
    if (!parameters)
        return names;
    for (qsizetype i = 0; i < parameters->keys.size(); ++i) {
        const QString &name = parameters->keys[i].scalar;
        if (byName.match(name).hasMatch() || hasEnvironmentConstraint(parameters->items[i]))
            names.insert(name);
    }
    return names;
}

QSet<QString> templateHiddenParameters(const QByteArray &templateText)
{
    QSet<QString> hidden;
    const YamlParseResult parsed = parseYaml(templateText);
    const YamlNode *parameters = templateParameters(parsed);
    if (!parameters)
        return hidden;
    for (qsizetype i = 0; i < parameters->keys.size(); ++i) {
        const YamlNode *flag = parameters->items[i].isMapping() ? parameters->items[i].value(u"hidden") : nullptr;
        if (flag && flag->isScalar() && flag->scalar.compare(QLatin1StringView("true"), Qt::CaseInsensitive) == 0)
            hidden.insert(parameters->keys[i].scalar);
    }
    return hidden;
}

bool PromotionPlan::templateChanged() const
{
    return std::any_of(templateDiff.cbegin(), templateDiff.cend(),
                       [](const DiffLine &line) { return line.kind != DiffLine::Kind::Same; });
}

QMap<QString, QString> PromotionPlan::targetParameters() const
{
    QMap<QString, QString> values;
    for (const ParameterChange &change : parameters) {
        if (change.kind == ParameterChange::Kind::Removed)
            continue;
        // Heat shows hidden values as asterisks: sending those back would set them.
        if (change.hidden && (change.targetValue.isEmpty() || change.targetValue == QLatin1StringView("******")))
            continue;
        values.insert(change.name, change.targetValue);
    }
    return values;
}

StackCreateRequest PromotionPlan::createRequest() const
{
    StackCreateRequest request;
    request.name = target.stackName;
    request.templateText = source.templateText;
    request.parameters = targetParameters();
    request.files = source.files;
    request.environmentText = source.environmentText;
    return request;
}

StackUpdateRequest PromotionPlan::updateRequest() const
{
    StackUpdateRequest request;
    request.existing = true;
    request.templateText = source.templateText;
    request.parameters = targetParameters();
    request.files = source.files;
    request.environmentText = source.environmentText;
    return request;
}

PromotionPlan planPromotion(const PromotionSource &source, const PromotionTarget &target)
{
    PromotionPlan plan;
    plan.source = source;
    plan.target = target;
    plan.action = target.exists ? PromotionPlan::Action::Update : PromotionPlan::Action::Create;
    const QStringList after = normalizedTemplate(source.templateText).split(u'\n', Qt::SkipEmptyParts);
    const QStringList before =
        target.exists ? normalizedTemplate(target.templateText).split(u'\n', Qt::SkipEmptyParts) : QStringList();
    plan.templateDiff = diffLines(before, after);
    QSet<QString> hidden = templateHiddenParameters(source.templateText);
    if (target.exists)
        hidden.unite(templateHiddenParameters(target.templateText));
    plan.parameters = diffParameters(source.parameters, target.exists ? std::optional(target.parameters) : std::nullopt, hidden,
                                     environmentSpecificParameters(source.templateText));
    return plan;
}

namespace {

// Heat masks hidden values in "show"; the environment keeps what the user gave.
QMap<QString, QString> unmasked(QMap<QString, QString> shown, const StackEnvironment &environment)
{
    for (auto it = shown.begin(); it != shown.end(); ++it) {
        if (it.value() == QLatin1StringView("******") && environment.parameters.contains(it.key()))
            it.value() = environment.parameters.value(it.key());
    }
    return shown;
}

struct Gathered {
    PromotionSource source;
    PromotionTarget target;
    QString sourceId;
};

} // namespace

QFuture<PromotionPlan> fetchPromotionPlan(Session *sourceSession, const QString &sourceStack, Environment sourceEnvironment,
                                          Session *targetSession, const QString &targetStackName, Environment targetEnvironment)
{
    auto gathered = std::make_shared<Gathered>();
    gathered->source.environment = sourceEnvironment;
    gathered->target.environment = targetEnvironment;
    gathered->target.stackName = targetStackName;
    return OrchestrationClient(sourceSession)
        .showStack(sourceStack)
        .then([sourceSession, gathered](const Stack &stack) {
            gathered->source.stackName = stack.name;
            gathered->source.parameters = stack.parameters;
            gathered->sourceId = stack.id;
            return OrchestrationClient(sourceSession).stackTemplate(stack.name, stack.id);
        })
        .unwrap()
        .then([sourceSession, gathered](const QByteArray &templateText) {
            gathered->source.templateText = templateText;
            return OrchestrationClient(sourceSession).stackEnvironment(gathered->source.stackName, gathered->sourceId);
        })
        .unwrap()
        .then([sourceSession, gathered](const StackEnvironment &environment) {
            gathered->source.parameters = unmasked(gathered->source.parameters, environment);
            return OrchestrationClient(sourceSession).stackFiles(gathered->source.stackName, gathered->sourceId);
        })
        .unwrap()
        .then([targetSession, gathered, targetStackName](const QMap<QString, QByteArray> &files) {
            gathered->source.files = files;
            // A missing target stack is an answer (create), not a failure.
            return OrchestrationClient(targetSession)
                .showStack(targetStackName)
                .then([](const Stack &stack) { return std::optional<Stack>(stack); })
                .onFailed([](const ApiError &error) -> std::optional<Stack> {
                    if (error.httpStatus() == 404)
                        return std::nullopt;
                    throw error;
                });
        })
        .unwrap()
        .then([targetSession, gathered](const std::optional<Stack> &existing) {
            if (!existing)
                return QtFuture::makeReadyValueFuture(QByteArray());
            gathered->target.exists = true;
            gathered->target.stackId = existing->id;
            gathered->target.stackName = existing->name;
            gathered->target.parameters = existing->parameters;
            return OrchestrationClient(targetSession).stackTemplate(existing->name, existing->id);
        })
        .unwrap()
        .then([targetSession, gathered](const QByteArray &targetTemplate) {
            gathered->target.templateText = targetTemplate;
            auto plan = std::make_shared<PromotionPlan>(planPromotion(gathered->source, gathered->target));
            if (plan->action == PromotionPlan::Action::Create)
                return QtFuture::makeReadyValueFuture(*plan);
            return OrchestrationClient(targetSession)
                .previewUpdate(plan->target.stackName, plan->target.stackId, plan->updateRequest())
                .then([plan](const StackUpdatePreview &preview) {
                    plan->preview = preview;
                    return *plan;
                });
        })
        .unwrap();
}

} // namespace Pilvi
