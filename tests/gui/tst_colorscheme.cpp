// SPDX-License-Identifier: GPL-3.0-or-later
// `pilvi --color-scheme light|dark`: the option, the palettes, and the editor following them.
#include "editor/codeeditor.h"
#include "mainwindow/startupoptions.h"
#include "style/colorscheme.h"

#include <KSyntaxHighlighting/Repository>

#include <QApplication>
#include <QStyle>
#include <QTest>

using namespace Pilvi;
using namespace Qt::StringLiterals;

class TestColorScheme : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void option_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("scheme"); // -1: refused
        QTest::newRow("dark") << u"dark"_s << int(Qt::ColorScheme::Dark);
        QTest::newRow("Light") << u"Light"_s << int(Qt::ColorScheme::Light);
        QTest::newRow("blue") << u"blue"_s << -1;
    }
    void option()
    {
        QFETCH(QString, value);
        QFETCH(int, scheme);
        const StartupParse parsed = parseStartupOptions({u"pilvi"_s, u"--color-scheme"_s, value}, {});
        if (scheme < 0) {
            QVERIFY2(parsed.error.contains(u"light or dark"), qPrintable(parsed.error));
            return;
        }
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(int(parsed.options.colorScheme.value_or(Qt::ColorScheme::Unknown)), scheme);
        QVERIFY(!parseStartupOptions({u"pilvi"_s}, {}).options.colorScheme.has_value());
    }

    void palettes()
    {
        const QPalette dark = paletteFor(Qt::ColorScheme::Dark);
        QVERIFY(dark.color(QPalette::Window).lightness() < 60);
        QVERIFY(dark.color(QPalette::Base).lightness() < 60);
        QVERIFY(dark.color(QPalette::Text).lightness() > 200);
        QVERIFY(dark.color(QPalette::Disabled, QPalette::Text).lightness() < dark.color(QPalette::Text).lightness());
        const QPalette light = paletteFor(Qt::ColorScheme::Light);
        QVERIFY(light.color(QPalette::Window).lightness() > 180);
        QVERIFY(light.color(QPalette::Text).lightness() < 60);
    }

    void editorFollows()
    {
        KSyntaxHighlighting::Repository repository;
        CodeEditor editor(repository);
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QVERIFY(app);
        applyColorScheme(*app, Qt::ColorScheme::Dark);
        QTRY_VERIFY2(editor.themeName().contains(u"Dark"), qPrintable(editor.themeName()));
        QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
        applyColorScheme(*app, Qt::ColorScheme::Light);
        QTRY_VERIFY2(!editor.themeName().contains(u"Dark"), qPrintable(editor.themeName()));
    }
};

QTEST_MAIN(TestColorScheme)
#include "tst_colorscheme.moc"
