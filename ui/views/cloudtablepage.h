// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace Pilvi {

class Session;

/// A page that lists one kind of thing of the selected cloud in a sortable, filterable table.
/// Loading runs on the network thread; the page shows "Loading…", the count, or the error with
/// the service's message, and keeps showing the last good rows while it refreshes.
class CloudTablePage : public QWidget
{
    Q_OBJECT
public:
    explicit CloudTablePage(const QString &title, QWidget *parent = nullptr);

    /// Shows this cloud's data (nullptr: none); starts a load.
    void setSession(Session *session);
    void refresh();
    bool hasLoaded() const { return m_loaded; }
    QTableView *view() const { return m_view; }
    QString statusText() const;
    Session *session() const { return m_session; }

Q_SIGNALS:
    /// The first load after setSession finished, with data or with an error.
    void loadFinished();

protected:
    /// The table's model (the page does not own it) and its role with raw values to sort by.
    void setSourceModel(QAbstractItemModel *model, int sortRole);
    /// Fetches the data and puts it into the model (in a continuation on this object's thread),
    /// unless isStale(generation) says a newer load has started meanwhile (another cloud).
    virtual QFuture<void> load(Session *session) = 0;
    int currentGeneration() const { return m_generation; }
    bool isStale(int generation) const;
    /// "%n stack(s)"
    virtual QString countText(int count) const = 0;

private:
    void finishLoad(int generation, const QString &status);

    QTableView *m_view;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_status;
    Session *m_session = nullptr;
    int m_generation = 0; // a load whose generation is not current is stale: its result is dropped
    bool m_loaded = false;
};

} // namespace Pilvi
