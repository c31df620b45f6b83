// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/objectstorage/objectstorage.h"

#include <QFuture>

namespace Pilvi {

class Session;

/// Swift (object storage; Allas in Pouta). Futures finish on the network thread.
class ObjectStorageClient
{
public:
    explicit ObjectStorageClient(Session *session);

    QFuture<QList<Container>> listContainers();
    /// With a delimiter ("/"), pseudo-folders come back as entries of their own.
    QFuture<QList<ObjectEntry>> listObjects(const QString &container, const QString &prefix = {}, const QString &delimiter = {});
    QFuture<void> createContainer(const QString &container);
    QFuture<void> deleteContainer(const QString &container);
    /// Uploads bytes and checks the ETag Swift computed against our MD5.
    QFuture<void> putObject(const QString &container, const QString &name, const QByteArray &data);
    QFuture<QByteArray> getObject(const QString &container, const QString &name);
    QFuture<void> deleteObject(const QString &container, const QString &name);

private:
    Session *m_session;
};

} // namespace Pilvi
