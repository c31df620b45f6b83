// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing of answers recorded from the real sandbox cloud (tools/record-api-responses), and of
// the same answers damaged: a missing or mistyped field is an ApiError naming it, never a crash.
#include "net/apierror.h"
#include "net/microversion.h"
#include "openstack/blockstorage/blockstorageparse.h"
#include "openstack/compute/computeparse.h"
#include "openstack/identity/identityclient.h"
#include "openstack/identity/identityparse.h"
#include "openstack/microversions.h"
#include "openstack/objectstorage/objectstorageparse.h"
#include "openstack/orchestration/orchestrationparse.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

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

// The headers of a recorded HEAD answer ({"headers": {...}}), optionally with one replaced.
SwiftParse::Headers recordedHeaders(const QString &name, const QByteArray &replace = {}, const QByteArray &with = {})
{
    SwiftParse::Headers headers;
    const QJsonObject object = QJsonDocument::fromJson(recorded(name)).object().value(QStringLiteral("headers")).toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QByteArray key = it.key().toLatin1();
        headers.append({key, key == replace ? with : it.value().toString().toLatin1()});
    }
    return headers;
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

    void nova()
    {
        const Server server = NovaParse::server(recorded(QStringLiteral("nova_server_show")));
        QCOMPARE(server.name, QStringLiteral("pilvi-recording"));
        QCOMPARE(server.status, QStringLiteral("ACTIVE"));
        QCOMPARE(server.vmState, QStringLiteral("active"));
        QVERIFY(server.taskState.isEmpty()); // null when idle
        // 2.47+: the flavor embedded, by name, without an id.
        QCOMPARE(server.flavor.name, QStringLiteral("m1.tiny"));
        QVERIFY(server.flavor.id.isEmpty());
        QCOMPARE(server.flavor.vcpus, 1);
        QCOMPARE(server.flavor.ramMb, 512);
        QCOMPARE(server.flavor.diskGb, 1);
        QCOMPARE(server.imageId.size(), 36);
        QCOMPARE(server.stackId, QStringLiteral("00000000-1111-2222-3333-444444444444"));
        QCOMPARE(server.availabilityZone, QStringLiteral("nova"));
        QVERIFY(server.addresses.isEmpty()); // created with "networks": "none"
        QVERIFY(server.createdAt.isValid());
        QVERIFY(server.createdAt <= server.updatedAt);
        const QList<Server> servers = NovaParse::servers(recorded(QStringLiteral("nova_servers")));
        QCOMPARE(servers.size(), 1);
        QCOMPARE(servers[0], server);

        const QList<Flavor> flavors = NovaParse::flavors(recorded(QStringLiteral("nova_flavors")));
        QCOMPARE(flavors.size(), 3);
        const auto tiny = std::find_if(flavors.cbegin(), flavors.cend(), [](const Flavor &f) { return f.name == u"m1.tiny"; });
        QVERIFY(tiny != flavors.cend());
        QCOMPARE(tiny->vcpus, 1);
        QCOMPARE(tiny->ramMb, 512);
        QCOMPARE(tiny->diskGb, 1);
        QCOMPARE(tiny->swapMb, 0);
        QVERIFY(tiny->isPublic);
        QVERIFY(!tiny->id.isEmpty());

        const ComputeLimits limits = NovaParse::limits(recorded(QStringLiteral("nova_limits")));
        QCOMPARE(limits.cores, (ComputeQuota{0, 20}));
        QCOMPARE(limits.ramMb, (ComputeQuota{0, 51200}));
        QCOMPARE(limits.instances, (ComputeQuota{0, 10}));
        QCOMPARE(limits.keyPairs, (ComputeQuota{-1, 100})); // Nova does not report the use
        QCOMPARE(limits.serverGroups, (ComputeQuota{0, 10}));
        QCOMPARE(limits.maxServerGroupMembers, 10);
    }

    // The shapes older microversions and other clouds send, edited from the recording.
    void novaOlderShapes()
    {
        QJsonObject root = QJsonDocument::fromJson(recorded(QStringLiteral("nova_server_show"))).object();
        QJsonObject server = root.value(QStringLiteral("server")).toObject();
        server.insert(QStringLiteral("flavor"), QJsonObject{{QStringLiteral("id"), QStringLiteral("42")}});
        server.insert(QStringLiteral("image"), QString()); // booted from a volume
        server.insert(QStringLiteral("addresses"),
                      QJsonObject{{QStringLiteral("net"),
                                   QJsonArray{QJsonObject{{QStringLiteral("addr"), QStringLiteral("10.0.0.5")},
                                                          {QStringLiteral("version"), 4},
                                                          {QStringLiteral("OS-EXT-IPS:type"), QStringLiteral("fixed")}}}}});
        root.insert(QStringLiteral("server"), server);
        const Server parsed = NovaParse::server(QJsonDocument(root).toJson());
        QCOMPARE(parsed.flavor.id, QStringLiteral("42"));
        QVERIFY(parsed.flavor.name.isEmpty());
        QVERIFY(parsed.imageId.isEmpty());
        QCOMPARE(parsed.addresses,
                 (QList<ServerAddress>{{QStringLiteral("net"), QStringLiteral("10.0.0.5"), 4, QStringLiteral("fixed")}}));
    }

    void microversions_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<int>("major");
        QTest::addColumn<QString>("newest");
        QTest::addColumn<QString>("serviceName");
        QTest::addColumn<QString>("wanted");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("nova offers 2.100: Pilvi's 2.79")
            << QStringLiteral("nova_versions") << 2 << QStringLiteral("2.100") << QStringLiteral("compute")
            << Microversions::compute.toString() << QByteArray("compute 2.79");
        QTest::newRow("cinder offers 3.71: Pilvi's 3.40")
            << QStringLiteral("cinder_versions") << 3 << QStringLiteral("3.71") << QStringLiteral("volume")
            << Microversions::blockStorage.toString() << QByteArray("volume 3.40");
        QTest::newRow("an older cloud: its newest")
            << QStringLiteral("cinder_versions") << 3 << QStringLiteral("3.71") << QStringLiteral("volume")
            << QStringLiteral("3.80") << QByteArray("volume 3.71");
        QTest::newRow("no such major: no microversions") << QStringLiteral("cinder_versions") << 2 << QStringLiteral("0.0")
                                                         << QStringLiteral("volume") << QStringLiteral("2.10") << QByteArray();
    }
    void microversions()
    {
        QFETCH(QString, document);
        QFETCH(int, major);
        QFETCH(QString, newest);
        QFETCH(QString, serviceName);
        QFETCH(QString, wanted);
        QFETCH(QByteArray, header);
        const ApiVersion cloud = parseNewestMicroversion(recorded(document), major);
        QCOMPARE(cloud.toString(), newest);
        const std::optional<ApiVersion> pilvi = ApiVersion::parse(wanted);
        QVERIFY(pilvi.has_value());
        QCOMPARE(microversionHeader(serviceName, cloud, pilvi.value_or(ApiVersion{})), header);
        QVERIFY((ApiVersion{2, 100} > ApiVersion{2, 79})); // numbers, not text
    }

    void versionDocumentUrls_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("url");
        QTest::newRow("cinder with project") << QStringLiteral("http://h:8776/v3/p1") << QStringLiteral("http://h:8776/v3/");
        QTest::newRow("nova") << QStringLiteral("http://h:8774/v2.1") << QStringLiteral("http://h:8774/v2.1/");
        QTest::newRow("trailing slash") << QStringLiteral("http://h:8776/v3/p1/") << QStringLiteral("http://h:8776/v3/");
        QTest::newRow("other project kept") << QStringLiteral("http://h:8776/v3/p2") << QStringLiteral("http://h:8776/v3/p2/");
    }
    void versionDocumentUrls()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, url);
        QCOMPARE(versionDocumentUrl(endpoint, QStringLiteral("p1")), url);
    }

    void keystone()
    {
        const Project project = KeystoneParse::project(recorded(QStringLiteral("keystone_project")));
        QCOMPARE(project.name, QStringLiteral("demo"));
        QCOMPARE(project.domainId, QStringLiteral("default"));
        QCOMPARE(project.id.size(), 32);
        QVERIFY(project.enabled);
        QVERIFY(!project.fromTokenOnly);
        const QList<ApplicationCredential> credentials =
            KeystoneParse::applicationCredentials(recorded(QStringLiteral("keystone_application_credentials")));
        QCOMPARE(credentials.size(), 1);
        QCOMPARE(credentials[0].name, QStringLiteral("sandbox"));
        QCOMPARE(credentials[0].projectId, project.id);
        QVERIFY(!credentials[0].expiresAt.isValid());
        QVERIFY(!credentials[0].unrestricted);
        QCOMPARE(credentials[0].roles,
                 (QStringList{QStringLiteral("heat_stack_owner"), QStringLiteral("member"), QStringLiteral("reader")}));
        QCOMPARE(IdentityClient::v3Root(QStringLiteral("http://h:5000")), QStringLiteral("http://h:5000/v3"));
        QCOMPARE(IdentityClient::v3Root(QStringLiteral("http://h:5000/v3/")), QStringLiteral("http://h:5000/v3"));
    }

    void swiftHeadsAndInfo()
    {
        const AccountInfo account = SwiftParse::account(recordedHeaders(QStringLiteral("swift_head_account")));
        QCOMPARE(account.containerCount, 3);
        QCOMPARE(account.quotaBytes, -1);
        const ContainerInfo container = SwiftParse::container(recordedHeaders(QStringLiteral("swift_head_container")));
        QCOMPARE(container.objectCount, 1);
        QCOMPARE(container.bytesUsed, 14);
        QCOMPARE(container.historyLocation, QStringLiteral("pilvi-recording-archive"));
        QVERIFY(container.versionsLocation.isEmpty());
        QCOMPARE(container.metadata, (QMap<QString, QString>{{QStringLiteral("purpose"), QStringLiteral("recording")}}));
        const ObjectInfo object = SwiftParse::object(recordedHeaders(QStringLiteral("swift_head_object")));
        QCOMPARE(object.bytes, 14);
        QCOMPARE(object.etag, QStringLiteral("f084be37ed84e9d0d2a02d4d4be59745"));
        QCOMPARE(object.contentType, QStringLiteral("text/plain"));
        QCOMPARE(object.deleteAt, QDateTime(QDate(2100, 1, 1), QTime(0, 0), QTimeZone::UTC));
        QCOMPARE(object.metadata, (QMap<QString, QString>{{QStringLiteral("owner"), QStringLiteral("pilvi")}}));
        QCOMPARE(object.lastModified.timeSpec(), Qt::UTC);
        QVERIFY(object.lastModified.date().year() >= 2026);
        QVERIFY(!object.isLargeObject);

        const SwiftCapabilities info = SwiftParse::capabilities(recorded(QStringLiteral("swift_info")));
        QVERIFY(info.versionedWrites);
        QVERIFY(!info.objectVersioning);
        QVERIFY(info.staticLargeObjects);
        QCOMPARE(info.tempUrlDigests, (QStringList{QStringLiteral("sha1"), QStringLiteral("sha256"), QStringLiteral("sha512")}));
        QVERIFY(info.maxFileSize > 0);
        QVERIFY(!info.version.isEmpty());

        // The archive keeps "<length in hex><name>/<timestamp>".
        QCOMPARE(SwiftParse::versionsPrefix(QStringLiteral("doc.txt")), QStringLiteral("007doc.txt/"));
        QCOMPARE(SwiftParse::versionsPrefix(QStringLiteral("ä")), QStringLiteral("002ä/"));
        const QList<ObjectEntry> versions = SwiftParse::objects(recorded(QStringLiteral("swift_versions")));
        QCOMPARE(versions.size(), 1);
        QVERIFY(versions[0].name.startsWith(SwiftParse::versionsPrefix(QStringLiteral("doc.txt"))));
        QCOMPARE(versions[0].bytes, 13); // "first version"
        QVERIFY(!versions[0].isDeleteMarker());
        ObjectEntry marker;
        marker.contentType = QStringLiteral("application/x-deleted;swift_versions_deleted=1");
        QVERIFY(marker.isDeleteMarker());
    }

    void damagedHeadersAreErrors()
    {
        try {
            SwiftParse::container(recordedHeaders(QStringLiteral("swift_head_container"), "X-Container-Object-Count", "many"));
            QFAIL("no error");
        } catch (const ApiError &error) {
            QCOMPARE(error.kind(), ApiError::Kind::BadResponse);
            QCOMPARE(error.message(),
                     QStringLiteral("unexpected answer: header X-Container-Object-Count: expected a number, got 'many'"));
        }
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
        const Parser servers = [](const QByteArray &b) { NovaParse::servers(b); };
        const Parser flavors = [](const QByteArray &b) { NovaParse::flavors(b); };
        const Parser credentials = [](const QByteArray &b) { KeystoneParse::applicationCredentials(b); };
        const Parser computeLimits = [](const QByteArray &b) { NovaParse::limits(b); };

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
        QTest::newRow("server without status")
            << damaged(QStringLiteral("nova_servers"), QStringLiteral("servers"),
                       [](QJsonObject &o) { o.remove(QStringLiteral("status")); })
            << servers << QStringLiteral("unexpected answer: servers[0].status: expected text, got nothing");
        QTest::newRow("embedded flavor ram is text")
            << damaged(QStringLiteral("nova_servers"), QStringLiteral("servers"),
                       [](QJsonObject &o) {
                           QJsonObject flavor = o.value(QStringLiteral("flavor")).toObject();
                           flavor.insert(QStringLiteral("ram"), QStringLiteral("512"));
                           o.insert(QStringLiteral("flavor"), flavor);
                       })
            << servers << QStringLiteral("unexpected answer: servers[0].flavor.ram: expected a number, got text");
        QTest::newRow("metadata value is a number")
            << damaged(QStringLiteral("nova_servers"), QStringLiteral("servers"),
                       [](QJsonObject &o) { o.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("k"), 1}}); })
            << servers << QStringLiteral("unexpected answer: servers[0].metadata.k: expected text, got a number");
        QTest::newRow("image is a number")
            << damaged(QStringLiteral("nova_servers"), QStringLiteral("servers"),
                       [](QJsonObject &o) { o.insert(QStringLiteral("image"), 3); })
            << servers << QStringLiteral("unexpected answer: servers[0].image: expected an object or empty text, got a number");
        QTest::newRow("address list is an object")
            << damaged(QStringLiteral("nova_servers"), QStringLiteral("servers"),
                       [](QJsonObject &o) {
                           o.insert(QStringLiteral("addresses"), QJsonObject{{QStringLiteral("net"), QJsonObject()}});
                       })
            << servers << QStringLiteral("unexpected answer: servers[0].addresses.net: expected a list, got an object");
        QTest::newRow("flavor without vcpus")
            << damaged(QStringLiteral("nova_flavors"), QStringLiteral("flavors"),
                       [](QJsonObject &o) { o.remove(QStringLiteral("vcpus")); })
            << flavors << QStringLiteral("unexpected answer: flavors[0].vcpus: expected a number, got nothing");
        QTest::newRow("compute limits without absolute")
            << QByteArray(R"({"limits": {"absolute": []}})") << computeLimits
            << QStringLiteral("unexpected answer: limits.absolute: expected an object, got a list");
        QTest::newRow("credential without project")
            << damaged(QStringLiteral("keystone_application_credentials"), QStringLiteral("application_credentials"),
                       [](QJsonObject &o) { o.insert(QStringLiteral("project_id"), QJsonValue::Null); })
            << credentials << QStringLiteral("unexpected answer: application_credentials[0].project_id: expected text, got null");
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
        QTest::newRow("nova") << QStringLiteral("nova_error_404")
                              << QStringLiteral("Instance 00000000-0000-0000-0000-000000000000 could not be found.");
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
