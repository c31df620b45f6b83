// SPDX-License-Identifier: GPL-3.0-or-later
// Nova, Keystone and Swift's streaming and versioning against the real sandbox cloud: a server
// resized and confirmed, resized and reverted; 20 MiB streamed up and down; the project and its
// application credentials. Everything created has a unique name and is deleted again.
#include "../sandboxcloud.h"
#include "cloudawait.h"
#include "config/cloudsconfig.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/compute/computeclient.h"
#include "openstack/identity/identityclient.h"
#include "openstack/microversions.h"
#include "openstack/objectstorage/objectstorageclient.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Pilvi;

class TestComputeClient : public QObject
{
    Q_OBJECT
private:
    NetworkAccess m_network;
    std::unique_ptr<Session> m_session;

    Session *session() { return m_session.get(); }

    // The id of the sandbox's image, from Glance (Pilvi has no image client yet).
    QString imageId(const QString &name)
    {
        ServiceRequest request;
        request.serviceType = QStringLiteral("image");
        request.path = QStringLiteral("/v2/images");
        request.query.addQueryItem(QStringLiteral("name"), name);
        request.what = QStringLiteral("find image %1").arg(name);
        const QJsonArray images =
            QJsonDocument::fromJson(await(session()->send(request)).body).object().value(QStringLiteral("images")).toArray();
        return images.isEmpty() ? QString() : images.first().toObject().value(QStringLiteral("id")).toString();
    }

    // Waits until the server leaves its transitional states, and returns it.
    Server settle(ComputeClient &nova, const QString &id, const QString &wanted)
    {
        Server server;
        eventually([&] {
            server = await(nova.showServer(id));
            return server.status == wanted || server.status == u"ERROR";
        });
        return server;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const CloudSelection selection = findSandboxCloud(QStringLiteral("sandbox"));
        if (!selection.cloud)
            QFAIL(qPrintable(selection.error));
        m_session = std::make_unique<Session>(*selection.cloud, &m_network);
    }

    void limitsFlavorsAndMicroversions()
    {
        try {
            ComputeClient nova(session());
            const ComputeLimits limits = await(nova.limits());
            QVERIFY(limits.cores.max > 0);
            QVERIFY(limits.ramMb.max > 0);
            QVERIFY(limits.instances.max > 0);
            QVERIFY(limits.instances.used >= 0);
            QVERIFY(limits.keyPairs.max > 0);
            QVERIFY(limits.serverGroups.max > 0);
            const QList<Flavor> flavors = await(nova.listFlavors());
            for (const char *name : {"m1.tiny", "m1.small", "m1.medium"}) {
                QVERIFY2(std::any_of(flavors.cbegin(), flavors.cend(),
                                     [name](const Flavor &f) { return f.name == QLatin1StringView(name) && f.vcpus > 0; }),
                         name);
            }
            // The sandbox's Nova and Cinder are newer than what Pilvi asks for.
            QVERIFY(await(session()->newestMicroversion(QStringLiteral("compute"), 2)) >= Microversions::compute);
            QVERIFY(await(session()->newestMicroversion(QStringLiteral("block-storage"), 3)) >= Microversions::blockStorage);
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void serverResizeConfirmRevert()
    {
        try {
            serverResizeConfirmRevertBody();
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

private:
    void serverResizeConfirmRevertBody()
    {
        ComputeClient nova(session());
        const QList<Flavor> flavors = await(nova.listFlavors());
        const auto flavorId = [&flavors](const QString &name) {
            const auto it = std::find_if(flavors.cbegin(), flavors.cend(), [&name](const Flavor &f) { return f.name == name; });
            return it == flavors.cend() ? QString() : it->id;
        };
        ServerCreateRequest create;
        create.name = unique("it-server");
        create.flavorId = flavorId(QStringLiteral("m1.tiny"));
        create.imageId = imageId(QStringLiteral("cirros-fake"));
        create.metadata.insert(QStringLiteral("metering.stack"), QStringLiteral("it-stack-id"));
        QVERIFY(!create.flavorId.isEmpty());
        QVERIFY(!create.imageId.isEmpty());
        const QString id = await(nova.createServer(create));
        QVERIFY(!id.isEmpty());
        const auto cleanup = qScopeGuard([&] {
            try {
                awaitVoid(nova.deleteServer(id));
            } catch (const ApiError &error) {
                if (error.httpStatus() != 404) // 404: already deleted by the test itself
                    qWarning("cleanup: %s", qPrintable(error.toString()));
            }
        });

        Server server = settle(nova, id, QStringLiteral("ACTIVE"));
        QVERIFY2(server.status == u"ACTIVE", qPrintable(server.status + u' ' + server.faultMessage));
        QCOMPARE(server.name, create.name);
        QCOMPARE(server.flavor.name, QStringLiteral("m1.tiny"));
        QCOMPARE(server.flavor.ramMb, 512);
        QCOMPARE(server.imageId, create.imageId);
        QCOMPARE(server.stackId, QStringLiteral("it-stack-id"));
        const QList<Server> servers = await(nova.listServers());
        QVERIFY(
            std::any_of(servers.cbegin(), servers.cend(), [&](const Server &s) { return s.id == id && s.name == create.name; }));

        // Resize, then confirm: the new flavor stays.
        awaitVoid(nova.resizeServer(id, flavorId(QStringLiteral("m1.small"))));
        server = settle(nova, id, QStringLiteral("VERIFY_RESIZE"));
        QVERIFY2(server.status == u"VERIFY_RESIZE", qPrintable(server.status + u' ' + server.faultMessage));
        awaitVoid(nova.confirmResize(id));
        QVERIFY(eventually([&] {
            server = await(nova.showServer(id));
            return server.status == u"ACTIVE" && server.taskState.isEmpty();
        }));
        QCOMPARE(server.flavor.name, QStringLiteral("m1.small"));
        QCOMPARE(server.flavor.ramMb, 2048);
        QCOMPARE(server.flavor.diskGb, 20);

        // Resize again, then revert: back to the flavor before.
        awaitVoid(nova.resizeServer(id, flavorId(QStringLiteral("m1.medium"))));
        server = settle(nova, id, QStringLiteral("VERIFY_RESIZE"));
        QVERIFY2(server.status == u"VERIFY_RESIZE", qPrintable(server.status + u' ' + server.faultMessage));
        QCOMPARE(server.flavor.name, QStringLiteral("m1.medium"));
        awaitVoid(nova.revertResize(id));
        QVERIFY(eventually([&] {
            server = await(nova.showServer(id));
            return server.status == u"ACTIVE" && server.taskState.isEmpty();
        }));
        QCOMPARE(server.flavor.name, QStringLiteral("m1.small"));
        QCOMPARE(server.flavor.vcpus, 1);

        awaitVoid(nova.deleteServer(id));
        QVERIFY(eventually([&] {
            try {
                return await(nova.showServer(id)).status == u"DELETED";
            } catch (const ApiError &error) {
                return error.httpStatus() == 404;
            }
        }));
    }

private Q_SLOTS:
    void objectStreamingAndVersioning()
    {
        try {
            objectStreamingAndVersioningBody();
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

private:
    void objectStreamingAndVersioningBody()
    {
        ObjectStorageClient swift(session());
        const SwiftCapabilities capabilities = await(swift.capabilities());
        QVERIFY(capabilities.versionedWrites);
        QVERIFY(capabilities.maxFileSize >= qint64(20) * 1024 * 1024);

        const QString container = unique("it-stream");
        const QString archive = container + QStringLiteral("-versions");
        awaitVoid(swift.createContainer(container));
        awaitVoid(swift.createContainer(archive));
        const auto cleanup = qScopeGuard([&] {
            try {
                awaitVoid(swift.setVersioning(container, VersioningMode::Off));
                for (const QString &c : {container, archive}) {
                    const QList<ObjectEntry> objects = await(swift.listObjects(c));
                    for (const ObjectEntry &o : objects)
                        awaitVoid(swift.deleteObject(c, o.name));
                    awaitVoid(swift.deleteContainer(c));
                }
            } catch (const ApiError &error) {
                qWarning("cleanup: %s", qPrintable(error.toString()));
            }
        });

        // 20 MiB from disk to Swift and back to disk, with progress on this thread.
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("source.bin"));
        QCryptographicHash md5(QCryptographicHash::Md5);
        {
            QFile file(source);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray block(qsizetype(1024) * 1024, Qt::Uninitialized);
            for (int i = 0; i < 20; ++i) {
                QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
                md5.addData(block);
                QCOMPARE(file.write(block), block.size());
            }
        }
        const qint64 size = qint64(20) * 1024 * 1024;
        QList<std::pair<qint64, qint64>> uploadProgress, downloadProgress;
        const auto record = [this](QList<std::pair<qint64, qint64>> &log) {
            return ObjectStorageClient::deliverOn(this, [this, &log](qint64 done, qint64 total) {
                QCOMPARE_EQ(QThread::currentThread(), thread()); // delivered on the test's thread
                log.append({done, total});
            });
        };
        const TransferResult up =
            await(swift.uploadFile(container, QStringLiteral("big/source.bin"), source, record(uploadProgress)));
        QCOMPARE(up.bytes, size);
        QCOMPARE(up.md5.toLatin1(), md5.result().toHex());
        QTRY_VERIFY(!uploadProgress.isEmpty() && uploadProgress.constLast().first == size);

        const ObjectInfo info = await(swift.objectInfo(container, QStringLiteral("big/source.bin")));
        QCOMPARE(info.bytes, size);
        QCOMPARE(info.etag, up.md5);

        const QString target = dir.filePath(QStringLiteral("target.bin"));
        const TransferResult down =
            await(swift.downloadFile(container, QStringLiteral("big/source.bin"), target, record(downloadProgress)));
        QCOMPARE(down.bytes, size);
        QCOMPARE(down.md5, up.md5);
        QTRY_VERIFY(!downloadProgress.isEmpty() && downloadProgress.constLast().first == size);
        QVERIFY2(downloadProgress.size() < 200, "progress is coalesced, not once a packet");
        QFile a(source), b(target);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.size(), b.size());
        while (!a.atEnd())
            QVERIFY(a.read(1 << 20) == b.read(1 << 20));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // no partial file left

        // Metadata and expiry on the object; container metadata.
        const QDateTime deleteAt = QDateTime::currentDateTimeUtc().addDays(30);
        awaitVoid(swift.setObjectMetadata(container, QStringLiteral("big/source.bin"),
                                          {{QStringLiteral("Owner"), QStringLiteral("integration")}}, deleteAt));
        const ObjectInfo updated = await(swift.objectInfo(container, QStringLiteral("big/source.bin")));
        QCOMPARE(updated.metadata.value(QStringLiteral("owner")), QStringLiteral("integration"));
        QCOMPARE(updated.deleteAt.toSecsSinceEpoch(), deleteAt.toSecsSinceEpoch());
        awaitVoid(swift.setContainerMetadata(container, {{QStringLiteral("purpose"), QStringLiteral("test")}}));

        // History-mode versioning: an overwrite keeps the old version in the archive.
        awaitVoid(swift.setVersioning(container, VersioningMode::History, archive));
        awaitVoid(swift.putObject(container, QStringLiteral("doc.txt"), "first"));
        awaitVoid(swift.putObject(container, QStringLiteral("doc.txt"), "second"));
        const ContainerInfo containerInfo = await(swift.containerInfo(container));
        QCOMPARE(containerInfo.historyLocation, archive);
        QCOMPARE(containerInfo.metadata.value(QStringLiteral("purpose")), QStringLiteral("test"));
        const QList<ObjectEntry> versions = await(swift.listVersions(archive, QStringLiteral("doc.txt")));
        QCOMPARE(versions.size(), 1);
        QCOMPARE(versions[0].bytes, 5); // "first"
        QCOMPARE(await(swift.getObject(container, QStringLiteral("doc.txt"))), QByteArray("second"));

        const AccountInfo account = await(swift.accountInfo());
        QVERIFY(account.containerCount >= 2);
    }

private Q_SLOTS:
    void projectAndApplicationCredentials()
    {
        try {
            IdentityClient keystone(session());
            const Project project = await(keystone.currentProject());
            QCOMPARE(project.name, QStringLiteral("demo"));
            QCOMPARE(project.id, session()->currentToken().projectId);
            QVERIFY(!project.domainId.isEmpty());
            QVERIFY(!project.domainName.isEmpty());
            const QList<ApplicationCredential> credentials = await(keystone.applicationCredentials());
            // The sandbox cloud authenticates with the credential it lists.
            const QString ownId = session()->profile().auth.applicationCredentialId;
            QVERIFY(std::any_of(credentials.cbegin(), credentials.cend(),
                                [&](const ApplicationCredential &c) { return c.id == ownId && c.projectId == project.id; }));
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestComputeClient)
#include "tst_computeclient.moc"
