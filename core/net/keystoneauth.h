// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"
#include "net/authtoken.h"

#include <QJsonObject>
#include <QUrl>

namespace Pilvi {

/// Keystone v3 authentication as pure functions: what to send, and how to read the answer.
namespace KeystoneAuth {

/// {auth_url}/v3/auth/tokens; auth_url may be given with or without /v3, as in clouds.yaml.
QUrl tokensUrl(const QString &authUrl);

/// The POST body for the profile's auth_type (password, application credential, token).
/// Throws ApiError(Config) naming the missing key when the profile cannot authenticate.
QJsonObject requestBody(const CloudProfile &profile);

/// Reads a token response (body and X-Subject-Token). Throws ApiError(BadResponse).
AuthToken parseResponse(const QByteArray &body, const QByteArray &subjectToken);

} // namespace KeystoneAuth

} // namespace Pilvi
