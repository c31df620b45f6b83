// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/editorworkspace.h"

#include "editor/editortab.h"
#include "editor/messagebar.h"
#include "editor/recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Pilvi {

EditorWorkspace::EditorWorkspace(KSyntaxHighlighting::Repository &repository, RecentFiles &recentFiles, QWidget *parent)
    : QWidget(parent)
    , m_repository(repository)
    , m_recentFiles(recentFiles)
    , m_messages(new MessageBar(this))
    , m_tabs(new QTabWidget(this))
    , m_recentMenu(new QMenu(tr("Open &Recent"), this))
{
    setAccessibleName(tr("Template files"));
    m_tabs->setAccessibleName(tr("Open templates"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto add = [&](const QString &text, const QKeySequence &shortcut, auto slot) {
        QAction *action = toolBar->addAction(text);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(tr("New"), QKeySequence::New, [this] { newFile(); });
    add(tr("Open…"), QKeySequence::Open, [this] { openInteractively(); });
    auto *recentButton = new QToolButton(toolBar);
    recentButton->setText(tr("Recent"));
    recentButton->setMenu(m_recentMenu);
    recentButton->setPopupMode(QToolButton::InstantPopup);
    toolBar->addWidget(recentButton);
    add(tr("Close"), QKeySequence::Close, [this] {
        if (EditorTab *tab = currentTab())
            requestCloseTab(tab);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_messages);
    layout->addWidget(m_tabs, 1);

    connect(m_tabs, &QTabWidget::tabCloseRequested, this,
            [this](int index) { requestCloseTab(qobject_cast<EditorTab *>(m_tabs->widget(index))); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { Q_EMIT currentTabChanged(currentTab()); });
    connect(&m_recentFiles, &RecentFiles::changed, this, &EditorWorkspace::fillRecentMenu);
    fillRecentMenu();
}

EditorTab *EditorWorkspace::currentTab() const
{
    return qobject_cast<EditorTab *>(m_tabs->currentWidget());
}

QList<EditorTab *> EditorWorkspace::tabs() const
{
    QList<EditorTab *> result;
    for (int i = 0; i < m_tabs->count(); ++i)
        result.append(qobject_cast<EditorTab *>(m_tabs->widget(i)));
    return result;
}

EditorTab *EditorWorkspace::addTab(EditorTab *tab)
{
    tab->setCompletionData(m_completionData);
    const int index = m_tabs->addTab(tab, tab->displayName());
    m_tabs->setTabToolTip(index, QDir::toNativeSeparators(tab->filePath()));
    connect(tab, &EditorTab::titleChanged, this, [this, tab](const QString &title) {
        const int at = m_tabs->indexOf(tab);
        m_tabs->setTabText(at, title);
        m_tabs->setTabToolTip(at, QDir::toNativeSeparators(tab->filePath()));
    });
    connect(tab, &EditorTab::closeApproved, this, [this, tab] {
        m_tabs->removeTab(m_tabs->indexOf(tab));
        tab->deleteLater();
    });
    m_tabs->setCurrentWidget(tab);
    return tab;
}

EditorTab *EditorWorkspace::newFile()
{
    return addTab(new EditorTab(m_repository, &m_recentFiles, this));
}

EditorTab *EditorWorkspace::openFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QList<EditorTab *> open = tabs();
    for (EditorTab *tab : open) {
        if (tab->filePath() == absolute) {
            m_tabs->setCurrentWidget(tab);
            return tab;
        }
    }
    auto tab = std::make_unique<EditorTab>(m_repository, &m_recentFiles, this);
    if (!tab->openFile(absolute)) {
        m_lastError = tab->lastError();
        if (!QFileInfo::exists(absolute))
            m_recentFiles.remove(absolute); // a recent file that is gone leaves the menu
        m_messages->showMessage(MessageBar::Kind::Error, m_lastError);
        return nullptr;
    }
    m_lastError.clear();
    m_messages->dismiss();
    return addTab(tab.release());
}

void EditorWorkspace::openInteractively()
{
    auto *dialog = new QFileDialog(this, tr("Open Template"), QDir::homePath(),
                                   tr("Heat templates and environments (*.yaml *.yml *.template *.json);;All files (*)"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        for (const QString &file : files)
            openFile(file);
    });
    dialog->open();
}

void EditorWorkspace::requestCloseTab(EditorTab *tab)
{
    if (tab && tab->requestClose()) {
        m_tabs->removeTab(m_tabs->indexOf(tab));
        tab->deleteLater();
    }
}

void EditorWorkspace::setCompletionData(const CompletionData &completionData)
{
    m_completionData = completionData;
    const QList<EditorTab *> open = tabs();
    for (EditorTab *tab : open)
        tab->setCompletionData(completionData);
}

void EditorWorkspace::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recentFiles.files();
    for (int i = 0; i < files.size(); ++i) {
        const QString &file = files[i];
        // &1..&9 and &0 make the first ten reachable from the keyboard.
        QAction *action =
            m_recentMenu->addAction(QStringLiteral("&%1  %2").arg((i + 1) % 10).arg(QDir::toNativeSeparators(file)));
        action->setData(file);
        connect(action, &QAction::triggered, this, [this, file] { openFile(file); });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("Clear List")), &QAction::triggered, this, [this] { m_recentFiles.clear(); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

} // namespace Pilvi
