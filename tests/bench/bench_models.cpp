// SPDX-License-Identifier: GPL-3.0-or-later
// Parse and load 10,000 volumes and 10,000 stack events into their models, as a refresh of a
// big project would: reports the time of each step and the peak memory (VmHWM).
// Run: tools/dev shell -- build/release/tests/bench/bench_models [COUNT]
#include "models/eventlistmodel.h"
#include "models/stackresourcetreemodel.h"
#include "models/volumelistmodel.h"
#include "openstack/blockstorage/blockstorageparse.h"
#include "openstack/orchestration/orchestrationparse.h"

#include "benchdata.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Pilvi;

namespace {
using BenchData::manyOf;
using BenchData::statusKib;

template<typename Parse, typename Model>
void measure(const char *what, const QByteArray &body, Parse parse, Model &model)
{
    QElapsedTimer timer;
    timer.start();
    const auto items = parse(body);
    const qint64 parseMs = timer.restart();
    model.setItems(items);
    const qint64 loadMs = timer.restart();
    // A refresh with one changed item: the diff path.
    auto changed = items;
    changed[changed.size() / 2].status = QStringLiteral("changed");
    model.setItems(changed);
    const qint64 refreshMs = timer.elapsed();
    std::printf("%-8s %6lld items: body %7.1f KiB, parse %4lld ms, first load %4lld ms, diff refresh %4lld ms, rows %d\n", what,
                static_cast<long long>(items.size()), body.size() / 1024.0, static_cast<long long>(parseMs),
                static_cast<long long>(loadMs), static_cast<long long>(refreshMs), model.rowCount());
}

// `count` resources as listResources(stack, nested_depth) returns them for a stack of groups: each
// group's nested stack holds 99 members.
void measureResourceTree(int count)
{
    QList<StackResource> resources;
    resources.reserve(count);
    const int groups = std::max(1, count / 100);
    for (int g = 0; g < groups && resources.size() < count; ++g) {
        StackResource group;
        group.name = QStringLiteral("group-%1").arg(g);
        group.stackId = QStringLiteral("top");
        group.nestedStackId = QStringLiteral("nested-%1").arg(g);
        group.type = QStringLiteral("OS::Heat::ResourceGroup");
        group.status = QStringLiteral("CREATE_COMPLETE");
        resources.append(group);
        for (int m = 0; m < 99 && resources.size() < count; ++m) {
            StackResource member;
            member.name = QString::number(m);
            member.stackId = group.nestedStackId;
            member.physicalId = QStringLiteral("server-%1-%2").arg(g).arg(m);
            member.type = QStringLiteral("OS::Nova::Server");
            member.status = QStringLiteral("CREATE_COMPLETE");
            resources.append(member);
        }
    }
    StackResourceTreeModel model;
    QElapsedTimer timer;
    timer.start();
    model.setResources(resources);
    const qint64 loadMs = timer.restart();
    resources[resources.size() / 2].status = QStringLiteral("UPDATE_IN_PROGRESS");
    model.setResources(resources);
    const qint64 refreshMs = timer.elapsed();
    std::printf("resource tree %6lld items (%d groups): first load %4lld ms, diff refresh %4lld ms, top rows %d\n",
                static_cast<long long>(resources.size()), groups, static_cast<long long>(loadMs),
                static_cast<long long>(refreshMs), model.rowCount());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 10000;
    const long before = statusKib("VmHWM:");

    const QByteArray volumesBody = manyOf(QStringLiteral("cinder_volumes"), QStringLiteral("volumes"), count,
                                          {QStringLiteral("id"), QStringLiteral("name")});
    VolumeListModel volumes;
    measure("volumes", volumesBody, &CinderParse::volumes, volumes);

    const QByteArray eventsBody = manyOf(QStringLiteral("heat_events"), QStringLiteral("events"), count, {QStringLiteral("id")});
    EventListModel events;
    measure("events", eventsBody, &HeatParse::events, events);

    measureResourceTree(count);

    std::printf("peak RSS: %ld KiB at start, %ld KiB after all (the volume and event bodies and models held)\n", before,
                statusKib("VmHWM:"));
    return 0;
}
