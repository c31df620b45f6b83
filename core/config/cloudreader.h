// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to core/config: how one cloud's settings become a CloudProfile, with openstacksdk's
// rules. Shared by clouds.yaml parsing, the secure.yaml merge and the OS_* variables.

#include "config/cloudprofile.h"
#include "config/configproblem.h"

#include <QList>
#include <QString>

#include <optional>

namespace Pilvi {

class YamlNode;
struct YamlParseResult;

namespace detail {

/// A YAML node and the file it was read from.
struct SourcedNode {
    const YamlNode *node = nullptr;
    QString file;
};

/// A cloud's settings as mappings laid over each other, highest priority first (a region's
/// `values`, secure.yaml, clouds.yaml). A key's value is the highest layer's; mappings under the
/// same key merge key by key, as openstacksdk's merge_clouds does. Keys match with '-' read as
/// '_' (openstacksdk's normalize_keys).
class LayeredMapping
{
public:
    LayeredMapping() = default;
    explicit LayeredMapping(QList<SourcedNode> layers);

    bool isEmpty() const { return m_layers.isEmpty(); }
    /// The value of `key` in the highest layer that has it (null values included).
    std::optional<SourcedNode> value(QStringView key) const;
    /// The values of `key` in every layer that has it, highest first.
    QList<SourcedNode> values(QStringView key) const;
    /// The mappings under `key`, merged (other kinds of values are skipped: check them first).
    LayeredMapping mapping(QStringView key) const;
    /// A new view with `layer` above all others.
    LayeredMapping over(const SourcedNode &layer) const;

private:
    QList<SourcedNode> m_layers;
};

/// The `clouds:` mapping of a parsed clouds.yaml or secure.yaml, or nullptr when it has none.
/// Syntax errors and a wrong shape are appended to `problems`.
const YamlNode *cloudsMapping(const YamlParseResult &parsed, const QString &fileName, QList<ConfigProblem> &problems);

/// The entries of a `clouds:` mapping, in order. An entry that is not a mapping is a problem
/// and has no settings.
struct CloudEntry {
    QString name;
    const YamlNode *settings = nullptr;   ///< the entry's mapping; nullptr when it is broken
    std::optional<ConfigProblem> problem; ///< why it is broken (also appended to the problems)
};
QList<CloudEntry> cloudEntries(const YamlNode &clouds, const QString &fileName, QList<ConfigProblem> &problems);

/// Reads one cloud. `regionName` picks a region of the cloud's list (empty: the first), whose
/// `values` then lie over the settings. Problems are appended, each at its node; a cloud with a
/// problem is not returned.
std::optional<CloudProfile> readCloud(const QString &name, const QString &sourceFile, const LayeredMapping &settings,
                                      const QString &regionName, QList<ConfigProblem> &problems);

// Value rules shared with the OS_* variables. Each returns the value, or nullopt and sets `error`
// to a message naming the setting `key` and the `cloud`.
std::optional<QString> parseAuthType(const QString &text, const QString &key, const QString &cloud, QString &error);
std::optional<QString> parseInterface(const QString &text, const QString &key, const QString &cloud, QString &error);
std::optional<bool> parseBoolean(const QString &text, const QString &key, const QString &cloud, QString &error);
std::optional<int> parseTimeout(const QString &text, const QString &key, const QString &cloud, QString &error);
/// "~/x" -> HOME/x, as openstacksdk expands cacert, cert and key.
QString expandHome(const QString &path);

/// openstacksdk's `_handle_domain_id`: a project-scoped cloud's `domain_id`/`domain_name` fill
/// the user and project domains that are not given.
void applyDomainDefaults(CloudAuth &auth, const QString &domainId, const QString &domainName);
/// The openstack CLI's choice when no auth_type is given: a token without a user means "token".
void applyDefaultAuthType(CloudProfile &cloud);

} // namespace detail
} // namespace Pilvi
