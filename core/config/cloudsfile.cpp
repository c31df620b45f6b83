// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/cloudsfile.h"

#include "yaml/yamldocument.h"

namespace Pilvi {

namespace {

QString scalarOf(const YamlNode *node)
{
    return node && node->isScalar() ? node->scalar : QString();
}

struct CloudReader {
    const QString &fileName;
    CloudsFileContent &out;

    void problem(const YamlNode &at, const QString &message) const
    {
        out.problems.append({fileName, at.range.start.line, at.range.start.column, message});
    }

    void read(const YamlNode &nameNode, const YamlNode &cloud) const
    {
        if (!cloud.isMapping()) {
            problem(cloud.isNull() ? nameNode : cloud, QStringLiteral("cloud '%1' should be a mapping of settings, but it is %2")
                                                           .arg(nameNode.scalar, cloud.kindName()));
            return;
        }
        CloudProfile profile;
        profile.name = nameNode.scalar;
        profile.sourceFile = fileName;
        profile.authType = scalarOf(cloud.value(u"auth_type"));
        profile.regionName = scalarOf(cloud.value(u"region_name"));
        profile.interface = scalarOf(cloud.value(u"interface"));
        if (const YamlNode *auth = cloud.value(u"auth")) {
            if (!auth->isMapping()) {
                problem(*auth, QStringLiteral("'auth' of cloud '%1' should be a mapping").arg(profile.name));
                return;
            }
            profile.auth.authUrl = scalarOf(auth->value(u"auth_url"));
            profile.auth.projectName = scalarOf(auth->value(u"project_name"));
            profile.auth.username = scalarOf(auth->value(u"username"));
        }
        if (const YamlNode *environment = cloud.value(u"environment")) {
            const auto parsed = environmentFromKey(environment->scalar);
            if (!parsed) {
                problem(*environment,
                        QStringLiteral("unknown environment '%1' (use development, testing, preproduction or production)")
                            .arg(environment->scalar));
                return;
            }
            profile.environment = *parsed;
        }
        out.clouds.append(profile);
    }
};

} // namespace

CloudsFileContent parseCloudsFile(const QByteArray &text, const QString &fileName)
{
    CloudsFileContent content;
    const YamlParseResult parsed = parseYaml(text);
    for (const YamlError &error : parsed.errors)
        content.problems.append({fileName, error.position.line, error.position.column, error.message});
    if (!parsed.root)
        return content;

    const YamlNode &root = *parsed.root;
    if (root.isNull())
        return content; // an empty file has no clouds, and that is fine
    if (!root.isMapping()) {
        content.problems.append({fileName, root.range.start.line, root.range.start.column,
                                 QStringLiteral("the file should be a mapping with a 'clouds' key")});
        return content;
    }
    const YamlNode *clouds = root.value(u"clouds");
    if (!clouds || clouds->isNull())
        return content;
    if (!clouds->isMapping()) {
        content.problems.append({fileName, clouds->range.start.line, clouds->range.start.column,
                                 QStringLiteral("'clouds' should be a mapping from cloud names to settings")});
        return content;
    }
    const CloudReader reader{fileName, content};
    for (qsizetype i = 0; i < clouds->keys.size(); ++i)
        reader.read(clouds->keys[i], clouds->items[i]);
    return content;
}

} // namespace Pilvi
