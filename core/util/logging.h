// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// One category per subsystem, quiet by default (QT_LOGGING_RULES="pilvi.*.debug=true" to see
// them). Never log secrets, tokens or request bodies.
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcHeat)
Q_DECLARE_LOGGING_CATEGORY(lcCinder)
Q_DECLARE_LOGGING_CATEGORY(lcSwift)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcJobs)
