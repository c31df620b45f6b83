// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudsconfig.h"
#include "config/secretstore.h"
#include "jobs/jobrecord.h"
#include "mainwindow/pageid.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QListWidget;
class QSplitter;
class QStackedWidget;
class QSystemTrayIcon;

namespace KSyntaxHighlighting {
class Repository;
}

namespace Pilvi {

class CloudSidebar;
class CloudTablePage;
class CloudTreeModel;
class EnvironmentBanner;
class JobJournal;
class JobRunner;
class JobsPage;
class Session;
class ScalingPage;
class SessionPool;
class TemplatesPage;

/// Hosts the navigation, the clouds sidebar and the pages. Knows no feature: each page is its
/// own widget.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    /// `secrets`: where secrets kept out of files are read and written; the system keychain
    /// when not given (tests pass a memory store).
    explicit MainWindow(CloudsConfigPaths paths, std::unique_ptr<SecretStore> secrets = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    PageId currentPage() const;
    void setCurrentPage(PageId page);
    /// Selects this cloud once the clouds are loaded.
    void setPreferredCloud(const QString &name);
    QString currentCloud() const;
    /// True once clouds.yaml has been read (and the first page has its data).
    bool isReady() const { return m_ready; }

    void restoreLayout();
    void saveLayout() const;

    /// Reads clouds.yaml again, off the GUI thread.
    void reloadClouds();
    /// Runs every job of the GUI; its journal is the one pilvi-cli writes too.
    JobRunner *jobRunner() const { return m_jobs.get(); }
    /// Opens a Heat template on the Templates page.
    bool openTemplate(const QString &path);
    /// Opens the "Add a cloud" dialog; the new cloud is written and selected when accepted.
    void addCloud();

Q_SIGNALS:
    void ready();
    void currentCloudChanged(const QString &name);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages();
    void buildActions();
    void applyConfig(const CloudsConfig &config);
    void onCloudSelected(const QString &name);
    void useSession(const CloudProfile &profile);
    Session *sessionForCloud(const QString &name);
    void onJobFinished(const JobRecord &record);
    void updateJobStatus();
    void markReady();

    CloudsConfigPaths m_paths;
    CloudsConfig m_config;
    CloudTreeModel *m_cloudModel;
    CloudSidebar *m_sidebar;
    QListWidget *m_navigation;
    EnvironmentBanner *m_banner;
    QStackedWidget *m_pages;
    QSplitter *m_splitter;
    QLabel *m_configStatus;
    SessionPool *m_sessions;
    std::unique_ptr<SecretStore> m_secrets; // the keychain: secrets users keep out of files
    QList<CloudTablePage *> m_cloudPages;
    std::unique_ptr<KSyntaxHighlighting::Repository> m_syntaxRepository; // one for every editor
    TemplatesPage *m_templatesPage = nullptr;
    ScalingPage *m_scalingPage = nullptr;
    std::unique_ptr<JobJournal> m_journal; // before m_jobs: the runner uses it until it goes
    std::unique_ptr<JobRunner> m_jobs;
    JobsPage *m_jobsPage = nullptr;
    QLabel *m_jobStatus;
    QSystemTrayIcon *m_trayIcon = nullptr; // made when the first notification is due
    QString m_preferredCloud;
    bool m_ready = false;
};

} // namespace Pilvi
