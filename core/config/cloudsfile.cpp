// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/cloudsfile.h"

#include "config/cloudreader.h"
#include "yaml/yamldocument.h"

namespace Pilvi {

CloudsFileContent parseCloudsFile(const QByteArray &text, const QString &fileName)
{
    CloudsFileContent content;
    const YamlParseResult parsed = parseYaml(text);
    const YamlNode *clouds = detail::cloudsMapping(parsed, fileName, content.problems);
    if (!clouds)
        return content;
    const QList<detail::CloudEntry> entries = detail::cloudEntries(*clouds, fileName, content.problems);
    for (const detail::CloudEntry &entry : entries) {
        if (!entry.settings)
            continue; // reported by cloudEntries
        const detail::LayeredMapping settings({{entry.settings, fileName}});
        if (auto profile = detail::readCloud(entry.name, fileName, settings, {}, content.problems))
            content.clouds.append(std::move(*profile));
    }
    return content;
}

} // namespace Pilvi
