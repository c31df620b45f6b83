// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBlock>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Pilvi {

/// Which blocks of a document fold, and where a fold ends: the definition's folding regions
/// (`{ }`, `[ ]`, comments...) first, and indentation for definitions that fold by indentation or
/// have no region at a block (YAML's block mappings and sequences). Folding hides blocks; the
/// document keeps its text.
class CodeFolding
{
public:
    explicit CodeFolding(const KSyntaxHighlighting::SyntaxHighlighter &highlighter);

    /// Use indentation where the definition has no region (on for YAML-like definitions).
    void setIndentationFolding(bool enabled) { m_indentation = enabled; }
    bool indentationFolding() const { return m_indentation; }

    bool isFoldable(const QTextBlock &block) const;
    /// The last block the fold starting at `block` hides (invalid when `block` does not fold).
    QTextBlock foldEnd(const QTextBlock &block) const;
    /// A foldable block whose next block is hidden.
    static bool isFolded(const QTextBlock &block);

    /// Hides the blocks after `block` up to its fold's end; returns whether anything changed.
    bool fold(const QTextBlock &block) const;
    /// Shows the blocks `block` hid, keeping nested folds folded.
    bool unfold(const QTextBlock &block) const;
    /// Unfolds every fold that hides `block`.
    bool reveal(const QTextBlock &block) const;

    static int indentation(const QString &text);
    static bool isBlank(const QString &text);

private:
    QTextBlock indentationEnd(const QTextBlock &block) const;

    const KSyntaxHighlighting::SyntaxHighlighter &m_highlighter;
    bool m_indentation = false;
};

} // namespace Pilvi
