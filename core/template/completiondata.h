// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/resourceschema.h"
#include "template/templatecompletion.h"

namespace Pilvi {

/// What the editor's completion offers, from a schema registry (bundled, or a connected cloud's):
/// the types it knows, and each type's properties and attributes (hidden ones left out).
CompletionData completionDataFrom(const ResourceSchemaRegistry &registry);

} // namespace Pilvi
