// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/apierror.h"

#include "net/httptypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Pilvi {

ApiError::ApiError(Kind kind, QString message, int httpStatus, QString requestId, QString what)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_httpStatus(httpStatus)
    , m_requestId(std::move(requestId))
    , m_action(std::move(what))
{}

QString faultMessageFromBody(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonObject root = document.object();
        // Keystone: {"error": {"message", "code", "title"}}; Heat: {"error": {"message", "type"},
        // "explanation", "title"}; Cinder/Nova: {"badRequest": {"message", "code"}} (any key);
        // Placement and newer APIs: {"errors": [{"detail"}]}.
        const QJsonValue error = root.value(QStringLiteral("error"));
        if (error.isObject()) {
            const QString message = error.toObject().value(QStringLiteral("message")).toString();
            if (!message.isEmpty())
                return message.trimmed();
        }
        if (root.value(QStringLiteral("errors")).isArray()) {
            const QJsonObject first = root.value(QStringLiteral("errors")).toArray().first().toObject();
            const QString detail = first.value(QStringLiteral("detail")).toString();
            if (!detail.isEmpty())
                return detail.trimmed();
        }
        if (root.size() == 1 && root.begin()->isObject()) {
            const QString message = root.begin()->toObject().value(QStringLiteral("message")).toString();
            if (!message.isEmpty())
                return message.trimmed();
        }
        const QString explanation = root.value(QStringLiteral("explanation")).toString();
        if (!explanation.isEmpty())
            return explanation.trimmed();
    }
    // Swift and the WSGI middlewares answer in HTML or plain text: keep the text, drop the tags.
    QString text = QString::fromUtf8(body.left(2000));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    text.replace(tags, QStringLiteral(" ")).replace(spaces, QStringLiteral(" "));
    return text.trimmed().left(300);
}

ApiError ApiError::fromResponse(const HttpResponse &response, const QString &what)
{
    const QString requestId =
        QString::fromLatin1(response.header("x-openstack-request-id").isEmpty() ? response.header("x-trans-id")
                                                                                : response.header("x-openstack-request-id"));
    if (response.networkError != QNetworkReply::NoError && response.status == 0)
        return ApiError(Kind::Network, response.errorString, 0, requestId, what);
    QString message = faultMessageFromBody(response.body);
    if (message.isEmpty())
        message = QStringLiteral("HTTP %1").arg(response.status);
    return ApiError(Kind::Http, message, response.status, requestId, what);
}

QString ApiError::toString() const
{
    QString text = m_action.isEmpty() ? m_message : m_action + QStringLiteral(": ") + m_message;
    QStringList details;
    if (m_httpStatus)
        details << QStringLiteral("HTTP %1").arg(m_httpStatus);
    if (!m_requestId.isEmpty())
        details << QStringLiteral("request %1").arg(m_requestId);
    if (!details.isEmpty())
        text += QStringLiteral(" (") + details.join(QStringLiteral(", ")) + u')';
    return text;
}

} // namespace Pilvi
