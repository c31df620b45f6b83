// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/streaming.h"

#include <algorithm>

namespace Pilvi {

HashingFileSource::HashingFileSource(const QString &path, qint64 offset, qint64 length, QObject *parent)
    : QIODevice(parent)
    , m_file(path)
    , m_offset(offset)
    , m_length(length)
{}

bool HashingFileSource::open(OpenMode mode)
{
    if ((mode & WriteOnly) != 0 || !m_file.open(QIODevice::ReadOnly)) {
        setErrorString(m_file.errorString());
        return false;
    }
    if (m_offset < 0 || m_offset > m_file.size() || (m_length >= 0 && m_offset + m_length > m_file.size())) {
        setErrorString(QStringLiteral("the file is shorter than the part to send (%1 bytes from %2; it has %3)")
                           .arg(m_length)
                           .arg(m_offset)
                           .arg(m_file.size()));
        m_file.close();
        return false;
    }
    m_file.seek(m_offset);
    m_md5.reset();
    m_hashed = 0;
    m_skipped = false;
    // Unbuffered: QNetworkAccessManager reads in chunks of its own; a second buffer only copies.
    return QIODevice::open(ReadOnly | Unbuffered);
}

void HashingFileSource::close()
{
    QIODevice::close();
    m_file.close();
}

qint64 HashingFileSource::size() const
{
    return m_length >= 0 ? m_length : m_file.size() - m_offset;
}

bool HashingFileSource::seek(qint64 pos)
{
    return QIODevice::seek(pos) && m_file.seek(m_offset + pos);
}

qint64 HashingFileSource::readData(char *data, qint64 maxSize)
{
    const qint64 at = m_file.pos() - m_offset;
    const qint64 count = m_file.read(data, std::min(maxSize, size() - at));
    if (count <= 0)
        return count;
    if (at > m_hashed) {
        m_skipped = true;
    } else if (at + count > m_hashed) {
        const qint64 fresh = at + count - m_hashed;
        m_md5.addData(QByteArrayView(data + (count - fresh), fresh));
        m_hashed = at + count;
    }
    return count;
}

QByteArray HashingFileSource::md5Hex()
{
    if (!m_skipped && m_hashed == size())
        return m_md5.result().toHex();
    QFile again(m_file.fileName());
    if (!again.open(QIODevice::ReadOnly) || !again.seek(m_offset))
        return {};
    QCryptographicHash md5(QCryptographicHash::Md5);
    QByteArray chunk;
    for (qint64 left = size(); left > 0; left -= chunk.size()) {
        chunk = again.read(std::min<qint64>(left, 1 << 20));
        if (chunk.isEmpty())
            return {};
        md5.addData(chunk);
    }
    return md5.result().toHex();
}

ProgressThrottle::ProgressThrottle(TransferProgress callback, int intervalMs)
    : m_callback(std::move(callback))
    , m_intervalMs(intervalMs)
{
    m_sinceLast.start();
}

void ProgressThrottle::report(qint64 done, qint64 total)
{
    if (!m_callback || done == m_lastDone || m_sinceLast.elapsed() < m_intervalMs)
        return;
    m_lastDone = done;
    m_sinceLast.restart();
    m_callback(done, total);
}

void ProgressThrottle::finish(qint64 done, qint64 total)
{
    if (!m_callback || done == m_lastDone)
        return;
    m_lastDone = done;
    m_callback(done, total);
}

DownloadSink::DownloadSink(const QString &path)
    : m_file(path)
{}

DownloadSink::~DownloadSink()
{
    if (!m_completed)
        discard();
}

bool DownloadSink::ensureOpen()
{
    if (m_file.isOpen())
        return true;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_opened = true;
    return true;
}

bool DownloadSink::write(const QByteArray &chunk)
{
    if (!ensureOpen())
        return false;
    if (m_file.write(chunk) != chunk.size()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_md5.addData(chunk);
    m_written += chunk.size();
    return true;
}

bool DownloadSink::complete()
{
    if (!ensureOpen())
        return false;
    if (!m_file.flush()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_file.close();
    m_completed = true;
    return true;
}

void DownloadSink::discard()
{
    // Only a file this sink created or truncated is removed.
    if (m_opened) {
        m_file.close();
        m_file.remove();
        m_opened = false;
    }
    m_written = 0;
}

} // namespace Pilvi
