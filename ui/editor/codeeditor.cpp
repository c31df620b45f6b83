// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/codeeditor.h"

#include "editor/codefolding.h"
#include "editor/editorgutter.h"
#include "editor/syntaxdefinitions.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QToolTip>

namespace Pilvi {

using namespace Qt::StringLiterals;

namespace {

/// The UTF-16 index in `text` of the 1-based `column`, where columns count characters (code points).
int indexOfColumn(const QString &text, int column)
{
    int index = 0;
    for (int counted = 1; counted < column && index < text.size(); ++counted)
        index += (text[index].isHighSurrogate() && index + 1 < text.size()) ? 2 : 1;
    return index;
}

QColor themeColor(const KSyntaxHighlighting::Theme &theme, KSyntaxHighlighting::Theme::EditorColorRole role)
{
    return QColor::fromRgba(theme.editorColor(role));
}

bool isOpeningBracket(QChar c)
{
    return c == u'(' || c == u'[' || c == u'{';
}
bool isClosingBracket(QChar c)
{
    return c == u')' || c == u']' || c == u'}';
}
QChar partner(QChar c)
{
    switch (c.unicode()) {
    case u'(': return u')';
    case u'[': return u']';
    case u'{': return u'}';
    case u')': return u'(';
    case u']': return u'[';
    case u'}': return u'{';
    default: return {};
    }
}

constexpr int maxBracketScan = 100'000;
constexpr QColor errorColor{0xda, 0x44, 0x53};
constexpr QColor warningColor{0xe0, 0x9b, 0x00};

} // namespace

CodeEditor::CodeEditor(KSyntaxHighlighting::Repository &repository, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_repository(repository)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
    , m_folding(std::make_unique<CodeFolding>(*m_highlighter))
    , m_gutter(new EditorGutter(this))
    , m_completer(new QCompleter(this))
    , m_completionModel(new QStringListModel(this))
    , m_completionTimer(new QTimer(this))
{
    setAccessibleName(tr("Template text"));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(font);
    setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * 8);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterGeometry);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateGutterArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateExtraSelections);
    // Problems stay where they were typed until the validator reports again; squiggles move with
    // the text because extra selections hold cursors.
    connect(document(), &QTextDocument::contentsChange, this, [this] { m_gutter->update(); });

    m_completer->setModel(m_completionModel);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->popup()->setAccessibleName(tr("Completions"));
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &CodeEditor::insertCompletion);
    m_completionTimer->setSingleShot(true);
    m_completionTimer->setInterval(150);
    connect(m_completionTimer, &QTimer::timeout, this, &CodeEditor::triggerCompletion);

    setDefinitionByName(u"YAML"_s);
    applyTheme();
    updateGutterGeometry();
    updateExtraSelections();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setDefinitionForFile(const QString &fileName, const QByteArray &head)
{
    const KSyntaxHighlighting::Definition definition = definitionForFile(m_repository, fileName, head);
    setDefinitionByName(definition.name());
    // Heat completion only where Heat is written: a new file or a template, not an Ansible
    // playbook, a cloud-config or an environment file, whose keys differ.
    m_completionEnabled = definition.name() == u"YAML" && (head.isEmpty() || head.contains("heat_template_version")) &&
                          !looksLikeAnsible(fileName, head);
}

void CodeEditor::setDefinitionByName(const QString &name)
{
    const KSyntaxHighlighting::Definition definition = m_repository.definitionForName(name);
    m_highlighter->setDefinition(definition);
    const bool yamlLike = definition.name() == u"YAML" || definition.name() == u"Ansible";
    m_folding->setIndentationFolding(yamlLike || definition.indentationBasedFoldingEnabled());
    m_indentWidth = yamlLike || definition.name() == u"JSON" || definition.name() == u"Terraform" ? 2 : 4;
    m_completionEnabled = definition.name() == u"YAML";
    Q_EMIT definitionChanged(definition.name());
}

QString CodeEditor::definitionName() const
{
    return m_highlighter->definition().name();
}

void CodeEditor::setThemeName(const QString &name)
{
    m_themeOverride = name;
    applyTheme();
}

QString CodeEditor::themeName() const
{
    return m_themeInUse;
}

QStringList CodeEditor::availableThemes() const
{
    QStringList names;
    const auto themes = m_repository.themes();
    for (const auto &theme : themes)
        names.append(theme.name());
    return names;
}

void CodeEditor::applyTheme()
{
    // The palette the editor sits in (not its own, which the theme sets).
    const QPalette surrounding = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    const bool dark = surrounding.color(QPalette::Base).lightness() < 128;
    KSyntaxHighlighting::Theme theme =
        m_themeOverride.isEmpty() ? KSyntaxHighlighting::Theme() : m_repository.theme(m_themeOverride);
    if (!theme.isValid())
        theme = m_repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                               : KSyntaxHighlighting::Repository::LightTheme);
    if (theme.name() == m_themeInUse)
        return;

    m_applyingTheme = true;
    QPalette pal = palette();
    pal.setColor(QPalette::Base, themeColor(theme, KSyntaxHighlighting::Theme::BackgroundColor));
    pal.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    pal.setColor(QPalette::Highlight, themeColor(theme, KSyntaxHighlighting::Theme::TextSelection));
    pal.setColor(QPalette::HighlightedText, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    setPalette(pal);
    m_applyingTheme = false;

    m_currentLineColor = themeColor(theme, KSyntaxHighlighting::Theme::CurrentLine);
    m_bracketColor = themeColor(theme, KSyntaxHighlighting::Theme::BracketMatching);
    m_searchColor = themeColor(theme, KSyntaxHighlighting::Theme::SearchHighlight);
    m_gutterBackground = themeColor(theme, KSyntaxHighlighting::Theme::IconBorder);
    m_lineNumberColor = themeColor(theme, KSyntaxHighlighting::Theme::LineNumbers);
    m_currentLineNumberColor = themeColor(theme, KSyntaxHighlighting::Theme::CurrentLineNumber);
    m_foldMarkerColor = themeColor(theme, KSyntaxHighlighting::Theme::CodeFolding);
    if (m_foldMarkerColor.alpha() == 0 || m_foldMarkerColor == m_gutterBackground)
        m_foldMarkerColor = m_lineNumberColor;

    m_themeInUse = theme.name();
    m_highlighter->setTheme(theme);
    m_highlighter->rehighlight();
    updateExtraSelections();
    m_gutter->update();
    Q_EMIT themeChanged(m_themeInUse);
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    // Queued: when the application palette changes, the parent may get its new palette after us.
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) && !m_applyingTheme)
        QMetaObject::invokeMethod(this, &CodeEditor::applyTheme, Qt::QueuedConnection);
}

// --- gutter ---------------------------------------------------------------------------------

int CodeEditor::gutterWidth() const
{
    const int digits = std::max(3, int(QString::number(std::max(1, blockCount())).size()));
    const int problemStrip = 4;
    return problemStrip + 6 + fontMetrics().horizontalAdvance(u'9') * digits + m_gutter->foldMarkerWidth();
}

void CodeEditor::updateGutterGeometry()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect contents = contentsRect();
    m_gutter->setGeometry(QRect(contents.left(), contents.top(), gutterWidth(), contents.height()));
}

void CodeEditor::updateGutterArea(const QRect &rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterGeometry();
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
}

void CodeEditor::paintGutter(QPaintEvent *event, EditorGutter *gutter)
{
    QPainter painter(gutter);
    painter.fillRect(event->rect(), m_gutterBackground);

    QHash<int, bool> problemLines; // block number -> has an error
    for (const TemplateProblem &problem : std::as_const(m_problems)) {
        const int block = problem.range.start.line - 1;
        problemLines[block] = problemLines.value(block) || problem.isError();
    }

    const int markerWidth = gutter->foldMarkerWidth();
    const int numberRight = gutter->width() - markerWidth - 2;
    const int currentBlock = textCursor().blockNumber();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int lineHeight = fontMetrics().height();
    QFont numberFont = font();

    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber();
            if (const auto problem = problemLines.constFind(number); problem != problemLines.constEnd())
                painter.fillRect(QRect(0, top, 4, lineHeight), *problem ? errorColor : warningColor);

            const bool current = number == currentBlock;
            numberFont.setBold(current);
            painter.setFont(numberFont);
            painter.setPen(current ? m_currentLineNumberColor : m_lineNumberColor);
            painter.drawText(QRect(0, top, numberRight, lineHeight), Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(number + 1));

            if (m_folding->isFoldable(block)) {
                const bool folded = CodeFolding::isFolded(block);
                const QRectF box(gutter->width() - markerWidth, top, markerWidth, lineHeight);
                const qreal s = markerWidth * 0.22;
                const QPointF c = box.center();
                QPainterPath triangle;
                if (folded) {
                    triangle.moveTo(c.x() - s * 0.7, c.y() - s);
                    triangle.lineTo(c.x() + s * 0.9, c.y());
                    triangle.lineTo(c.x() - s * 0.7, c.y() + s);
                } else {
                    triangle.moveTo(c.x() - s, c.y() - s * 0.6);
                    triangle.lineTo(c.x() + s, c.y() - s * 0.6);
                    triangle.lineTo(c.x(), c.y() + s * 0.9);
                }
                triangle.closeSubpath();
                painter.setRenderHint(QPainter::Antialiasing);
                painter.fillPath(triangle, folded ? m_currentLineNumberColor : m_lineNumberColor);
                painter.setRenderHint(QPainter::Antialiasing, false);
            }
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void CodeEditor::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    // A folded line ends in a "…" box, so hidden text does not look deleted.
    QPainter painter(viewport());
    const QPointF offset = contentOffset();
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        const QRectF geometry = blockBoundingGeometry(block).translated(offset);
        if (geometry.top() > event->rect().bottom())
            break;
        if (!block.isVisible() || !CodeFolding::isFolded(block) || !block.layout() || block.layout()->lineCount() == 0)
            continue;
        const QTextLine line = block.layout()->lineAt(0);
        const qreal margin = document()->documentMargin();
        const QRectF box(geometry.left() + margin + line.naturalTextWidth() + fontMetrics().horizontalAdvance(u' '),
                         geometry.top() + line.y() + 1, fontMetrics().horizontalAdvance(u"…  "_s), line.height() - 2);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(m_lineNumberColor);
        painter.setBrush(m_currentLineColor);
        painter.drawRoundedRect(box, 3, 3);
        painter.drawText(box, Qt::AlignCenter, u"…"_s);
    }
}

void CodeEditor::gutterClicked(QPoint position)
{
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && position.y() >= top && position.y() < bottom) {
            toggleFold(block.blockNumber());
            return;
        }
        if (top > position.y())
            return;
        block = block.next();
        top = bottom;
    }
}

// --- folding --------------------------------------------------------------------------------

bool CodeEditor::isFoldable(int blockNumber) const
{
    return m_folding->isFoldable(document()->findBlockByNumber(blockNumber));
}

bool CodeEditor::isFolded(int blockNumber) const
{
    return CodeFolding::isFolded(document()->findBlockByNumber(blockNumber));
}

void CodeEditor::fold(int blockNumber)
{
    const QTextBlock block = document()->findBlockByNumber(blockNumber);
    if (!m_folding->fold(block))
        return;
    // The cursor may not stay inside hidden text: it goes to the fold's first line.
    const QTextBlock end = m_folding->foldEnd(block);
    const int cursorBlock = textCursor().blockNumber();
    if (cursorBlock > blockNumber && end.isValid() && cursorBlock <= end.blockNumber()) {
        QTextCursor cursor = textCursor();
        cursor.setPosition(block.position() + block.length() - 1);
        setTextCursor(cursor);
    }
    relayoutAfterFolding();
}

void CodeEditor::unfold(int blockNumber)
{
    if (m_folding->unfold(document()->findBlockByNumber(blockNumber)))
        relayoutAfterFolding();
}

void CodeEditor::toggleFold(int blockNumber)
{
    if (isFolded(blockNumber))
        unfold(blockNumber);
    else
        fold(blockNumber);
}

void CodeEditor::relayoutAfterFolding()
{
    // QPlainTextDocumentLayout lays out again (hidden blocks take no height) only what is marked dirty.
    document()->markContentsDirty(0, document()->characterCount());
    viewport()->update();
    m_gutter->update();
    ensureCursorVisible();
}

// --- extra selections: current line, brackets, search matches, problems ---------------------

void CodeEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection currentLine;
    currentLine.format.setBackground(m_currentLineColor);
    currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
    currentLine.cursor = textCursor();
    currentLine.cursor.clearSelection();
    selections.append(currentLine);
    selections.append(m_searchSelections);
    selections.append(bracketSelections());
    selections.append(m_problemSelections);
    setExtraSelections(selections);
}

QList<QTextEdit::ExtraSelection> CodeEditor::bracketSelections() const
{
    const QTextDocument *doc = document();
    const int position = textCursor().position();
    int at = -1;
    if (const QChar after = doc->characterAt(position); isOpeningBracket(after) || isClosingBracket(after))
        at = position;
    else if (const QChar before = doc->characterAt(position - 1);
             position > 0 && (isOpeningBracket(before) || isClosingBracket(before)))
        at = position - 1;
    if (at < 0)
        return {};

    const QChar bracket = doc->characterAt(at);
    const QChar match = partner(bracket);
    const int step = isOpeningBracket(bracket) ? 1 : -1;
    int depth = 0;
    int found = -1;
    const int last = doc->characterCount() - 1;
    for (int i = at, scanned = 0; i >= 0 && i < last && scanned < maxBracketScan; i += step, ++scanned) {
        const QChar c = doc->characterAt(i);
        if (c == bracket)
            ++depth;
        else if (c == match && --depth == 0) {
            found = i;
            break;
        }
    }

    QList<QTextEdit::ExtraSelection> result;
    auto mark = [&](int pos, bool matched) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(pos);
        selection.cursor.setPosition(pos + 1, QTextCursor::KeepAnchor);
        if (matched) {
            selection.format.setBackground(m_bracketColor);
            selection.format.setFontWeight(QFont::Bold);
        } else {
            selection.format.setForeground(errorColor);
        }
        result.append(selection);
    };
    mark(at, found >= 0);
    if (found >= 0)
        mark(found, true);
    return result;
}

void CodeEditor::setSearchMatches(const QList<QTextCursor> &matches)
{
    m_searchSelections.clear();
    for (const QTextCursor &match : matches) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = match;
        selection.format.setBackground(m_searchColor);
        m_searchSelections.append(selection);
    }
    updateExtraSelections();
}

// --- problems ---------------------------------------------------------------------------------

QTextCursor CodeEditor::problemCursor(const TemplateProblem &problem) const
{
    const SourcePosition &start = problem.range.start;
    const QTextBlock startBlock = document()->findBlockByNumber(std::max(0, start.line - 1));
    if (!startBlock.isValid())
        return {};
    const QString startText = startBlock.text();
    int from = startBlock.position() + indexOfColumn(startText, start.column);
    int to = -1;
    const SourcePosition &end = problem.range.end;
    if (end.isValid() && (end.line > start.line || (end.line == start.line && end.column > start.column))) {
        const QTextBlock endBlock = document()->findBlockByNumber(end.line - 1);
        if (endBlock.isValid())
            to = endBlock.position() + indexOfColumn(endBlock.text(), end.column);
    }
    if (to <= from) {
        // No usable end: underline the word at the start, or one character.
        QTextCursor word(startBlock);
        word.setPosition(from);
        word.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
        to = word.position() > from ? word.position() : from + 1;
    }
    const int blockEnd = startBlock.position() + int(startText.size());
    if (from >= blockEnd && from > startBlock.position()) // a problem at the end of a line: its last character
        from = blockEnd - 1;
    to = std::max(to, from + 1);
    QTextCursor cursor(document());
    cursor.setPosition(std::min(from, document()->characterCount() - 1));
    cursor.setPosition(std::min(to, document()->characterCount() - 1), QTextCursor::KeepAnchor);
    return cursor;
}

void CodeEditor::setProblems(const QList<TemplateProblem> &problems)
{
    m_problems = problems;
    m_problemSelections.clear();
    m_problemOfSelection.clear();
    for (qsizetype i = 0; i < problems.size(); ++i) {
        const TemplateProblem &problem = problems[i];
        QTextEdit::ExtraSelection selection;
        selection.cursor = problemCursor(problem);
        if (selection.cursor.isNull())
            continue;
        m_problemOfSelection.append(i);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(problem.isError() ? errorColor : warningColor);
        // A faint tint too: a wave one pixel high is easy to miss.
        QColor tint = problem.isError() ? errorColor : warningColor;
        tint.setAlpha(40);
        selection.format.setBackground(tint);
        selection.format.setToolTip(problem.message);
        m_problemSelections.append(selection);
    }
    updateExtraSelections();
    m_gutter->update();
}

QList<TemplateProblem> CodeEditor::problemsAt(int position) const
{
    QList<TemplateProblem> result;
    for (qsizetype i = 0; i < m_problemSelections.size(); ++i) {
        const QTextCursor &cursor = m_problemSelections[i].cursor;
        if (position >= cursor.selectionStart() && position <= cursor.selectionEnd())
            result.append(m_problems[m_problemOfSelection[i]]);
    }
    return result;
}

bool CodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(help->pos());
        // Only over the text itself, not the empty space right of a line.
        const QRect rect = cursorRect(cursor);
        const QList<TemplateProblem> found = std::abs(rect.center().x() - help->pos().x()) <= fontMetrics().averageCharWidth() * 2
                                                 ? problemsAt(cursor.position())
                                                 : QList<TemplateProblem>();
        if (found.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QStringList lines;
        for (const TemplateProblem &problem : found)
            lines.append((problem.isError() ? tr("Error: %1") : tr("Warning: %1")).arg(problem.message));
        QToolTip::showText(help->globalPos(), lines.join(u'\n'), viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void CodeEditor::goToLineColumn(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    if (m_folding->reveal(block))
        relayoutAfterFolding();
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::min(indexOfColumn(block.text(), column), int(block.text().size())));
    setTextCursor(cursor);
    centerCursor();
}

// --- typing: indentation and completion --------------------------------------------------------

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab: event->ignore(); return; // the completer takes these
        default: break;
        }
    }
    unfoldBeforeEdit(event);
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (event->key() == Qt::Key_Space && mods == Qt::ControlModifier) {
        triggerCompletion();
        return;
    }
    if (event->key() == Qt::Key_Tab && mods == Qt::NoModifier) {
        if (!indentSelection(false)) {
            QTextCursor cursor = textCursor();
            const int column = cursor.positionInBlock();
            cursor.insertText(QString(m_indentWidth - column % m_indentWidth, u' '));
        }
        return;
    }
    if (event->key() == Qt::Key_Backtab) {
        indentSelection(true);
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && mods == Qt::NoModifier) {
        insertNewlineWithIndent();
        return;
    }
    if (event->key() == Qt::Key_Backspace && mods == Qt::NoModifier && !textCursor().hasSelection()) {
        // In leading spaces, Backspace removes one indentation level.
        QTextCursor cursor = textCursor();
        const QString before = cursor.block().text().left(cursor.positionInBlock());
        if (!before.isEmpty() && before.trimmed().isEmpty() && !before.contains(u'\t')) {
            const int remove = int(before.size()) % m_indentWidth == 0 ? m_indentWidth : int(before.size()) % m_indentWidth;
            cursor.movePosition(QTextCursor::PreviousCharacter, QTextCursor::KeepAnchor, remove);
            cursor.removeSelectedText();
            return;
        }
    }

    QPlainTextEdit::keyPressEvent(event);

    const QString typed = event->text();
    if (!m_completionEnabled || typed.isEmpty() || (mods & (Qt::ControlModifier | Qt::AltModifier)) != 0) {
        if (m_completer->popup()->isVisible() && event->key() != Qt::Key_Backspace)
            m_completer->popup()->hide();
        return;
    }
    const QChar last = typed.back();
    const bool wordKey = last.isLetterOrNumber() || last == u'_' || last == u':' || last == u'-' || last == u'.';
    if (m_completer->popup()->isVisible()) {
        if ((wordKey || event->key() == Qt::Key_Backspace) && refineCompletion())
            return;
        m_completer->popup()->hide();
    } else if (wordKey) {
        // Coalesced: looking the context up reads the whole text, so it waits for a pause in typing.
        m_completionTimer->start();
    }
}

bool CodeEditor::refineCompletion()
{
    // The popup is open: narrow it to what was typed since, without looking the context up again.
    const QTextCursor cursor = textCursor();
    const int start = m_completionPrefixColumn - 1;
    if (cursor.positionInBlock() < start || cursor.blockNumber() != m_completionBlock)
        return false;
    m_completer->setCompletionPrefix(cursor.block().text().mid(start, cursor.positionInBlock() - start));
    if (m_completer->completionCount() == 0)
        return false;
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    return true;
}

void CodeEditor::unfoldBeforeEdit(const QKeyEvent *event)
{
    // Typing on a folded line, or joining a line with hidden text, would edit text the user cannot
    // see and leave hidden lines no fold owns: show them first.
    const bool edits = !event->text().isEmpty() || event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
                       event->key() == Qt::Key_Backspace || event->key() == Qt::Key_Delete;
    if (!edits || event->matches(QKeySequence::Copy))
        return;
    const QTextCursor cursor = textCursor();
    bool changed = false;
    for (QTextBlock block = document()->findBlock(cursor.selectionStart()); block.isValid(); block = block.next()) {
        if (CodeFolding::isFolded(block))
            changed = m_folding->unfold(block) || changed;
        if (block.position() + block.length() > cursor.selectionEnd())
            break;
    }
    const QTextBlock previous = cursor.block().previous();
    if (event->key() == Qt::Key_Backspace && cursor.atBlockStart() && previous.isValid() && !previous.isVisible())
        changed = m_folding->reveal(previous) || changed;
    if (changed)
        relayoutAfterFolding();
}

bool CodeEditor::indentSelection(bool unindent)
{
    QTextCursor cursor = textCursor();
    const QTextBlock first = document()->findBlock(cursor.selectionStart());
    QTextBlock last = document()->findBlock(cursor.selectionEnd());
    // A selection ending at the start of a line does not include that line.
    if (cursor.hasSelection() && last != first && cursor.selectionEnd() == last.position())
        last = last.previous();
    if (!unindent && first == last)
        return false;

    cursor.beginEditBlock();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        QTextCursor line(block);
        if (unindent) {
            const int spaces = std::min(m_indentWidth, CodeFolding::indentation(block.text()));
            const QString text = block.text();
            int remove = 0;
            while (remove < spaces && remove < text.size() && text[remove] == u' ')
                ++remove;
            line.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor, remove);
            line.removeSelectedText();
        } else if (!block.text().trimmed().isEmpty()) {
            line.insertText(QString(m_indentWidth, u' '));
        }
        if (block == last)
            break;
    }
    cursor.endEditBlock();
    return true;
}

void CodeEditor::insertNewlineWithIndent()
{
    QTextCursor cursor = textCursor();
    const QString text = cursor.block().text();
    const QString before = text.left(cursor.positionInBlock());
    int indent = 0;
    while (indent < before.size() && before[indent] == u' ')
        ++indent;
    const QString trimmed = before.trimmed();
    // After `key:` (YAML), or an opening bracket, the next line is one level deeper.
    if (trimmed.endsWith(u':') || (!trimmed.isEmpty() && isOpeningBracket(trimmed.back())))
        indent += m_indentWidth;
    else if (trimmed.startsWith(u"- "_s) && trimmed.endsWith(u':'))
        indent += 2;
    cursor.beginEditBlock();
    cursor.insertText(u"\n"_s + QString(indent, u' '));
    cursor.endEditBlock();
    setTextCursor(cursor);
}

bool CodeEditor::triggerCompletion()
{
    m_completionTimer->stop();
    if (!m_completionEnabled)
        return false;
    const QTextCursor cursor = textCursor();
    const CompletionResult result =
        completeTemplate(toPlainText(), cursor.blockNumber() + 1, cursor.positionInBlock() + 1, m_completionData);
    if (result.candidates.isEmpty())
        return false;
    m_completionPrefixColumn = result.prefixColumn;
    m_completionBlock = cursor.blockNumber();
    m_completionModel->setStringList(result.candidates);
    m_completer->setCompletionPrefix(result.prefix);
    if (m_completer->completionCount() == 0)
        return false;
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
    return true;
}

void CodeEditor::insertCompletion(const QString &completion)
{
    QTextCursor cursor = textCursor();
    const int start = cursor.block().position() + m_completionPrefixColumn - 1;
    cursor.beginEditBlock();
    cursor.setPosition(start, QTextCursor::KeepAnchor);
    cursor.insertText(completion);
    cursor.endEditBlock();
    setTextCursor(cursor);
}

} // namespace Pilvi
