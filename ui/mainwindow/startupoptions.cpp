// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/startupoptions.h"

#include "style/colorscheme.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace Pilvi {

StartupParse parseStartupOptions(const QStringList &arguments, const QString &osCloudVariable)
{
    StartupParse result;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Pilvi: a workspace for applications on OpenStack clouds."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption offscreen(
        QStringLiteral("offscreen"),
        QCoreApplication::translate("main", "Render without a display (QT_QPA_PLATFORM=offscreen)."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Write a PNG of the main window once it has loaded, then exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QCoreApplication::translate("main", "Window size, e.g. 1280x800."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption page(
        QStringLiteral("page"),
        QCoreApplication::translate("main", "Open this page: dashboard, stacks, scaling, volumes, storage, templates, jobs."),
        QStringLiteral("PAGE"));
    const QCommandLineOption cloud(QStringLiteral("os-cloud"),
                                   QCoreApplication::translate("main", "Select this cloud from clouds.yaml (default: OS_CLOUD)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption colorScheme(
        QStringLiteral("color-scheme"),
        QCoreApplication::translate("main", "light or dark, over the desktop's (also for screenshots)."),
        QStringLiteral("SCHEME"));
    parser.addOptions({offscreen, screenshot, size, page, cloud, colorScheme});
    parser.addPositionalArgument(QStringLiteral("TEMPLATE"),
                                 QCoreApplication::translate("main", "A Heat template to open on the Templates page."),
                                 QStringLiteral("[TEMPLATE]"));

    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        parser.showHelp(0); // exits
    }
    if (parser.isSet(QStringLiteral("version"))) {
        parser.showVersion(); // exits
    }
    if (parser.positionalArguments().size() > 1) {
        result.error = QCoreApplication::translate("main", "unexpected argument '%1'").arg(parser.positionalArguments().at(1));
        return result;
    }

    StartupOptions &options = result.options;
    if (!parser.positionalArguments().isEmpty())
        options.templateFile = parser.positionalArguments().constFirst();
    options.offscreen = parser.isSet(offscreen);
    options.screenshotFile = parser.value(screenshot);
    if (parser.isSet(size)) {
        static const QRegularExpression sizePattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const QRegularExpressionMatch match = sizePattern.match(parser.value(size));
        if (!match.hasMatch()) {
            result.error =
                QCoreApplication::translate("main", "--size wants WIDTHxHEIGHT, e.g. 1280x800, not '%1'").arg(parser.value(size));
            return result;
        }
        options.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    } else if (!options.screenshotFile.isEmpty()) {
        options.size = QSize(1280, 800);
    }
    if (parser.isSet(page)) {
        options.page = pageFromKey(parser.value(page));
        if (!options.page) {
            result.error = QCoreApplication::translate(
                               "main", "unknown page '%1' (dashboard, stacks, scaling, volumes, storage, templates, jobs)")
                               .arg(parser.value(page));
            return result;
        }
    }
    if (parser.isSet(colorScheme)) {
        options.colorScheme = colorSchemeFromName(parser.value(colorScheme));
        if (!options.colorScheme) {
            result.error = QCoreApplication::translate("main", "--color-scheme wants light or dark, not '%1'")
                               .arg(parser.value(colorScheme));
            return result;
        }
    }
    options.cloud = parser.isSet(cloud) ? parser.value(cloud) : osCloudVariable;
    return result;
}

} // namespace Pilvi
