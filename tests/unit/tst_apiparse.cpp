// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing of answers recorded from the real sandbox cloud (tools/record-api-responses), and of
// the same answers damaged: a missing or mistyped field is an ApiError naming it, never a crash.
#include "net/apierror.h"
#include "openstack/blockstorage/blockstorageparse.h"
#include "openstack/objectstorage/objectstorageparse.h"
#include "openstack/orchestration/orchestrationparse.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace Pilvi;

namespace {
QByteArray recorded(const QString &name)
{
    QFile file(QStringLiteral(PILVI_TEST_DATA "/api/") + name + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing recording %s", qPrintable(file.fileName()));
    return file.readAll();
}

// Applies `edit` to the first element of the list under `listKey` of a recorded answer.
QByteArray damaged(const QString &name, const QString &listKey, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = QJsonDocument::fromJson(recorded(name)).object();
    QJsonArray list = root.value(listKey).toArray();
    QJsonObject first = list.first().toObject();
    edit(first);
    list.replace(0, first);
    root.insert(listKey, list);
    return QJsonDocument(root).toJson();
}

using Parser = std::function<void(const QByteArray &)>;
} // namespace

Q_DECLARE_METATYPE(Parser)

class TestApiParse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void heatStacks()
    {
        const QList<Stack> stacks = HeatParse::stacks(recorded(QStringLiteral("heat_stacks")));
        QCOMPARE(stacks.size(), 1);
        QCOMPARE(stacks[0].name, QStringLiteral("demo-asg"));
        QCOMPARE(stacks[0].status, QStringLiteral("CREATE_COMPLETE"));
        QVERIFY(!stacks[0].id.isEmpty());
        QVERIFY(stacks[0].createdAt.isValid());
        QCOMPARE(stacks[0].createdAt.timeSpec(), Qt::UTC);
    }

    void heatStackShowWithOutputs()
    {
        const Stack stack = HeatParse::stack(recorded(QStringLiteral("heat_stack_show")));
        QCOMPARE(stack.name, QStringLiteral("demo-asg"));
        QCOMPARE(stack.outputs.size(), 2);
        const auto size =
            std::find_if(stack.outputs.cbegin(), stack.outputs.cend(), [](const StackOutput &o) { return o.key == u"size"; });
        QVERIFY(size != stack.outputs.cend());
        QCOMPARE(size->value, QStringLiteral("1")); // a number in JSON, text for display
        const auto url = std::find_if(stack.outputs.cbegin(), stack.outputs.cend(),
                                      [](const StackOutput &o) { return o.key == u"signal_url"; });
        QVERIFY(url != stack.outputs.cend());
        QVERIFY(url->value.endsWith(QStringLiteral("/resources/scale_up/signal")));
    }

    void heatNestedResources()
    {
        const QList<StackResource> resources = HeatParse::resources(recorded(QStringLiteral("heat_resources_nested")));
        QCOMPARE(resources.size(), 3);
        const auto group =
            std::find_if(resources.cbegin(), resources.cend(), [](const StackResource &r) { return r.name == u"asg"; });
        QVERIFY(group != resources.cend());
        QCOMPARE(group->type, QStringLiteral("OS::Heat::AutoScalingGroup"));
        QVERIFY(!group->nestedStackId.isEmpty());
        QVERIFY(!group->stackId.isEmpty());
        const auto member =
            std::find_if(resources.cbegin(), resources.cend(), [](const StackResource &r) { return r.parentResource == u"asg"; });
        QVERIFY(member != resources.cend());
        QCOMPARE(member->type, QStringLiteral("OS::Heat::TestResource"));
        // The member lives in the group's nested stack.
        QCOMPARE(member->stackId, group->nestedStackId);
    }

    void heatEvents()
    {
        const QList<StackEvent> events = HeatParse::events(recorded(QStringLiteral("heat_events")));
        QCOMPARE(events.size(), 6);
        QCOMPARE(events.first().resourceName, QStringLiteral("demo-asg"));
        QCOMPARE(events.first().status, QStringLiteral("CREATE_IN_PROGRESS"));
        QCOMPARE(events.last().resourceName, QStringLiteral("demo-asg"));
        QCOMPARE(events.last().status, QStringLiteral("CREATE_COMPLETE"));
        QVERIFY(events.first().time <= events.last().time);
    }

    void cinder()
    {
        const QList<Volume> volumes = CinderParse::volumes(recorded(QStringLiteral("cinder_volumes")));
        QCOMPARE(volumes.size(), 2);
        const auto demo =
            std::find_if(volumes.cbegin(), volumes.cend(), [](const Volume &v) { return v.name == u"demo-volume"; });
        QVERIFY(demo != volumes.cend());
        QCOMPARE(demo->sizeGb, 1);
        QCOMPARE(demo->status, QStringLiteral("available"));
        QCOMPARE(demo->bootable, false); // Cinder says "false" as text
        QVERIFY(demo->attachments.isEmpty());

        const QList<VolumeSnapshot> snapshots = CinderParse::snapshots(recorded(QStringLiteral("cinder_snapshots")));
        QCOMPARE(snapshots.size(), 1);
        QCOMPARE(snapshots[0].name, QStringLiteral("pilvi-recording"));
        const QList<VolumeBackup> backups = CinderParse::backups(recorded(QStringLiteral("cinder_backups")));
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups[0].status, QStringLiteral("available"));
        QCOMPARE(backups[0].container, QStringLiteral("volumebackups"));
        QCOMPARE(backups[0].volumeId, snapshots[0].volumeId);
        QCOMPARE(backups[0].incremental, false);

        const BlockStorageLimits limits = CinderParse::limits(recorded(QStringLiteral("cinder_limits")));
        QCOMPARE(limits.maxVolumes, 10);
        QCOMPARE(limits.usedVolumes, 2);
        QCOMPARE(limits.usedGigabytes, 3);
        QCOMPARE(limits.maxBackupGigabytes, 1000);
    }

    void swift()
    {
        const QList<Container> containers = SwiftParse::containers(recorded(QStringLiteral("swift_containers")));
        QVERIFY(
            std::any_of(containers.cbegin(), containers.cend(), [](const Container &c) { return c.name == u"pilvi-recording"; }));
        // Swift updates container counts in the background: the recording may show 0 or 2.
        QVERIFY(std::all_of(containers.cbegin(), containers.cend(),
                            [](const Container &c) { return c.objectCount >= 0 && c.bytes >= 0; }));
        const QList<ObjectEntry> objects = SwiftParse::objects(recorded(QStringLiteral("swift_objects")));
        QCOMPARE(objects.size(), 2);
        QCOMPARE(objects[1].name, QStringLiteral("folder/b.txt"));
        QCOMPARE(objects[0].hash.size(), 32);
        const QList<ObjectEntry> folders = SwiftParse::objects(recorded(QStringLiteral("swift_objects_delimited")));
        QCOMPARE(folders.size(), 2);
        QVERIFY(!folders[0].isPseudoFolder);
        QVERIFY(folders[1].isPseudoFolder);
        QCOMPARE(folders[1].name, QStringLiteral("folder/"));
    }

    void damagedAnswersAreErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Parser>("parse");
        QTest::addColumn<QString>("message");
        const Parser stacks = [](const QByteArray &b) { HeatParse::stacks(b); };
        const Parser volumes = [](const QByteArray &b) { CinderParse::volumes(b); };
        const Parser resources = [](const QByteArray &b) { HeatParse::resources(b); };
        const Parser objects = [](const QByteArray &b) { SwiftParse::objects(b); };

        QTest::newRow("stack without status")
            << damaged(QStringLiteral("heat_stacks"), QStringLiteral("stacks"),
                       [](QJsonObject &o) { o.remove(QStringLiteral("stack_status")); })
            << stacks << QStringLiteral("unexpected answer: stacks[0].stack_status: expected text, got nothing");
        QTest::newRow("stack name is a number")
            << damaged(QStringLiteral("heat_stacks"), QStringLiteral("stacks"),
                       [](QJsonObject &o) { o.insert(QStringLiteral("stack_name"), 7); })
            << stacks << QStringLiteral("unexpected answer: stacks[0].stack_name: expected text, got a number");
        QTest::newRow("creation time not a time")
            << damaged(QStringLiteral("heat_stacks"), QStringLiteral("stacks"),
                       [](QJsonObject &o) { o.insert(QStringLiteral("creation_time"), QStringLiteral("yesterday")); })
            << stacks << QStringLiteral("unexpected answer: stacks[0].creation_time: expected an ISO 8601 time, got text");
        QTest::newRow("volume size is text")
            << damaged(QStringLiteral("cinder_volumes"), QStringLiteral("volumes"),
                       [](QJsonObject &o) { o.insert(QStringLiteral("size"), QStringLiteral("1")); })
            << volumes << QStringLiteral("unexpected answer: volumes[0].size: expected a number, got text");
        QTest::newRow("attachments is an object")
            << damaged(QStringLiteral("cinder_volumes"), QStringLiteral("volumes"),
                       [](QJsonObject &o) { o.insert(QStringLiteral("attachments"), QJsonObject()); })
            << volumes << QStringLiteral("unexpected answer: volumes[0].attachments: expected a list, got an object");
        QTest::newRow("required_by has a number")
            << damaged(QStringLiteral("heat_resources_nested"), QStringLiteral("resources"),
                       [](QJsonObject &o) { o.insert(QStringLiteral("required_by"), QJsonArray{1}); })
            << resources << QStringLiteral("unexpected answer: resources[0].required_by: expected a list of text, got a number");
        QTest::newRow("no list at all") << QByteArray("{\"stacks\": {}}") << stacks
                                        << QStringLiteral("unexpected answer: stacks: expected a list, got an object");
        QTest::newRow("truncated JSON") << recorded(QStringLiteral("heat_stacks")).left(40) << stacks
                                        << QStringLiteral("the answer to 'list stacks' is not valid JSON");
        QTest::newRow("html instead of JSON") << recorded(QStringLiteral("swift_error_404")) << objects
                                              << QStringLiteral("the answer to 'list objects' is not a JSON list");
    }
    void damagedAnswersAreErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(Parser, parse);
        QFETCH(QString, message);
        try {
            parse(body);
            QFAIL("no error");
        } catch (const ApiError &error) {
            QCOMPARE(error.kind(), ApiError::Kind::BadResponse);
            QVERIFY2(error.message().startsWith(message), qPrintable(error.message()));
        }
    }

    void faultMessages_data()
    {
        QTest::addColumn<QString>("recording");
        QTest::addColumn<QString>("message");
        QTest::newRow("heat") << QStringLiteral("heat_error_404")
                              << QStringLiteral("The Stack (no-such-stack) could not be found.");
        QTest::newRow("cinder") << QStringLiteral("cinder_error_404")
                                << QStringLiteral("Volume 00000000-0000-0000-0000-000000000000 could not be found.");
        QTest::newRow("keystone") << QStringLiteral("keystone_error_401")
                                  << QStringLiteral("The request you have made requires authentication.");
        QTest::newRow("swift html") << QStringLiteral("swift_error_404")
                                    << QStringLiteral("Not Found The resource could not be found.");
    }
    void faultMessages()
    {
        QFETCH(QString, recording);
        QFETCH(QString, message);
        QCOMPARE(faultMessageFromBody(recorded(recording)), message);
    }
};

QTEST_GUILESS_MAIN(TestApiParse)
#include "tst_apiparse.moc"
