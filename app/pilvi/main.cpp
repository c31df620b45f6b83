// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/mainwindow.h"
#include "mainwindow/startupoptions.h"
#include "mainwindow/windowcapture.h"
#include "style/colorscheme.h"
#include "util/version.h"

#include <QApplication>
#include <QDir>
#include <QProcessEnvironment>

#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    // --offscreen must choose the platform before QApplication exists.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--offscreen") == 0)
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Pilvi"));
    QApplication::setApplicationName(QStringLiteral("pilvi"));
    QApplication::setApplicationDisplayName(QStringLiteral("Pilvi"));
    QApplication::setApplicationVersion(QString::fromLatin1(Pilvi::versionString));
    QApplication::setDesktopFileName(QStringLiteral("fi.pilvi.Pilvi"));

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const Pilvi::StartupParse parsed =
        Pilvi::parseStartupOptions(QApplication::arguments(), environment.value(QStringLiteral("OS_CLOUD")));
    if (!parsed.error.isEmpty()) {
        std::fprintf(stderr, "pilvi: %s\nTry 'pilvi --help'.\n", qPrintable(parsed.error));
        return 2;
    }
    const Pilvi::StartupOptions &options = parsed.options;
    if (options.colorScheme)
        Pilvi::applyColorScheme(app, *options.colorScheme);

    Pilvi::MainWindow window(Pilvi::CloudsConfigPaths::fromEnvironment(environment, QDir::currentPath()));
    const bool screenshot = !options.screenshotFile.isEmpty();
    if (!screenshot)
        window.restoreLayout();
    if (!options.templateFile.isEmpty()) {
        window.openTemplate(options.templateFile);
        if (!options.page)
            window.setCurrentPage(Pilvi::PageId::Templates);
    }
    if (options.page)
        window.setCurrentPage(*options.page);
    if (!options.cloud.isEmpty())
        window.setPreferredCloud(options.cloud);
    if (options.size.isValid())
        window.resize(options.size);
    window.show();

    if (screenshot) {
        auto *capture = new Pilvi::WindowCapture(&window, options.screenshotFile, &window);
        QObject::connect(capture, &Pilvi::WindowCapture::finished, &app, [](bool ok, const QString &message) {
            std::fprintf(ok ? stdout : stderr, "pilvi: %s\n", qPrintable(message));
            QCoreApplication::exit(ok ? 0 : 1);
        });
        if (window.isReady())
            capture->windowReady();
        else
            QObject::connect(&window, &Pilvi::MainWindow::ready, capture, &Pilvi::WindowCapture::windowReady);
    }
    return QApplication::exec();
}
