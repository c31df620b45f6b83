// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/orchestration/sizeparameter.h"

#include "yaml/yamldocument.h"

namespace Pilvi {

SizeSource sizeSourceOf(const QByteArray &templateText, const QString &groupResource, const QString &property)
{
    const YamlParseResult parsed = parseYaml(templateText);
    const YamlNode *root = parsed.root && parsed.root->isMapping() ? &*parsed.root : nullptr;
    const YamlNode *resources = root ? root->value(u"resources") : nullptr;
    const YamlNode *resource = resources && resources->isMapping() ? resources->value(groupResource) : nullptr;
    const YamlNode *props = resource && resource->isMapping() ? resource->value(u"properties") : nullptr;
    const YamlNode *value = props && props->isMapping() ? props->value(property) : nullptr;
    if (!value || value->isNull())
        return {};
    if (value->isScalar())
        return {SizeSource::Kind::Literal, {}};
    if (value->isMapping() && value->keys.size() == 1 && value->keys[0].scalar == u"get_param") {
        const YamlNode &argument = value->items[0];
        if (argument.isScalar())
            return {SizeSource::Kind::Parameter, argument.scalar};
        if (argument.isSequence() && argument.items.size() == 1 && argument.items[0].isScalar())
            return {SizeSource::Kind::Parameter, argument.items[0].scalar};
    }
    return {SizeSource::Kind::Other, {}};
}

} // namespace Pilvi
