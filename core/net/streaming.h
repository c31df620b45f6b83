// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pieces of streamed transfers (a body from a file, an answer to a file), used on the network
// thread only.

#include "net/httptypes.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QIODevice>

namespace Pilvi {

/// A request body read from a file in chunks, never whole, that computes the MD5 of the bytes
/// as they are sent. Random access (so QNetworkAccessManager streams it instead of buffering it,
/// and can rewind it to send it again); a rewind re-reads without hashing twice. With an offset
/// and a length it is that slice of the file (a segment of a large object): positions and size
/// are the slice's.
class HashingFileSource final : public QIODevice
{
public:
    explicit HashingFileSource(const QString &path, qint64 offset = 0, qint64 length = -1, QObject *parent = nullptr);

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool seek(qint64 pos) override;

    /// MD5 (hex) of the whole file. When the sender skipped bytes (never seen, but possible in
    /// principle) the file is read again to compute it.
    QByteArray md5Hex();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    qint64 m_offset;
    qint64 m_length; ///< -1: to the end of the file
    QCryptographicHash m_md5{QCryptographicHash::Md5};
    qint64 m_hashed = 0; ///< bytes [0, m_hashed) are in m_md5
    bool m_skipped = false;
};

/// Calls a TransferProgress at most every `interval` and once more at the end, so a transfer of
/// many packets reports a handful of times, not once a packet.
class ProgressThrottle
{
public:
    explicit ProgressThrottle(TransferProgress callback, int intervalMs = 100);
    void report(qint64 done, qint64 total);
    void finish(qint64 done, qint64 total);

private:
    TransferProgress m_callback;
    QElapsedTimer m_sinceLast;
    int m_intervalMs;
    qint64 m_lastDone = -1;
};

/// Where a 2xx answer's body goes in a download: written and hashed chunk by chunk; removed
/// again unless the transfer completes.
class DownloadSink
{
public:
    explicit DownloadSink(const QString &path);
    ~DownloadSink();
    DownloadSink(const DownloadSink &) = delete;
    DownloadSink &operator=(const DownloadSink &) = delete;

    /// False (with errorString()) when the file cannot be written.
    bool write(const QByteArray &chunk);
    /// Closes the completed file (creating it for an empty body).
    bool complete();
    /// Drops what was written.
    void discard();

    qint64 written() const { return m_written; }
    QByteArray md5Hex() const { return m_md5.result().toHex(); }
    QString errorString() const { return m_error; }

private:
    bool ensureOpen();

    QFile m_file;
    QCryptographicHash m_md5{QCryptographicHash::Md5};
    qint64 m_written = 0;
    QString m_error;
    bool m_opened = false;
    bool m_completed = false;
};

} // namespace Pilvi
