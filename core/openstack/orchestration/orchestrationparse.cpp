// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/orchestration/orchestrationparse.h"

#include "openstack/jsonreader.h"

#include <QJsonDocument>

namespace Pilvi::HeatParse {

namespace {

Stack readStack(const JsonReader &r)
{
    Stack s;
    s.id = r.string(QStringLiteral("id"));
    s.name = r.string(QStringLiteral("stack_name"));
    s.status = r.string(QStringLiteral("stack_status"));
    s.statusReason = r.optionalString(QStringLiteral("stack_status_reason"));
    s.description = r.optionalString(QStringLiteral("description"));
    s.createdAt = r.optionalTime(QStringLiteral("creation_time"));
    s.updatedAt = r.optionalTime(QStringLiteral("updated_time"));
    s.parentId = r.optionalString(QStringLiteral("parent"));
    s.tags = r.optionalStrings(QStringLiteral("tags"));
    if (r.has(QStringLiteral("outputs"))) {
        r.forEach(QStringLiteral("outputs"), [&s](const JsonReader &o) {
            StackOutput output;
            output.key = o.string(QStringLiteral("output_key"));
            output.description = o.optionalString(QStringLiteral("description"));
            output.error = o.optionalString(QStringLiteral("output_error"));
            const QJsonValue value = o.json().value(QStringLiteral("output_value"));
            if (value.isString())
                output.value = value.toString();
            else if (value.isArray())
                output.value = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
            else if (value.isObject())
                output.value = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
            else if (value.isDouble())
                output.value = QString::number(value.toDouble());
            else if (value.isBool())
                output.value = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            s.outputs.append(output);
        });
    }
    return s;
}

// Heat links resources to their stack ("stack") and, for stacks in a resource, to the nested
// one ("nested"): .../stacks/NAME/ID
QString stackIdFromLink(const QString &href)
{
    const QStringList parts = href.split(u'/', Qt::SkipEmptyParts);
    const qsizetype at = parts.lastIndexOf(QStringLiteral("stacks"));
    return at >= 0 && at + 2 < parts.size() ? parts[at + 2] : QString();
}

} // namespace

QList<Stack> stacks(const QByteArray &body)
{
    QList<Stack> result;
    JsonReader::document(body, QStringLiteral("list stacks")).forEach(QStringLiteral("stacks"), [&](const JsonReader &r) {
        result.append(readStack(r));
    });
    return result;
}

Stack stack(const QByteArray &body)
{
    return readStack(JsonReader::document(body, QStringLiteral("show stack")).object(QStringLiteral("stack")));
}

QList<StackResource> resources(const QByteArray &body)
{
    QList<StackResource> result;
    JsonReader::document(body, QStringLiteral("list resources")).forEach(QStringLiteral("resources"), [&](const JsonReader &r) {
        StackResource resource;
        resource.name = r.string(QStringLiteral("resource_name"));
        resource.physicalId = r.optionalString(QStringLiteral("physical_resource_id"));
        resource.type = r.string(QStringLiteral("resource_type"));
        resource.status = r.string(QStringLiteral("resource_status"));
        resource.statusReason = r.optionalString(QStringLiteral("resource_status_reason"));
        resource.updatedAt = r.optionalTime(QStringLiteral("updated_time"));
        resource.requiredBy = r.optionalStrings(QStringLiteral("required_by"));
        resource.stackName = r.optionalString(QStringLiteral("stack_name"));
        resource.parentResource = r.optionalString(QStringLiteral("parent_resource"));
        const QJsonArray links = r.optionalArray(QStringLiteral("links"));
        for (const auto &link : links) {
            const QJsonObject l = link.toObject();
            const QString rel = l.value(QStringLiteral("rel")).toString();
            if (rel == u"stack")
                resource.stackId = stackIdFromLink(l.value(QStringLiteral("href")).toString());
            else if (rel == u"nested")
                resource.nestedStackId = stackIdFromLink(l.value(QStringLiteral("href")).toString());
        }
        result.append(resource);
    });
    return result;
}

QList<StackEvent> events(const QByteArray &body)
{
    QList<StackEvent> result;
    JsonReader::document(body, QStringLiteral("list events")).forEach(QStringLiteral("events"), [&](const JsonReader &r) {
        StackEvent event;
        event.id = r.string(QStringLiteral("id"));
        event.time = r.optionalTime(QStringLiteral("event_time"));
        event.resourceName = r.optionalString(QStringLiteral("resource_name"));
        event.physicalId = r.optionalString(QStringLiteral("physical_resource_id"));
        event.status = r.string(QStringLiteral("resource_status"));
        event.statusReason = r.optionalString(QStringLiteral("resource_status_reason"));
        result.append(event);
    });
    return result;
}

QString createdStackId(const QByteArray &body)
{
    return JsonReader::document(body, QStringLiteral("create stack"))
        .object(QStringLiteral("stack"))
        .string(QStringLiteral("id"));
}

} // namespace Pilvi::HeatParse
