// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextDocument>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRegularExpression;

namespace Pilvi {

class CodeEditor;

/// Find and replace in one editor: plain text, whole words, case, regular expressions; every
/// match highlighted; Replace All is one undo step. Shown under the editor by Ctrl+F / Ctrl+H.
class FindReplaceBar final : public QWidget
{
    Q_OBJECT
public:
    explicit FindReplaceBar(CodeEditor *editor, QWidget *parent = nullptr);

    void showFind();    ///< Ctrl+F: the find field, seeded with the selection
    void showReplace(); ///< Ctrl+H: also the replace field

    void setSearchText(const QString &text);
    void setReplaceText(const QString &text);
    void setCaseSensitive(bool on);
    void setWholeWords(bool on);
    void setRegularExpression(bool on);

    bool findNext();     ///< F3; wraps around; returns whether it found a match
    bool findPrevious(); ///< Shift+F3
    bool replaceCurrent();
    int replaceAll(); ///< returns how many were replaced
    int matchCount() const { return m_matchCount; }

    void closeBar(); ///< Escape

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool find(bool backward);
    QTextDocument::FindFlags flags(bool backward) const;
    QTextCursor findFrom(const QTextCursor &from, bool backward) const;
    bool selectionMatches() const;
    QString replacementFor(const QString &matched) const;
    QRegularExpression expression() const;
    void updateMatches();

    CodeEditor *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_case;
    QCheckBox *m_word;
    QCheckBox *m_regex;
    QLabel *m_status;
    QWidget *m_replaceRow;
    int m_matchCount = 0;
    bool m_replacingAll = false; ///< one match count at the end, not one per replacement
};

} // namespace Pilvi
