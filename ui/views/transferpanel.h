// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QVBoxLayout;

namespace Pilvi {

/// The uploads and downloads of the object storage page, one row each: what, a progress bar, and
/// a button that dismisses the row once the transfer ended (or asks to cancel it before).
class TransferPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TransferPanel(QWidget *parent = nullptr);

    /// Adds a row; `cancel` runs when the user cancels it while it runs. Returns the row's id.
    int add(const QString &title, std::function<void()> cancel);
    /// Coalesced progress from the network thread, delivered on this thread.
    void setProgress(int id, qint64 done, qint64 total);
    /// The transfer ended: an empty `error` means it succeeded.
    void finish(int id, const QString &error);

    int activeCount() const { return m_active; }

private:
    QWidget *row(int id) const;

    QVBoxLayout *m_rows;
    int m_nextId = 1;
    int m_active = 0;
};

} // namespace Pilvi
