// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <functional>

class QHBoxLayout;
class QLabel;

namespace Pilvi {

/// A strip above the editor that says something about the file and offers what to do about it
/// ("changed on disk: Reload / Keep my version", "could not save: why"), without a modal dialog.
class MessageBar final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    /// Shows `text` with a button per action; any button also hides the bar.
    void showMessage(Kind kind, const QString &text, const QList<std::pair<QString, std::function<void()>>> &actions = {});
    QString text() const;
    void dismiss();

private:
    QLabel *m_label;
    QHBoxLayout *m_buttons;
};

} // namespace Pilvi
