// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/codefolding.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QTextDocument>

namespace Pilvi {

CodeFolding::CodeFolding(const KSyntaxHighlighting::SyntaxHighlighter &highlighter)
    : m_highlighter(highlighter)
{}

int CodeFolding::indentation(const QString &text)
{
    int spaces = 0;
    for (QChar c : text) {
        if (c == u' ')
            ++spaces;
        else if (c == u'\t')
            spaces += 8 - spaces % 8;
        else
            break;
    }
    return spaces;
}

bool CodeFolding::isBlank(const QString &text)
{
    for (QChar c : text) {
        if (!c.isSpace())
            return c == u'#'; // a comment line does not open or close an indentation block
    }
    return true;
}

QTextBlock CodeFolding::indentationEnd(const QTextBlock &block) const
{
    const QString text = block.text();
    if (isBlank(text))
        return {};
    const int level = indentation(text);
    // YAML lets a sequence stand at its key's indentation (`key:` then `- item`).
    const bool keyOpensSequence = text.trimmed().endsWith(u':');
    QTextBlock last;
    for (QTextBlock next = block.next(); next.isValid(); next = next.next()) {
        const QString nextText = next.text();
        if (isBlank(nextText))
            continue;
        const int nextLevel = indentation(nextText);
        const bool sequenceItem = keyOpensSequence && nextLevel == level && nextText.trimmed().startsWith(u'-');
        if (nextLevel <= level && !sequenceItem)
            break;
        last = next;
    }
    return last;
}

bool CodeFolding::isFoldable(const QTextBlock &block) const
{
    return foldEnd(block).isValid();
}

QTextBlock CodeFolding::foldEnd(const QTextBlock &block) const
{
    if (!block.isValid())
        return {};
    if (m_highlighter.startsFoldingRegion(block)) {
        QTextBlock end = m_highlighter.findFoldingRegionEnd(block);
        if (!end.isValid())
            end = block.document()->lastBlock();
        // A region opening and closing on one line (`{a: 1}`) folds nothing.
        if (end.blockNumber() > block.blockNumber())
            return end;
    }
    return m_indentation ? indentationEnd(block) : QTextBlock();
}

bool CodeFolding::isFolded(const QTextBlock &block)
{
    return block.isValid() && block.isVisible() && block.next().isValid() && !block.next().isVisible();
}

bool CodeFolding::fold(const QTextBlock &block) const
{
    const QTextBlock end = foldEnd(block);
    if (!end.isValid() || isFolded(block))
        return false;
    for (QTextBlock hidden = block.next(); hidden.isValid() && hidden.blockNumber() <= end.blockNumber(); hidden = hidden.next())
        hidden.setVisible(false);
    return true;
}

bool CodeFolding::unfold(const QTextBlock &block) const
{
    if (!isFolded(block))
        return false;
    const QTextBlock end = foldEnd(block);
    const int last = end.isValid() ? end.blockNumber() : block.document()->blockCount() - 1;
    QTextBlock current = block.next();
    while (current.isValid() && current.blockNumber() <= last) {
        current.setVisible(true);
        // A nested fold stays folded: skip over what it hides.
        if (current.next().isValid() && !current.next().isVisible() && isFoldable(current)) {
            const QTextBlock nestedEnd = foldEnd(current);
            current = nestedEnd.next();
            continue;
        }
        current = current.next();
    }
    return true;
}

bool CodeFolding::reveal(const QTextBlock &block) const
{
    bool changed = false;
    while (block.isValid() && !block.isVisible()) {
        QTextBlock opener = block.previous();
        while (opener.isValid() && !opener.isVisible())
            opener = opener.previous();
        if (!opener.isValid() || !unfold(opener)) {
            // Not a fold we know any more (the text changed under it): show the block anyway.
            QTextBlock(block).setVisible(true);
            return true;
        }
        changed = true;
    }
    return changed;
}

} // namespace Pilvi
