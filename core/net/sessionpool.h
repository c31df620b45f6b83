// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"

#include <QObject>

#include <map>
#include <memory>

namespace Pilvi {

class NetworkAccess;
class Session;
class TokenCache;

/// The sessions of the clouds the user works with, several at once, over one network thread.
/// A cloud's session is made on first use and kept; a changed profile (clouds.yaml edited and
/// reloaded) gets a fresh session. Lives on the GUI thread.
class SessionPool final : public QObject
{
    Q_OBJECT
public:
    explicit SessionPool(QObject *parent = nullptr);
    ~SessionPool() override;

    Session *sessionFor(const CloudProfile &profile);

private:
    std::unique_ptr<NetworkAccess> m_network;
    std::map<QString, std::unique_ptr<Session>> m_sessions; // by cloud name
};

} // namespace Pilvi
