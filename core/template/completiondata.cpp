// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/completiondata.h"

namespace Pilvi {

CompletionData completionDataFrom(const ResourceSchemaRegistry &registry)
{
    CompletionData data;
    const QStringList types = registry.typeNames();
    for (const QString &name : types) {
        const ResourceTypeSchema schema = registry.type(name);
        if (schema.supportStatus().status == SupportStatus::Status::Hidden)
            continue;
        data.resourceTypes.append(name);
        QStringList properties;
        const QStringList propertyNames = schema.propertyNames();
        for (const QString &property : propertyNames) {
            if (schema.property(property).supportStatus().status != SupportStatus::Status::Hidden)
                properties.append(property);
        }
        data.properties.insert(name, properties);
        QStringList attributes;
        const QStringList attributeNames = schema.attributeNames();
        for (const QString &attribute : attributeNames) {
            if (schema.attributeStatus(attribute).status != SupportStatus::Status::Hidden)
                attributes.append(attribute);
        }
        data.attributes.insert(name, attributes);
    }
    return data;
}

} // namespace Pilvi
