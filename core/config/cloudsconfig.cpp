// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/cloudsconfig.h"

#include "config/cloudreader.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

namespace Pilvi {

namespace detail {

/// One clouds.yaml or secure.yaml as parsed. Nodes are never changed after parsing, so the
/// SourcedNode pointers into `parsed` stay valid as long as this lives.
struct ParsedFile {
    QString path;
    YamlParseResult parsed;
    const YamlNode *clouds = nullptr;
};

/// Every cloud name the files define, with the mappings that make it up.
struct CloudSource {
    QString name;
    QString sourceFile;
    QList<SourcedNode> layers;                ///< secure.yaml's entry over clouds.yaml's
    std::optional<ConfigProblem> brokenEntry; ///< set when an entry of this name is not a mapping
    bool fromSandbox = false;
};

struct CloudsSources {
    ParsedFile user;
    ParsedFile secure;
    ParsedFile sandbox;
    QList<CloudSource> clouds;

    const CloudSource *find(const QString &name) const
    {
        const auto found = std::find_if(clouds.cbegin(), clouds.cend(), [&](const CloudSource &c) { return c.name == name; });
        return found == clouds.cend() ? nullptr : &*found;
    }
};

} // namespace detail

namespace {

using detail::CloudSource;
using detail::ParsedFile;

constexpr QLatin1StringView envvarsName("envvars");

QStringList filesIn(const QStringList &directories, const QString &baseName)
{
    QStringList files;
    for (const QString &directory : directories) {
        for (const auto *suffix : {".yaml", ".yml", ".json"})
            files.append(QDir(directory).filePath(baseName + QLatin1StringView(suffix)));
    }
    return files;
}

QString defaultPilviCache(const QProcessEnvironment &environment)
{
    // The same rule as tools/dev and tools/sandbox-cloud.
    if (environment.contains(QStringLiteral("PILVI_CACHE")))
        return environment.value(QStringLiteral("PILVI_CACHE"));
    if (::geteuid() == 0)
        return QStringLiteral("/var/cache/pilvi");
    const QString xdgCache = environment.value(QStringLiteral("XDG_CACHE_HOME"),
                                               environment.value(QStringLiteral("HOME")) + QStringLiteral("/.cache"));
    return xdgCache + QStringLiteral("/pilvi");
}

/// Reads the first candidate that exists and parses, as openstacksdk's _load_yaml_json_file does:
/// a file it cannot open or parse is reported and the search goes on.
void loadFirst(ParsedFile &file, const QStringList &candidates, QList<ConfigProblem> &problems)
{
    for (const QString &candidate : candidates) {
        if (!QFileInfo::exists(candidate))
            continue;
        QFile input(candidate);
        if (!input.open(QIODevice::ReadOnly)) {
            problems.append({candidate, 0, 0, QStringLiteral("cannot read: %1").arg(input.errorString())});
            continue;
        }
        YamlParseResult parsed = parseYaml(input.readAll());
        if (!parsed.root) {
            for (const YamlError &error : std::as_const(parsed.errors))
                problems.append({candidate, error.position.line, error.position.column, error.message});
            continue;
        }
        file.path = candidate;
        file.parsed = std::move(parsed);
        file.clouds = detail::cloudsMapping(file.parsed, candidate, problems);
        return;
    }
}

void addEntries(detail::CloudsSources &sources, const ParsedFile &file, bool sandbox, QList<ConfigProblem> &problems)
{
    if (!file.clouds)
        return;
    const QList<detail::CloudEntry> entries = detail::cloudEntries(*file.clouds, file.path, problems);
    for (const detail::CloudEntry &entry : entries) {
        auto known = std::find_if(sources.clouds.begin(), sources.clouds.end(),
                                  [&](const CloudSource &c) { return c.name == entry.name; });
        if (known != sources.clouds.end() && (sandbox || known->fromSandbox))
            continue; // the user's own cloud of that name wins over the sandbox's
        if (known == sources.clouds.end())
            known = sources.clouds.insert(sources.clouds.end(), CloudSource{entry.name, file.path, {}, std::nullopt, sandbox});
        if (!entry.settings)
            known->brokenEntry = entry.problem;
        else
            known->layers.prepend({entry.settings, file.path}); // secure.yaml is read last and lies on top
    }
}

QString envValue(const QProcessEnvironment &environment, const char *name)
{
    return environment.value(QLatin1StringView(name));
}

/// The variables the openstack CLI turns into option defaults, and so into values of any cloud.
struct AuthVariable {
    const char *name;
    const char *fallback; // an older name read when `name` is not set
    QString CloudAuth::*field;
};
constexpr AuthVariable authVariables[] = {
    {"OS_AUTH_URL", nullptr, &CloudAuth::authUrl},
    {"OS_USERNAME", nullptr, &CloudAuth::username},
    {"OS_USER_ID", nullptr, &CloudAuth::userId},
    {"OS_PASSWORD", nullptr, &CloudAuth::password},
    {"OS_PROJECT_NAME", "OS_TENANT_NAME", &CloudAuth::projectName},
    {"OS_PROJECT_ID", "OS_TENANT_ID", &CloudAuth::projectId},
    {"OS_USER_DOMAIN_NAME", nullptr, &CloudAuth::userDomainName},
    {"OS_USER_DOMAIN_ID", nullptr, &CloudAuth::userDomainId},
    {"OS_PROJECT_DOMAIN_NAME", nullptr, &CloudAuth::projectDomainName},
    {"OS_PROJECT_DOMAIN_ID", nullptr, &CloudAuth::projectDomainId},
    {"OS_APPLICATION_CREDENTIAL_ID", nullptr, &CloudAuth::applicationCredentialId},
    {"OS_APPLICATION_CREDENTIAL_NAME", nullptr, &CloudAuth::applicationCredentialName},
    {"OS_APPLICATION_CREDENTIAL_SECRET", nullptr, &CloudAuth::applicationCredentialSecret},
    {"OS_TOKEN", nullptr, &CloudAuth::token},
};

struct ProfileVariable {
    const char *name;
    QString CloudProfile::*field;
    bool isPath;
};
constexpr ProfileVariable profileVariables[] = {
    {"OS_IDENTITY_API_VERSION", &CloudProfile::identityApiVersion, false},
    {"OS_CACERT", &CloudProfile::cacert, true},
    {"OS_CERT", &CloudProfile::cert, true},
    {"OS_KEY", &CloudProfile::key, true},
};

/// Sets the values the OS_* variables give (empty variables count as unset, as argparse's
/// defaults do in the openstack CLI). Returns the variables that changed a value; a wrong value
/// is a problem with the variable's name as its file.
QStringList applyVariables(CloudProfile &cloud, const QProcessEnvironment &environment, QList<ConfigProblem> &problems)
{
    QStringList changed;
    const auto set = [&](QString &field, const QString &value, const char *name) {
        if (value.isEmpty() || value == field)
            return;
        field = value;
        changed.append(QLatin1StringView(name));
    };
    for (const AuthVariable &variable : authVariables) {
        QString value = envValue(environment, variable.name);
        const char *name = variable.name;
        if (value.isEmpty() && variable.fallback) {
            value = envValue(environment, variable.fallback);
            name = variable.fallback;
        }
        set(cloud.auth.*variable.field, value, name);
    }
    for (const ProfileVariable &variable : profileVariables) {
        const QString value = envValue(environment, variable.name);
        set(cloud.*variable.field, variable.isPath ? detail::expandHome(value) : value, variable.name);
    }
    QString error;
    if (const QString value = envValue(environment, "OS_AUTH_TYPE"); !value.isEmpty()) {
        if (const auto type = detail::parseAuthType(value, QStringLiteral("auth_type"), cloud.name, error))
            set(cloud.authType, *type, "OS_AUTH_TYPE");
        else
            problems.append({QStringLiteral("OS_AUTH_TYPE"), 0, 0, error});
    }
    if (const QString value = envValue(environment, "OS_INTERFACE"); !value.isEmpty()) {
        if (const auto interface = detail::parseInterface(value, QStringLiteral("interface"), cloud.name, error))
            set(cloud.interface, *interface, "OS_INTERFACE");
        else
            problems.append({QStringLiteral("OS_INTERFACE"), 0, 0, error});
    }
    return changed;
}

QString knownNames(const CloudsConfig &config)
{
    QStringList names;
    if (config.sources) {
        for (const CloudSource &cloud : config.sources->clouds)
            names.append(cloud.name);
    }
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

QString notFound(const CloudsConfig &config, const QString &name, const QString &via)
{
    QStringList files;
    if (config.sources) {
        for (const ParsedFile *file : {&config.sources->user, &config.sources->secure, &config.sources->sandbox}) {
            if (!file->path.isEmpty())
                files.append(file->path);
        }
    }
    const QString cloud =
        via.isEmpty() ? QStringLiteral("cloud '%1'").arg(name) : QStringLiteral("cloud '%1' (%2)").arg(name, via);
    if (files.isEmpty())
        return QStringLiteral("%1 is not defined: no clouds.yaml was found").arg(cloud);
    return QStringLiteral("%1 is not in %2 (known: %3)").arg(cloud, files.join(QStringLiteral(" or ")), knownNames(config));
}

CloudSelection fromEnvironmentCloud(const QProcessEnvironment &environment)
{
    CloudSelection selection;
    QList<ConfigProblem> problems;
    selection.cloud = cloudFromEnvironment(environment, &problems);
    if (!problems.isEmpty()) {
        selection.cloud.reset();
        selection.error = problems.constFirst().toString();
    }
    return selection;
}

} // namespace

CloudsConfigPaths CloudsConfigPaths::fromEnvironment(const QProcessEnvironment &environment, const QString &workingDirectory)
{
    const QString home = environment.value(QStringLiteral("HOME"));
    const QString homeConfig = home + QStringLiteral("/.config");
    const QString xdgConfig = environment.value(QStringLiteral("XDG_CONFIG_HOME")).trimmed();
    // platformdirs' site config: $XDG_CONFIG_DIRS (default /etc/xdg).
    QStringList siteConfigs = environment.value(QStringLiteral("XDG_CONFIG_DIRS")).trimmed().split(u':', Qt::SkipEmptyParts);
    if (siteConfigs.isEmpty())
        siteConfigs = {QStringLiteral("/etc/xdg")};

    QStringList directories{workingDirectory, (xdgConfig.isEmpty() ? homeConfig : xdgConfig) + QStringLiteral("/openstack"),
                            homeConfig + QStringLiteral("/openstack")};
    for (const QString &site : std::as_const(siteConfigs))
        directories.append(site + QStringLiteral("/openstack"));
    directories.append(QStringLiteral("/etc/openstack"));
    directories.removeDuplicates();

    CloudsConfigPaths paths;
    const auto explicitFile = [&](const char *variable) {
        const QString file = envValue(environment, variable);
        return file.isEmpty() ? QStringList{} : QStringList{QDir(workingDirectory).absoluteFilePath(file)};
    };
    paths.userCandidates = explicitFile("OS_CLIENT_CONFIG_FILE") + filesIn(directories, QStringLiteral("clouds"));
    paths.secureCandidates = explicitFile("OS_CLIENT_SECURE_FILE") + filesIn(directories, QStringLiteral("secure"));
    paths.sandboxFile = environment.value(QStringLiteral("PILVI_SANDBOX_CLOUDS"),
                                          defaultPilviCache(environment) + QStringLiteral("/sandbox/clouds.yaml"));
    return paths;
}

CloudsConfig loadCloudsConfig(const CloudsConfigPaths &paths)
{
    CloudsConfig config;
    auto sources = std::make_shared<detail::CloudsSources>();
    loadFirst(sources->user, paths.userCandidates, config.problems);
    loadFirst(sources->secure, paths.secureCandidates, config.problems);
    if (!paths.sandboxFile.isEmpty() && paths.sandboxFile != sources->user.path)
        loadFirst(sources->sandbox, {paths.sandboxFile}, config.problems);
    addEntries(*sources, sources->user, false, config.problems);
    addEntries(*sources, sources->secure, false, config.problems);
    addEntries(*sources, sources->sandbox, true, config.problems);

    for (const CloudSource &cloud : std::as_const(sources->clouds)) {
        if (cloud.brokenEntry)
            continue;
        if (auto profile =
                detail::readCloud(cloud.name, cloud.sourceFile, detail::LayeredMapping(cloud.layers), {}, config.problems))
            config.clouds.append(std::move(*profile));
    }
    config.userFile = sources->user.path;
    config.secureFile = sources->secure.path;
    config.sources = std::move(sources);
    return config;
}

std::optional<CloudProfile> cloudFromEnvironment(const QProcessEnvironment &environment, QList<ConfigProblem> *problems)
{
    if (envValue(environment, "OS_AUTH_URL").isEmpty())
        return std::nullopt;
    QList<ConfigProblem> found;
    CloudProfile cloud;
    cloud.name = envvarsName;
    applyVariables(cloud, environment, found);
    cloud.regionName = envValue(environment, "OS_REGION_NAME");
    // openstacksdk reads OS_INSECURE as its BOOL_KEYS: only "true" (any case) is true.
    if (envValue(environment, "OS_INSECURE").compare(u"true", Qt::CaseInsensitive) == 0)
        cloud.verify = false;
    if (const QString timeout = envValue(environment, "OS_API_TIMEOUT"); !timeout.isEmpty()) {
        QString error;
        if (const auto seconds = detail::parseTimeout(timeout, QStringLiteral("api_timeout"), cloud.name, error))
            cloud.apiTimeoutSeconds = *seconds;
        else
            found.append({QStringLiteral("OS_API_TIMEOUT"), 0, 0, error});
    }
    detail::applyDomainDefaults(cloud.auth, envValue(environment, "OS_DOMAIN_ID"), envValue(environment, "OS_DOMAIN_NAME"));
    detail::applyDefaultAuthType(cloud);
    if (problems)
        problems->append(found);
    if (!found.isEmpty())
        return std::nullopt;
    return cloud;
}

CloudSelection selectCloud(const CloudsConfig &config, const QString &requestedName, const QProcessEnvironment &environment)
{
    QString name = requestedName;
    QString via;
    if (name.isEmpty()) {
        name = envValue(environment, "OS_CLOUD");
        via = QStringLiteral("OS_CLOUD");
    }
    if (name.isEmpty()) {
        CloudSelection selection = fromEnvironmentCloud(environment);
        if (selection.cloud || !selection.error.isEmpty())
            return selection;
        // openstacksdk's last default: the only cloud of clouds.yaml and secure.yaml.
        QStringList own;
        if (config.sources) {
            for (const CloudSource &cloud : config.sources->clouds) {
                if (!cloud.fromSandbox)
                    own.append(cloud.name);
            }
        }
        if (own.size() != 1)
            return {
                std::nullopt, QStringLiteral("no cloud given: use --os-cloud NAME, set OS_CLOUD, or source an openrc file"), {}};
        name = own.constFirst();
        via.clear();
    }

    const CloudSource *source = config.sources ? config.sources->find(name) : nullptr;
    if (!source) {
        if (name == envvarsName) {
            CloudSelection selection = fromEnvironmentCloud(environment);
            if (selection.cloud || !selection.error.isEmpty())
                return selection;
        }
        return {std::nullopt, notFound(config, name, via), {}};
    }

    // Read the cloud again: for the region OS_REGION_NAME asks for, and for its own problems.
    const QString region = envValue(environment, "OS_REGION_NAME");
    QList<ConfigProblem> problems;
    std::optional<CloudProfile> cloud;
    if (source->brokenEntry)
        problems.append(*source->brokenEntry);
    else
        cloud = detail::readCloud(source->name, source->sourceFile, detail::LayeredMapping(source->layers), region, problems);
    if (!cloud) {
        const QString reason = problems.constFirst().toString();
        return {std::nullopt, QStringLiteral("cloud '%1' in %2 cannot be used: %3").arg(name, source->sourceFile, reason), {}};
    }
    CloudSelection selection;
    if (!region.isEmpty() && !cloud->regions.isEmpty() && !cloud->regions.contains(region)) {
        // openstacksdk's _get_region refuses a region the cloud does not name.
        selection.error = QStringLiteral("region '%1' (OS_REGION_NAME) is not a region of cloud '%2' (known: %3)")
                              .arg(region, name, cloud->regions.join(QStringLiteral(", ")));
        return selection;
    }
    selection.overriddenBy = applyVariables(*cloud, environment, problems);
    if (!problems.isEmpty()) {
        selection.error = problems.constFirst().toString();
        selection.overriddenBy.clear();
        return selection;
    }
    if (!region.isEmpty() && !cloud->regions.isEmpty() && cloud->regions.constFirst() != region)
        selection.overriddenBy.append(QStringLiteral("OS_REGION_NAME"));
    detail::applyDefaultAuthType(*cloud);
    selection.cloud = std::move(cloud);
    return selection;
}

} // namespace Pilvi
