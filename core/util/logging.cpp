// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/logging.h"

Q_LOGGING_CATEGORY(lcNet, "pilvi.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAuth, "pilvi.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcHeat, "pilvi.heat", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCinder, "pilvi.cinder", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSwift, "pilvi.swift", QtWarningMsg)
Q_LOGGING_CATEGORY(lcConfig, "pilvi.config", QtWarningMsg)
Q_LOGGING_CATEGORY(lcJobs, "pilvi.jobs", QtWarningMsg)
