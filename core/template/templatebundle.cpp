// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/templatebundle.h"

#include "template/environmentfile.h"
#include "template/heattemplate.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Pilvi {

namespace {

QJsonValue scalarToJson(const YamlNode &node)
{
    if (node.quoted)
        return node.scalar;
    if (Yaml11::isBoolean(node))
        return Yaml11::isTrue(node);
    if (Yaml11::isInteger(node)) {
        QString text = node.scalar;
        text.remove(u'_');
        bool ok = false;
        const bool negative = text.startsWith(u'-');
        if (text.startsWith(u'-') || text.startsWith(u'+'))
            text.remove(0, 1);
        qlonglong v = 0;
        if (text.startsWith("0x"_L1))
            v = text.mid(2).toLongLong(&ok, 16);
        else if (text.startsWith("0b"_L1))
            v = text.mid(2).toLongLong(&ok, 2);
        else if (text.size() > 1 && text.startsWith(u'0'))
            v = text.toLongLong(&ok, 8);
        else
            v = text.toLongLong(&ok, 10);
        if (ok)
            return static_cast<double>(negative ? -v : v);
    }
    if (Yaml11::isFloat(node)) {
        QString text = node.scalar;
        text.remove(u'_');
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (ok)
            return d;
    }
    return node.scalar;
}

QString fileUrl(const QString &path)
{
    return QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString();
}

// The folder URL of a file URL, with its trailing slash (heatclient's base_url_for_url + '/').
QUrl baseOf(const QString &url)
{
    return QUrl(url).resolved(QUrl(u"."_s));
}

// Deep update as heatclient's deep_update: mappings merge, everything else replaces.
QJsonObject deepUpdate(QJsonObject old, const QJsonObject &add)
{
    for (auto it = add.begin(); it != add.end(); ++it) {
        if (it.value().isObject() && old.value(it.key()).isObject())
            old.insert(it.key(), deepUpdate(old.value(it.key()).toObject(), it.value().toObject()));
        else
            old.insert(it.key(), it.value());
    }
    return old;
}

class BundleBuilder
{
public:
    BundleBuilder(TemplateBundle &bundle, LocalFileReader reader)
        : m_bundle(bundle)
        , m_reader(std::move(reader))
    {}

    // get_template_contents(): the template at `url` (a file URL) as JSON, its files resolved.
    std::optional<QJsonObject> templateContents(const QString &url, const QString &displayName, const QByteArray &text)
    {
        const YamlParseResult parsed = parseYaml(text);
        for (const YamlError &e : parsed.errors)
            m_bundle.problems.append({TemplateProblem::Severity::Error, displayName, {e.position, e.position}, e.message});
        if (!parsed.root || !parsed.root->isMapping())
            return std::nullopt;
        return resolveFiles(*parsed.root, baseOf(url), displayName).toObject();
    }

    // The value of a local URL's file: a template as JSON text, anything else as it is.
    std::optional<QString> fetch(const QString &url, const QString &displayName)
    {
        const std::optional<QByteArray> text = m_reader(QUrl(url).toLocalFile());
        if (!text)
            return std::nullopt;
        if (isTemplate(*text) && !m_inProgress.contains(url)) {
            m_inProgress.insert(url);
            const std::optional<QJsonObject> nested = templateContents(url, displayName, *text);
            m_inProgress.remove(url);
            if (nested)
                return QString::fromUtf8(QJsonDocument(*nested).toJson(QJsonDocument::Compact));
        }
        return QString::fromUtf8(*text);
    }

    // get_file_contents() over a template: every get_file, and every type naming a .yaml or
    // .template, becomes an absolute URL whose content lands in files.
    QJsonValue resolveFiles(const YamlNode &node, const QUrl &base, const QString &displayName)
    {
        switch (node.kind) {
        case YamlNode::Kind::Null: return QJsonValue::Null;
        case YamlNode::Kind::Scalar: return scalarToJson(node);
        case YamlNode::Kind::Sequence: {
            QJsonArray array;
            for (const YamlNode &item : node.items)
                array.append(resolveFiles(item, base, displayName));
            return array;
        }
        case YamlNode::Kind::Mapping: break;
        }
        QJsonObject object;
        for (qsizetype i = 0; i < node.keys.size(); ++i) {
            const QString key = node.keys[i].scalar;
            const YamlNode &value = node.items[i];
            QJsonValue json = resolveFiles(value, base, displayName);
            const bool fileKey =
                key == "get_file"_L1 || (key == "type"_L1 && json.isString() &&
                                         (json.toString().endsWith(".yaml"_L1) || json.toString().endsWith(".template"_L1)));
            if (fileKey && json.isString())
                json = resolveOne(json.toString(), value, base, displayName);
            object.insert(key, json);
        }
        return object;
    }

    // One name: joined to the base, fetched once, stored in files; the URL replaces the name.
    QString resolveOne(const QString &name, const YamlNode &where, const QUrl &base, const QString &displayName)
    {
        const QUrl url = base.resolved(QUrl(name));
        if (!url.isLocalFile())
            return name; // left to the server
        const QString urlText = url.toString();
        if (!m_bundle.files.contains(urlText)) {
            const std::optional<QString> content = fetch(urlText, url.toLocalFile());
            if (!content) {
                m_bundle.problems.append({TemplateProblem::Severity::Error, displayName, where.range,
                                          u"Could not fetch contents for %1"_s.arg(urlText)});
                return urlText;
            }
            m_bundle.files.insert(urlText, *content);
        }
        return urlText;
    }

    // resolve_environment_urls(): registry entries naming templates (no "::") become URLs.
    QJsonValue resolveRegistry(const YamlNode &registry, const QUrl &envBase, const QString &displayName)
    {
        QJsonObject out = yamlToJson(registry).toObject();
        QUrl base = envBase;
        if (const YamlNode *baseUrl = registry.value(u"base_url"); baseUrl && baseUrl->isScalar())
            base = QUrl(baseUrl->scalar.endsWith(u'/') ? baseUrl->scalar : baseUrl->scalar + u'/');
        const auto resolveLevel = [&](const YamlNode &level, QJsonObject &json, const QUrl &levelBase) {
            for (qsizetype i = 0; i < level.keys.size(); ++i) {
                const QString key = level.keys[i].scalar;
                const YamlNode &value = level.items[i];
                if (key == "base_url"_L1 || key == "hooks"_L1 || key == "restricted_actions"_L1 || !value.isScalar() ||
                    value.scalar.contains("::"_L1))
                    continue;
                json.insert(key, resolveOne(value.scalar, value, levelBase, displayName));
            }
        };
        resolveLevel(registry, out, base);
        if (const YamlNode *resources = registry.value(u"resources"); resources && resources->isMapping()) {
            QJsonObject resourcesJson = out.value("resources"_L1).toObject();
            for (qsizetype i = 0; i < resources->keys.size(); ++i) {
                const YamlNode &entry = resources->items[i];
                if (!entry.isMapping())
                    continue;
                QJsonObject entryJson = resourcesJson.value(resources->keys[i].scalar).toObject();
                QUrl entryBase = base;
                if (const YamlNode *b = entry.value(u"base_url"); b && b->isScalar())
                    entryBase = QUrl(b->scalar.endsWith(u'/') ? b->scalar : b->scalar + u'/');
                resolveLevel(entry, entryJson, entryBase);
                resourcesJson.insert(resources->keys[i].scalar, entryJson);
            }
            out.insert("resources"_L1, resourcesJson);
        }
        return out;
    }

    static bool isTemplate(const QByteArray &text)
    {
        // heatclient's is_template(): Heat's template_format.parse succeeds, i.e. a mapping with
        // a version key.
        const YamlParseResult parsed = parseYaml(text);
        if (!parsed.root || !parsed.root->isMapping())
            return false;
        const YamlNode &root = *parsed.root;
        return root.value(u"heat_template_version") || root.value(u"HeatTemplateFormatVersion") ||
               root.value(u"AWSTemplateFormatVersion");
    }

private:
    TemplateBundle &m_bundle;
    LocalFileReader m_reader;
    QSet<QString> m_inProgress;
};

} // namespace

QJsonValue yamlToJson(const YamlNode &node)
{
    switch (node.kind) {
    case YamlNode::Kind::Null: return QJsonValue::Null;
    case YamlNode::Kind::Scalar: return scalarToJson(node);
    case YamlNode::Kind::Sequence: {
        QJsonArray array;
        for (const YamlNode &item : node.items)
            array.append(yamlToJson(item));
        return array;
    }
    case YamlNode::Kind::Mapping: {
        QJsonObject object;
        for (qsizetype i = 0; i < node.keys.size(); ++i)
            object.insert(node.keys[i].scalar, yamlToJson(node.items[i]));
        return object;
    }
    }
    return {};
}

bool TemplateBundle::isValid() const
{
    for (const TemplateProblem &p : problems) {
        if (p.isError())
            return false;
    }
    return !templateJson.isEmpty();
}

QJsonObject TemplateBundle::requestFields() const
{
    QJsonObject fields{{u"template"_s, templateJson}, {u"files"_s, files}, {u"environment"_s, environment}};
    if (!environmentFiles.isEmpty())
        fields.insert(u"environment_files"_s, QJsonArray::fromStringList(environmentFiles));
    return fields;
}

TemplateBundle buildTemplateBundle(const QString &templatePath, const QStringList &environmentPaths,
                                   const LocalFileReader &reader)
{
    TemplateBundle bundle;
    LocalFileReader read = reader ? reader : [](const QString &path) -> std::optional<QByteArray> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return std::nullopt;
        return file.readAll();
    };
    BundleBuilder builder(bundle, read);

    const QString templateUrl = fileUrl(templatePath);
    const std::optional<QByteArray> text = read(QFileInfo(templatePath).absoluteFilePath());
    if (!text) {
        bundle.problems.append({TemplateProblem::Severity::Error,
                                templatePath,
                                {{1, 1, 0}, {1, 1, 0}},
                                u"Could not fetch template from %1"_s.arg(templateUrl)});
        return bundle;
    }
    if (const std::optional<QJsonObject> tmpl = builder.templateContents(templateUrl, templatePath, *text))
        bundle.templateJson = *tmpl;
    else if (bundle.problems.isEmpty())
        bundle.problems.append({TemplateProblem::Severity::Error,
                                templatePath,
                                {{1, 1, 0}, {1, 1, 0}},
                                u"The template is not a JSON object or YAML mapping."_s});

    for (const QString &envPath : environmentPaths) {
        const QString envUrl = fileUrl(envPath);
        const std::optional<QByteArray> envText = read(QFileInfo(envPath).absoluteFilePath());
        if (!envText) {
            bundle.problems.append({TemplateProblem::Severity::Error,
                                    envPath,
                                    {{1, 1, 0}, {1, 1, 0}},
                                    u"Could not fetch contents for %1"_s.arg(envUrl)});
            continue;
        }
        const YamlParseResult parsed = parseYaml(*envText);
        for (const YamlError &e : parsed.errors)
            bundle.problems.append({TemplateProblem::Severity::Error, envPath, {e.position, e.position}, e.message});
        QJsonObject env;
        if (parsed.root && parsed.root->isMapping()) {
            env = yamlToJson(*parsed.root).toObject();
            if (const YamlNode *registry = parsed.root->value(u"resource_registry"); registry && registry->isMapping())
                env.insert(u"resource_registry"_s, builder.resolveRegistry(*registry, baseOf(envUrl), envPath));
        }
        bundle.files.insert(envUrl, QString::fromUtf8(QJsonDocument(env).toJson(QJsonDocument::Compact)));
        bundle.environment = deepUpdate(bundle.environment, env);
        bundle.environmentFiles.append(envUrl);
    }
    return bundle;
}

} // namespace Pilvi
