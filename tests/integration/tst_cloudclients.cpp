// SPDX-License-Identifier: GPL-3.0-or-later
// Every cloud client call against the real sandbox cloud: Keystone, Heat, Cinder, Swift.
#include "cloudawait.h"
#include "config/cloudsconfig.h"
#include "net/apierror.h"
#include "net/networkaccess.h"
#include "net/session.h"
#include "openstack/blockstorage/blockstorageclient.h"
#include "openstack/objectstorage/objectstorageclient.h"
#include "openstack/orchestration/orchestrationclient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <functional>
#include <memory>

using namespace Pilvi;

class TestCloudClients : public QObject
{
    Q_OBJECT
private:
    NetworkAccess m_network;
    CloudsConfig m_config;
    std::unique_ptr<Session> m_session;

    Session *session() { return m_session.get(); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString clouds = qEnvironmentVariable("PILVI_SANDBOX_CLOUDS");
        if (clouds.isEmpty() || !QFile::exists(clouds))
            QFAIL("the sandbox cloud is not up: run 'tools/sandbox-cloud up' (tools/dev test does) and set PILVI_SANDBOX_CLOUDS");
        CloudsConfigPaths paths;
        paths.sandboxFile = clouds;
        m_config = loadCloudsConfig(paths);
        const CloudSelection selection = selectCloud(m_config, QStringLiteral("sandbox"), {});
        if (!selection.cloud)
            QFAIL(qPrintable(selection.error));
        const CloudProfile &cloud = *selection.cloud;
        QCOMPARE(cloud.authType, QStringLiteral("v3applicationcredential"));
        m_session = std::make_unique<Session>(cloud, &m_network);
    }

    void authenticates_data()
    {
        QTest::addColumn<QString>("cloud");
        QTest::newRow("application credential") << QStringLiteral("sandbox");
        QTest::newRow("password") << QStringLiteral("sandbox-password");
    }
    void authenticates()
    {
        QFETCH(QString, cloud);
        const CloudSelection selection = selectCloud(m_config, cloud, {});
        if (!selection.cloud)
            QFAIL(qPrintable(selection.error));
        Session own(*selection.cloud, &m_network);
        const AuthToken token = await(own.authenticate());
        QVERIFY(token.isValid());
        QCOMPARE(token.projectName, QStringLiteral("demo"));
        QVERIFY(token.isFreshAt(QDateTime::currentDateTimeUtc()));
        QVERIFY(
            findEndpoint(token.catalog, QStringLiteral("orchestration"), QStringLiteral("public"), QStringLiteral("RegionOne")));
    }

    void wrongSecretIsAClearError()
    {
        CloudProfile profile = m_session->profile();
        profile.auth.applicationCredentialSecret = QStringLiteral("wrong");
        Session bad(profile, &m_network);
        try {
            await(bad.authenticate());
            QFAIL("authenticated with a wrong secret");
        } catch (const ApiError &error) {
            QCOMPARE(error.httpStatus(), 401);
            QVERIFY2(error.toString().startsWith(QStringLiteral("authenticate to cloud 'sandbox': ")),
                     qPrintable(error.toString()));
            QVERIFY(!error.requestId().isEmpty());
        }
    }

    void stackCreateScaleDelete()
    {
        try {
            stackCreateScaleDeleteBody();
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

private:
    void stackCreateScaleDeleteBody()
    {
        QFile templateFile(QStringLiteral(PILVI_TEMPLATES "/asg.yaml"));
        QVERIFY(templateFile.open(QIODevice::ReadOnly));
        OrchestrationClient heat(session());
        StackCreateRequest create;
        create.name = unique("it-asg");
        create.templateText = templateFile.readAll();
        create.timeoutMinutes = 10;
        const QString id = await(heat.createStack(create));
        QVERIFY(!id.isEmpty());

        Stack stack;
        QVERIFY(eventually([&] {
            stack = await(heat.showStack(id));
            return !stack.status.endsWith(QStringLiteral("IN_PROGRESS"));
        }));
        QVERIFY2(stack.status == u"CREATE_COMPLETE", qPrintable(stack.status + u' ' + stack.statusReason));
        const auto outputValue = [&](const QString &key) {
            const Stack s = await(heat.showStack(id));
            for (const StackOutput &o : s.outputs) {
                if (o.key == key)
                    return o.value;
            }
            return QString();
        };
        QCOMPARE(outputValue(QStringLiteral("size")), QStringLiteral("1"));

        const QList<Stack> stacks = await(heat.listStacks());
        QVERIFY(std::any_of(stacks.cbegin(), stacks.cend(), [&](const Stack &s) { return s.id == id && s.name == create.name; }));
        const QList<StackResource> resources = await(heat.listResources(create.name, 2));
        const auto group =
            std::find_if(resources.cbegin(), resources.cend(), [](const StackResource &r) { return r.name == u"asg"; });
        QVERIFY(group != resources.cend());
        QVERIFY(!group->nestedStackId.isEmpty());
        QVERIFY(
            std::any_of(resources.cbegin(), resources.cend(), [](const StackResource &r) { return r.parentResource == u"asg"; }));
        const QList<StackEvent> events = await(heat.listEvents(create.name));
        QVERIFY(events.size() >= 4);
        QCOMPARE(events.constLast().status, QStringLiteral("CREATE_COMPLETE"));
        // Events after a marker: none newer than the last one.
        QCOMPARE(await(heat.listEvents(create.name, events.constLast().id)).size(), 0);

        // Scale out by signalling the policy, and see the group grow.
        awaitVoid(heat.signalResource(create.name, id, QStringLiteral("scale_up")));
        QVERIFY(eventually([&] { return outputValue(QStringLiteral("size")) == u"2"; }));

        awaitVoid(heat.deleteStack(create.name, id));
        QVERIFY(eventually([&] {
            try {
                return await(heat.showStack(id)).status == u"DELETE_COMPLETE";
            } catch (const ApiError &error) {
                return error.httpStatus() == 404;
            }
        }));
    }

private Q_SLOTS:
    void volumeSnapshotBackupRestore()
    {
        try {
            volumeSnapshotBackupRestoreBody();
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

private:
    void volumeSnapshotBackupRestoreBody()
    {
        BlockStorageClient cinder(session());
        const auto waitStatus = [&](const std::function<QString()> &status, const QString &wanted) {
            QString last;
            const bool reached = eventually([&] {
                last = status();
                return last == wanted || last.startsWith(QStringLiteral("error"));
            });
            return reached && last == wanted;
        };
        const Volume volume = await(cinder.createVolume(unique("it-vol"), 1, QStringLiteral("integration test")));
        QCOMPARE(volume.sizeGb, 1);
        QVERIFY(waitStatus([&] { return await(cinder.showVolume(volume.id)).status; }, QStringLiteral("available")));
        const QList<Volume> volumes = await(cinder.listVolumes());
        QVERIFY(std::any_of(volumes.cbegin(), volumes.cend(), [&](const Volume &v) { return v.id == volume.id; }));

        // Back up first: with the NFS driver a snapshot turns the volume into a qcow2 overlay.
        const QString backupId = await(cinder.createBackup(volume.id, unique("it-backup"), false));
        QVERIFY(waitStatus([&] { return await(cinder.showBackup(backupId)).status; }, QStringLiteral("available")));
        const QList<VolumeBackup> backups = await(cinder.listBackups());
        QVERIFY(std::any_of(backups.cbegin(), backups.cend(),
                            [&](const VolumeBackup &b) { return b.id == backupId && b.volumeId == volume.id; }));

        const QString restored = await(cinder.restoreBackup(backupId, QString(), unique("it-restored")));
        QVERIFY(!restored.isEmpty());
        QVERIFY(restored != volume.id);
        QVERIFY(waitStatus([&] { return await(cinder.showVolume(restored)).status; }, QStringLiteral("available")));
        QCOMPARE(await(cinder.showVolume(restored)).sizeGb, 1);

        const VolumeSnapshot snapshot = await(cinder.createSnapshot(restored, unique("it-snap")));
        QVERIFY(waitStatus(
            [&] {
                const QList<VolumeSnapshot> all = await(cinder.listSnapshots());
                const auto it =
                    std::find_if(all.cbegin(), all.cend(), [&](const VolumeSnapshot &s) { return s.id == snapshot.id; });
                return it == all.cend() ? QString() : it->status;
            },
            QStringLiteral("available")));

        const BlockStorageLimits limits = await(cinder.limits());
        QVERIFY(limits.maxVolumes > 0);
        QVERIFY(limits.usedVolumes >= 2);

        awaitVoid(cinder.deleteSnapshot(snapshot.id));
        awaitVoid(cinder.deleteBackup(backupId));
        QVERIFY(eventually([&] {
            const QList<VolumeSnapshot> all = await(cinder.listSnapshots());
            return std::none_of(all.cbegin(), all.cend(), [&](const VolumeSnapshot &s) { return s.id == snapshot.id; });
        }));
        awaitVoid(cinder.deleteVolume(restored));
        awaitVoid(cinder.deleteVolume(volume.id));
    }

private Q_SLOTS:
    void objectRoundTrip()
    {
        try {
            objectRoundTripBody();
        } catch (const ApiError &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

private:
    void objectRoundTripBody()
    {
        ObjectStorageClient swift(session());
        const QString container = unique("it-container");
        awaitVoid(swift.createContainer(container));
        QByteArray data(1024 * 1024 + 17, Qt::Uninitialized);
        for (char &byte : data)
            byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
        awaitVoid(swift.putObject(container, QStringLiteral("dir/blob.bin"), data));
        QCOMPARE(await(swift.getObject(container, QStringLiteral("dir/blob.bin"))), data);
        const QList<ObjectEntry> objects = await(swift.listObjects(container));
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects[0].bytes, data.size());
        const QList<ObjectEntry> folders = await(swift.listObjects(container, QString(), QStringLiteral("/")));
        QCOMPARE(folders.size(), 1);
        QVERIFY(folders[0].isPseudoFolder);
        const QList<Container> containers = await(swift.listContainers());
        QVERIFY(std::any_of(containers.cbegin(), containers.cend(), [&](const Container &c) { return c.name == container; }));
        awaitVoid(swift.deleteObject(container, QStringLiteral("dir/blob.bin")));
        awaitVoid(swift.deleteContainer(container));
    }

private Q_SLOTS:
    void missingThingsAre404WithRequestId()
    {
        try {
            await(OrchestrationClient(session()).showStack(QStringLiteral("no-such-stack")));
            QFAIL("found a stack that does not exist");
        } catch (const ApiError &error) {
            QCOMPARE(error.httpStatus(), 404);
            QCOMPARE(error.message(), QStringLiteral("The Stack (no-such-stack) could not be found."));
            QVERIFY(error.requestId().startsWith(QStringLiteral("req-")));
        }
    }
};

QTEST_GUILESS_MAIN(TestCloudClients)
#include "tst_cloudclients.moc"
