// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/templatecompletion.h"

#include <QWidget>

class QMenu;
class QTabWidget;

namespace KSyntaxHighlighting {
class Repository;
} // namespace KSyntaxHighlighting

namespace Pilvi {

class EditorTab;
class MessageBar;
class RecentFiles;

/// The open template files as tabs, with New, Open, Open Recent, Save and Save As. A tab with
/// unsaved changes asks before it closes. The repository and the recent-file list are shared
/// with the rest of the application and outlive the workspace.
class EditorWorkspace final : public QWidget
{
    Q_OBJECT
public:
    EditorWorkspace(KSyntaxHighlighting::Repository &repository, RecentFiles &recentFiles, QWidget *parent = nullptr);

    /// Opens `path` in a new tab, or shows its tab when it is open already. Returns the tab, or
    /// null when the file could not be read (the reason shows in the workspace's message bar and
    /// in lastError()).
    EditorTab *openFile(const QString &path);
    EditorTab *newFile();
    void openInteractively(); ///< a non-blocking file dialog

    EditorTab *currentTab() const;
    QList<EditorTab *> tabs() const;
    /// Asks each modified tab in turn; the tab closes when its answer allows.
    void requestCloseTab(EditorTab *tab);
    QString lastError() const { return m_lastError; }
    QMenu *recentMenu() const { return m_recentMenu; }
    MessageBar *messageBar() const { return m_messages; }
    void setCompletionData(const CompletionData &completionData);

Q_SIGNALS:
    void currentTabChanged(Pilvi::EditorTab *tab);

private:
    EditorTab *addTab(EditorTab *tab);
    void fillRecentMenu();

    KSyntaxHighlighting::Repository &m_repository;
    RecentFiles &m_recentFiles;
    MessageBar *m_messages;
    QTabWidget *m_tabs;
    QMenu *m_recentMenu;
    CompletionData m_completionData;
    QString m_lastError;
};

} // namespace Pilvi
