// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A loopback HTTP server for transport tests: it answers each request with the next scripted
// reply, or drops the connection. It plays faults a real server will not produce on demand
// (throttling, dropped connections, expired tokens); it is not an imitation of an OpenStack API.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

struct ScriptedReply {
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool drop = false; ///< close the connection without answering
};

struct SeenRequest {
    QByteArray method;
    QByteArray target; ///< path and query
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

/// How the body of one reply goes out: in `chunks` pieces `intervalMs` apart (a slow link), and
/// with `cutAt` >= 0 only that many bytes of it before the connection drops (the headers still
/// announce the whole length).
struct ScriptedDelivery {
    int chunks = 1;
    int intervalMs = 0;
    qsizetype cutAt = -1;
};

class ScriptedHttpServer : public QObject
{
public:
    QList<ScriptedReply> script;
    QList<SeenRequest> seen;
    /// By reply number (0 is the first request's): delivery other than all at once.
    QHash<int, ScriptedDelivery> delivery;

    ScriptedHttpServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        SeenRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        seen.append(request);

        const ScriptedReply reply = script.isEmpty() ? ScriptedReply{500, {}, "script exhausted", false} : script.takeFirst();
        if (reply.drop) {
            socket->abort();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\n";
        for (const auto &[name, value] : reply.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\nConnection: keep-alive\r\n\r\n";
        const ScriptedDelivery how = delivery.value(int(seen.size() - 1));
        if (how.chunks <= 1 && how.cutAt < 0) {
            socket->write(out + reply.body);
            return;
        }
        socket->write(out);
        const QByteArray body = how.cutAt >= 0 ? reply.body.left(how.cutAt) : reply.body;
        const qsizetype piece = std::max<qsizetype>(1, (body.size() + how.chunks - 1) / std::max(1, how.chunks));
        const QPointer<QTcpSocket> guard(socket);
        for (int i = 0; i * piece < body.size() || (i == 0 && body.isEmpty()); ++i) {
            const bool last = (i + 1) * piece >= body.size();
            QTimer::singleShot(i * how.intervalMs, this, [guard, chunk = body.mid(i * piece, piece), last, cut = how.cutAt >= 0] {
                if (!guard)
                    return;
                guard->write(chunk);
                if (last && cut) {
                    guard->disconnectFromHost(); // after what was written went out
                }
            });
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
