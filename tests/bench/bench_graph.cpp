// SPDX-License-Identifier: GPL-3.0-or-later
// A generated template of COUNT resources (default 1,000) in the shape real ones have: networks,
// subnets, ports, servers, volumes and their attachments, scaling groups with policies and
// alarms, software configs and deployments. Reports the time of each step the Templates page and
// pilvi-cli take: parse, extract the graph, lay it out with Graphviz, render SVG, and a rename
// as a text edit.
// Run: tools/dev shell -- build/release/tests/bench/bench_graph [COUNT]
#include "template/graphlayout.h"
#include "template/templateedits.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace Pilvi;

namespace {

// Ten resources a group, referencing each other and the previous group's network.
QByteArray generateTemplate(int count)
{
    QByteArray text = "heat_template_version: 2021-04-16\n"
                      "description: Generated for the benchmark.\n\n"
                      "parameters:\n  image: {type: string, default: debian-12}\n\n"
                      "resources:\n";
    const auto add = [&text](const QString &body) { text += body.toUtf8(); };
    int made = 0;
    for (int g = 0; made < count; ++g) {
        const QString n = QString::number(g);
        const QString previous = QString::number(std::max(0, g - 1));
        const QStringList group = {
            QStringLiteral("  # Group %1\n  net_%1:\n    type: OS::Neutron::Net\n").arg(n),
            QStringLiteral("  subnet_%1:\n    type: OS::Neutron::Subnet\n    properties:\n      network: {get_resource: net_%1}\n"
                           "      cidr: 10.%1.0.0/24\n")
                .arg(n),
            QStringLiteral("  port_%1:\n    type: OS::Neutron::Port\n    properties:\n      network: {get_resource: net_%1}\n"
                           "      fixed_ips: [{subnet: {get_resource: subnet_%1}}]\n")
                .arg(n),
            QStringLiteral("  config_%1:\n    type: OS::Heat::SoftwareConfig\n    properties:\n      group: script\n"
                           "      config:\n        str_replace:\n          template: echo $PEER\n"
                           "          params: {$PEER: {get_attr: [server_%2, first_address]}}\n")
                .arg(n, previous),
            QStringLiteral("  server_%1:\n    type: OS::Nova::Server\n    depends_on: subnet_%1\n    properties:\n"
                           "      image: {get_param: image}\n      flavor: m1.small\n"
                           "      networks:\n        - port: {get_resource: port_%1}\n")
                .arg(n),
            QStringLiteral("  deployment_%1:\n    type: OS::Heat::SoftwareDeployment\n    properties:\n"
                           "      config: {get_resource: config_%1}\n      server: {get_resource: server_%1}\n")
                .arg(n),
            QStringLiteral("  volume_%1:\n    type: OS::Cinder::Volume\n    properties: {size: 10}\n").arg(n),
            QStringLiteral("  attach_%1:\n    type: OS::Cinder::VolumeAttachment\n    depends_on: [deployment_%1]\n"
                           "    properties:\n      instance_uuid: {get_resource: server_%1}\n"
                           "      volume_id: {get_resource: volume_%1}\n")
                .arg(n),
            QStringLiteral("  asg_%1:\n    type: OS::Heat::AutoScalingGroup\n    properties:\n      min_size: 1\n"
                           "      max_size: 3\n      resource:\n        type: OS::Nova::Server\n        properties:\n"
                           "          flavor: m1.small\n          networks: [{network: {get_resource: net_%2}}]\n")
                .arg(n, previous),
            QStringLiteral("  scale_up_%1:\n    type: OS::Heat::ScalingPolicy\n    properties:\n"
                           "      adjustment_type: change_in_capacity\n      auto_scaling_group_id: {get_resource: asg_%1}\n"
                           "      scaling_adjustment: 1\n")
                .arg(n),
        };
        for (const QString &resource : group) {
            if (made++ < count)
                add(resource);
        }
    }
    text += "\noutputs:\n  first_server:\n    value: {get_attr: [server_0, first_address]}\n";
    return text;
}

template<typename F>
auto timed(const char *what, F &&step)
{
    QElapsedTimer timer;
    timer.start();
    auto result = step();
    std::printf("%-34s %9.1f ms\n", what, double(timer.nsecsElapsed()) / 1e6);
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 1000;
    const QByteArray text = generateTemplate(count);
    std::printf("template: %d resources, %lld lines, %lld bytes\n", count, static_cast<long long>(text.count('\n')),
                static_cast<long long>(text.size()));

    const YamlParseResult parsed = timed("parse (libfyaml, positions)", [&] { return parseYaml(text); });
    if (!parsed.root)
        qFatal("generated template does not parse: %s", qPrintable(parsed.errors.value(0).message));
    const ResourceGraph graph = timed("extract graph", [&] { return buildResourceGraph(*parsed.root); });
    std::printf("graph: %lld nodes, %lld edges\n", static_cast<long long>(graph.nodes.size()),
                static_cast<long long>(graph.edges.size()));
    // The first layout also loads Graphviz's plugins; the second is what the editor pays.
    const GraphLayout first = timed("layout (dot), first", [&] { return layoutResourceGraph(graph); });
    if (!first.error.isEmpty())
        qFatal("layout failed: %s", qPrintable(first.error));
    const GraphLayout layout = timed("layout (dot), again", [&] { return layoutResourceGraph(graph); });
    std::printf("layout: %.0f x %.0f points, %lld edges drawn\n", layout.boundingBox.width(), layout.boundingBox.height(),
                static_cast<long long>(layout.edges.size()));
    const QByteArray svg = timed("render SVG (dot + svg)", [&] { return renderResourceGraphSvg(graph); });
    std::printf("svg: %lld bytes\n", static_cast<long long>(svg.size()));
    const TemplateEditResult rename = timed("rename net_0 (text edits)", [&] {
        return TemplateEdits::renameResource(text, QStringLiteral("net_0"), QStringLiteral("network_0"));
    });
    std::printf("rename: %lld edits\n", static_cast<long long>(rename.edits.size()));
    timed("parse + extract after the edit", [&] { return buildResourceGraph(applyTextEdits(text, rename.edits)); });
    return 0;
}
