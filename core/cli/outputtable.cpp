// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/outputtable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace Pilvi {

OutputTable::OutputTable(QStringList columns)
    : m_columns(std::move(columns))
{}

OutputTable OutputTable::record()
{
    OutputTable table({QStringLiteral("Field"), QStringLiteral("Value")});
    table.m_record = true;
    return table;
}

void OutputTable::addRow(const QStringList &cells)
{
    Q_ASSERT(cells.size() == m_columns.size());
    m_rows.append(cells);
}

void OutputTable::print(QTextStream &out, Format format) const
{
    if (format == Format::Json && m_record) {
        QJsonObject object;
        for (const QStringList &row : m_rows)
            object.insert(row[0], row[1]);
        out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return;
    }
    if (format == Format::Json) {
        QJsonArray array;
        for (const QStringList &row : m_rows) {
            QJsonObject object;
            for (qsizetype c = 0; c < m_columns.size(); ++c)
                object.insert(m_columns[c], row[c]);
            array.append(object);
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return;
    }
    QList<qsizetype> widths;
    for (const QString &column : m_columns)
        widths.append(column.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    QString rule = QStringLiteral("+");
    for (const qsizetype width : std::as_const(widths))
        rule += QString(width + 2, u'-') + u'+';
    const auto line = [&](const QStringList &cells) {
        QString text = QStringLiteral("|");
        for (qsizetype c = 0; c < cells.size(); ++c)
            text += u' ' + cells[c].leftJustified(widths[c]) + QStringLiteral(" |");
        out << text << '\n';
    };
    out << rule << '\n';
    line(m_columns);
    out << rule << '\n';
    for (const QStringList &row : m_rows)
        line(row);
    out << rule << '\n';
}

} // namespace Pilvi
