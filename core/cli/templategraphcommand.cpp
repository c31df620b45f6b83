// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/templategraphcommand.h"

#include "cli/cliapp.h"
#include "template/graphlayout.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

namespace Pilvi {

namespace {

int usage(QTextStream &err, const QString &message)
{
    err << "pilvi-cli: " << message << "\nTry 'pilvi-cli --help'.\n";
    return CliUsage;
}

std::optional<GraphLayoutOptions::Direction> directionNamed(const QString &name)
{
    using Direction = GraphLayoutOptions::Direction;
    for (Direction direction : {Direction::TopToBottom, Direction::LeftToRight, Direction::BottomToTop, Direction::RightToLeft}) {
        if (directionKey(direction).compare(name, Qt::CaseInsensitive) == 0)
            return direction;
    }
    return std::nullopt;
}

} // namespace

int runTemplateGraph(const QStringList &arguments, const QString &workingDirectory, QTextStream &out, QTextStream &err)
{
    QString file;
    QString svg;
    GraphLayoutOptions options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (arg == u"--svg" || arg == u"--rankdir") {
            if (++i >= arguments.size())
                return usage(err, QStringLiteral("%1 needs a value").arg(arg));
            if (arg == u"--svg") {
                svg = arguments[i];
            } else if (const auto direction = directionNamed(arguments[i])) {
                options.direction = *direction;
            } else {
                return usage(err, QStringLiteral("--rankdir takes TB, LR, BT or RL, not '%1'").arg(arguments[i]));
            }
        } else if (arg.startsWith(u'-') && arg != u"-") {
            return usage(err, QStringLiteral("unknown option '%1'").arg(arg));
        } else if (file.isEmpty()) {
            file = arg;
        } else {
            return usage(err, QStringLiteral("'template graph' takes one FILE"));
        }
    }
    if (file.isEmpty())
        return usage(err, QStringLiteral("'template graph' takes FILE [--svg OUT]"));

    QFile input(file == u"-" ? QString() : QDir(workingDirectory).absoluteFilePath(file));
    const bool opened = file == u"-" ? input.open(stdin, QIODevice::ReadOnly) : input.open(QIODevice::ReadOnly);
    if (!opened) {
        err << "pilvi-cli: cannot read " << file << ": " << input.errorString() << '\n';
        return CliError;
    }
    const YamlParseResult parsed = parseYaml(input.readAll());
    if (!parsed.root) {
        // The form editors and CI logs understand.
        for (const YamlError &error : parsed.errors)
            err << file << ':' << error.position.line << ':' << error.position.column << ": error: " << error.message << '\n';
        return CliError;
    }
    const ResourceGraph graph = buildResourceGraph(*parsed.root);

    if (svg.isEmpty()) {
        for (const ResourceNode &node : graph.nodes)
            out << node.name << " (" << (node.type.isEmpty() ? QStringLiteral("no type") : node.type) << ")\n";
        for (const ResourceEdge &edge : graph.edges) {
            out << edge.from << " -> " << edge.to << " (" << referenceKindKey(edge.kind) << ", line " << edge.range.start.line
                << ")\n";
        }
        return CliSuccess;
    }
    QString error;
    const QByteArray drawing = renderResourceGraphSvg(graph, options, &error);
    if (drawing.isEmpty()) {
        err << "pilvi-cli: " << error << '\n';
        return CliError;
    }
    if (svg == u"-") {
        out << QString::fromUtf8(drawing);
        return CliSuccess;
    }
    QSaveFile output(QDir(workingDirectory).absoluteFilePath(svg));
    if (!output.open(QIODevice::WriteOnly) || output.write(drawing) != drawing.size() || !output.commit()) {
        err << "pilvi-cli: cannot write " << svg << ": " << output.errorString() << '\n';
        return CliError;
    }
    if (graph.nodes.isEmpty())
        err << "pilvi-cli: warning: " << file << " declares no resources\n";
    return CliSuccess;
}

} // namespace Pilvi
