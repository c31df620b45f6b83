// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commands.h"

#include "cli/resolve.h"
#include "net/session.h"
#include "openstack/blockstorage/blockstorageclient.h"
#include "openstack/compute/computeclient.h"
#include "openstack/objectstorage/objectstorageclient.h"
#include "openstack/orchestration/orchestrationclient.h"

namespace Pilvi {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString number(qint64 value)
{
    return QString::number(value);
}

// The CLI waits on its own main thread; result() rethrows the ApiError a future failed with.
template<typename T>
T wait(QFuture<T> &&future)
{
    future.waitForFinished();
    return future.result();
}

int stackList(Session &session, const QStringList &, OutputTable &table)
{
    table = OutputTable({QStringLiteral("ID"), QStringLiteral("Stack Name"), QStringLiteral("Stack Status"),
                         QStringLiteral("Creation Time"), QStringLiteral("Updated Time")});
    const QList<Stack> items = wait(OrchestrationClient(&session).listStacks());
    for (const Stack &s : items)
        table.addRow({s.id, s.name, s.status, timeText(s.createdAt), timeText(s.updatedAt)});
    return 0;
}

int stackShow(Session &session, const QStringList &arguments, OutputTable &table)
{
    const Stack s = wait(OrchestrationClient(&session).showStack(arguments.constFirst()));
    table = OutputTable::record();
    table.addRow({QStringLiteral("id"), s.id});
    table.addRow({QStringLiteral("stack_name"), s.name});
    table.addRow({QStringLiteral("description"), s.description});
    table.addRow({QStringLiteral("stack_status"), s.status});
    table.addRow({QStringLiteral("stack_status_reason"), s.statusReason});
    table.addRow({QStringLiteral("creation_time"), timeText(s.createdAt)});
    table.addRow({QStringLiteral("updated_time"), timeText(s.updatedAt)});
    table.addRow({QStringLiteral("parent"), s.parentId});
    table.addRow({QStringLiteral("tags"), s.tags.join(u',')});
    return 0;
}

int stackOutputs(Session &session, const QStringList &arguments, OutputTable &table)
{
    const Stack s = wait(OrchestrationClient(&session).showStack(arguments.constFirst()));
    table = OutputTable({QStringLiteral("Output Key"), QStringLiteral("Output Value"), QStringLiteral("Description")});
    for (const StackOutput &o : s.outputs)
        table.addRow({o.key, o.error.isEmpty() ? o.value : QStringLiteral("error: ") + o.error, o.description});
    return 0;
}

int stackResources(Session &session, const QStringList &arguments, OutputTable &table)
{
    table = OutputTable({QStringLiteral("Resource Name"), QStringLiteral("Physical Resource ID"), QStringLiteral("Resource Type"),
                         QStringLiteral("Resource Status"), QStringLiteral("Updated Time"), QStringLiteral("Stack Name")});
    const QList<StackResource> items = wait(OrchestrationClient(&session).listResources(arguments.constFirst(), 5));
    for (const StackResource &r : items)
        table.addRow({r.name, r.physicalId, r.type, r.status, timeText(r.updatedAt), r.stackName});
    return 0;
}

int stackEvents(Session &session, const QStringList &arguments, OutputTable &table)
{
    table = OutputTable({QStringLiteral("Time"), QStringLiteral("Resource"), QStringLiteral("Status"), QStringLiteral("Reason"),
                         QStringLiteral("ID")});
    const QList<StackEvent> items = wait(OrchestrationClient(&session).listEvents(arguments.constFirst()));
    for (const StackEvent &e : items)
        table.addRow({timeText(e.time), e.resourceName, e.status, e.statusReason, e.id});
    return 0;
}

int volumeList(Session &session, const QStringList &, OutputTable &table)
{
    table = OutputTable({QStringLiteral("ID"), QStringLiteral("Name"), QStringLiteral("Status"), QStringLiteral("Size"),
                         QStringLiteral("Attached to")});
    const QList<Volume> volumes = wait(BlockStorageClient(&session).listVolumes());
    for (const Volume &v : volumes) {
        QStringList attached;
        for (const VolumeAttachment &a : v.attachments)
            attached << QStringLiteral("%1 on %2").arg(a.serverId, a.device);
        table.addRow({v.id, v.name, v.status, number(v.sizeGb), attached.join(QStringLiteral(", "))});
    }
    return 0;
}

// By id first (one call); then by name among all volumes, which must be unique.
Volume findVolume(Session &session, const QString &nameOrId)
{
    BlockStorageClient cinder(&session);
    try {
        return wait(cinder.showVolume(nameOrId));
    } catch (const ApiError &error) {
        if (error.httpStatus() != 404)
            throw;
    }
    return findByNameOrId(
        wait(cinder.listVolumes()), nameOrId, QStringLiteral("volume"), [](const Volume &v) { return v.id; },
        [](const Volume &v) { return v.name; });
}

int volumeShow(Session &session, const QStringList &arguments, OutputTable &table)
{
    const Volume v = findVolume(session, arguments.constFirst());
    table = OutputTable::record();
    table.addRow({QStringLiteral("id"), v.id});
    table.addRow({QStringLiteral("name"), v.name});
    table.addRow({QStringLiteral("status"), v.status});
    table.addRow({QStringLiteral("size"), number(v.sizeGb)});
    table.addRow({QStringLiteral("type"), v.volumeType});
    table.addRow({QStringLiteral("bootable"), v.bootable ? QStringLiteral("true") : QStringLiteral("false")});
    table.addRow({QStringLiteral("availability_zone"), v.availabilityZone});
    table.addRow({QStringLiteral("created_at"), timeText(v.createdAt)});
    table.addRow({QStringLiteral("description"), v.description});
    QStringList attached;
    for (const VolumeAttachment &a : v.attachments)
        attached << QStringLiteral("%1 on %2").arg(a.serverId, a.device);
    table.addRow({QStringLiteral("attachments"), attached.join(QStringLiteral(", "))});
    return 0;
}

int serverList(Session &session, const QStringList &, OutputTable &table)
{
    table = OutputTable({QStringLiteral("ID"), QStringLiteral("Name"), QStringLiteral("Status"), QStringLiteral("Networks"),
                         QStringLiteral("Flavor"), QStringLiteral("Stack")});
    const QList<Server> servers = wait(ComputeClient(&session).listServers());
    for (const Server &s : servers) {
        // As the openstack CLI writes them: "net=10.0.0.5, 2001:db8::5; other=..."
        QMap<QString, QStringList> byNetwork;
        for (const ServerAddress &a : s.addresses)
            byNetwork[a.network] << a.address;
        QStringList networks;
        for (auto it = byNetwork.cbegin(); it != byNetwork.cend(); ++it)
            networks << it.key() + u'=' + it.value().join(QStringLiteral(", "));
        table.addRow({s.id, s.name, s.status, networks.join(QStringLiteral("; ")),
                      s.flavor.name.isEmpty() ? s.flavor.id : s.flavor.name, s.stackId});
    }
    return 0;
}

int flavorList(Session &session, const QStringList &, OutputTable &table)
{
    table = OutputTable({QStringLiteral("ID"), QStringLiteral("Name"), QStringLiteral("RAM"), QStringLiteral("Disk"),
                         QStringLiteral("Ephemeral"), QStringLiteral("VCPUs"), QStringLiteral("Is Public")});
    const QList<Flavor> flavors = wait(ComputeClient(&session).listFlavors());
    for (const Flavor &f : flavors)
        table.addRow({f.id, f.name, number(f.ramMb), number(f.diskGb), number(f.ephemeralGb), number(f.vcpus),
                      f.isPublic ? QStringLiteral("True") : QStringLiteral("False")});
    return 0;
}

int backupList(Session &session, const QStringList &, OutputTable &table)
{
    table = OutputTable({QStringLiteral("ID"), QStringLiteral("Name"), QStringLiteral("Volume"), QStringLiteral("Status"),
                         QStringLiteral("Size"), QStringLiteral("Incremental"), QStringLiteral("Created At")});
    const QList<VolumeBackup> items = wait(BlockStorageClient(&session).listBackups());
    for (const VolumeBackup &b : items)
        table.addRow({b.id, b.name, b.volumeId, b.status, number(b.sizeGb),
                      b.incremental ? QStringLiteral("true") : QStringLiteral("false"), timeText(b.createdAt)});
    return 0;
}

int containerList(Session &session, const QStringList &, OutputTable &table)
{
    table = OutputTable({QStringLiteral("Name"), QStringLiteral("Objects"), QStringLiteral("Bytes")});
    const QList<Container> items = wait(ObjectStorageClient(&session).listContainers());
    for (const Container &c : items)
        table.addRow({c.name, number(c.objectCount), number(c.bytes)});
    return 0;
}

int objectList(Session &session, const QStringList &arguments, OutputTable &table)
{
    table = OutputTable({QStringLiteral("Name"), QStringLiteral("Bytes"), QStringLiteral("Last Modified")});
    const QList<ObjectEntry> items = wait(ObjectStorageClient(&session).listObjects(arguments.constFirst()));
    for (const ObjectEntry &o : items)
        table.addRow({o.name, number(o.bytes), timeText(o.lastModified)});
    return 0;
}

int limits(Session &session, const QStringList &, OutputTable &table)
{
    // Both asked at once; the compute answer is waited for first.
    QFuture<ComputeLimits> computeLimits = ComputeClient(&session).limits();
    const BlockStorageLimits l = wait(BlockStorageClient(&session).limits());
    const ComputeLimits c = wait(std::move(computeLimits));
    table = OutputTable({QStringLiteral("Name"), QStringLiteral("Used"), QStringLiteral("Max")});
    const auto row = [&table](const char *name, qint64 used, qint64 max) {
        table.addRow({QString::fromLatin1(name), used < 0 ? QString() : number(used),
                      max < 0 ? QStringLiteral("unlimited") : number(max)});
    };
    row("cores", c.cores.used, c.cores.max);
    row("ram (MiB)", c.ramMb.used, c.ramMb.max);
    row("instances", c.instances.used, c.instances.max);
    row("key pairs", c.keyPairs.used, c.keyPairs.max);
    row("server groups", c.serverGroups.used, c.serverGroups.max);
    row("volumes", l.usedVolumes, l.maxVolumes);
    row("volume gigabytes", l.usedGigabytes, l.maxGigabytes);
    row("snapshots", l.usedSnapshots, l.maxSnapshots);
    row("backups", l.usedBackups, l.maxBackups);
    row("backup gigabytes", l.usedBackupGigabytes, l.maxBackupGigabytes);
    return 0;
}

} // namespace

const QList<CloudCommand> &cloudCommands()
{
    static const QList<CloudCommand> commands{
        {{QStringLiteral("stack"), QStringLiteral("list")}, {}, QStringLiteral("stacks of the project"), stackList},
        {{QStringLiteral("stack"), QStringLiteral("show")}, {QStringLiteral("STACK")}, QStringLiteral("one stack"), stackShow},
        {{QStringLiteral("stack"), QStringLiteral("events")},
         {QStringLiteral("STACK")},
         QStringLiteral("a stack's events, oldest first"),
         stackEvents},
        {{QStringLiteral("stack"), QStringLiteral("resources")},
         {QStringLiteral("STACK")},
         QStringLiteral("a stack's resources, nested included"),
         stackResources},
        {{QStringLiteral("stack"), QStringLiteral("outputs")},
         {QStringLiteral("STACK")},
         QStringLiteral("a stack's outputs"),
         stackOutputs},
        {{QStringLiteral("volume"), QStringLiteral("list")}, {}, QStringLiteral("volumes"), volumeList},
        {{QStringLiteral("volume"), QStringLiteral("show")},
         {QStringLiteral("VOLUME")},
         QStringLiteral("one volume, by name or ID"),
         volumeShow},
        {{QStringLiteral("backup"), QStringLiteral("list")}, {}, QStringLiteral("volume backups"), backupList},
        {{QStringLiteral("container"), QStringLiteral("list")}, {}, QStringLiteral("object storage containers"), containerList},
        {{QStringLiteral("object"), QStringLiteral("list")},
         {QStringLiteral("CONTAINER")},
         QStringLiteral("objects of a container"),
         objectList},
        {{QStringLiteral("server"), QStringLiteral("list")}, {}, QStringLiteral("servers of the project"), serverList},
        {{QStringLiteral("flavor"), QStringLiteral("list")}, {}, QStringLiteral("server flavors"), flavorList},
        {{QStringLiteral("limits")}, {}, QStringLiteral("compute and block storage quota and use"), limits},
    };
    return commands;
}

} // namespace Pilvi
