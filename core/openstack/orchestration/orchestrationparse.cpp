// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/orchestration/orchestrationparse.h"

#include "net/apierror.h"
#include "openstack/jsonreader.h"

#include <QJsonDocument>

namespace Pilvi::HeatParse {

namespace {

QMap<QString, QString> textMap(const JsonReader &r, const QString &key)
{
    QMap<QString, QString> result;
    if (!r.has(key))
        return result;
    const JsonReader map = r.object(key);
    for (auto it = map.json().begin(); it != map.json().end(); ++it)
        result.insert(it.key(), valueText(it.value()));
    return result;
}

StackOutput readOutput(const JsonReader &o)
{
    StackOutput output;
    output.key = o.string(QStringLiteral("output_key"));
    output.description = o.optionalString(QStringLiteral("description"));
    output.error = o.optionalString(QStringLiteral("output_error"));
    output.value = valueText(o.json().value(QStringLiteral("output_value")));
    return output;
}

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
        r.forEach(QStringLiteral("outputs"), [&s](const JsonReader &o) { s.outputs.append(readOutput(o)); });
    }
    s.parameters = textMap(r, QStringLiteral("parameters"));
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

ResourceSummary readSummary(const JsonReader &r)
{
    ResourceSummary resource;
    resource.name = r.string(QStringLiteral("resource_name"));
    resource.type = r.string(QStringLiteral("resource_type"));
    resource.physicalId = r.optionalString(QStringLiteral("physical_resource_id"));
    resource.stackName = r.optionalString(QStringLiteral("stack_name"));
    resource.parentResource = r.optionalString(QStringLiteral("parent_resource"));
    return resource;
}

// A preview's resources: a list whose entries are resources, or lists of them for nested stacks.
void readPreviewResources(const QJsonArray &items, const QString &path, QList<ResourceSummary> &into)
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString at = path + QStringLiteral("[%1]").arg(i);
        if (items[i].isArray())
            readPreviewResources(items[i].toArray(), at, into);
        else if (items[i].isObject())
            into.append(readSummary(JsonReader(items[i].toObject(), at)));
        else
            throw ApiError(ApiError::Kind::BadResponse,
                           QStringLiteral("unexpected answer: %1: expected a resource or a list of them").arg(at));
    }
}

} // namespace

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Double: return QString::number(value.toDouble());
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
    case QJsonValue::Undefined: return {};
    }
    return {};
}

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

QByteArray stackTemplate(const QByteArray &body)
{
    // Read it once so that an answer that is not a template fails here, not in the editor.
    const JsonReader root = JsonReader::document(body, QStringLiteral("show template"));
    return QJsonDocument(root.json()).toJson(QJsonDocument::Indented);
}

StackEnvironment environment(const QByteArray &body)
{
    const JsonReader r = JsonReader::document(body, QStringLiteral("show environment"));
    StackEnvironment env;
    env.parameters = textMap(r, QStringLiteral("parameters"));
    env.parameterDefaults = textMap(r, QStringLiteral("parameter_defaults"));
    env.encryptedParameters = r.optionalStrings(QStringLiteral("encrypted_param_names"));
    if (r.has(QStringLiteral("resource_registry"))) {
        const JsonReader registry = r.object(QStringLiteral("resource_registry"));
        for (auto it = registry.json().begin(); it != registry.json().end(); ++it) {
            if (it.key() != u"resources") {
                env.resourceRegistry.insert(it.key(), valueText(it.value()));
                continue;
            }
            // "resources": {NAME: {TYPE: TARGET, hooks...}}
            const JsonReader resources = registry.object(QStringLiteral("resources"));
            for (auto res = resources.json().begin(); res != resources.json().end(); ++res) {
                const JsonReader entries = resources.object(res.key());
                for (auto e = entries.json().begin(); e != entries.json().end(); ++e)
                    env.resourceRegistry.insert(QStringLiteral("resources.%1.%2").arg(res.key(), e.key()), valueText(e.value()));
            }
        }
    }
    return env;
}

QMap<QString, QByteArray> files(const QByteArray &body)
{
    const JsonReader r = JsonReader::document(body, QStringLiteral("show files"));
    QMap<QString, QByteArray> result;
    for (auto it = r.json().begin(); it != r.json().end(); ++it)
        result.insert(it.key(), r.string(it.key()).toUtf8());
    return result;
}

QList<StackOutput> outputs(const QByteArray &body)
{
    QList<StackOutput> result;
    JsonReader::document(body, QStringLiteral("list outputs")).forEach(QStringLiteral("outputs"), [&](const JsonReader &o) {
        result.append(readOutput(o));
    });
    return result;
}

StackOutput output(const QByteArray &body)
{
    return readOutput(JsonReader::document(body, QStringLiteral("show output")).object(QStringLiteral("output")));
}

StackUpdatePreview updatePreview(const QByteArray &body)
{
    const JsonReader changes =
        JsonReader::document(body, QStringLiteral("preview update")).object(QStringLiteral("resource_changes"));
    StackUpdatePreview preview;
    const auto read = [&changes](const QString &key, QList<ResourceSummary> &into) {
        if (changes.has(key))
            changes.forEach(key, [&into](const JsonReader &r) { into.append(readSummary(r)); });
    };
    read(QStringLiteral("added"), preview.added);
    read(QStringLiteral("deleted"), preview.deleted);
    read(QStringLiteral("replaced"), preview.replaced);
    read(QStringLiteral("unchanged"), preview.unchanged);
    read(QStringLiteral("updated"), preview.updated);
    return preview;
}

StackPreview stackPreview(const QByteArray &body)
{
    const JsonReader r = JsonReader::document(body, QStringLiteral("preview stack")).object(QStringLiteral("stack"));
    StackPreview preview;
    // A preview has no id and no status yet: read what there is.
    preview.stack.id = r.optionalString(QStringLiteral("id"));
    preview.stack.name = r.string(QStringLiteral("stack_name"));
    preview.stack.description = r.optionalString(QStringLiteral("description"));
    preview.stack.parameters = textMap(r, QStringLiteral("parameters"));
    readPreviewResources(r.array(QStringLiteral("resources")), r.path() + QStringLiteral(".resources"), preview.resources);
    return preview;
}

} // namespace Pilvi::HeatParse
