// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/cloudreader.h"

#include "yaml/yamldocument.h"

#include <QDir>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace Pilvi::detail {

namespace {

bool sameKey(const YamlNode &keyNode, QStringView key)
{
    if (!keyNode.isScalar() || keyNode.scalar.size() != key.size())
        return false;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar a = keyNode.scalar.at(i) == u'-' ? u'_' : keyNode.scalar.at(i);
        const QChar b = key.at(i) == u'-' ? u'_' : key.at(i);
        if (a != b)
            return false;
    }
    return true;
}

const YamlNode *valueIn(const YamlNode &mapping, QStringView key)
{
    // The last of duplicate keys wins, as in PyYAML.
    for (qsizetype i = mapping.keys.size() - 1; i >= 0; --i) {
        if (sameKey(mapping.keys[i], key))
            return &mapping.items[i];
    }
    return nullptr;
}

/// Reads the settings of one cloud, recording problems at their nodes.
class Reader
{
public:
    Reader(const QString &cloud, QList<ConfigProblem> &problems)
        : m_cloud(cloud)
        , m_problems(problems)
    {}

    void problem(const SourcedNode &at, const QString &message) const
    {
        m_problems.append({at.file, at.node->range.start.line, at.node->range.start.column, message});
    }

    /// The text of `key`, empty when absent or null; a list or mapping is a problem.
    QString text(const LayeredMapping &settings, QStringView key, QStringView prefix = {}) const
    {
        const std::optional<SourcedNode> value = settings.value(key);
        if (!value || value->node->isNull())
            return {};
        if (!value->node->isScalar()) {
            problem(*value, QStringLiteral("'%1%2' of cloud '%3' should be a single value, but it is %4")
                                .arg(prefix, key, m_cloud, value->node->kindName()));
            return {};
        }
        return value->node->scalar;
    }

    /// Applies `parse` to the text of `key` when it is given.
    template<typename T, typename Parse>
    std::optional<T> parsed(const LayeredMapping &settings, QStringView key, Parse parse) const
    {
        const QString value = text(settings, key);
        if (value.isEmpty())
            return std::nullopt;
        QString error;
        std::optional<T> result = parse(value, key.toString(), m_cloud, error);
        if (const std::optional<SourcedNode> at = settings.value(key); !result && at)
            problem(*at, error);
        return result;
    }

private:
    const QString &m_cloud;
    QList<ConfigProblem> &m_problems;
};

struct Region {
    QString name;
    std::optional<SourcedNode> values;
};

/// The cloud's regions: the `regions:` list, else `region_name` (a comma-separated list is
/// openstacksdk's deprecated form of the same).
QList<Region> readRegions(const Reader &reader, const QString &cloud, const LayeredMapping &settings)
{
    QList<Region> regions;
    if (const std::optional<SourcedNode> list = settings.value(u"regions"); list && !list->node->isNull()) {
        if (!list->node->isSequence()) {
            reader.problem(*list, QStringLiteral("'regions' of cloud '%1' should be a list of region names, but it is %2")
                                      .arg(cloud, list->node->kindName()));
            return regions;
        }
        for (const YamlNode &item : list->node->items) {
            const SourcedNode at{&item, list->file};
            if (item.isScalar()) {
                regions.append({item.scalar, std::nullopt});
                continue;
            }
            const YamlNode *name = item.isMapping() ? valueIn(item, u"name") : nullptr;
            const YamlNode *values = item.isMapping() ? valueIn(item, u"values") : nullptr;
            const bool onlyKnownKeys =
                item.isMapping() && std::all_of(item.keys.cbegin(), item.keys.cend(),
                                                [](const YamlNode &k) { return sameKey(k, u"name") || sameKey(k, u"values"); });
            if (!name || !name->isScalar() || !onlyKnownKeys) {
                reader.problem(at, QStringLiteral("a region of cloud '%1' should be a name, or a mapping with 'name' and "
                                                  "'values'")
                                       .arg(cloud));
                continue;
            }
            if (values && !values->isNull() && !values->isMapping()) {
                reader.problem(
                    {values, list->file},
                    QStringLiteral("'values' of region '%1' of cloud '%2' should be a mapping of settings, but it is %3")
                        .arg(name->scalar, cloud, values->kindName()));
                continue;
            }
            regions.append(
                {name->scalar, values && values->isMapping() ? std::optional(SourcedNode{values, list->file}) : std::nullopt});
        }
        return regions;
    }
    const QString names = reader.text(settings, u"region_name");
    const QStringList parts = names.split(u',', Qt::SkipEmptyParts);
    for (const QString &name : parts) {
        if (!name.trimmed().isEmpty())
            regions.append({name.trimmed(), std::nullopt});
    }
    return regions;
}

} // namespace

const YamlNode *cloudsMapping(const YamlParseResult &parsed, const QString &fileName, QList<ConfigProblem> &problems)
{
    for (const YamlError &error : parsed.errors)
        problems.append({fileName, error.position.line, error.position.column, error.message});
    if (!parsed.root || parsed.root->isNull())
        return nullptr; // an empty file has no clouds, and that is fine
    const YamlNode &root = *parsed.root;
    if (!root.isMapping()) {
        problems.append({fileName, root.range.start.line, root.range.start.column,
                         QStringLiteral("the file should be a mapping with a 'clouds' key")});
        return nullptr;
    }
    const YamlNode *clouds = valueIn(root, u"clouds");
    if (!clouds || clouds->isNull())
        return nullptr;
    if (!clouds->isMapping()) {
        problems.append({fileName, clouds->range.start.line, clouds->range.start.column,
                         QStringLiteral("'clouds' should be a mapping from cloud names to settings")});
        return nullptr;
    }
    return clouds;
}

QList<CloudEntry> cloudEntries(const YamlNode &clouds, const QString &fileName, QList<ConfigProblem> &problems)
{
    QList<CloudEntry> entries;
    for (qsizetype i = 0; i < clouds.keys.size(); ++i) {
        const YamlNode &nameNode = clouds.keys[i];
        const YamlNode &cloud = clouds.items[i];
        if (!nameNode.isScalar()) {
            problems.append({fileName, nameNode.range.start.line, nameNode.range.start.column,
                             QStringLiteral("a cloud name should be a single word, but it is %1").arg(nameNode.kindName())});
            continue;
        }
        CloudEntry entry{nameNode.scalar, nullptr, std::nullopt};
        if (cloud.isMapping()) {
            entry.settings = &cloud;
        } else {
            const YamlNode &at = cloud.isNull() ? nameNode : cloud;
            entry.problem = ConfigProblem{fileName, at.range.start.line, at.range.start.column,
                                          QStringLiteral("cloud '%1' should be a mapping of settings, but it is %2")
                                              .arg(nameNode.scalar, cloud.kindName())};
            problems.append(*entry.problem);
        }
        // A name given twice: the last entry wins, as in PyYAML.
        entries.removeIf([&](const CloudEntry &known) { return known.name == entry.name; });
        entries.append(entry);
    }
    return entries;
}

LayeredMapping::LayeredMapping(QList<SourcedNode> layers)
    : m_layers(std::move(layers))
{}

std::optional<SourcedNode> LayeredMapping::value(QStringView key) const
{
    for (const SourcedNode &layer : m_layers) {
        if (const YamlNode *found = valueIn(*layer.node, key))
            return SourcedNode{found, layer.file};
    }
    return std::nullopt;
}

QList<SourcedNode> LayeredMapping::values(QStringView key) const
{
    QList<SourcedNode> found;
    for (const SourcedNode &layer : m_layers) {
        if (const YamlNode *node = valueIn(*layer.node, key))
            found.append({node, layer.file});
    }
    return found;
}

LayeredMapping LayeredMapping::mapping(QStringView key) const
{
    QList<SourcedNode> mappings;
    const QList<SourcedNode> found = values(key);
    for (const SourcedNode &value : found) {
        if (value.node->isMapping())
            mappings.append(value);
    }
    return LayeredMapping(std::move(mappings));
}

LayeredMapping LayeredMapping::over(const SourcedNode &layer) const
{
    QList<SourcedNode> layers{layer};
    layers += m_layers;
    return LayeredMapping(std::move(layers));
}

std::optional<QString> parseAuthType(const QString &text, const QString &key, const QString &cloud, QString &error)
{
    static const QStringList known{QStringLiteral("password"), QStringLiteral("v3password"),
                                   QStringLiteral("v3applicationcredential"), QStringLiteral("token"), QStringLiteral("v3token")};
    if (known.contains(text))
        return text;
    error = QStringLiteral("unknown %1 '%2' of cloud '%3' (use password, v3password, v3applicationcredential, token or v3token)")
                .arg(key, text, cloud);
    return std::nullopt;
}

std::optional<QString> parseInterface(const QString &text, const QString &key, const QString &cloud, QString &error)
{
    // keystoneauth also takes the v2 spellings publicURL, internalURL and adminURL.
    QString word = text.toLower();
    if (word.endsWith(u"url"))
        word.chop(3);
    if (word == u"public" || word == u"internal" || word == u"admin")
        return word;
    error = QStringLiteral("unknown %1 '%2' of cloud '%3' (use public, internal or admin)").arg(key, text, cloud);
    return std::nullopt;
}

std::optional<bool> parseBoolean(const QString &text, const QString &key, const QString &cloud, QString &error)
{
    // YAML 1.1's words, as PyYAML reads clouds.yaml (here in any letter case).
    const QString word = text.toLower();
    if (word == u"true" || word == u"yes" || word == u"on")
        return true;
    if (word == u"false" || word == u"no" || word == u"off")
        return false;
    error = QStringLiteral("'%1' of cloud '%2' should be true or false, not '%3'").arg(key, cloud, text);
    return std::nullopt;
}

std::optional<int> parseTimeout(const QString &text, const QString &key, const QString &cloud, QString &error)
{
    static const QRegularExpression number(QStringLiteral("^(\\d+(\\.\\d*)?|\\.\\d+)$"));
    if (number.match(text.trimmed()).hasMatch()) {
        const double seconds = std::ceil(text.trimmed().toDouble());
        if (seconds <= std::numeric_limits<int>::max())
            return static_cast<int>(seconds);
    }
    error = QStringLiteral("'%1' of cloud '%2' should be a number of seconds, not '%3'").arg(key, cloud, text);
    return std::nullopt;
}

QString expandHome(const QString &path)
{
    if (path == u"~")
        return QDir::homePath();
    if (path.startsWith(u"~/"))
        return QDir::homePath() + path.mid(1);
    return path;
}

void applyDomainDefaults(CloudAuth &auth, const QString &domainId, const QString &domainName)
{
    if (auth.projectId.isEmpty() && auth.projectName.isEmpty())
        return; // Pilvi works in projects; a domain-scoped token is not one of its profiles
    if (!domainId.isEmpty()) {
        if (auth.userDomainId.isEmpty())
            auth.userDomainId = domainId;
        if (auth.projectDomainId.isEmpty())
            auth.projectDomainId = domainId;
    }
    if (!domainName.isEmpty()) {
        if (auth.userDomainName.isEmpty())
            auth.userDomainName = domainName;
        if (auth.projectDomainName.isEmpty())
            auth.projectDomainName = domainName;
    }
}

void applyDefaultAuthType(CloudProfile &cloud)
{
    if (cloud.authType.isEmpty() && !cloud.auth.token.isEmpty() && cloud.auth.username.isEmpty() && cloud.auth.userId.isEmpty())
        cloud.authType = QStringLiteral("token");
}

std::optional<CloudProfile> readCloud(const QString &name, const QString &sourceFile, const LayeredMapping &settings,
                                      const QString &regionName, QList<ConfigProblem> &problems)
{
    const qsizetype problemsBefore = problems.size();
    const Reader reader(name, problems);

    CloudProfile profile;
    profile.name = name;
    profile.sourceFile = sourceFile;

    // Regions first: the chosen region's `values` lie over everything else.
    const QList<Region> regions = readRegions(reader, name, settings);
    LayeredMapping cloud = settings;
    for (const Region &region : regions)
        profile.regions.append(region.name);
    if (!regions.isEmpty()) {
        const auto chosen = regionName.isEmpty() ? regions.cbegin()
                                                 : std::find_if(regions.cbegin(), regions.cend(),
                                                                [&](const Region &region) { return region.name == regionName; });
        if (chosen != regions.cend()) {
            profile.regionName = chosen->name;
            if (const std::optional<SourcedNode> &values = chosen->values; values.has_value())
                cloud = settings.over(values.value());
        }
    }
    if (profile.regionName.isEmpty())
        profile.regionName = regionName;

    const QList<SourcedNode> authBlocks = cloud.values(u"auth");
    for (const SourcedNode &auth : authBlocks) {
        if (!auth.node->isMapping() && !auth.node->isNull())
            reader.problem(auth, QStringLiteral("'auth' of cloud '%1' should be a mapping").arg(name));
    }
    const LayeredMapping auth = cloud.mapping(u"auth");
    const auto top = [&](QStringView key) { return reader.text(cloud, key); };
    const auto inAuth = [&](QStringView key) { return auth.isEmpty() ? QString() : reader.text(auth, key, u"auth."); };
    // The last non-empty value of the list wins. openstacksdk lets an auth plugin's option in
    // `auth:` win over the same key beside it, but for the keys its _fix_backwards_auth renames
    // (project, tenant, domains, token) the key beside `auth:` wins.
    const auto last = [](std::initializer_list<QString> candidates) {
        QString winner;
        for (const QString &candidate : candidates) {
            if (!candidate.isEmpty())
                winner = candidate;
        }
        return winner;
    };
    CloudAuth &a = profile.auth;
    a.authUrl = last({top(u"auth_url"), inAuth(u"auth_url")});
    a.username = last({top(u"user_name"), top(u"username"), inAuth(u"user_name"), inAuth(u"username")});
    a.userId = last({top(u"user_id"), inAuth(u"user_id")});
    a.password = last({top(u"password"), inAuth(u"password")});
    a.applicationCredentialId = last({top(u"application_credential_id"), inAuth(u"application_credential_id")});
    a.applicationCredentialName = last({top(u"application_credential_name"), inAuth(u"application_credential_name")});
    a.applicationCredentialSecret = last({top(u"application_credential_secret"), inAuth(u"application_credential_secret")});
    a.projectId = last({inAuth(u"tenant_id"), top(u"tenant_id"), inAuth(u"project_id"), top(u"project_id")});
    a.projectName = last({inAuth(u"tenant_name"), top(u"tenant_name"), inAuth(u"project_name"), top(u"project_name")});
    a.userDomainId = last({inAuth(u"user_domain_id"), top(u"user_domain_id")});
    a.userDomainName = last({inAuth(u"user_domain_name"), top(u"user_domain_name")});
    a.projectDomainId = last({inAuth(u"project_domain_id"), top(u"project_domain_id")});
    a.projectDomainName = last({inAuth(u"project_domain_name"), top(u"project_domain_name")});
    a.token = last({inAuth(u"auth_token"), top(u"auth_token"), inAuth(u"token"), top(u"token")});
    applyDomainDefaults(a, last({inAuth(u"domain_id"), top(u"domain_id")}), last({inAuth(u"domain_name"), top(u"domain_name")}));

    // auth_plugin is the old name; auth_type wins.
    const QStringView authTypeKey = cloud.value(u"auth_type") ? QStringView(u"auth_type") : QStringView(u"auth_plugin");
    if (const auto type = reader.parsed<QString>(cloud, authTypeKey, parseAuthType))
        profile.authType = *type;
    applyDefaultAuthType(profile);

    if (const auto interface = reader.parsed<QString>(cloud, u"interface", parseInterface))
        profile.interface = *interface;
    if (const QString version = top(u"identity_api_version"); !version.isEmpty())
        profile.identityApiVersion = version;
    profile.cacert = expandHome(top(u"cacert"));
    profile.cert = expandHome(top(u"cert"));
    profile.key = expandHome(top(u"key"));
    const std::optional<bool> verify = reader.parsed<bool>(cloud, u"verify", parseBoolean);
    const std::optional<bool> insecure = reader.parsed<bool>(cloud, u"insecure", parseBoolean);
    profile.verify = verify.value_or(true) && !insecure.value_or(false);
    if (const auto timeout = reader.parsed<int>(cloud, u"api_timeout", parseTimeout))
        profile.apiTimeoutSeconds = *timeout;

    if (const std::optional<SourcedNode> environment = cloud.value(u"environment"); environment && !environment->node->isNull()) {
        const std::optional<Environment> parsed =
            environment->node->isScalar() ? environmentFromKey(environment->node->scalar) : std::nullopt;
        if (parsed)
            profile.environment = *parsed;
        else if (environment->node->isScalar())
            reader.problem(*environment,
                           QStringLiteral("unknown environment '%1' (use development, testing, preproduction or production)")
                               .arg(environment->node->scalar));
        else
            reader.problem(*environment, QStringLiteral("'environment' of cloud '%1' should be one of development, testing, "
                                                        "preproduction or production, but it is %2")
                                             .arg(name, environment->node->kindName()));
    }

    if (problems.size() > problemsBefore)
        return std::nullopt;
    return profile;
}

} // namespace Pilvi::detail
