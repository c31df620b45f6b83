// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/cloudswriter.h"

#include "yaml/yamldocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace Pilvi {

namespace {

constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions ownerOnlyFolder = ownerOnlyFile | QFileDevice::ExeOwner;

/// A YAML 1.1 scalar for `value`: plain when a reader cannot take it for anything but the same
/// string, else quoted.
QByteArray scalar(const QString &value)
{
    static const QRegularExpression plainSafe(QStringLiteral("^[A-Za-z_/][A-Za-z0-9_./:@+=~-]*$"));
    static const QRegularExpression special(QStringLiteral("^(y|n|yes|no|true|false|on|off|null)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (plainSafe.match(value).hasMatch() && !special.match(value).hasMatch() && !value.contains(u": ") && !value.endsWith(u':'))
        return value.toUtf8();
    const bool printable = std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c.isPrint(); });
    if (printable) {
        QString quoted = value;
        quoted.replace(u'\'', QStringLiteral("''"));
        return '\'' + quoted.toUtf8() + '\'';
    }
    QByteArray quoted = "\"";
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\')
            quoted += '\\' + QString(c).toUtf8();
        else if (c == u'\n')
            quoted += "\\n";
        else if (c == u'\t')
            quoted += "\\t";
        else if (!c.isPrint())
            quoted += "\\u" + QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
        else
            quoted += QString(c).toUtf8();
    }
    return quoted + '"';
}

struct EntryWriter {
    QByteArray text;
    void line(int level, const char *key, const QByteArray &value = {})
    {
        text += QByteArray(qsizetype(level) * 2, ' ') + key + ':' + (value.isEmpty() ? QByteArray() : ' ' + value) + '\n';
    }
    void optional(int level, const char *key, const QString &value)
    {
        if (!value.isEmpty())
            line(level, key, scalar(value));
    }
};

qsizetype lineStart(const QByteArray &text, qsizetype offset)
{
    const qsizetype newline = text.lastIndexOf('\n', offset - 1);
    return newline < 0 ? 0 : newline + 1;
}

/// The offset just after the line holding `offset` (after its newline, or the text's end).
qsizetype afterLine(const QByteArray &text, qsizetype offset)
{
    const qsizetype newline = text.indexOf('\n', qMax<qsizetype>(offset - 1, 0));
    return newline < 0 ? text.size() : newline + 1;
}

QByteArray reindent(const QByteArray &entry, int base, int step)
{
    QByteArray out;
    const QList<QByteArray> lines = entry.split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        qsizetype spaces = 0;
        while (spaces < line.size() && line.at(spaces) == ' ')
            ++spaces;
        out += QByteArray(base + spaces / 2 * step, ' ') + line.mid(spaces) + '\n';
    }
    return out;
}

struct ParsedClouds {
    YamlParseResult parsed;
    const YamlNode *root = nullptr;
    const YamlNode *cloudsKey = nullptr;
    const YamlNode *clouds = nullptr;
};

/// Parses `text` for an edit; nullopt when it cannot be edited by text.
std::optional<ParsedClouds> parseForEdit(const QByteArray &text, QString &error)
{
    ParsedClouds result{parseYaml(text), nullptr, nullptr, nullptr};
    if (!result.parsed.root) {
        const YamlError first = result.parsed.errors.value(0);
        error = QStringLiteral("the file has YAML errors (line %1, column %2: %3); fix them first")
                    .arg(first.position.line)
                    .arg(first.position.column)
                    .arg(first.message);
        return std::nullopt;
    }
    result.root = &*result.parsed.root;
    if (result.root->isNull())
        return result;
    const auto startsFlow = [&](const YamlNode &node) {
        const qsizetype at = node.range.start.offset;
        return at >= 0 && at < text.size() && (text.at(at) == '{' || text.at(at) == '[');
    };
    if (!result.root->isMapping() || startsFlow(*result.root)) {
        error = QStringLiteral("the file is not a block-style YAML mapping (JSON or flow style); Pilvi edits only block "
                               "YAML");
        return std::nullopt;
    }
    result.cloudsKey = result.root->key(u"clouds");
    result.clouds = result.root->value(u"clouds");
    if (result.clouds && !result.clouds->isNull()) {
        if (!result.clouds->isMapping()) {
            error = QStringLiteral("'clouds' should be a mapping from cloud names to settings");
            return std::nullopt;
        }
        if (startsFlow(*result.clouds)) {
            error = QStringLiteral("'clouds' is written in flow style ({...}); Pilvi edits only block YAML");
            return std::nullopt;
        }
    }
    return result;
}

/// The byte range [start, end) of cloud `name`'s entry, whole lines from its key to its last value.
std::optional<std::pair<qsizetype, qsizetype>> entryRange(const QByteArray &text, const YamlNode &clouds, const QString &name)
{
    for (qsizetype i = clouds.keys.size() - 1; i >= 0; --i) {
        if (clouds.keys[i].isScalar() && clouds.keys[i].scalar == name) {
            const qsizetype start = lineStart(text, clouds.keys[i].range.start.offset);
            const YamlNode &value = clouds.items[i];
            const qsizetype valueEnd = value.isNull() ? clouds.keys[i].range.end.offset : value.range.end.offset;
            return std::pair{start, afterLine(text, valueEnd)};
        }
    }
    return std::nullopt;
}

bool makeFolder(const QString &path)
{
    // Folders made here are private: they will hold secure.yaml.
    const QFileInfo info(path);
    if (info.isDir())
        return true;
    if (!makeFolder(info.absolutePath()))
        return false;
    return QDir().mkdir(path, ownerOnlyFolder);
}

QString readText(const QString &path, QByteArray &text)
{
    text.clear();
    if (!QFileInfo::exists(path))
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
    text = file.readAll();
    return {};
}

QString writeText(const QString &path, const QByteArray &text, bool secret)
{
    if (!makeFolder(QFileInfo(path).absolutePath()))
        return QStringLiteral("cannot create the folder of %1").arg(path);
    if (secret) {
        // QSaveFile gives a new file the existing file's mode: make sure that is 0600 before a
        // secret is written (a new file is created empty with that mode first).
        QFile file(path);
        if (!file.exists()) {
            if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnlyFile))
                return QStringLiteral("cannot create %1: %2").arg(path, file.errorString());
            file.close();
        } else if (!file.setPermissions(ownerOnlyFile)) {
            return QStringLiteral("cannot make %1 private (mode 0600): %2").arg(path, file.errorString());
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    if (secret && !QFile::setPermissions(path, ownerOnlyFile))
        return QStringLiteral("cannot make %1 private (mode 0600)").arg(path);
    return {};
}

} // namespace

QList<CloudSecret> secretsOf(const CloudAuth &auth)
{
    QList<CloudSecret> secrets;
    if (!auth.password.isEmpty())
        secrets.append({QStringLiteral("password"), auth.password});
    if (!auth.applicationCredentialSecret.isEmpty())
        secrets.append({QStringLiteral("application_credential_secret"), auth.applicationCredentialSecret});
    if (!auth.token.isEmpty())
        secrets.append({QStringLiteral("token"), auth.token});
    return secrets;
}

QString defaultCloudsDirectory(const QProcessEnvironment &environment)
{
    const QString xdg = environment.value(QStringLiteral("XDG_CONFIG_HOME")).trimmed();
    const QString config = xdg.isEmpty() ? environment.value(QStringLiteral("HOME")) + QStringLiteral("/.config") : xdg;
    return config + QStringLiteral("/openstack");
}

QByteArray cloudEntryYaml(const CloudProfile &cloud)
{
    EntryWriter w;
    w.optional(0, "auth_type", cloud.authType);
    const CloudAuth &a = cloud.auth;
    EntryWriter auth;
    auth.optional(1, "auth_url", a.authUrl);
    auth.optional(1, "username", a.username);
    auth.optional(1, "user_id", a.userId);
    auth.optional(1, "user_domain_name", a.userDomainName);
    auth.optional(1, "user_domain_id", a.userDomainId);
    auth.optional(1, "project_name", a.projectName);
    auth.optional(1, "project_id", a.projectId);
    auth.optional(1, "project_domain_name", a.projectDomainName);
    auth.optional(1, "project_domain_id", a.projectDomainId);
    auth.optional(1, "application_credential_id", a.applicationCredentialId);
    auth.optional(1, "application_credential_name", a.applicationCredentialName);
    if (!auth.text.isEmpty()) {
        w.line(0, "auth");
        w.text += auth.text;
    }
    if (cloud.regions.size() > 1) {
        w.line(0, "regions");
        QStringList regions = cloud.regions;
        regions.removeAll(cloud.regionName);
        if (!cloud.regionName.isEmpty())
            regions.prepend(cloud.regionName); // the first is the default
        for (const QString &region : std::as_const(regions))
            w.text += "  - " + scalar(region) + '\n';
    } else {
        w.optional(0, "region_name", cloud.regionName);
    }
    w.optional(0, "interface", cloud.interface);
    if (!cloud.identityApiVersion.isEmpty()) {
        static const QRegularExpression number(QStringLiteral("^\\d+(\\.\\d+)?$"));
        const bool isNumber = number.match(cloud.identityApiVersion).hasMatch();
        w.line(0, "identity_api_version", isNumber ? cloud.identityApiVersion.toUtf8() : scalar(cloud.identityApiVersion));
    }
    w.optional(0, "cacert", cloud.cacert);
    if (!cloud.verify)
        w.line(0, "verify", "false");
    w.optional(0, "cert", cloud.cert);
    w.optional(0, "key", cloud.key);
    if (cloud.apiTimeoutSeconds > 0)
        w.line(0, "api_timeout", QByteArray::number(cloud.apiTimeoutSeconds));
    w.line(0, "environment", environmentKey(cloud.environment).toUtf8());
    return w.text;
}

QByteArray secretEntryYaml(const QList<CloudSecret> &secrets)
{
    EntryWriter w;
    w.line(0, "auth");
    for (const CloudSecret &secret : secrets)
        w.line(1, secret.key.toUtf8().constData(), scalar(secret.value));
    return w.text;
}

std::optional<QByteArray> setCloudEntry(const QByteArray &text, const QString &name, const QByteArray &entry, QString &error)
{
    const std::optional<ParsedClouds> parsed = parseForEdit(text, error);
    if (!parsed)
        return std::nullopt;
    const QByteArray key = scalar(name) + ":\n";
    if (!parsed->clouds) {
        // No `clouds:` key yet (or an empty file): append a whole section.
        QByteArray out = text;
        if (!out.isEmpty() && !out.endsWith('\n'))
            out += '\n';
        return out + "clouds:\n  " + key + reindent(entry, 4, 2);
    }
    if (parsed->clouds->isNull()) {
        // `clouds:` with nothing under it: the entry goes on the next line.
        QByteArray out = text;
        qsizetype at = afterLine(out, parsed->cloudsKey->range.end.offset);
        if (at == out.size() && !out.endsWith('\n')) {
            out += '\n';
            at = out.size();
        }
        return out.insert(at, "  " + key + reindent(entry, 4, 2));
    }
    const YamlNode &clouds = *parsed->clouds;
    const int indent = clouds.keys.constFirst().range.start.column - 1;
    // The step of the file's own indentation, from the first cloud's first setting.
    int step = 2;
    for (const YamlNode &settings : clouds.items) {
        if (settings.isMapping() && !settings.keys.isEmpty()) {
            step = qMax(1, settings.keys.constFirst().range.start.column - 1 - indent);
            break;
        }
    }
    const QByteArray block = QByteArray(indent, ' ') + key + reindent(entry, indent + step, step);
    QByteArray out = text;
    if (const auto range = entryRange(text, clouds, name))
        return out.replace(range->first, range->second - range->first, block);
    const YamlNode &last = clouds.items.constLast();
    const qsizetype lastEnd = last.isNull() ? clouds.keys.constLast().range.end.offset : last.range.end.offset;
    qsizetype at = afterLine(out, lastEnd);
    if (at == out.size() && !out.endsWith('\n')) {
        out += '\n';
        at = out.size();
    }
    return out.insert(at, block);
}

std::optional<QByteArray> removeCloudEntry(const QByteArray &text, const QString &name, QString &error)
{
    const std::optional<ParsedClouds> parsed = parseForEdit(text, error);
    if (!parsed)
        return std::nullopt;
    if (!parsed->clouds || parsed->clouds->isNull())
        return text;
    const auto range = entryRange(text, *parsed->clouds, name);
    if (!range)
        return text;
    QByteArray out = text;
    return out.remove(range->first, range->second - range->first);
}

QString writeCloudEntry(const QString &cloudsFile, const QString &secureFile, const CloudProfile &cloud,
                        SecretPlacement placement)
{
    if (cloud.name.isEmpty())
        return QStringLiteral("the cloud has no name");
    const QList<CloudSecret> secrets = secretsOf(cloud.auth);

    QByteArray cloudsText;
    if (QString error = readText(cloudsFile, cloudsText); !error.isEmpty())
        return error;
    QString error;
    const std::optional<QByteArray> newClouds = setCloudEntry(cloudsText, cloud.name, cloudEntryYaml(cloud), error);
    if (!newClouds)
        return QStringLiteral("cannot add cloud '%1' to %2: %3").arg(cloud.name, cloudsFile, error);

    QByteArray secureText;
    if (QString readError = readText(secureFile, secureText); !readError.isEmpty())
        return readError;
    std::optional<QByteArray> newSecure = secureText;
    if (placement == SecretPlacement::SecureFile && !secrets.isEmpty())
        newSecure = setCloudEntry(secureText, cloud.name, secretEntryYaml(secrets), error);
    else if (!secureText.isEmpty())
        newSecure = removeCloudEntry(secureText, cloud.name, error);
    if (!newSecure)
        return QStringLiteral("cannot store the secret of cloud '%1' in %2: %3").arg(cloud.name, secureFile, error);

    // secure.yaml first: a clouds.yaml entry never points at a secret that is not there yet.
    if (*newSecure != secureText) {
        if (QString writeError = writeText(secureFile, *newSecure, true); !writeError.isEmpty())
            return writeError;
    }
    return writeText(cloudsFile, *newClouds, false);
}

} // namespace Pilvi
