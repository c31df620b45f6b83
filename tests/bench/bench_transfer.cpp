// SPDX-License-Identifier: GPL-3.0-or-later
// Object storage transfers against the sandbox cloud: a file uploaded whole and as a static large
// object in segments, and downloaded again, each streamed (never whole in memory). Reports the
// throughput and how much the process's peak memory (VmHWM) grew, which must stay far below the
// file's size. The sandbox's Swift is on loopback, so this measures Pilvi's side plus a local
// Swift, not a network.
// Run: tools/sandbox-cloud up; tools/dev shell -- env PILVI_SANDBOX_CLOUDS=/var/cache/pilvi/sandbox/clouds.yaml
//      build/release/tests/bench/bench_transfer [MIB] [SEGMENT_MIB]
#include "../sandboxcloud.h"
#include "benchdata.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/objectstorage/objectstorageclient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace Pilvi;

namespace {
using BenchData::statusKib;

template<typename T>
T wait(const QFuture<T> &future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return future.result();
}

void waitVoid(QFuture<void> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    future.waitForFinished();
}

void report(const char *what, qint64 bytes, qint64 ms, long hwmBeforeKib)
{
    const double mib = double(bytes) / (1024.0 * 1024.0);
    std::printf("%-34s %7.1f MiB in %6lld ms: %7.1f MiB/s; peak memory +%ld MiB\n", what, mib, static_cast<long long>(ms),
                ms > 0 ? mib * 1000.0 / double(ms) : 0.0, (statusKib("VmHWM:") - hwmBeforeKib) / 1024);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 mib = argc > 1 ? QByteArray(argv[1]).toLongLong() : 512;
    const qint64 segmentMib = argc > 2 ? QByteArray(argv[2]).toLongLong() : 100;
    const CloudSelection sandbox = findSandboxCloud(QStringLiteral("sandbox"));
    if (!sandbox.cloud) {
        std::fprintf(stderr, "bench_transfer: %s\n", qPrintable(sandbox.error));
        return 1;
    }
    NetworkAccess network;
    Session session(*sandbox.cloud, &network);
    ObjectStorageClient swift(&session);

    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("source.bin"));
    {
        QFile file(source);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        QByteArray block(qsizetype(1024) * 1024, Qt::Uninitialized);
        for (qint64 i = 0; i < mib; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            file.write(block);
        }
    }
    const qint64 size = mib * 1024 * 1024;
    const QString container = QStringLiteral("bench-transfer-%1").arg(QRandomGenerator::global()->bounded(1000000));
    std::printf("bench_transfer: %lld MiB file, segments of %lld MiB, container %s; VmHWM at start %ld MiB\n",
                static_cast<long long>(mib), static_cast<long long>(segmentMib), qPrintable(container),
                statusKib("VmHWM:") / 1024);
    int status = 0;
    try {
        waitVoid(swift.createContainer(container));
        QElapsedTimer timer;

        long hwm = statusKib("VmHWM:");
        timer.start();
        const TransferResult whole = wait(swift.uploadFile(container, QStringLiteral("whole.bin"), source));
        report("upload, one object", whole.bytes, timer.elapsed(), hwm);

        hwm = statusKib("VmHWM:");
        timer.restart();
        const TransferResult large =
            wait(swift.uploadLargeFile(container, QStringLiteral("large.bin"), source, segmentMib * 1024 * 1024));
        report("upload, static large object", large.bytes, timer.elapsed(), hwm);

        hwm = statusKib("VmHWM:");
        timer.restart();
        const TransferResult plain =
            wait(swift.downloadFile(container, QStringLiteral("whole.bin"), dir.filePath(QStringLiteral("plain.bin"))));
        report("download of the one object", plain.bytes, timer.elapsed(), hwm);

        hwm = statusKib("VmHWM:");
        timer.restart();
        const TransferResult down =
            wait(swift.downloadFile(container, QStringLiteral("large.bin"), dir.filePath(QStringLiteral("back.bin"))));
        report("download of the large object", down.bytes, timer.elapsed(), hwm);
        if (down.bytes != size || down.md5 != whole.md5) {
            std::fprintf(stderr, "bench_transfer: the download differs from the file (%lld bytes, MD5 %s, want %s)\n",
                         static_cast<long long>(down.bytes), qPrintable(down.md5), qPrintable(whole.md5));
            status = 1;
        }

        timer.restart();
        waitVoid(swift.deleteObject(container, QStringLiteral("large.bin")));
        std::printf("%-34s %lld ms (manifest and %lld segments)\n", "delete of the large object",
                    static_cast<long long>(timer.elapsed()), static_cast<long long>((mib + segmentMib - 1) / segmentMib));
        waitVoid(swift.deleteObject(container, QStringLiteral("whole.bin")));
        waitVoid(swift.deleteContainer(container));
        waitVoid(swift.deleteContainer(ObjectStorageClient::segmentsContainer(container)));
    } catch (const ApiError &error) {
        std::fprintf(stderr, "bench_transfer: %s\n", qPrintable(error.toString()));
        status = 1;
    }
    std::printf("VmHWM at the end %ld MiB\n", statusKib("VmHWM:") / 1024);
    return status;
}
