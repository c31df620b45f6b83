// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/mainwindow.h"

#include "config/cloudregistration.h"
#include "config/keychainsecretstore.h"
#include "dialogs/addclouddialog.h"
#include "jobs/cloudjobkinds.h"
#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"
#include "mainwindow/cloudsidebar.h"
#include "mainwindow/environmentbanner.h"
#include "models/cloudtreemodel.h"
#include "models/joblistmodel.h"
#include "models/scalinggrouplistmodel.h"
#include "net/apierror.h"
#include "net/profilesecrets.h"
#include "net/session.h"
#include "net/sessionpool.h"
#include "views/cloudtablepage.h"
#include "views/jobspage.h"
#include "views/objectstoragepage.h"
#include "views/placeholderpage.h"
#include "views/scalingpage.h"
#include "views/stackspage.h"
#include "views/templatespage.h"
#include "views/volumespage.h"

#include <KSyntaxHighlighting/Repository>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFuture>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrentRun>

namespace Pilvi {

namespace {

QString pageDescription(PageId page)
{
    switch (page) {
    case PageId::Dashboard:
        return MainWindow::tr("Quotas and their headroom, resource counts, scaling history, backup age, and the timings of "
                              "jobs and API calls, as charts that keep their history across restarts.");
    case PageId::Stacks:
        return MainWindow::tr("Heat stacks of the selected cloud: status, resources (nested stacks included), live events, "
                              "outputs, template and a live topology graph. Launch, update with a preview of what "
                              "changes, check and delete, each as a background job.");
    case PageId::Scaling:
        return MainWindow::tr("Scaling groups (AutoScalingGroup, ResourceGroup) with their current, minimum and maximum "
                              "size, members and policies; scale by signalling a policy; size history. Vertical scaling: "
                              "resize a server to another flavor, then confirm or revert.");
    case PageId::Volumes:
        return MainWindow::tr("Cinder volumes with their snapshots, backups and the age of the last backup; create, extend, "
                              "snapshot, back up and restore. 3-2-1 backup policies with a compliance view per volume.");
    case PageId::ObjectStorage:
        return MainWindow::tr("Swift containers (Allas in Pouta) and their objects by pseudo-folder: upload and download "
                              "with progress, metadata, versions, expiry and temporary URLs.");
    case PageId::Templates:
        return MainWindow::tr("A Heat template editor with syntax highlighting, validation with line and column as you type, "
                              "and a resource graph you can edit visually without losing comments.");
    case PageId::Jobs:
        return MainWindow::tr("Every provisioning, scaling and backup job with its progress, log and result, kept in a "
                              "journal that survives a crash.");
    }
    return {};
}

} // namespace

MainWindow::MainWindow(CloudsConfigPaths paths, std::unique_ptr<SecretStore> secrets, QWidget *parent)
    : QMainWindow(parent)
    , m_paths(std::move(paths))
    , m_cloudModel(new CloudTreeModel(this))
    , m_sidebar(new CloudSidebar(m_cloudModel, this))
    , m_navigation(new QListWidget(this))
    , m_banner(new EnvironmentBanner(this))
    , m_pages(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_configStatus(new QLabel(this))
    , m_sessions(new SessionPool(this))
    , m_secrets(secrets ? std::move(secrets) : std::make_unique<KeychainSecretStore>())
    , m_syntaxRepository(std::make_unique<KSyntaxHighlighting::Repository>())
    // The journal pilvi-cli writes too ($XDG_DATA_HOME/pilvi/journal.sqlite), so its jobs show here.
    , m_journal(std::make_unique<JobJournal>(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                                             QStringLiteral("/pilvi/journal.sqlite")))
    , m_jobs(std::make_unique<JobRunner>(m_journal.get(), [this](const QString &cloud) { return sessionForCloud(cloud); }))
    , m_jobStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Pilvi"));

    m_navigation->setObjectName(QStringLiteral("pageNavigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setUniformItemSizes(true);
    m_navigation->setSpacing(2);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    auto *pagesLabel = new QLabel(tr("Pages"), left);
    auto *cloudsLabel = new QLabel(tr("Clouds"), left);
    for (QLabel *label : {pagesLabel, cloudsLabel}) {
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
    }
    leftLayout->addWidget(pagesLabel);
    leftLayout->addWidget(m_navigation, 0);
    leftLayout->addSpacing(6);
    leftLayout->addWidget(cloudsLabel);
    leftLayout->addWidget(m_sidebar, 1);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_pages, 1);

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({240, 1000});
    setCentralWidget(m_splitter);

    m_configStatus->setObjectName(QStringLiteral("configStatus"));
    statusBar()->addWidget(m_configStatus, 1);
    m_jobStatus->setObjectName(QStringLiteral("jobStatus"));
    statusBar()->addPermanentWidget(m_jobStatus);
    registerCloudJobKinds(*m_jobs);
    connect(m_jobs.get(), &JobRunner::jobChanged, this, &MainWindow::updateJobStatus);
    connect(m_jobs.get(), &JobRunner::jobFinished, this, &MainWindow::onJobFinished);

    buildPages();
    buildActions();

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_sidebar, &CloudSidebar::currentCloudChanged, this, &MainWindow::onCloudSelected);
    m_navigation->setCurrentRow(0);

    // Read clouds.yaml once the event loop runs, so that what the caller sets up right after
    // construction (restored layout, --page, --os-cloud) is in place when the clouds arrive.
    QTimer::singleShot(0, this, &MainWindow::reloadClouds);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPages()
{
    for (const PageId page : allPages) {
        QWidget *widget = nullptr;
        if (page == PageId::Stacks || page == PageId::Volumes || page == PageId::ObjectStorage) {
            CloudTablePage *cloudPage = nullptr;
            if (page == PageId::Stacks) {
                auto *stacks = new StacksPage(*m_syntaxRepository, m_jobs.get(), m_pages);
                stacks->setPromotion(m_sessions, [this] { return m_config.clouds; });
                cloudPage = stacks;
            } else if (page == PageId::Volumes) {
                auto *volumes = new VolumesPage(m_pages);
                volumes->setJobRunner(m_jobs.get()); // back up and restore run as jobs
                cloudPage = volumes;
            } else {
                auto *storage = new ObjectStoragePage(m_pages);
                storage->setJobRunner(m_jobs.get()); // uploads and downloads run as jobs
                cloudPage = storage;
            }
            m_cloudPages.append(cloudPage);
            widget = cloudPage;
        } else if (page == PageId::Scaling) {
            m_scalingPage = new ScalingPage(m_jobs.get(), m_pages);
            m_cloudPages.append(m_scalingPage);
            widget = m_scalingPage;
        } else if (page == PageId::Jobs) {
            m_jobsPage = new JobsPage(m_jobs.get(), m_pages);
            widget = m_jobsPage;
        } else if (page == PageId::Templates) {
            m_templatesPage = new TemplatesPage(*m_syntaxRepository, m_pages);
            widget = m_templatesPage;
        } else {
            widget = new PlaceholderPage(pageTitle(page), pageDescription(page), m_pages);
        }
        widget->setObjectName(pageKey(page) + QStringLiteral("Page"));
        widget->setAccessibleName(pageTitle(page));
        m_pages->addWidget(widget);
        auto *item = new QListWidgetItem(pageTitle(page), m_navigation);
        item->setData(Qt::UserRole, pageKey(page));
        item->setSizeHint(QSize(0, fontMetrics().height() + 12));
    }
    m_navigation->setFixedHeight((fontMetrics().height() + 16) * static_cast<int>(std::size(allPages)) + 8);
}

void MainWindow::buildActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *reload = fileMenu->addAction(tr("&Reload clouds.yaml"), this, &MainWindow::reloadClouds);
    reload->setShortcut(QKeySequence::Refresh);
    QAction *add = fileMenu->addAction(tr("&Add a cloud…"), this, &MainWindow::addCloud);
    add->setObjectName(QStringLiteral("addCloudAction"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *goMenu = menuBar()->addMenu(tr("&Go"));
    int number = 1;
    for (const PageId page : allPages) {
        QAction *action = goMenu->addAction(pageTitle(page), this, [this, page] { setCurrentPage(page); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + number++)));
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Pilvi"), this, [this] {
        QMessageBox::about(this, tr("About Pilvi"),
                           tr("<b>Pilvi %1</b><p>A workspace for applications on OpenStack clouds.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

PageId MainWindow::currentPage() const
{
    return allPages[std::max(0, m_pages->currentIndex())];
}

void MainWindow::setCurrentPage(PageId page)
{
    m_navigation->setCurrentRow(static_cast<int>(page));
}

void MainWindow::setPreferredCloud(const QString &name)
{
    m_preferredCloud = name;
    if (m_ready)
        m_sidebar->selectCloud(name);
}

QString MainWindow::currentCloud() const
{
    return m_sidebar->currentCloud();
}

void MainWindow::reloadClouds()
{
    m_configStatus->setText(tr("Reading clouds.yaml…"));
    QtConcurrent::run(loadCloudsConfig, m_paths).then(this, [this](const CloudsConfig &config) { applyConfig(config); });
}

void MainWindow::applyConfig(const CloudsConfig &config)
{
    m_config = config;
    m_cloudModel->setProfiles(config.clouds);

    QString status = config.userFile.isEmpty() ? tr("No clouds.yaml of your own") : tr("Clouds from %1").arg(config.userFile);
    QStringList problems;
    for (const ConfigProblem &problem : config.problems)
        problems.append(problem.toString());
    if (!problems.isEmpty())
        status += tr(" — %n problem(s), see tooltip", nullptr, static_cast<int>(problems.size()));
    m_configStatus->setText(status);
    m_configStatus->setToolTip(problems.join(u'\n'));

    if (!m_preferredCloud.isEmpty())
        m_sidebar->selectCloud(m_preferredCloud);
    if (m_ready)
        return;
    // Jobs a killed or crashed Pilvi left behind: ask the clouds how they ended (the sessions need
    // the clouds, so this waits for clouds.yaml). The Jobs page says what was found.
    if (m_journal->isOpen() && m_jobs->reconcile() > 0) {
        m_configStatus->setText(m_configStatus->text() + tr(" — checking jobs left unfinished by the last run"));
        if (m_pages->currentWidget() == m_jobsPage) {
            // On the Jobs page, what was asked for includes what the check found.
            connect(m_jobs.get(), &JobRunner::reconcileFinished, this, &MainWindow::markReady, Qt::SingleShotConnection);
            return;
        }
    } else if (!m_journal->isOpen())
        m_jobStatus->setText(tr("Job journal unavailable: %1").arg(m_journal->error()));
    // Ready means "showing what was asked for": with a cloud selected and a cloud page open,
    // that is once the page's data (or its error) is there.
    auto *page = qobject_cast<CloudTablePage *>(m_pages->currentWidget());
    if (!currentCloud().isEmpty() && page == m_scalingPage && !page->hasLoaded()) {
        // The Scaling page shows the first group's size history too, which loads after the table.
        connect(
            page, &CloudTablePage::loadFinished, this,
            [this] {
                if (m_scalingPage->groups()->rowCount() == 0)
                    markReady();
                else
                    connect(m_scalingPage, &ScalingPage::sizeHistoryLoaded, this, &MainWindow::markReady,
                            Qt::SingleShotConnection);
            },
            Qt::SingleShotConnection);
    } else if (!currentCloud().isEmpty() && page && !page->hasLoaded())
        connect(page, &CloudTablePage::loadFinished, this, &MainWindow::markReady, Qt::SingleShotConnection);
    else if (m_pages->currentWidget() == m_templatesPage && !m_templatesPage->isAnalysed())
        connect(m_templatesPage, &TemplatesPage::analysed, this, &MainWindow::markReady, Qt::SingleShotConnection);
    else
        markReady();
}

void MainWindow::markReady()
{
    if (m_ready)
        return;
    m_ready = true;
    Q_EMIT ready();
}

void MainWindow::onCloudSelected(const QString &name)
{
    std::optional<CloudProfile> selected;
    for (const CloudProfile &cloud : std::as_const(m_config.clouds)) {
        if (cloud.name == name)
            selected = cloud;
    }
    m_banner->setCloud(selected);
    if (selected && !selected->auth.authUrl.isEmpty() && !missingSecretKeys(*selected).isEmpty()) {
        // The secret may be in the keychain: read it first (asynchronously), then connect. When
        // the keychain cannot be read, connect anyway: Keystone's answer then says what is missing.
        withStoredSecrets(*selected, m_secrets.get())
            .then(this,
                  [this](const CloudProfile &profile) {
                      if (currentCloud() == profile.name)
                          useSession(profile);
                  })
            .onFailed(this, [this, profile = *selected](const ApiError &error) {
                if (currentCloud() != profile.name)
                    return;
                m_configStatus->setText(error.message());
                useSession(profile);
            });
    } else if (selected) {
        useSession(*selected);
    } else {
        for (CloudTablePage *page : std::as_const(m_cloudPages))
            page->setSession(nullptr);
        m_templatesPage->setSession(nullptr);
    }
    const bool production = selected && selected->environment == Environment::Production;
    setWindowTitle(selected ? (production ? tr("%1 [PRODUCTION] — Pilvi") : tr("%1 — Pilvi")).arg(selected->name) : tr("Pilvi"));
    Q_EMIT currentCloudChanged(name);
}

void MainWindow::useSession(const CloudProfile &profile)
{
    Session *session = m_sessions->sessionFor(profile);
    for (CloudTablePage *page : std::as_const(m_cloudPages))
        page->setSession(session);
    m_templatesPage->setSession(session);
    // The sidebar shows each cloud's connection; Keystone's answer decides it. Clouds connected
    // earlier stay connected (their sessions live on in the pool).
    using State = CloudTreeModel::ConnectionState;
    if (m_cloudModel->connectionState(profile.name) == State::Connected)
        return;
    m_cloudModel->setConnectionState(profile.name, State::Connecting);
    session->authenticate()
        .then(this, [this, name = profile.name](
                        const AuthToken &token) { m_cloudModel->setConnectionState(name, State::Connected, token.projectName); })
        .onFailed(this, [this, name = profile.name](const ApiError &error) {
            m_cloudModel->setConnectionState(name, State::Failed, error.message());
        });
}

Session *MainWindow::sessionForCloud(const QString &name)
{
    for (const CloudProfile &cloud : std::as_const(m_config.clouds)) {
        if (cloud.name == name)
            return m_sessions->sessionFor(cloud);
    }
    return nullptr;
}

void MainWindow::updateJobStatus()
{
    const int running = m_jobs->runningCount();
    m_jobStatus->setText(running > 0 ? tr("%n job(s) running", nullptr, running) : QString());
}

void MainWindow::onJobFinished(const JobRecord &record)
{
    updateJobStatus();
    const QString text = tr("%1 %2: %3").arg(JobListModel::kindText(record.kind), record.target, jobStateKey(record.state));
    statusBar()->showMessage(text, 10000);
    if (isActiveWindow())
        return;
    // A long job ended while the user looked elsewhere: a desktop notification where the
    // desktop has a tray (StatusNotifier), and the taskbar entry asks for attention.
    QApplication::alert(this);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_trayIcon) {
            m_trayIcon = new QSystemTrayIcon(windowIcon(), this);
            m_trayIcon->show();
        }
        m_trayIcon->showMessage(tr("Pilvi job finished"),
                                text + (record.error.isEmpty() ? QString() : QStringLiteral("\n") + record.error));
    }
}

bool MainWindow::openTemplate(const QString &path)
{
    return m_templatesPage->openFile(path);
}

void MainWindow::addCloud()
{
    QStringList names;
    for (const CloudProfile &cloud : std::as_const(m_config.clouds))
        names.append(cloud.name);
    auto *dialog = new AddCloudDialog(names, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const CloudProfile cloud = dialog->profile();
        const CloudFiles files =
            CloudFiles::forUser(m_config.userFile, m_config.secureFile, QProcessEnvironment::systemEnvironment());
        m_configStatus->setText(tr("Adding %1 to %2…").arg(cloud.name, files.cloudsFile));
        registerCloud(files, cloud, dialog->placement(), m_secrets.get())
            .then(this, [this, name = cloud.name](const QString &error) {
                if (!error.isEmpty()) {
                    // Not QMessageBox::warning: no nested event loop on the GUI thread.
                    auto *box = new QMessageBox(QMessageBox::Warning, tr("Add a cloud"), error, QMessageBox::Ok, this);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                    return;
                }
                setPreferredCloud(name);
                reloadClouds();
            });
    });
    dialog->open();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    if (const auto page = pageFromKey(settings.value(QStringLiteral("page")).toString()))
        setCurrentPage(*page);
    if (m_preferredCloud.isEmpty())
        setPreferredCloud(settings.value(QStringLiteral("cloud")).toString());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("page"), pageKey(currentPage()));
    settings.setValue(QStringLiteral("cloud"), currentCloud());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace Pilvi
