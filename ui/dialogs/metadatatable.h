// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace Pilvi {

/// Editable key/value rows for Swift metadata (X-Container-Meta-*, X-Object-Meta-*), with Add and
/// Remove; the rows are checked by core's metadataKeyProblem and metadataValueProblem.
class MetadataTable final : public QWidget
{
    Q_OBJECT
public:
    explicit MetadataTable(QWidget *parent = nullptr);

    void setMetadata(const QMap<QString, QString> &metadata);
    /// The rows with a key, keys trimmed; a later row with the same key wins.
    QMap<QString, QString> metadata() const;
    /// Why the rows cannot be sent as they are (naming the row), or empty.
    QString problem() const;

    QTableWidget *table() const { return m_table; }
    /// Adds an empty row and starts editing its key.
    void addRow(const QString &key = {}, const QString &value = {});

Q_SIGNALS:
    void changed();

private:
    QTableWidget *m_table;
    QPushButton *m_remove;
};

} // namespace Pilvi
