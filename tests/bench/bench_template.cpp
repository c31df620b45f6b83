// SPDX-License-Identifier: GPL-3.0-or-later
// Parse and validate a generated 1,000-resource Heat template (servers, ports, volumes and
// attachments that refer to each other), as the editor does after each pause in typing: reports
// the time of each step, best of several runs.
// Run: tools/dev shell -- build/release/tests/bench/bench_template [RESOURCES] [RUNS]
#include "template/heattemplate.h"
#include "template/templatevalidator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Pilvi;

namespace {

// Quartets of port, server, volume and attachment, so a quarter of the resources of each kind.
QByteArray generate(int resources)
{
    QByteArray text = "heat_template_version: 2021-04-16\n"
                      "description: generated for bench_template\n"
                      "parameters:\n"
                      "  image: {type: string, default: debian-13}\n"
                      "  flavor: {type: string, default: m1.small}\n"
                      "  network: {type: string, default: private}\n"
                      "resources:\n";
    const int groups = resources / 4;
    for (int i = 0; i < groups; ++i) {
        const QByteArray n = QByteArray::number(i);
        text += "  port_" + n + ":\n    type: OS::Neutron::Port\n    properties:\n      network: {get_param: network}\n";
        text += "  server_" + n + ":\n    type: OS::Nova::Server\n    properties:\n      name: server-" + n +
                "\n      image: {get_param: image}\n      flavor: {get_param: flavor}\n"
                "      networks:\n        - port: {get_resource: port_" +
                n + "}\n";
        text += "  volume_" + n + ":\n    type: OS::Cinder::Volume\n    properties:\n      size: 10\n";
        text += "  attachment_" + n +
                ":\n    type: OS::Cinder::VolumeAttachment\n    properties:\n"
                "      instance_uuid: {get_resource: server_" +
                n + "}\n      volume_id: {get_resource: volume_" + n + "}\n";
    }
    text += "outputs:\n";
    for (int i = 0; i < groups; ++i) {
        const QByteArray n = QByteArray::number(i);
        text += "  ip_" + n + ":\n    value: {get_attr: [server_" + n + ", networks]}\n";
    }
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int resources = argc > 1 ? std::max(4, QByteArray(argv[1]).toInt()) : 1000;
    const int runs = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 5;
    const QByteArray text = generate(resources);

    QElapsedTimer timer;
    timer.start();
    const ResourceSchemaRegistry registry = ResourceSchemaRegistry::bundled();
    const qint64 loadMs = timer.elapsed();

    qint64 bestParse = -1;
    qint64 bestValidate = -1;
    qsizetype problems = 0;
    for (int run = 0; run < runs; ++run) {
        timer.restart();
        const HeatTemplate tmpl = HeatTemplate::parse(text);
        const qint64 parse = timer.nsecsElapsed();
        timer.restart();
        const QList<TemplateProblem> found = TemplateValidator(registry).validate(QString(), tmpl);
        const qint64 validate = timer.nsecsElapsed();
        problems = found.size();
        bestParse = bestParse < 0 ? parse : std::min(bestParse, parse);
        bestValidate = bestValidate < 0 ? validate : std::min(bestValidate, validate);
    }
    std::printf("template: %d resources, %lld lines, %lld bytes\n", (resources / 4) * 4, static_cast<long long>(text.count('\n')),
                static_cast<long long>(text.size()));
    std::printf("load bundled schemas (once): %lld ms (%lld types)\n", static_cast<long long>(loadMs),
                static_cast<long long>(registry.typeNames().size()));
    std::printf("parse (best of %d): %.1f ms\n", runs, static_cast<double>(bestParse) / 1e6);
    std::printf("validate (best of %d): %.1f ms\n", runs, static_cast<double>(bestValidate) / 1e6);
    std::printf("parse + validate: %.1f ms, %lld problems\n", static_cast<double>(bestParse + bestValidate) / 1e6,
                static_cast<long long>(problems));
    return problems == 0 ? 0 : 1;
}
