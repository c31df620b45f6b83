// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/memorysecretstore.h"
#include "mainwindow/cloudsidebar.h"
#include "mainwindow/environmentbanner.h"
#include "mainwindow/mainwindow.h"
#include "views/cloudtablepage.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Pilvi;

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    CloudsConfigPaths m_paths;

    std::unique_ptr<MainWindow> readyWindow()
    {
        auto window = std::make_unique<MainWindow>(m_paths, std::make_unique<MemorySecretStore>());
        window->resize(1000, 700);
        window->show();
        if (!window->isReady()) {
            QSignalSpy ready(window.get(), &MainWindow::ready);
            [&] { QVERIFY(ready.wait(5000)); }();
        }
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("PilviTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));

        m_paths.userCandidates = {m_dir.filePath(QStringLiteral("clouds.yaml"))};
        m_paths.sandboxFile = m_dir.filePath(QStringLiteral("sandbox.yaml"));
        QFile file(m_paths.userCandidates[0]);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("clouds:\n"
                   "  pouta-prod: {environment: production, region_name: regionOne, auth: {project_name: myproject}}\n"
                   "  pouta-test: {environment: testing}\n"
                   "  broken: {environment: nowhere}\n");
        file.close();
        QFile sandbox(m_paths.sandboxFile);
        QVERIFY(sandbox.open(QIODevice::WriteOnly));
        sandbox.write("clouds:\n  sandbox: {environment: development}\n");
    }

    void hasEveryPage()
    {
        auto window = readyWindow();
        auto *pages = window->findChild<QStackedWidget *>();
        QVERIFY(pages);
        QCOMPARE(pages->count(), 7);
        auto *navigation = window->findChild<QListWidget *>(QStringLiteral("pageNavigation"));
        QVERIFY(navigation);
        QCOMPARE(navigation->count(), 7);
        const QStringList keys{QStringLiteral("dashboard"), QStringLiteral("stacks"),  QStringLiteral("scaling"),
                               QStringLiteral("volumes"),   QStringLiteral("storage"), QStringLiteral("templates"),
                               QStringLiteral("jobs")};
        for (int i = 0; i < keys.size(); ++i) {
            QVERIFY2(window->findChild<QWidget *>(keys[i] + QStringLiteral("Page")), qPrintable(keys[i]));
            navigation->setCurrentRow(i);
            QCOMPARE(pages->currentWidget()->objectName(), keys[i] + QStringLiteral("Page"));
            QCOMPARE(pages->currentWidget()->accessibleName(), navigation->item(i)->text());
        }
    }

    void shortcutsSwitchPages()
    {
        auto window = readyWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keyClick(window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window->currentPage(), PageId::Scaling);
        QTest::keyClick(window.get(), Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(window->currentPage(), PageId::Jobs);
    }

    void sidebarGroupsCloudsAndReportsProblems()
    {
        auto window = readyWindow();
        auto *tree = window->findChild<QTreeView *>(QStringLiteral("cloudTree"));
        QVERIFY(tree);
        QAbstractItemModel *model = tree->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Development"));
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("Testing"));
        QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("Production"));
        QCOMPARE(model->index(0, 0, model->index(0, 0)).data().toString(), QStringLiteral("sandbox"));
        auto *status = window->findChild<QLabel *>(QStringLiteral("configStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("1 problem")), qPrintable(status->text()));
        QVERIFY(status->toolTip().contains(QStringLiteral("clouds.yaml:4:25: error: unknown environment 'nowhere'")));
    }

    void productionIsUnmistakable()
    {
        auto window = readyWindow();
        auto *banner = window->findChild<EnvironmentBanner *>();
        QVERIFY(banner);
        QCOMPARE(banner->text(), QStringLiteral("No cloud selected"));
        window->setPreferredCloud(QStringLiteral("pouta-prod"));
        QCOMPARE(window->currentCloud(), QStringLiteral("pouta-prod"));
        QVERIFY(banner->text().startsWith(
            QStringLiteral("PRODUCTION: pouta-prod — Production · region regionOne · project myproject")));
        QVERIFY(window->windowTitle().contains(QStringLiteral("[PRODUCTION]")));
        window->setPreferredCloud(QStringLiteral("pouta-test"));
        QCOMPARE(banner->text(), QStringLiteral("pouta-test — Testing"));
        QVERIFY(!window->windowTitle().contains(QStringLiteral("PRODUCTION")));
    }

    // A cloud that cannot be used says why on the page, and the window stays usable.
    void cloudPageShowsWhyItCannotLoad()
    {
        auto window = readyWindow();
        window->setCurrentPage(PageId::Stacks);
        window->setPreferredCloud(QStringLiteral("pouta-test"));
        auto *page = window->findChild<CloudTablePage *>(QStringLiteral("stacksPage"));
        QVERIFY(page);
        QTRY_VERIFY(page->hasLoaded());
        QCOMPARE(page->statusText(),
                 QStringLiteral("Could not load: cloud 'pouta-test' has no auth.auth_url, which auth_type 'password' needs"));
        QCOMPARE(page->view()->model()->rowCount(), 0);
    }

    void layoutPersists()
    {
        {
            auto window = readyWindow();
            window->resize(700, 500); // within the offscreen screen (800x600): restoring clamps to it
            window->setCurrentPage(PageId::Volumes);
            window->setPreferredCloud(QStringLiteral("pouta-test"));
            window->close(); // saves
        }
        auto window = std::make_unique<MainWindow>(m_paths, std::make_unique<MemorySecretStore>());
        window->restoreLayout();
        QCOMPARE(window->currentPage(), PageId::Volumes);
        window->show();
        QSignalSpy ready(window.get(), &MainWindow::ready);
        if (!window->isReady())
            QVERIFY(ready.wait(5000));
        QCOMPARE(window->size(), QSize(700, 500));
        QCOMPARE(window->currentCloud(), QStringLiteral("pouta-test"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
