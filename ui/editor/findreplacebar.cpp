// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/findreplacebar.h"

#include "editor/codeeditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBlock>
#include <QToolButton>

namespace Pilvi {

namespace {
constexpr int maxHighlightedMatches = 2000; // more would slow typing; the count still says how many
}

FindReplaceBar::FindReplaceBar(CodeEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_case(new QCheckBox(tr("&Case"), this))
    , m_word(new QCheckBox(tr("&Whole words"), this))
    , m_regex(new QCheckBox(tr("Re&gex"), this))
    , m_status(new QLabel(this))
    , m_replaceRow(new QWidget(this))
{
    setAccessibleName(tr("Find and replace"));
    m_find->setAccessibleName(tr("Find"));
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setAccessibleName(tr("Replace with"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_status->setAccessibleName(tr("Matches"));

    auto *previous = new QPushButton(tr("Previous"), this);
    previous->setToolTip(tr("Find previous (Shift+F3)"));
    auto *next = new QPushButton(tr("Next"), this);
    next->setToolTip(tr("Find next (F3)"));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setAccessibleName(tr("Close find bar"));
    close->setToolTip(tr("Close (Escape)"));
    close->setAutoRaise(true);
    auto *replaceOne = new QPushButton(tr("Replace"), m_replaceRow);
    auto *replaceEvery = new QPushButton(tr("Replace All"), m_replaceRow);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_find, 0, 0);
    layout->addWidget(previous, 0, 1);
    layout->addWidget(next, 0, 2);
    layout->addWidget(m_case, 0, 3);
    layout->addWidget(m_word, 0, 4);
    layout->addWidget(m_regex, 0, 5);
    layout->addWidget(m_status, 0, 6);
    layout->addWidget(close, 0, 7);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceEvery);
    layout->addWidget(m_replaceRow, 1, 0, 1, 3);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(6, 1);

    connect(m_find, &QLineEdit::textChanged, this, [this] {
        updateMatches();
        // Search as you type, from where the last match started.
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(cursor.selectionStart());
        m_editor->setTextCursor(cursor);
        if (!m_find->text().isEmpty())
            findNext();
    });
    connect(m_find, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceCurrent);
    connect(next, &QPushButton::clicked, this, &FindReplaceBar::findNext);
    connect(previous, &QPushButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(replaceOne, &QPushButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(replaceEvery, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(close, &QToolButton::clicked, this, &FindReplaceBar::closeBar);
    for (QCheckBox *option : {m_case, m_word, m_regex})
        connect(option, &QCheckBox::toggled, this, &FindReplaceBar::updateMatches);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, [this] {
        if (isVisible() && !m_replacingAll)
            updateMatches();
    });
    hide();
}

void FindReplaceBar::showFind()
{
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator)) {
        const QSignalBlocker blocker(m_find);
        m_find->setText(selected);
    }
    m_replaceRow->hide();
    show();
    m_find->setFocus();
    m_find->selectAll();
    updateMatches();
}

void FindReplaceBar::showReplace()
{
    showFind();
    m_replaceRow->show();
}

void FindReplaceBar::setSearchText(const QString &text)
{
    m_find->setText(text);
}
void FindReplaceBar::setReplaceText(const QString &text)
{
    m_replace->setText(text);
}
void FindReplaceBar::setCaseSensitive(bool on)
{
    m_case->setChecked(on);
}
void FindReplaceBar::setWholeWords(bool on)
{
    m_word->setChecked(on);
}
void FindReplaceBar::setRegularExpression(bool on)
{
    m_regex->setChecked(on);
}

void FindReplaceBar::closeBar()
{
    hide();
    m_editor->setSearchMatches({});
    m_editor->setFocus();
}

void FindReplaceBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        closeBar();
        return;
    }
    QWidget::keyPressEvent(event);
}

QTextDocument::FindFlags FindReplaceBar::flags(bool backward) const
{
    QTextDocument::FindFlags result;
    if (m_case->isChecked())
        result |= QTextDocument::FindCaseSensitively;
    if (m_word->isChecked())
        result |= QTextDocument::FindWholeWords;
    if (backward)
        result |= QTextDocument::FindBackward;
    return result;
}

QRegularExpression FindReplaceBar::expression() const
{
    QString pattern = m_regex->isChecked() ? m_find->text() : QRegularExpression::escape(m_find->text());
    if (m_word->isChecked())
        pattern = QStringLiteral("\\b(?:%1)\\b").arg(pattern);
    QRegularExpression re(pattern, QRegularExpression::UseUnicodePropertiesOption);
    if (!m_case->isChecked())
        re.setPatternOptions(re.patternOptions() | QRegularExpression::CaseInsensitiveOption);
    return re;
}

QTextCursor FindReplaceBar::findFrom(const QTextCursor &from, bool backward) const
{
    const QTextDocument *doc = m_editor->document();
    if (m_find->text().isEmpty())
        return {};
    if (m_regex->isChecked()) {
        const QRegularExpression re = expression();
        if (!re.isValid())
            return {};
        // Word matching is in the expression already; the case flag too.
        return doc->find(re, from, backward ? QTextDocument::FindBackward : QTextDocument::FindFlags());
    }
    return doc->find(m_find->text(), from, flags(backward));
}

bool FindReplaceBar::find(bool backward)
{
    QTextCursor from = m_editor->textCursor();
    QTextCursor found = findFrom(from, backward);
    if (found.isNull() || (found.selectionStart() == found.selectionEnd())) {
        // Wrap around.
        QTextCursor wrap(m_editor->document());
        wrap.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        found = findFrom(wrap, backward);
    }
    if (found.isNull() || found.selectionStart() == found.selectionEnd()) {
        m_status->setText(m_find->text().isEmpty() ? QString() : tr("Not found"));
        return false;
    }
    m_editor->goToLineColumn(found.blockNumber() + 1, 1); // unfolds what hides the match
    m_editor->setTextCursor(found);
    return true;
}

bool FindReplaceBar::findNext()
{
    return find(false);
}

bool FindReplaceBar::findPrevious()
{
    return find(true);
}

bool FindReplaceBar::selectionMatches() const
{
    const QTextCursor current = m_editor->textCursor();
    if (!current.hasSelection())
        return false;
    QTextCursor start(m_editor->document());
    start.setPosition(current.selectionStart());
    const QTextCursor found = findFrom(start, false);
    return !found.isNull() && found.selectionStart() == current.selectionStart() &&
           found.selectionEnd() == current.selectionEnd();
}

QString FindReplaceBar::replacementFor(const QString &matched) const
{
    if (!m_regex->isChecked())
        return m_replace->text();
    // \1, \2... in the replacement refer to the match's groups.
    QString result = matched;
    return result.replace(expression(), m_replace->text());
}

bool FindReplaceBar::replaceCurrent()
{
    if (!selectionMatches())
        return findNext();
    QTextCursor cursor = m_editor->textCursor();
    cursor.insertText(replacementFor(cursor.selectedText()));
    m_editor->setTextCursor(cursor);
    findNext();
    return true;
}

int FindReplaceBar::replaceAll()
{
    int count = 0;
    m_replacingAll = true;
    QTextCursor edit(m_editor->document());
    edit.beginEditBlock(); // one undo step for all of them
    QTextCursor from(m_editor->document());
    for (;;) {
        QTextCursor found = findFrom(from, false);
        if (found.isNull() || found.selectionStart() == found.selectionEnd())
            break;
        found.insertText(replacementFor(found.selectedText()));
        from = found;
        ++count;
    }
    edit.endEditBlock();
    m_replacingAll = false;
    updateMatches();
    m_status->setText(tr("Replaced %1").arg(count));
    return count;
}

void FindReplaceBar::updateMatches()
{
    QList<QTextCursor> matches;
    m_matchCount = 0;
    if (!m_find->text().isEmpty()) {
        QTextCursor from(m_editor->document());
        for (;;) {
            const QTextCursor found = findFrom(from, false);
            if (found.isNull() || found.selectionStart() == found.selectionEnd())
                break;
            if (matches.size() < maxHighlightedMatches)
                matches.append(found);
            ++m_matchCount;
            from = found;
        }
    }
    m_editor->setSearchMatches(matches);
    if (m_find->text().isEmpty())
        m_status->clear();
    else if (m_regex->isChecked() && !expression().isValid())
        m_status->setText(tr("Invalid expression: %1").arg(expression().errorString()));
    else
        m_status->setText(m_matchCount == 0   ? tr("Not found")
                          : m_matchCount == 1 ? tr("1 match")
                                              : tr("%1 matches").arg(m_matchCount));
}

} // namespace Pilvi
