// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/sessionpool.h"

#include "net/networkaccess.h"
#include "net/session.h"

namespace Pilvi {

SessionPool::SessionPool(QObject *parent)
    : QObject(parent)
    , m_network(std::make_unique<NetworkAccess>())
{}

// Sessions go first: their pending continuations must not outlive the network thread's futures.
SessionPool::~SessionPool()
{
    m_network.reset();
    m_sessions.clear();
}

Session *SessionPool::sessionFor(const CloudProfile &profile)
{
    auto it = m_sessions.find(profile.name);
    if (it != m_sessions.end() && it->second->profile() == profile)
        return it->second.get();
    auto session = std::make_unique<Session>(profile, m_network.get());
    Session *raw = session.get();
    m_sessions[profile.name] = std::move(session);
    return raw;
}

} // namespace Pilvi
