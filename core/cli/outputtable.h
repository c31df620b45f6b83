// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

class QTextStream;

namespace Pilvi {

/// Rows of a command's result, printed as an aligned table (for people) or a JSON array of
/// objects keyed by the column names (for tools), like the openstack CLI's -f table / -f json.
class OutputTable
{
public:
    enum class Format { Table, Json };

    explicit OutputTable(QStringList columns = {});
    /// A Field/Value table for one item (`show` commands); JSON prints it as one object.
    static OutputTable record();

    void addRow(const QStringList &cells);
    void print(QTextStream &out, Format format) const;

private:
    QStringList m_columns;
    QList<QStringList> m_rows;
    bool m_record = false;
};

} // namespace Pilvi
