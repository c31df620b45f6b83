// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/heaterrorpath.h"

#include "template/heattemplate.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Pilvi {

namespace {

// "networks[0]" -> "networks", "0"; "a.b" -> "a", "b".
QStringList pathSteps(QStringView path)
{
    QStringList steps;
    static const QRegularExpression indexed(u"^(.*?)((?:\\[\\d+\\])+)$"_s);
    const auto parts = path.split(u'.', Qt::SkipEmptyParts);
    for (const QStringView part : parts) {
        const QRegularExpressionMatch m = indexed.matchView(part);
        if (!m.hasMatch()) {
            steps.append(part.toString());
            continue;
        }
        if (!m.capturedView(1).isEmpty())
            steps.append(m.captured(1));
        static const QRegularExpression index(u"\\[(\\d+)\\]"_s);
        for (auto it = index.globalMatchView(m.capturedView(2)); it.hasNext();)
            steps.append(it.next().captured(1));
    }
    return steps;
}

} // namespace

const YamlNode *nodeForHeatPath(const YamlNode &root, QStringView path)
{
    const YamlNode *node = &root;
    const YamlNode *found = nullptr;
    const YamlNode *lastKey = nullptr; // the key of the deepest mapping step found
    const QStringList steps = pathSteps(path);
    for (const QString &step : steps) {
        const YamlNode *next = nullptr;
        if (node->isMapping()) {
            next = node->value(step);
            if (next)
                lastKey = node->key(step);
        } else if (node->isSequence()) {
            bool ok = false;
            const int index = step.toInt(&ok);
            if (ok && index >= 0 && index < node->items.size())
                next = &node->items[index];
        }
        if (!next)
            return lastKey ? lastKey : found; // a key Heat names but the text lacks: its parent's key
        node = next;
        found = next;
    }
    return found;
}

TemplateProblem problemFromHeatError(const HeatTemplate &tmpl, const QString &file, const QString &message)
{
    TemplateProblem problem;
    problem.file = file;
    problem.message = message.trimmed();
    problem.range = {{1, 1, 0}, {1, 1, 0}};
    const YamlNode *root = tmpl.root();
    if (!root)
        return problem;
    // The key path follows "Error kind: " (when there is one) and ends at ": "; a step may hold
    // "::" (Fn::Join).
    static const QRegularExpression withPath(
        u"(?:^|: )((?:resources|outputs|parameters|conditions|parameter_groups)(?:\\.(?:[^\\s:]|::)+|\\[\\d+\\])*)(?:: |$)"_s);
    const QRegularExpressionMatch m = withPath.match(problem.message);
    if (m.hasMatch()) {
        if (const YamlNode *node = nodeForHeatPath(*root, m.capturedView(1)))
            problem.range = node->range;
        return problem;
    }
    // No path: a message naming a resource type or a section; point at it when it is unique.
    static const QRegularExpression resourceType(u"The Resource Type \\((.+?)\\) could not be found"_s);
    if (const QRegularExpressionMatch t = resourceType.match(problem.message); t.hasMatch()) {
        for (const TemplateResource &r : tmpl.resources()) {
            if (r.type == t.captured(1) && r.typeNode) {
                problem.range = r.typeNode->range;
                break;
            }
        }
    }
    static const QRegularExpression section(u"The template section is invalid: (\\S+)"_s);
    if (const QRegularExpressionMatch s = section.match(problem.message); s.hasMatch()) {
        if (const YamlNode *key = root->key(s.captured(1)))
            problem.range = key->range;
    }
    return problem;
}

} // namespace Pilvi
