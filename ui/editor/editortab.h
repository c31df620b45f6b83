// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/templatecompletion.h"
#include "template/templateproblem.h"

#include <QByteArray>
#include <QWidget>

class QComboBox;
class QFileSystemWatcher;
class QLabel;

namespace KSyntaxHighlighting {
class Repository;
} // namespace KSyntaxHighlighting

namespace Pilvi {

class CodeEditor;
class FindReplaceBar;
class MessageBar;
class ProblemsPanel;
class RecentFiles;

/// One open file: the editor with its find bar, file messages and problems panel, and the
/// document's life: open, save, save as, the unsaved-changes question on close, and changes
/// made to the file on disk by someone else.
class EditorTab final : public QWidget
{
    Q_OBJECT
public:
    /// `recentFiles` may be null; both outlive the tab.
    EditorTab(KSyntaxHighlighting::Repository &repository, RecentFiles *recentFiles, QWidget *parent = nullptr);
    ~EditorTab() override;

    /// Reads `path` into the editor. On failure keeps the current text, shows why and returns false.
    bool openFile(const QString &path);
    /// Saves to the current file; without one, asks for a name (asynchronously) and returns false.
    bool save();
    /// Saves to `path` and makes it the tab's file.
    bool saveAs(const QString &path);
    /// Asks for a file name with a non-blocking dialog, then saves there.
    void saveAsInteractively();
    /// Replaces the text with the file's, as one undo step (the user can undo a reload).
    bool reloadFromDisk();

    QString filePath() const { return m_path; }
    QString displayName() const; ///< file name, or "Untitled"
    bool isModified() const;
    QString lastError() const { return m_lastError; }

    /// True when the tab may close now. Otherwise it asks Save / Discard / Cancel in a window-modal
    /// box and emits closeApproved() once the answer allows closing.
    bool requestClose();

    void setProblems(const QList<TemplateProblem> &problems);
    void setCompletionData(const CompletionData &completionData);

    CodeEditor *editor() const { return m_editor; }
    FindReplaceBar *findBar() const { return m_findBar; }
    ProblemsPanel *problemsPanel() const { return m_problems; }
    MessageBar *messageBar() const { return m_messages; }

Q_SIGNALS:
    void closeApproved();
    void titleChanged(const QString &title); ///< name and a modified mark
    void fileSaved(const QString &path);
    void changedOnDisk(const QString &path);

private:
    void createActions();
    void watch(const QString &path);
    void onFileChanged(const QString &path);
    bool writeTo(const QString &path);
    void showError(const QString &message);
    void updateTitle();
    void updatePosition();

    CodeEditor *m_editor;
    FindReplaceBar *m_findBar;
    MessageBar *m_messages;
    ProblemsPanel *m_problems;
    QLabel *m_position;
    QLabel *m_syntax;
    QComboBox *m_theme;
    QFileSystemWatcher *m_watcher;
    RecentFiles *m_recentFiles;

    QString m_path;
    QByteArray m_diskContent; ///< what the file held when last read or written, to tell our writes from others'
    QString m_lastError;
    bool m_closeAfterSave = false;
};

} // namespace Pilvi
