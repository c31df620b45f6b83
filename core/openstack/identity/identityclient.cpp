// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/identity/identityclient.h"

#include "net/apierror.h"
#include "net/session.h"
#include "openstack/identity/identityparse.h"

namespace Pilvi {

IdentityClient::IdentityClient(Session *session)
    : m_session(session)
{}

QString IdentityClient::v3Root(const QString &endpointUrl)
{
    QString url = endpointUrl;
    while (url.endsWith(u'/'))
        url.chop(1);
    if (!url.endsWith(QStringLiteral("/v3")))
        url += QStringLiteral("/v3");
    return url;
}

QFuture<Project> IdentityClient::currentProject()
{
    return m_session->authenticate()
        .then([session = m_session](const AuthToken &token) {
            Project fromToken;
            fromToken.id = token.projectId;
            fromToken.name = token.projectName;
            fromToken.domainId = token.projectDomainId;
            fromToken.domainName = token.projectDomainName;
            fromToken.fromTokenOnly = true;
            if (token.projectId.isEmpty())
                throw ApiError(ApiError::Kind::Config,
                               QStringLiteral("cloud '%1': the token is not scoped to a project").arg(session->profile().name));
            ServiceRequest request;
            request.serviceType = QStringLiteral("identity");
            request.path =
                v3Root(session->endpointUrl(token, request.serviceType)) + QStringLiteral("/projects/") + token.projectId;
            request.what = QStringLiteral("show project %1").arg(token.projectName);
            return session->send(request)
                .then([fromToken](const HttpResponse &response) {
                    Project project = KeystoneParse::project(response.body);
                    if (project.domainId == fromToken.domainId)
                        project.domainName = fromToken.domainName;
                    return project;
                })
                .onFailed([fromToken](const ApiError &error) {
                    if (error.httpStatus() != 403)
                        throw error;
                    return fromToken;
                });
        })
        .unwrap();
}

QFuture<QList<ApplicationCredential>> IdentityClient::applicationCredentials()
{
    return m_session->authenticate()
        .then([session = m_session](const AuthToken &token) {
            ServiceRequest request;
            request.serviceType = QStringLiteral("identity");
            request.path = v3Root(session->endpointUrl(token, request.serviceType)) +
                           QStringLiteral("/users/%1/application_credentials").arg(token.userId);
            request.what = QStringLiteral("list the application credentials of %1").arg(token.userName);
            return session->send(request).then(
                [](const HttpResponse &response) { return KeystoneParse::applicationCredentials(response.body); });
        })
        .unwrap();
}

} // namespace Pilvi
