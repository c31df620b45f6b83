// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/openrcreader.h"

#include "config/cloudsconfig.h"

#include <QHash>
#include <QSet>

namespace Pilvi {

namespace {

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}
bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// One shell line, read as far as assignments go. Positions are 0-based into the line.
class LineReader
{
public:
    LineReader(QStringView line, const QHash<QString, QString> &variables)
        : m_line(line)
        , m_variables(variables)
    {}

    void skipSpace()
    {
        while (m_pos < m_line.size() && (m_line[m_pos] == u' ' || m_line[m_pos] == u'\t'))
            ++m_pos;
    }
    bool atEnd() const { return m_pos >= m_line.size() || m_line[m_pos] == u'#' || m_line[m_pos] == u';'; }
    qsizetype position() const { return m_pos; }

    /// Moves to the ';' that ends this command (or the end of the line), past quoted text.
    void skipCommand()
    {
        QChar quote;
        for (; m_pos < m_line.size(); ++m_pos) {
            const QChar c = m_line[m_pos];
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == u'\'' || c == u'"') {
                quote = c;
            } else if (c == u';') {
                return;
            } else if (c == u'#' && (m_pos == 0 || m_line[m_pos - 1].isSpace())) {
                m_pos = m_line.size();
                return;
            }
        }
    }

    QString word()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_line.size() && isNameChar(m_line[m_pos]))
            ++m_pos;
        return m_line.mid(start, m_pos - start).toString();
    }
    bool take(QChar c)
    {
        if (m_pos < m_line.size() && m_line[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    /// A shell word: quoted and unquoted parts glued together, with $NAME and ${NAME} expanded
    /// outside single quotes. Sets `error` on an unterminated quote; `unknown` collects names
    /// that were expanded without having been set (read at run time, e.g. by `read`).
    QString value(QString &error, QStringList &unknown)
    {
        QString out;
        while (m_pos < m_line.size()) {
            const QChar c = m_line[m_pos];
            if (c == u' ' || c == u'\t' || c == u';')
                break;
            if (c == u'\'') {
                const qsizetype end = m_line.indexOf(u'\'', m_pos + 1);
                if (end < 0) {
                    error = QStringLiteral("a single quote is not closed");
                    return {};
                }
                out += m_line.mid(m_pos + 1, end - m_pos - 1);
                m_pos = end + 1;
            } else if (c == u'"') {
                ++m_pos;
                bool closed = false;
                while (m_pos < m_line.size()) {
                    const QChar d = m_line[m_pos];
                    if (d == u'"') {
                        ++m_pos;
                        closed = true;
                        break;
                    }
                    if (d == u'\\' && m_pos + 1 < m_line.size() && QStringView(u"\"\\$`").contains(m_line[m_pos + 1])) {
                        out += m_line[m_pos + 1];
                        m_pos += 2;
                    } else if (d == u'$') {
                        out += expansion(unknown);
                    } else {
                        out += d;
                        ++m_pos;
                    }
                }
                if (!closed) {
                    error = QStringLiteral("a double quote is not closed");
                    return {};
                }
            } else if (c == u'\\' && m_pos + 1 < m_line.size()) {
                out += m_line[m_pos + 1];
                m_pos += 2;
            } else if (c == u'$') {
                out += expansion(unknown);
            } else {
                out += c;
                ++m_pos;
            }
        }
        return out;
    }

private:
    // At a '$': the variable's value, or the '$' itself when no name follows.
    QString expansion(QStringList &unknown)
    {
        ++m_pos;
        const bool braced = take(u'{');
        if (m_pos >= m_line.size() || !isNameStart(m_line[m_pos]))
            return braced ? QStringLiteral("${") : QStringLiteral("$");
        const QString name = word();
        if (braced && !take(u'}'))
            return QStringLiteral("${") + name;
        if (!m_variables.contains(name))
            unknown.append(name);
        return m_variables.value(name);
    }

    QStringView m_line;
    const QHash<QString, QString> &m_variables;
    qsizetype m_pos = 0;
};

} // namespace

OpenrcContents readOpenrc(const QByteArray &text, const QString &fileName)
{
    OpenrcContents contents;
    contents.fileName = fileName;
    QHash<QString, QString> variables;
    QSet<QString> readAtRunTime; // names a `read` command fills when the file is sourced
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (int number = 1; number <= lines.size(); ++number) {
        LineReader reader(lines.at(number - 1), variables);
        // Commands on a line are separated by ';' (`if [ ... ]; then unset X; fi`).
        do {
            reader.skipSpace();
            if (reader.atEnd())
                continue;
            const QString first = reader.word();
            if (first == u"read") {
                // `read -sr OS_PASSWORD_INPUT`: the last word is the variable the user types into.
                QString last;
                for (reader.skipSpace(); !reader.atEnd(); reader.skipSpace()) {
                    QString error;
                    QStringList unknown;
                    last = reader.value(error, unknown);
                    if (!error.isEmpty())
                        break;
                }
                readAtRunTime.insert(last);
                continue;
            }
            const bool isUnset = first == u"unset";
            if (first == u"export" || isUnset) {
                reader.skipSpace();
            } else if (reader.take(u'=')) {
                // NAME=value without export: a shell variable; the file may expand it later.
                QString error;
                QStringList unknown;
                variables.insert(first, reader.value(error, unknown));
                reader.skipCommand();
                continue;
            } else {
                reader.skipCommand(); // if, then, echo, fi...: not an assignment
                continue;
            }
            while (!reader.atEnd()) {
                const qsizetype nameStart = reader.position();
                const QString name = reader.word();
                if (name.isEmpty() || !isNameStart(name.front())) {
                    contents.problems.append(
                        {fileName, number, int(nameStart + 1), QStringLiteral("expected a variable name after '%1'").arg(first)});
                    reader.skipCommand();
                    break;
                }
                if (isUnset) {
                    variables.remove(name);
                    contents.variables.remove(name);
                    contents.lineOf.remove(name);
                } else if (reader.take(u'=')) {
                    QString error;
                    QStringList unknown;
                    const qsizetype valueStart = reader.position();
                    const QString value = reader.value(error, unknown);
                    if (!error.isEmpty()) {
                        contents.problems.append(
                            {fileName, number, int(valueStart + 1), QStringLiteral("%1: %2").arg(name, error)});
                        reader.skipCommand();
                        break;
                    }
                    bool typedAtRunTime = false;
                    for (const QString &missing : std::as_const(unknown))
                        typedAtRunTime = typedAtRunTime || readAtRunTime.contains(missing);
                    if (name == u"OS_PASSWORD" && typedAtRunTime) {
                        contents.asksForPassword = true;
                        contents.variables.remove(name);
                    } else {
                        variables.insert(name, value);
                        if (name.startsWith(u"OS_")) {
                            contents.variables.insert(name, value);
                            contents.lineOf.insert(name, number);
                        }
                    }
                }
                reader.skipSpace();
            }
        } while (reader.take(u';'));
    }
    return contents;
}

std::optional<CloudProfile> cloudFromOpenrc(const OpenrcContents &contents, const QString &name, QList<ConfigProblem> &problems)
{
    QList<ConfigProblem> found;
    std::optional<CloudProfile> cloud = cloudFromEnvironment(contents.variables, &found);
    for (ConfigProblem problem : std::as_const(found)) {
        // The environment reader names the variable as the "file"; point at the line that set it.
        const QString variable = problem.file;
        problem.line = contents.lineOf.value(variable);
        problem.column = problem.line > 0 ? 1 : 0;
        problem.file = contents.fileName;
        problems.append(problem);
    }
    if (!found.isEmpty())
        return std::nullopt;
    if (!cloud) {
        problems.append({contents.fileName, 0, 0, QStringLiteral("sets no OS_AUTH_URL, so it names no cloud")});
        return std::nullopt;
    }
    cloud->name = name;
    return cloud;
}

} // namespace Pilvi
