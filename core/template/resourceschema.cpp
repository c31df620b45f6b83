// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/resourceschema.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Pilvi {

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (const auto &item : array)
        out.append(item.toString());
    return out;
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys(); // QJsonObject keeps keys sorted already
    return keys;
}

} // namespace

SupportStatus SupportStatus::fromJson(const QJsonValue &value)
{
    SupportStatus result;
    const QJsonObject object = value.toObject();
    const QString status = object.value("status"_L1).toString();
    if (status == "DEPRECATED"_L1)
        result.status = Status::Deprecated;
    else if (status == "HIDDEN"_L1)
        result.status = Status::Hidden;
    else if (status == "UNSUPPORTED"_L1)
        result.status = Status::Unsupported;
    else if (status == "UNKNOWN"_L1)
        result.status = Status::Unknown;
    result.message = object.value("message"_L1).toString();
    result.version = object.value("version"_L1).toString();
    return result;
}

QString PropertySchema::type() const
{
    return m_json.value("type"_L1).toString(u"string"_s);
}

QStringList PropertySchema::nestedNames() const
{
    return sortedKeys(m_json.value("schema"_L1).toObject());
}

PropertySchema PropertySchema::nested(const QString &name) const
{
    return PropertySchema(m_json.value("schema"_L1).toObject().value(name).toObject());
}

QStringList ResourceTypeSchema::propertyNames() const
{
    return sortedKeys(m_json.value("properties"_L1).toObject());
}

PropertySchema ResourceTypeSchema::property(const QString &name) const
{
    return PropertySchema(m_json.value("properties"_L1).toObject().value(name).toObject());
}

QStringList ResourceTypeSchema::attributeNames() const
{
    return sortedKeys(m_json.value("attributes"_L1).toObject());
}

bool ResourceTypeSchema::hasAttribute(const QString &name) const
{
    return m_json.value("attributes"_L1).toObject().contains(name);
}

SupportStatus ResourceTypeSchema::attributeStatus(const QString &name) const
{
    return SupportStatus::fromJson(m_json.value("attributes"_L1).toObject().value(name).toObject().value("support_status"_L1));
}

QString ResourceTypeSchema::attributeDescription(const QString &name) const
{
    return m_json.value("attributes"_L1).toObject().value(name).toObject().value("description"_L1).toString();
}

struct ResourceSchemaRegistry::Data {
    QString heatVersion;
    QHash<QString, QJsonObject> types;
    QHash<QString, QString> aliases;
    QHash<QString, TemplateVersion> versions; // by date and by name
    QStringList allFunctions;
};

ResourceSchemaRegistry::ResourceSchemaRegistry()
    : m_data(std::make_shared<Data>())
{}

void ResourceSchemaRegistry::detach()
{
    if (m_data.use_count() > 1)
        m_data = std::make_shared<Data>(*m_data);
}

ResourceSchemaRegistry ResourceSchemaRegistry::bundled()
{
    // Parsed once (thread-safe static initialisation); every copy shares it.
    static const ResourceSchemaRegistry registry = [] {
        QFile file(u":/heat/resource-types.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            return ResourceSchemaRegistry();
        return fromJson(file.readAll());
    }();
    return registry;
}

ResourceSchemaRegistry ResourceSchemaRegistry::fromJson(const QByteArray &json, QString *error)
{
    ResourceSchemaRegistry registry;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject() || !document.object().value("types"_L1).isObject()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError ? parseError.errorString() : u"not a resource type bundle"_s;
        return registry;
    }
    const QJsonObject root = document.object();
    Data &data = *registry.m_data;
    data.heatVersion = root.value("heat_version"_L1).toString();
    const QJsonObject types = root.value("types"_L1).toObject();
    for (auto it = types.begin(); it != types.end(); ++it)
        data.types.insert(it.key(), it.value().toObject());
    const QJsonObject aliases = root.value("aliases"_L1).toObject();
    for (auto it = aliases.begin(); it != aliases.end(); ++it)
        data.aliases.insert(it.key(), it.value().toString());

    QSet<QString> functions;
    const QJsonObject versions = root.value("versions"_L1).toObject();
    for (auto it = versions.begin(); it != versions.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        if (v.value("format"_L1).toString() != "heat_template_version"_L1)
            continue;
        TemplateVersion version;
        version.sections = stringList(v.value("sections"_L1));
        version.resourceKeys = stringList(v.value("resource_keys"_L1));
        version.outputKeys = stringList(v.value("output_keys"_L1));
        version.functions = stringList(v.value("functions"_L1));
        version.removedFunctions = stringList(v.value("removed_functions"_L1));
        version.conditionFunctions = stringList(v.value("condition_functions"_L1));
        version.deletionPolicies = stringList(v.value("deletion_policies"_L1));
        version.parameterKeys = stringList(v.value("parameter_keys"_L1));
        version.parameterTypes = stringList(v.value("parameter_types"_L1));
        for (const QString &f : std::as_const(version.functions))
            functions.insert(f);
        for (const QString &f : std::as_const(version.removedFunctions))
            functions.insert(f);
        data.versions.insert(it.key(), version);
    }
    // A name ("wallaby") and its date share one class: give each name its date.
    const QStringList keys = data.versions.keys();
    for (const QString &key : keys) {
        TemplateVersion &version = data.versions[key];
        if (key.size() == 10 && key[4] == u'-' && key[7] == u'-') {
            version.date = key;
            continue;
        }
        const QJsonObject v = versions.value(key).toObject();
        for (auto it = versions.begin(); it != versions.end(); ++it) {
            if (it.key() != key && it.key().size() == 10 && it.value().toObject().value("class"_L1) == v.value("class"_L1))
                version.date = it.key();
        }
        if (version.date.isEmpty())
            version.date = key;
    }
    data.allFunctions = functions.values();
    data.allFunctions.sort();
    return registry;
}

bool ResourceSchemaRegistry::isEmpty() const
{
    return m_data->types.isEmpty();
}

QString ResourceSchemaRegistry::heatVersion() const
{
    return m_data->heatVersion;
}

QStringList ResourceSchemaRegistry::typeNames() const
{
    QStringList names = m_data->types.keys();
    names.sort();
    return names;
}

bool ResourceSchemaRegistry::hasType(const QString &name) const
{
    return m_data->types.contains(name) || m_data->types.contains(m_data->aliases.value(name));
}

ResourceTypeSchema ResourceSchemaRegistry::type(const QString &name) const
{
    auto it = m_data->types.constFind(name);
    if (it == m_data->types.constEnd())
        it = m_data->types.constFind(m_data->aliases.value(name));
    if (it == m_data->types.constEnd())
        return {};
    return ResourceTypeSchema(it.key(), it.value());
}

void ResourceSchemaRegistry::setType(const QString &name, const QJsonObject &apiSchema)
{
    detach();
    m_data->types.insert(name, apiSchema);
}

void ResourceSchemaRegistry::restrictTypes(const QStringList &available)
{
    detach();
    const QSet<QString> keep(available.begin(), available.end());
    m_data->types.removeIf([&keep](const auto &it) { return !keep.contains(it.key()); });
}

TemplateVersion ResourceSchemaRegistry::version(const QString &dateOrName) const
{
    return m_data->versions.value(dateOrName);
}

QStringList ResourceSchemaRegistry::versionNames() const
{
    QStringList names = m_data->versions.keys();
    std::sort(names.begin(), names.end());
    return names;
}

QStringList ResourceSchemaRegistry::allFunctionNames() const
{
    return m_data->allFunctions;
}

QString ResourceSchemaRegistry::firstVersionWith(const QString &function) const
{
    QString first;
    for (auto it = m_data->versions.cbegin(); it != m_data->versions.cend(); ++it) {
        if (it.key() == it->date && it->functions.contains(function) && (first.isEmpty() || it->date < first))
            first = it->date;
    }
    return first;
}

} // namespace Pilvi
