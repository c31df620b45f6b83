// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/compute/computeparse.h"

#include "openstack/jsonreader.h"

namespace Pilvi::NovaParse {

namespace {

// The metadata key Heat templates conventionally set to the stack's id (Aodh alarms match
// servers by it); Heat's scaling groups pass it on to their members.
constexpr QLatin1StringView stackMetadataKey("metering.stack");

// Flavor fields are numbers, but pre-2.75 Nova writes swap 0 as "".
qint64 numberOrEmptyText(const JsonReader &r, const QString &key)
{
    const QJsonValue value = r.json().value(key);
    if (value.isString() && value.toString().isEmpty())
        return 0;
    return r.optionalInteger(key);
}

Flavor readFlavor(const JsonReader &r)
{
    Flavor f;
    f.id = r.string(QStringLiteral("id"));
    f.name = r.string(QStringLiteral("name"));
    f.vcpus = int(r.integer(QStringLiteral("vcpus")));
    f.ramMb = r.integer(QStringLiteral("ram"));
    f.diskGb = r.integer(QStringLiteral("disk"));
    f.ephemeralGb = r.optionalInteger(QStringLiteral("OS-FLV-EXT-DATA:ephemeral"));
    f.swapMb = numberOrEmptyText(r, QStringLiteral("swap"));
    f.isPublic = r.optionalBool(QStringLiteral("os-flavor-access:is_public"), true);
    f.description = r.optionalString(QStringLiteral("description"));
    return f;
}

// The server's flavor: an embedded copy from 2.47 on, only {"id", "links"} before.
Flavor readServerFlavor(const JsonReader &r)
{
    Flavor f;
    if (r.has(QStringLiteral("original_name"))) {
        f.name = r.string(QStringLiteral("original_name"));
        f.vcpus = int(r.integer(QStringLiteral("vcpus")));
        f.ramMb = r.integer(QStringLiteral("ram"));
        f.diskGb = r.integer(QStringLiteral("disk"));
        f.ephemeralGb = r.optionalInteger(QStringLiteral("ephemeral"));
        f.swapMb = numberOrEmptyText(r, QStringLiteral("swap"));
    } else {
        f.id = r.string(QStringLiteral("id"));
    }
    return f;
}

Server readServer(const JsonReader &r)
{
    Server s;
    s.id = r.string(QStringLiteral("id"));
    s.name = r.string(QStringLiteral("name"));
    s.status = r.string(QStringLiteral("status"));
    s.taskState = r.optionalString(QStringLiteral("OS-EXT-STS:task_state"));
    s.vmState = r.optionalString(QStringLiteral("OS-EXT-STS:vm_state"));
    s.flavor = readServerFlavor(r.object(QStringLiteral("flavor")));
    // A server booted from a volume has "image": "" instead of an object.
    const QJsonValue image = r.json().value(QStringLiteral("image"));
    if (image.isObject())
        s.imageId = r.object(QStringLiteral("image")).string(QStringLiteral("id"));
    else if (!(image.isString() && image.toString().isEmpty()) && !image.isUndefined() && !image.isNull())
        r.fail(QStringLiteral("image"), QStringLiteral("an object or empty text"), image);
    if (r.has(QStringLiteral("addresses"))) {
        const JsonReader networks = r.object(QStringLiteral("addresses"));
        for (auto it = networks.json().begin(); it != networks.json().end(); ++it) {
            const QString network = it.key();
            networks.forEach(network, [&s, &network](const JsonReader &a) {
                s.addresses.append({network, a.string(QStringLiteral("addr")),
                                    int(a.optionalInteger(QStringLiteral("version"), 4)),
                                    a.optionalString(QStringLiteral("OS-EXT-IPS:type"))});
            });
        }
    }
    s.metadata = r.optionalStringMap(QStringLiteral("metadata"));
    s.stackId = s.metadata.value(stackMetadataKey);
    s.keyName = r.optionalString(QStringLiteral("key_name"));
    s.availabilityZone = r.optionalString(QStringLiteral("OS-EXT-AZ:availability_zone"));
    if (r.has(QStringLiteral("fault")))
        s.faultMessage = r.object(QStringLiteral("fault")).optionalString(QStringLiteral("message"));
    s.createdAt = r.optionalTime(QStringLiteral("created"));
    s.updatedAt = r.optionalTime(QStringLiteral("updated"));
    return s;
}

ComputeQuota quota(const JsonReader &absolute, const QString &usedKey, const QString &maxKey)
{
    return {usedKey.isEmpty() ? -1 : absolute.optionalInteger(usedKey), absolute.optionalInteger(maxKey, -1)};
}

} // namespace

QList<Server> servers(const QByteArray &body)
{
    QList<Server> result;
    JsonReader::document(body, QStringLiteral("list servers")).forEach(QStringLiteral("servers"), [&result](const JsonReader &r) {
        result.append(readServer(r));
    });
    return result;
}

Server server(const QByteArray &body)
{
    return readServer(JsonReader::document(body, QStringLiteral("show server")).object(QStringLiteral("server")));
}

QList<Flavor> flavors(const QByteArray &body)
{
    QList<Flavor> result;
    JsonReader::document(body, QStringLiteral("list flavors")).forEach(QStringLiteral("flavors"), [&result](const JsonReader &r) {
        result.append(readFlavor(r));
    });
    return result;
}

ComputeLimits limits(const QByteArray &body)
{
    const JsonReader absolute = JsonReader::document(body, QStringLiteral("show compute limits"))
                                    .object(QStringLiteral("limits"))
                                    .object(QStringLiteral("absolute"));
    ComputeLimits l;
    l.cores = quota(absolute, QStringLiteral("totalCoresUsed"), QStringLiteral("maxTotalCores"));
    l.ramMb = quota(absolute, QStringLiteral("totalRAMUsed"), QStringLiteral("maxTotalRAMSize"));
    l.instances = quota(absolute, QStringLiteral("totalInstancesUsed"), QStringLiteral("maxTotalInstances"));
    l.keyPairs = quota(absolute, QString(), QStringLiteral("maxTotalKeypairs"));
    l.serverGroups = quota(absolute, QStringLiteral("totalServerGroupsUsed"), QStringLiteral("maxServerGroups"));
    l.maxServerGroupMembers = absolute.optionalInteger(QStringLiteral("maxServerGroupMembers"), -1);
    l.maxServerMetadata = absolute.optionalInteger(QStringLiteral("maxServerMeta"), -1);
    return l;
}

QString createdServerId(const QByteArray &body)
{
    return JsonReader::document(body, QStringLiteral("create server"))
        .object(QStringLiteral("server"))
        .string(QStringLiteral("id"));
}

} // namespace Pilvi::NovaParse
