// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI under a big project: 10,000 stacks and 10,000 volumes loaded into the Stacks and Volumes
// pages as a refresh does it (the body parsed on a worker thread, the model filled on the GUI
// thread, the table painted), then sorted and filtered as a user would. Reports each phase's
// longest GUI-thread stall (the largest gap between the ticks of a 1 ms timer) and the memory.
// Run (offscreen): tools/dev shell -- env QT_QPA_PLATFORM=offscreen build/release/tests/bench/bench_views [COUNT]
#include "models/stacklistmodel.h"
#include "models/volumelistmodel.h"
#include "openstack/blockstorage/blockstorageparse.h"
#include "openstack/orchestration/orchestrationparse.h"

#include "benchdata.h"
#include "views/stackspage.h"
#include "views/volumespage.h"

#include <KSyntaxHighlighting/Repository>

#include <QAbstractProxyModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFuture>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QtConcurrentRun>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <type_traits>

using namespace Pilvi;

namespace {
using BenchData::manyOf;
using BenchData::statusKib;

// Runs `phase` on the event loop (it calls `done` when its work is in) and keeps the loop going a
// little longer so the paint that follows is measured too. Returns the longest gap between two
// ticks of a 1 ms timer: how long the GUI thread could not answer the user.
qint64 longestStall(const std::function<void(std::function<void()>)> &phase, qint64 *wallMs)
{
    QEventLoop loop;
    QElapsedTimer clock;
    qint64 last = 0, worst = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.elapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    clock.start();
    heartbeat.start();
    phase([&] { QTimer::singleShot(300, &loop, &QEventLoop::quit); });
    loop.exec();
    *wallMs = clock.elapsed() - 300;
    return worst;
}

template<typename Model>
Model *sourceOf(QTableView *view)
{
    QAbstractItemModel *model = view->model();
    while (auto *proxy = qobject_cast<QAbstractProxyModel *>(model))
        model = proxy->sourceModel();
    return qobject_cast<Model *>(model);
}

template<typename Model, typename Parse>
void measurePage(const char *what, CloudTablePage &page, const QByteArray &body, Parse parse, const QString &filterText)
{
    using Items = std::invoke_result_t<Parse, const QByteArray &>;
    Model *model = sourceOf<Model>(page.view());
    if (!model)
        qFatal("%s: no model", what);
    page.resize(1280, 800);
    page.show();
    const long rssBefore = statusKib("VmRSS:");
    qint64 loadWall = 0;
    qint64 parseMs = 0;
    // As a page's load does: parse on a worker thread, fill the model in a continuation on the GUI thread.
    const qint64 loadStall = longestStall(
        [&](const std::function<void()> &done) {
            QtConcurrent::run([&body, parse, &parseMs] {
                QElapsedTimer timer;
                timer.start();
                auto items = parse(body);
                parseMs = timer.elapsed();
                return items;
            }).then(&page, [model, done](const Items &items) {
                model->setItems(items);
                done();
            });
        },
        &loadWall);
    const long rssAfter = statusKib("VmRSS:");

    // A refresh with every row the same but one: the diff path.
    qint64 refreshWall = 0;
    const qint64 refreshStall = longestStall(
        [&](const std::function<void()> &done) {
            auto items = model->items();
            items[items.size() / 2].status = QStringLiteral("DELETE_IN_PROGRESS");
            model->setItems(items);
            done();
        },
        &refreshWall);

    // The user sorts by the second column, then types into the filter.
    qint64 sortWall = 0;
    const qint64 sortStall = longestStall(
        [&](const std::function<void()> &done) {
            page.view()->sortByColumn(1, Qt::DescendingOrder);
            done();
        },
        &sortWall);
    auto *filter = page.findChild<QLineEdit *>();
    qint64 filterWall = 0;
    const qint64 filterStall = longestStall(
        [&](const std::function<void()> &done) {
            if (filter)
                filter->setText(filterText);
            done();
        },
        &filterWall);

    std::printf("%-7s %6d rows (body %.1f MiB): parse %lld ms on a worker; longest GUI stall: load %lld ms, "
                "diff refresh %lld ms, sort %lld ms, filter %lld ms (%d rows shown); RSS +%.1f MiB for the rows\n",
                what, model->rowCount(), body.size() / 1048576.0, static_cast<long long>(parseMs),
                static_cast<long long>(loadStall), static_cast<long long>(refreshStall), static_cast<long long>(sortStall),
                static_cast<long long>(filterStall), page.view()->model()->rowCount(), (rssAfter - rssBefore) / 1024.0);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 10000;
    const long start = statusKib("VmRSS:");

    KSyntaxHighlighting::Repository repository;
    {
        StacksPage stacks(repository, nullptr);
        const QByteArray body = manyOf(QStringLiteral("heat_stacks"), QStringLiteral("stacks"), count,
                                       {QStringLiteral("id"), QStringLiteral("stack_name")});
        measurePage<StackListModel>("stacks", stacks, body, &HeatParse::stacks, QStringLiteral("stack_name-99"));
    }
    {
        VolumesPage volumes;
        const QByteArray body = manyOf(QStringLiteral("cinder_volumes"), QStringLiteral("volumes"), count,
                                       {QStringLiteral("id"), QStringLiteral("name")});
        measurePage<VolumeListModel>("volumes", volumes, body, &CinderParse::volumes, QStringLiteral("name-99"));
    }
    std::printf("RSS: %.1f MiB at start, peak %.1f MiB\n", start / 1024.0, statusKib("VmHWM:") / 1024.0);
    return 0;
}
