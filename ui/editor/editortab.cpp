// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/editortab.h"

#include "editor/codeeditor.h"
#include "editor/findreplacebar.h"
#include "editor/messagebar.h"
#include "editor/problemspanel.h"
#include "editor/recentfiles.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStringDecoder>
#include <QTextBlock>
#include <QVBoxLayout>

namespace Pilvi {

namespace {
QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}
} // namespace

EditorTab::EditorTab(KSyntaxHighlighting::Repository &repository, RecentFiles *recentFiles, QWidget *parent)
    : QWidget(parent)
    , m_editor(new CodeEditor(repository, this))
    , m_findBar(new FindReplaceBar(m_editor, this))
    , m_messages(new MessageBar(this))
    , m_problems(new ProblemsPanel(this))
    , m_position(new QLabel(this))
    , m_syntax(new QLabel(this))
    , m_theme(new QComboBox(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_recentFiles(recentFiles)
{
    setAccessibleName(tr("Template editor"));
    m_position->setAccessibleName(tr("Cursor position"));
    m_syntax->setAccessibleName(tr("Syntax"));
    m_theme->setAccessibleName(tr("Colour theme"));
    m_theme->setToolTip(tr("Colour theme of the editor"));
    m_theme->addItem(tr("Theme: follow light or dark"), QString());
    const QStringList themes = m_editor->availableThemes();
    for (const QString &name : themes)
        m_theme->addItem(name, name);
    connect(m_theme, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_editor->setThemeName(m_theme->itemData(index).toString()); });

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(0);
    topLayout->addWidget(m_messages);
    topLayout->addWidget(m_editor, 1);
    topLayout->addWidget(m_findBar);
    auto *status = new QHBoxLayout;
    status->setContentsMargins(6, 2, 6, 2);
    status->addWidget(m_position);
    status->addStretch(1);
    status->addWidget(m_syntax);
    status->addWidget(m_theme);
    topLayout->addLayout(status);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_problems);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_problems, &ProblemsPanel::problemActivated, this, [this](const TemplateProblem &problem) {
        m_editor->goToLineColumn(problem.range.start.line, problem.range.start.column);
        m_editor->setFocus();
    });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &EditorTab::updateTitle);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &EditorTab::updatePosition);
    connect(m_editor, &CodeEditor::definitionChanged, this, [this](const QString &name) { m_syntax->setText(name); });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &EditorTab::onFileChanged);
    m_syntax->setText(m_editor->definitionName());
    createActions();
    updatePosition();
}

EditorTab::~EditorTab() = default;

void EditorTab::createActions()
{
    auto add = [this](const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    add(tr("Find…"), QKeySequence::Find, [this] { m_findBar->showFind(); });
    add(tr("Replace…"), QKeySequence(Qt::CTRL | Qt::Key_H), [this] { m_findBar->showReplace(); });
    add(tr("Find Next"), QKeySequence(Qt::Key_F3), [this] { m_findBar->findNext(); });
    add(tr("Find Previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3), [this] { m_findBar->findPrevious(); });
    add(tr("Save"), QKeySequence::Save, [this] { save(); });
    add(tr("Save As…"), QKeySequence::SaveAs, [this] { saveAsInteractively(); });
}

QString EditorTab::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool EditorTab::isModified() const
{
    return m_editor->document()->isModified();
}

void EditorTab::updateTitle()
{
    Q_EMIT titleChanged(isModified() ? displayName() + u" *" : displayName());
}

void EditorTab::updatePosition()
{
    const QTextCursor cursor = m_editor->textCursor();
    m_position->setText(tr("Line %1, Column %2").arg(cursor.blockNumber() + 1).arg(cursor.positionInBlock() + 1));
}

void EditorTab::showError(const QString &message)
{
    m_lastError = message;
    m_messages->showMessage(MessageBar::Kind::Error, message);
}

bool EditorTab::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Could not open %1: %2").arg(shown(path), file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        showError(tr("Could not read %1: %2").arg(shown(path), file.errorString()));
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError()) {
        showError(tr("Could not open %1: it is not UTF-8 text.").arg(shown(path)));
        return false;
    }

    m_lastError.clear();
    m_messages->dismiss();
    if (!m_path.isEmpty())
        m_watcher->removePath(m_path);
    m_path = QFileInfo(path).absoluteFilePath();
    m_diskContent = bytes;
    m_editor->setDefinitionForFile(m_path, bytes.left(4096));
    m_editor->setPlainText(text);
    m_editor->document()->setModified(false);
    watch(m_path);
    if (m_recentFiles)
        m_recentFiles->add(m_path);
    updateTitle();
    return true;
}

bool EditorTab::writeTo(const QString &path)
{
    const QByteArray bytes = m_editor->toPlainText().toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        showError(tr("Could not save %1: %2").arg(shown(path), file.errorString()));
        return false;
    }
    file.write(bytes);
    if (!file.commit()) {
        showError(tr("Could not save %1: %2").arg(shown(path), file.errorString()));
        return false;
    }
    m_diskContent = bytes;
    m_lastError.clear();
    m_messages->dismiss();
    m_editor->document()->setModified(false);
    return true;
}

bool EditorTab::save()
{
    if (m_path.isEmpty()) {
        saveAsInteractively();
        return false;
    }
    if (!writeTo(m_path))
        return false;
    // QSaveFile replaced the file: a watch on the old inode is gone.
    watch(m_path);
    Q_EMIT fileSaved(m_path);
    if (m_closeAfterSave) {
        m_closeAfterSave = false;
        Q_EMIT closeApproved();
    }
    return true;
}

bool EditorTab::saveAs(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!writeTo(absolute))
        return false;
    if (!m_path.isEmpty() && m_path != absolute)
        m_watcher->removePath(m_path);
    const bool renamed = m_path != absolute;
    m_path = absolute;
    if (renamed)
        m_editor->setDefinitionForFile(m_path, m_diskContent.left(4096));
    watch(m_path);
    if (m_recentFiles)
        m_recentFiles->add(m_path);
    updateTitle();
    Q_EMIT fileSaved(m_path);
    if (m_closeAfterSave) {
        m_closeAfterSave = false;
        Q_EMIT closeApproved();
    }
    return true;
}

void EditorTab::saveAsInteractively()
{
    auto *dialog = new QFileDialog(this, tr("Save Template As"), m_path.isEmpty() ? QDir::homePath() : m_path,
                                   tr("Heat templates (*.yaml *.yml *.template);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("yaml"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) { saveAs(file); });
    connect(dialog, &QFileDialog::rejected, this, [this] { m_closeAfterSave = false; });
    dialog->open();
}

bool EditorTab::reloadFromDisk()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Could not reload %1: %2").arg(shown(m_path), file.errorString()));
        return false;
    }
    m_diskContent = file.readAll();
    const int line = m_editor->textCursor().blockNumber() + 1;
    // One edit, so Undo brings the user's text back.
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(QString::fromUtf8(m_diskContent));
    cursor.endEditBlock();
    m_editor->document()->setModified(false);
    m_editor->goToLineColumn(std::min(line, m_editor->document()->blockCount()), 1);
    watch(m_path);
    return true;
}

void EditorTab::watch(const QString &path)
{
    if (!m_watcher->files().contains(path) && QFileInfo::exists(path))
        m_watcher->addPath(path);
}

void EditorTab::onFileChanged(const QString &path)
{
    if (path != m_path)
        return;
    QFile file(path);
    if (!file.exists()) {
        m_messages->showMessage(MessageBar::Kind::Warning,
                                tr("%1 was deleted or moved on disk. Saving writes it again.").arg(shown(path)));
        m_editor->document()->setModified(true);
        Q_EMIT changedOnDisk(path);
        return;
    }
    watch(path); // editors that save by rename end the old watch
    if (!file.open(QIODevice::ReadOnly) || file.readAll() == m_diskContent)
        return; // our own save, or a touch that changed nothing
    const bool modified = isModified();
    const QString text = modified ? tr("%1 changed on disk, and you have unsaved changes here.").arg(shown(path))
                                  : tr("%1 changed on disk.").arg(shown(path));
    m_messages->showMessage(
        MessageBar::Kind::Warning, text,
        {{tr("Reload"), [this] { reloadFromDisk(); }}, {modified ? tr("Keep My Changes") : tr("Keep This Version"), [this] {
                                                            // The text now differs from the file: saving or closing asks first.
                                                            m_editor->document()->setModified(true);
                                                        }}});
    Q_EMIT changedOnDisk(path);
}

bool EditorTab::requestClose()
{
    if (!isModified())
        return true;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Unsaved Changes"), tr("%1 has unsaved changes.").arg(displayName()),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unsavedChangesBox"));
    box->setInformativeText(tr("Save them before closing?"));
    box->setDefaultButton(QMessageBox::Save);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        switch (box->standardButton(box->clickedButton())) {
        case QMessageBox::Save:
            m_closeAfterSave = true;
            if (!m_path.isEmpty() && !save())
                m_closeAfterSave = false; // the error shows in the message bar; the tab stays
            break;
        case QMessageBox::Discard: Q_EMIT closeApproved(); break;
        default: break; // Cancel or Escape: keep editing
        }
    });
    box->open();
    return false;
}

void EditorTab::setProblems(const QList<TemplateProblem> &problems)
{
    m_editor->setProblems(problems);
    m_problems->setProblems(problems);
}

void EditorTab::setCompletionData(const CompletionData &completionData)
{
    m_editor->setCompletionData(completionData);
}

} // namespace Pilvi
