// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QException>
#include <QString>

namespace Pilvi {

struct HttpResponse;

/// A failed call as a person should read it: what was asked, what the service said, its HTTP
/// status and request id (to quote to the cloud's support). Thrown through QFuture chains.
class ApiError : public QException
{
public:
    enum class Kind {
        Network,     ///< no answer: refused, reset, DNS, TLS, timeout
        Http,        ///< the service answered with an error status
        BadResponse, ///< an answer Pilvi cannot read (malformed JSON, missing field)
        Config,      ///< the profile cannot be used (no auth URL, no endpoint for a service)
        Cancelled,
    };

    ApiError(Kind kind, QString message, int httpStatus = 0, QString requestId = {}, QString what = {});

    /// An error from a response: the service's own fault message (Heat, Cinder, Nova, Keystone
    /// and Swift each wrap it differently), the status and x-openstack-request-id.
    static ApiError fromResponse(const HttpResponse &response, const QString &what);

    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    QString requestId() const { return m_requestId; }
    QString message() const { return m_message; }
    /// What was being done: "list stacks".
    QString action() const { return m_action; }
    /// One line for a person: "list stacks: Forbidden: ... (HTTP 403, request req-...)".
    QString toString() const;

    void raise() const override { throw *this; }
    ApiError *clone() const override { return new ApiError(*this); }

private:
    Kind m_kind;
    QString m_message;
    int m_httpStatus;
    QString m_requestId;
    QString m_action;
};

/// The service's own error text from an error body, or empty. Public for tests.
QString faultMessageFromBody(const QByteArray &body);

} // namespace Pilvi
