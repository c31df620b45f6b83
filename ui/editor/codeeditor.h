// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/templatecompletion.h"
#include "template/templateproblem.h"

#include <QPlainTextEdit>

#include <memory>

class QCompleter;
class QStringListModel;
class QTimer;

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
class Theme;
} // namespace KSyntaxHighlighting

namespace Pilvi {

class CodeFolding;
class EditorGutter;

/// A plain-text code editor: KDE syntax highlighting with a theme that follows the palette (or the
/// user's pick), line numbers, current line, folding, bracket matching, indentation with spaces,
/// problem squiggles with tooltips, and Heat template completion. The repository is shared by
/// every editor and outlives them; it is handed in, never looked up.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(KSyntaxHighlighting::Repository &repository, QWidget *parent = nullptr);
    ~CodeEditor() override;

    /// Picks the highlighting definition for a file's name and first bytes.
    void setDefinitionForFile(const QString &fileName, const QByteArray &head = {});
    void setDefinitionByName(const QString &name);
    QString definitionName() const;

    /// The theme by name; an empty name follows the palette (light or dark).
    void setThemeName(const QString &name);
    QString themeName() const; ///< the theme in use
    bool followsPalette() const { return m_themeOverride.isEmpty(); }
    QStringList availableThemes() const;

    /// Spaces one indentation level inserts (2 for YAML, else 4).
    int indentWidth() const { return m_indentWidth; }

    // Folding
    bool isFoldable(int blockNumber) const;
    bool isFolded(int blockNumber) const;
    void fold(int blockNumber);
    void unfold(int blockNumber);
    void toggleFold(int blockNumber);

    // Problems
    void setProblems(const QList<TemplateProblem> &problems);
    QList<TemplateProblem> problems() const { return m_problems; }
    /// The problems whose text covers the document position (for tooltips).
    QList<TemplateProblem> problemsAt(int position) const;
    /// The document range a problem underlines.
    QTextCursor problemCursor(const TemplateProblem &problem) const;

    /// Moves the cursor to a 1-based line and column (columns count characters), unfolding
    /// what hides it.
    void goToLineColumn(int line, int column);

    /// Matches the find bar highlights; cleared with an empty list.
    void setSearchMatches(const QList<QTextCursor> &matches);

    // Completion
    void setCompletionData(const CompletionData &completionData) { m_completionData = completionData; }
    void setCompletionEnabled(bool enabled) { m_completionEnabled = enabled; }
    bool completionEnabled() const { return m_completionEnabled; }
    QCompleter *completer() const { return m_completer; }
    /// Offers completions at the cursor; returns whether there were any.
    bool triggerCompletion();

    // Used by the gutter
    int gutterWidth() const;
    void paintGutter(QPaintEvent *event, EditorGutter *gutter);
    void gutterClicked(QPoint position);

    KSyntaxHighlighting::SyntaxHighlighter *highlighter() const { return m_highlighter; }

Q_SIGNALS:
    void themeChanged(const QString &name);
    void definitionChanged(const QString &name);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void applyTheme();
    void updateGutterGeometry();
    void updateGutterArea(const QRect &rect, int dy);
    void updateExtraSelections();
    void relayoutAfterFolding();
    QList<QTextEdit::ExtraSelection> bracketSelections() const;

    void unfoldBeforeEdit(const QKeyEvent *event);
    bool indentSelection(bool unindent);
    void insertNewlineWithIndent();
    void insertCompletion(const QString &completion);
    bool refineCompletion();

    KSyntaxHighlighting::Repository &m_repository;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    std::unique_ptr<CodeFolding> m_folding;
    EditorGutter *m_gutter;
    QString m_themeOverride;
    QString m_themeInUse;
    bool m_applyingTheme = false;
    int m_indentWidth = 2;

    QList<TemplateProblem> m_problems;
    QList<QTextEdit::ExtraSelection> m_problemSelections;
    QList<qsizetype> m_problemOfSelection; ///< index into m_problems of each problem selection
    QList<QTextEdit::ExtraSelection> m_searchSelections;

    QColor m_currentLineColor;
    QColor m_bracketColor;
    QColor m_searchColor;
    QColor m_gutterBackground;
    QColor m_lineNumberColor;
    QColor m_currentLineNumberColor;
    QColor m_foldMarkerColor;

    CompletionData m_completionData;
    bool m_completionEnabled = false;
    QCompleter *m_completer;
    QStringListModel *m_completionModel;
    QTimer *m_completionTimer;
    int m_completionPrefixColumn = 0;
    int m_completionBlock = -1;
};

} // namespace Pilvi
