// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/codeeditor.h"
#include "editor/editortab.h"
#include "editor/editorworkspace.h"
#include "editor/findreplacebar.h"
#include "editor/messagebar.h"
#include "editor/problemlistmodel.h"
#include "editor/problemspanel.h"
#include "editor/recentfiles.h"
#include "editor/syntaxdefinitions.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QFile>
#include <QHelpEvent>
#include <QIcon>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolTip>
#include <QTreeView>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

const char *const sampleTemplate = R"(heat_template_version: 2021-04-16
# A web server with a data volume.
description: Web server

parameters:
  image:
    type: string
    default: debian-13
  flavor:
    type: string

resources:
  server:
    type: OS::Nova::Server
    properties:
      image: {get_param: image}
      flavor: {get_param: flavour}
      networks:
        - network: private
  data_volume:
    type: OS::Cinder::Volume
    properties:
      size: 10

outputs:
  address:
    value: {get_attr: [server, first_address]}
)";

TemplateProblem problemAt(int line, int column, int endColumn, const QString &message,
                          TemplateProblem::Severity severity = TemplateProblem::Severity::Error)
{
    TemplateProblem problem;
    problem.severity = severity;
    problem.range.start = {line, column, -1};
    problem.range.end = {line, endColumn, -1};
    problem.message = message;
    return problem;
}

QColor foregroundAt(const QTextBlock &block, int positionInBlock)
{
    const auto formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (positionInBlock >= range.start && positionInBlock < range.start + range.length)
            return range.format.foreground().color();
    }
    return {};
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x23, 0x26));
    palette.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Base, QColor(0x14, 0x16, 0x18));
    palette.setColor(QPalette::AlternateBase, QColor(0x1d, 0x1f, 0x22));
    palette.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Button, QColor(0x29, 0x2c, 0x30));
    palette.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    palette.setColor(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc));
    return palette;
}

} // namespace

class TestCodeEditor : public QObject
{
    Q_OBJECT
private:
    KSyntaxHighlighting::Repository m_repository;
    QTemporaryDir m_dir;
    QPalette m_lightPalette;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(content);
        return path;
    }

    std::unique_ptr<EditorTab> openSample(const QString &name = u"stack.yaml"_s)
    {
        auto tab = std::make_unique<EditorTab>(m_repository, nullptr);
        tab->resize(900, 700);
        tab->show();
        const QString path = writeFile(name, sampleTemplate);
        [&] {
            QVERIFY(tab->openFile(path));
            tab->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(tab.get()));
            tab->editor()->setFocus();
        }();
        return tab;
    }

    static QList<QTextEdit::ExtraSelection> squiggles(const CodeEditor *editor)
    {
        QList<QTextEdit::ExtraSelection> result;
        const auto all = editor->extraSelections();
        for (const auto &selection : all) {
            if (selection.format.underlineStyle() == QTextCharFormat::WaveUnderline)
                result.append(selection);
        }
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
        QCoreApplication::setOrganizationName(u"PilviTest"_s);
        QCoreApplication::setApplicationName(u"tst_codeeditor"_s);
        m_lightPalette = QApplication::palette();
        QVERIFY(m_lightPalette.color(QPalette::Base).lightness() >= 128);
    }

    void definitionForFile_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("definition");

        const bool haveAnsible = m_repository.definitionForName(u"Ansible"_s).isValid();
        QTest::newRow("HOT template") << u"stack.yaml"_s << QByteArray("heat_template_version: 2021-04-16\n") << u"YAML"_s;
        QTest::newRow("environment file") << u"env.yml"_s << QByteArray("parameters:\n  flavor: m1.small\n") << u"YAML"_s;
        QTest::newRow("Heat .template") << u"wordpress.template"_s << QByteArray("heat_template_version: 2013-05-23\n")
                                        << u"YAML"_s;
        QTest::newRow("Ansible playbook") << u"site.yml"_s << QByteArray("- hosts: all\n  tasks:\n")
                                          << (haveAnsible ? u"Ansible"_s : u"YAML"_s);
        QTest::newRow("Ansible role tasks") << u"roles/web/tasks/main.yml"_s << QByteArray("- name: install\n")
                                            << (haveAnsible ? u"Ansible"_s : u"YAML"_s);
        QTest::newRow("Terraform") << u"main.tf"_s << QByteArray("resource \"openstack_compute_instance_v2\" \"web\" {\n")
                                   << m_repository.definitionForFileName(u"main.tf"_s).name();
        QTest::newRow("shell user-data by #!") << u"user-data"_s << QByteArray("#!/bin/bash\napt-get update\n") << u"Bash"_s;
        QTest::newRow("shell script by name") << u"boot.sh"_s << QByteArray("echo hi\n") << u"Bash"_s;
        QTest::newRow("JSON") << u"stack.json"_s << QByteArray("{\"heat_template_version\": \"2021-04-16\"}\n") << u"JSON"_s;
        QTest::newRow("cloud-config stays YAML")
            << u"user-data"_s << QByteArray("#cloud-config\npackages: [nginx]\n") << u"YAML"_s;
    }

    void definitionForFile()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, head);
        QFETCH(QString, definition);
        QVERIFY(!definition.isEmpty());
        QCOMPARE(Pilvi::definitionForFile(m_repository, fileName, head).name(), definition);
    }

    void terraformHasItsOwnDefinition()
    {
        const auto terraform = m_repository.definitionForFileName(u"main.tf"_s);
        QVERIFY2(terraform.isValid(), "KSyntaxHighlighting knows .tf files");
        QVERIFY(terraform.name() != u"YAML");
        qInfo() << "main.tf:" << terraform.name()
                << "- Ansible definition:" << m_repository.definitionForName(u"Ansible"_s).isValid();
    }

    void highlightingApplied()
    {
        auto tab = openSample();
        CodeEditor *editor = tab->editor();
        QCOMPARE(editor->definitionName(), u"YAML"_s);
        const QTextBlock keyLine = editor->document()->findBlockByNumber(0);     // heat_template_version: ...
        const QTextBlock commentLine = editor->document()->findBlockByNumber(1); // # A web server...
        QVERIFY(commentLine.text().startsWith(u'#'));
        const QColor key = foregroundAt(keyLine, 2);
        const QColor comment = foregroundAt(commentLine, 3);
        QVERIFY2(key.isValid() && comment.isValid(), "the highlighter set formats on both lines");
        QVERIFY(key != comment);
    }

    void themeFollowsPalette()
    {
        auto tab = openSample();
        CodeEditor *editor = tab->editor();
        const QString light = m_repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme).name();
        const QString dark = m_repository.defaultTheme(KSyntaxHighlighting::Repository::DarkTheme).name();
        QVERIFY(light != dark);
        QCOMPARE(editor->themeName(), light);
        const QColor lightKey = foregroundAt(editor->document()->firstBlock(), 2);

        QSignalSpy changed(editor, &CodeEditor::themeChanged);
        QApplication::setPalette(darkPalette());
        QTRY_COMPARE(editor->themeName(), dark);
        QVERIFY(editor->palette().color(QPalette::Base).lightness() < 128);
        QVERIFY(foregroundAt(editor->document()->firstBlock(), 2) != lightKey);

        QApplication::setPalette(m_lightPalette);
        QTRY_COMPARE(editor->themeName(), light);
        QVERIFY(changed.count() >= 2);

        // A theme the user picks stays, whatever the palette.
        editor->setThemeName(u"Solarized Dark"_s);
        QCOMPARE(editor->themeName(), u"Solarized Dark"_s);
        QApplication::setPalette(darkPalette());
        QCOMPARE(editor->themeName(), u"Solarized Dark"_s);
        QApplication::setPalette(m_lightPalette);
        editor->setThemeName({});
        QCOMPARE(editor->themeName(), light);
    }

    void foldingHidesBlock()
    {
        auto tab = openSample();
        CodeEditor *editor = tab->editor();
        const int resources = 11; // "resources:" (0-based block number)
        QCOMPARE(editor->document()->findBlockByNumber(resources).text(), u"resources:"_s);
        QVERIFY(editor->isFoldable(resources));
        QVERIFY(!editor->isFoldable(0)); // heat_template_version: a scalar
        editor->fold(resources);
        QVERIFY(editor->isFolded(resources));
        // Everything up to the last line of data_volume hides; "outputs:" stays.
        for (int block = resources + 1; block <= 22; ++block)
            QVERIFY2(!editor->document()->findBlockByNumber(block).isVisible(), qPrintable(QString::number(block)));
        QVERIFY(editor->document()->findBlockByNumber(24).isVisible());
        QCOMPARE(editor->document()->findBlockByNumber(24).text(), u"outputs:"_s);
        // Typing on the folded line shows what it hid first.
        QTextCursor end(editor->document()->findBlockByNumber(resources));
        end.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(end);
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(editor->document()->findBlockByNumber(resources + 2).isVisible());
        editor->undo();
        QCOMPARE(editor->document()->findBlockByNumber(resources + 1).text(), u"  server:"_s);
        editor->fold(resources);

        // Going to a hidden line unfolds it.
        editor->goToLineColumn(16, 7);
        QVERIFY(editor->document()->findBlockByNumber(15).isVisible());
        QCOMPARE(editor->textCursor().blockNumber(), 15);
        QVERIFY(!editor->isFolded(resources));
    }

    void nestedFoldsAndGutterClick()
    {
        auto tab = openSample();
        CodeEditor *editor = tab->editor();
        const int server = 12, properties = 14;
        editor->fold(properties);
        editor->fold(server);
        QVERIFY(!editor->document()->findBlockByNumber(properties).isVisible());
        editor->unfold(server);
        QVERIFY(editor->document()->findBlockByNumber(properties).isVisible());
        QVERIFY2(editor->isFolded(properties), "the nested fold stays folded");

        // A click on the fold marker in the gutter unfolds it.
        const QTextBlock block = editor->document()->findBlockByNumber(properties);
        editor->ensureCursorVisible();
        const QRect rect = editor->cursorRect(QTextCursor(block));
        QWidget *strip = nullptr;
        const auto children = editor->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
        for (QWidget *child : children) {
            if (child->accessibleName() == u"Line numbers and folding")
                strip = child;
        }
        QVERIFY(strip);
        QTest::mouseClick(strip, Qt::LeftButton, {}, QPoint(strip->width() - 4, rect.center().y()));
        QVERIFY(!editor->isFolded(properties));
        QVERIFY(editor->document()->findBlockByNumber(properties + 1).isVisible());
    }

    void regionFoldingInJson()
    {
        auto tab = std::make_unique<EditorTab>(m_repository, nullptr);
        tab->show();
        QVERIFY(tab->openFile(writeFile(u"stack.json"_s, "{\n  \"resources\": {\n    \"a\": 1\n  }\n}\n")));
        CodeEditor *editor = tab->editor();
        QCOMPARE(editor->definitionName(), u"JSON"_s);
        QVERIFY(editor->isFoldable(1));
        editor->fold(1);
        QVERIFY(!editor->document()->findBlockByNumber(2).isVisible());
        QVERIFY(!editor->document()->findBlockByNumber(3).isVisible()); // the closing brace
        QVERIFY(editor->document()->findBlockByNumber(4).isVisible());
    }

    void findAndReplace()
    {
        auto tab = openSample();
        CodeEditor *editor = tab->editor();
        const QString original = editor->toPlainText();
        QTest::keyClick(editor, Qt::Key_H, Qt::ControlModifier);
        FindReplaceBar *bar = tab->findBar();
        QVERIFY(bar->isVisible());

        bar->setSearchText(u"type"_s);
        QCOMPARE(bar->matchCount(), 4);
        QVERIFY(bar->findNext());
        QCOMPARE(editor->textCursor().selectedText(), u"type"_s);
        const int first = editor->textCursor().blockNumber();
        QTest::keyClick(editor, Qt::Key_F3);
        QVERIFY(editor->textCursor().blockNumber() > first);
        QTest::keyClick(editor, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(editor->textCursor().blockNumber(), first);

        bar->setSearchText(u"IMAGE"_s);
        bar->setCaseSensitive(true);
        QCOMPARE(bar->matchCount(), 0);
        bar->setCaseSensitive(false);
        QCOMPARE(bar->matchCount(), 3);
        bar->setSearchText(u"ima"_s);
        QCOMPARE(bar->matchCount(), 3);
        bar->setWholeWords(true);
        QCOMPARE(bar->matchCount(), 0);
        bar->setSearchText(u"image"_s);
        QCOMPARE(bar->matchCount(), 3);
        bar->setWholeWords(false);

        // A regular expression with a group in the replacement; all of it one undo step.
        bar->setRegularExpression(true);
        bar->setSearchText(uR"(get_param: (\w+))"_s);
        QCOMPARE(bar->matchCount(), 2);
        bar->setReplaceText(uR"(get_param: p_\1)"_s);
        QCOMPARE(bar->replaceAll(), 2);
        QVERIFY(editor->toPlainText().contains(u"{get_param: p_image}"_s));
        QVERIFY(editor->toPlainText().contains(u"{get_param: p_flavour}"_s));
        editor->undo();
        QCOMPARE(editor->toPlainText(), original);

        QTest::keyClick(bar, Qt::Key_Escape);
        QVERIFY(!bar->isVisible());

        // Ctrl+F starts from the selected word.
        QTextCursor word(editor->document()->findBlockByNumber(13)); // "    type: OS::Nova::Server"
        word.movePosition(QTextCursor::EndOfBlock);
        word.movePosition(QTextCursor::StartOfWord, QTextCursor::KeepAnchor);
        editor->setTextCursor(word);
        editor->setFocus();
        bar->setRegularExpression(false);
        bar->setCaseSensitive(true); // "Server" once; "server" four times more
        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->matchCount(), 1);
    }

    void squigglesAndTooltips()
    {
        auto tab = openSample();
        CodeEditor *editor = tab->editor();
        QVERIFY(squiggles(editor).isEmpty());
        const TemplateProblem error = problemAt(17, 27, 34, u"The parameter \"flavour\" is not declared."_s);
        const TemplateProblem warning =
            problemAt(27, 32, 45, u"\"first_address\" is deprecated."_s, TemplateProblem::Severity::Warning);
        tab->setProblems({error, warning});

        const auto found = squiggles(editor);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found[0].cursor.selectedText(), u"flavour"_s);
        QCOMPARE(found[0].format.underlineColor().red() > 150, true);
        QCOMPARE(found[1].cursor.selectedText(), u"first_address"_s);
        QVERIFY(found[0].format.underlineColor() != found[1].format.underlineColor());

        // Hovering the word shows the message.
        const int position = found[0].cursor.selectionStart() + 2;
        QCOMPARE(editor->problemsAt(position).size(), 1);
        QTextCursor at(editor->document());
        at.setPosition(position);
        const QPoint point = editor->cursorRect(at).center();
        QHelpEvent help(QEvent::ToolTip, point, editor->viewport()->mapToGlobal(point));
        QCoreApplication::sendEvent(editor->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(u"flavour"_s), qPrintable(QToolTip::text()));
        QToolTip::hideText();

        tab->setProblems({});
        QVERIFY(squiggles(editor).isEmpty());
    }

    void clickingProblemMovesCursor()
    {
        auto tab = openSample();
        CodeEditor *editor = tab->editor();
        tab->setProblems({problemAt(17, 27, 34, u"The parameter \"flavour\" is not declared."_s),
                          problemAt(23, 13, 15, u"Size below the minimum."_s, TemplateProblem::Severity::Warning)});
        QTreeView *view = tab->problemsPanel()->view();
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(view->model()->index(0, ProblemListModel::PositionColumn).data().toString(), u"17:27"_s);

        const QRect second = view->visualRect(view->model()->index(1, 0));
        QVERIFY(second.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(editor->textCursor().blockNumber(), 22);
        QCOMPARE(editor->textCursor().positionInBlock(), 12);

        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(editor->textCursor().blockNumber(), 16);
        QCOMPARE(editor->textCursor().positionInBlock(), 26);
    }

    void problemModel()
    {
        ProblemListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const TemplateProblem a = problemAt(1, 1, 5, u"a"_s);
        const TemplateProblem b = problemAt(2, 3, 5, u"b"_s, TemplateProblem::Severity::Warning);
        const TemplateProblem c = problemAt(3, 1, 2, u"c"_s);

        model.setProblems({a, c});
        QCOMPARE(model.rowCount(), 2);
        model.setProblems({a, b, c}); // one row inserted in the middle
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.last().at(1).toInt(), 1);
        QCOMPARE(model.index(1, 0).data().toString(), u"b"_s);
        QCOMPARE(model.index(1, 0).data(ProblemListModel::SeverityRole).toInt(), int(TemplateProblem::Severity::Warning));
        QCOMPARE(model.index(1, ProblemListModel::PositionColumn).data().toString(), u"2:3"_s);
        QCOMPARE(model.index(1, 0).data(ProblemListModel::LineRole).toInt(), 2);
        QVERIFY(!model.index(1, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.errorCount(), 2);
        QCOMPARE(model.warningCount(), 1);
        model.setProblems({a, c}); // and removed again
        QCOMPARE(removed.count(), 1);
        model.setProblems({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.count(), 0);
    }

    void unsavedChangesGuard_data()
    {
        QTest::addColumn<QMessageBox::StandardButton>("answer");
        QTest::addColumn<bool>("closes");
        QTest::addColumn<bool>("saved");
        QTest::newRow("discard") << QMessageBox::Discard << true << false;
        QTest::newRow("cancel") << QMessageBox::Cancel << false << false;
        QTest::newRow("save") << QMessageBox::Save << true << true;
    }

    void unsavedChangesGuard()
    {
        QFETCH(QMessageBox::StandardButton, answer);
        QFETCH(bool, closes);
        QFETCH(bool, saved);
        auto tab = openSample();
        QVERIFY(tab->requestClose()); // nothing changed: closes at once, no question
        QVERIFY(!tab->findChild<QMessageBox *>());

        QSignalSpy approved(tab.get(), &EditorTab::closeApproved);
        QSignalSpy title(tab.get(), &EditorTab::titleChanged);
        tab->editor()->moveCursor(QTextCursor::End);
        tab->editor()->insertPlainText(u"# edited\n"_s);
        QVERIFY(tab->isModified());
        QCOMPARE(title.last().at(0).toString(), u"stack.yaml *"_s);
        QVERIFY(!tab->requestClose());
        QTRY_VERIFY(tab->findChild<QMessageBox *>(u"unsavedChangesBox"_s));
        auto *box = tab->findChild<QMessageBox *>(u"unsavedChangesBox"_s);
        QVERIFY(box->text().contains(u"stack.yaml"_s));
        box->button(answer)->click();
        QCOMPARE(approved.count(), closes ? 1 : 0);
        QFile file(tab->filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().endsWith("# edited\n"), saved);
        QCOMPARE(tab->isModified(), !saved);
    }

    void fileChangedOnDisk_data()
    {
        QTest::addColumn<bool>("reload");
        QTest::newRow("reload") << true;
        QTest::newRow("keep my edits") << false;
    }

    void fileChangedOnDisk()
    {
        QFETCH(bool, reload);
        auto tab = openSample(u"watched.yaml"_s);
        tab->editor()->moveCursor(QTextCursor::End);
        tab->editor()->insertPlainText(u"# mine\n"_s);

        // Our own save does not count as a change by someone else.
        QSignalSpy changed(tab.get(), &EditorTab::changedOnDisk);
        QVERIFY(tab->save());
        QVERIFY(!tab->isModified());
        tab->editor()->insertPlainText(u"# more\n"_s);
        const QString edited = tab->editor()->toPlainText();

        const QByteArray theirs = "heat_template_version: 2021-04-16\nresources: {}\n";
        writeFile(u"watched.yaml"_s, theirs);
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 10000);
        QVERIFY(tab->messageBar()->isVisible());
        QVERIFY2(tab->messageBar()->text().contains(u"watched.yaml"_s), qPrintable(tab->messageBar()->text()));
        QVERIFY(tab->messageBar()->text().contains(u"unsaved"_s));
        QPushButton *button = nullptr;
        const auto buttons = tab->messageBar()->findChildren<QPushButton *>();
        for (QPushButton *candidate : buttons) {
            if (candidate->text() == (reload ? u"Reload"_s : u"Keep My Changes"_s))
                button = candidate;
        }
        QVERIFY(button);
        button->click();
        QVERIFY(!tab->messageBar()->isVisible());
        if (reload) {
            QCOMPARE(tab->editor()->toPlainText(), QString::fromUtf8(theirs));
            QVERIFY(!tab->isModified());
            tab->editor()->undo(); // a reload is one undo step
            QCOMPARE(tab->editor()->toPlainText(), edited);
        } else {
            QCOMPARE(tab->editor()->toPlainText(), edited);
            QVERIFY(tab->isModified());
        }
    }

    void errorsNameTheFile()
    {
        EditorTab tab(m_repository, nullptr);
        const QString missing = m_dir.filePath(u"missing.yaml"_s);
        QVERIFY(!tab.openFile(missing));
        QVERIFY2(tab.lastError().contains(missing) && tab.lastError().contains(u"No such file"_s), qPrintable(tab.lastError()));

        const QString binary = writeFile(u"binary.yaml"_s, QByteArray("\xff\xfe\x00\x01", 4));
        QVERIFY(!tab.openFile(binary));
        QVERIFY2(tab.lastError().contains(u"not UTF-8"_s), qPrintable(tab.lastError()));

        const QString nowhere = m_dir.filePath(u"no/such/dir/stack.yaml"_s);
        QVERIFY(!tab.saveAs(nowhere));
        QVERIFY2(tab.lastError().contains(nowhere), qPrintable(tab.lastError()));
    }

    void recentFiles()
    {
        {
            RecentFiles recent;
            recent.clear();
            QSignalSpy changed(&recent, &RecentFiles::changed);
            for (int i = 0; i < 12; ++i)
                recent.add(m_dir.filePath(u"t%1.yaml"_s.arg(i)));
            recent.add(m_dir.filePath(u"t5.yaml"_s)); // again: moves to the front
            QCOMPARE(changed.count(), 13);
            QCOMPARE(recent.files().size(), RecentFiles::maximum);
            QCOMPARE(recent.files().constFirst(), m_dir.filePath(u"t5.yaml"_s));
            QCOMPARE(recent.files().at(1), m_dir.filePath(u"t11.yaml"_s));
            QVERIFY(!recent.files().contains(m_dir.filePath(u"t1.yaml"_s)));
        }
        RecentFiles reread; // from QSettings
        QCOMPARE(reread.files().size(), RecentFiles::maximum);
        QCOMPARE(reread.files().constFirst(), m_dir.filePath(u"t5.yaml"_s));

        EditorTab tab(m_repository, &reread);
        QVERIFY(tab.openFile(writeFile(u"opened.yaml"_s, sampleTemplate)));
        QCOMPARE(reread.files().constFirst(), m_dir.filePath(u"opened.yaml"_s));
    }

    void workspaceTabsAndRecentMenu()
    {
        RecentFiles recent;
        recent.clear();
        EditorWorkspace workspace(m_repository, recent);
        workspace.resize(900, 700);
        workspace.show();
        const QString first = writeFile(u"first.yaml"_s, sampleTemplate);
        const QString second = writeFile(u"second.yaml"_s, "heat_template_version: 2021-04-16\n");
        EditorTab *firstTab = workspace.openFile(first);
        QVERIFY(firstTab);
        QVERIFY(workspace.openFile(second));
        QCOMPARE(workspace.tabs().size(), 2);
        QCOMPARE(workspace.openFile(first), firstTab); // open already: shown, not opened twice
        QCOMPARE(workspace.currentTab(), firstTab);
        QCOMPARE(workspace.tabs().size(), 2);

        QList<QAction *> fileActions;
        const auto actions = workspace.recentMenu()->actions();
        for (QAction *action : actions) {
            if (action->data().isValid())
                fileActions.append(action);
        }
        QCOMPARE(fileActions.size(), 2);
        QCOMPARE(fileActions[0]->data().toString(), second);

        // A recent file that is gone: an error naming it, and it leaves the list.
        const QString gone = writeFile(u"gone.yaml"_s, "a: 1\n");
        recent.add(gone);
        QFile::remove(gone);
        QVERIFY(!workspace.openFile(gone));
        QVERIFY(workspace.messageBar()->isVisible());
        QVERIFY(workspace.messageBar()->text().contains(gone));
        QVERIFY(!recent.files().contains(gone));
        QCOMPARE(workspace.tabs().size(), 2);

        // Closing a tab with unsaved changes asks first.
        firstTab->editor()->insertPlainText(u"# changed\n"_s);
        workspace.requestCloseTab(firstTab);
        QCOMPARE(workspace.tabs().size(), 2);
        QTRY_VERIFY(firstTab->findChild<QMessageBox *>(u"unsavedChangesBox"_s));
        auto *box = firstTab->findChild<QMessageBox *>(u"unsavedChangesBox"_s);
        box->button(QMessageBox::Discard)->click();
        QCOMPARE(workspace.tabs().size(), 1);
        workspace.requestCloseTab(workspace.currentTab()); // unchanged: closes at once
        QCOMPARE(workspace.tabs().size(), 0);
    }

    void indentation()
    {
        auto tab = openSample();
        CodeEditor *editor = tab->editor();
        QCOMPARE(editor->indentWidth(), 2);
        // Select the two parameter blocks' first lines and indent them.
        QTextCursor cursor(editor->document()->findBlockByNumber(5));
        cursor.setPosition(editor->document()->findBlockByNumber(7).position() + 3, QTextCursor::KeepAnchor);
        editor->setTextCursor(cursor);
        QTest::keyClick(editor, Qt::Key_Tab);
        QCOMPARE(editor->document()->findBlockByNumber(5).text(), u"    image:"_s);
        QCOMPARE(editor->document()->findBlockByNumber(7).text(), u"      default: debian-13"_s);
        QTest::keyClick(editor, Qt::Key_Backtab);
        QCOMPARE(editor->document()->findBlockByNumber(5).text(), u"  image:"_s);
        QCOMPARE(editor->document()->findBlockByNumber(7).text(), u"    default: debian-13"_s);

        // Enter keeps the indentation, one level more after a key that opens a block.
        editor->moveCursor(QTextCursor::Start);
        cursor = QTextCursor(editor->document()->findBlockByNumber(13)); // "    type: OS::Nova::Server"
        cursor.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(cursor);
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->textCursor().block().text(), u"    "_s);
        QTest::keyClicks(editor, u"metadata:"_s);
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->textCursor().block().text(), u"      "_s);
        QTest::keyClick(editor, Qt::Key_Backspace); // one level back
        QCOMPARE(editor->textCursor().block().text(), u"    "_s);
        QVERIFY(!editor->toPlainText().contains(u'\t'));
    }

    void bracketMatching()
    {
        auto tab = openSample();
        CodeEditor *editor = tab->editor();
        const QTextBlock line = editor->document()->findBlockByNumber(15); // "      image: {get_param: image}"
        QTextCursor cursor(line);
        cursor.setPosition(line.position() + int(line.text().indexOf(u'{')));
        editor->setTextCursor(cursor);
        QList<int> bold;
        const auto selections = editor->extraSelections();
        for (const auto &selection : selections) {
            if (selection.format.fontWeight() == QFont::Bold)
                bold.append(selection.cursor.selectionStart() - line.position());
        }
        QCOMPARE(bold, (QList<int>{int(line.text().indexOf(u'{')), int(line.text().indexOf(u'}'))}));
    }

    void completionPopup()
    {
        auto tab = openSample();
        CodeEditor *editor = tab->editor();
        CompletionData data;
        data.resourceTypes = {u"OS::Nova::Server"_s, u"OS::Nova::KeyPair"_s, u"OS::Cinder::Volume"_s};
        tab->setCompletionData(data);
        QVERIFY(editor->completionEnabled());
        QTextCursor cursor(editor->document()->findBlockByNumber(22)); // "      size: 10", last line of data_volume
        cursor.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(cursor);
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClick(editor, Qt::Key_Backspace);
        QTest::keyClick(editor, Qt::Key_Backspace);
        QTest::keyClicks(editor, u"key:"_s);
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->textCursor().block().text(), u"    "_s);
        QTest::keyClicks(editor, u"type: OS::Nova::K"_s);
        QTRY_VERIFY(editor->completer()->popup()->isVisible());
        QCOMPARE(editor->completer()->completionCount(), 1);
        QTest::keyClick(editor->completer()->popup(), Qt::Key_Return);
        QVERIFY2(editor->toPlainText().contains(u"\n    type: OS::Nova::KeyPair"_s), qPrintable(editor->toPlainText()));
    }

    void completionOnlyForHeat_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("template") << u"stack.yaml"_s << QByteArray(sampleTemplate) << true;
        QTest::newRow("environment") << u"env.yaml"_s << QByteArray("parameters:\n  flavor: m1.small\n") << false;
        QTest::newRow("Ansible playbook") << u"site.yml"_s << QByteArray("- hosts: all\n  tasks: []\n") << false;
        QTest::newRow("shell user-data") << u"boot.sh"_s << QByteArray("#!/bin/sh\n") << false;
    }

    void completionOnlyForHeat()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(bool, enabled);
        EditorTab tab(m_repository, nullptr);
        QVERIFY(tab.openFile(writeFile(fileName, content)));
        QCOMPARE(tab.editor()->completionEnabled(), enabled);
    }

    void screenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void screenshots()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
        auto tab = openSample();
        tab->resize(1000, 720);
        tab->setProblems({problemAt(17, 27, 34, u"The parameter \"flavour\" is not declared."_s),
                          problemAt(27, 32, 45, u"The attribute \"first_address\" is deprecated: use networks."_s,
                                    TemplateProblem::Severity::Warning)});
        tab->editor()->fold(4); // parameters: image
        tab->editor()->goToLineColumn(17, 29);
        tab->findBar()->showFind();
        tab->findBar()->setSearchText(u"server"_s);
        tab->editor()->goToLineColumn(16, 20);
        tab->editor()->setFocus();
        const QImage image = tab->grab().toImage();
        QApplication::setPalette(m_lightPalette);
        QVERIFY(!image.isNull());
        const QColor background = image.pixelColor(image.width() / 2, 30);
        QCOMPARE(background.lightness() < 128, dark);
        const QByteArray directory = qgetenv("PILVI_EDITOR_SCREENSHOTS");
        if (!directory.isEmpty())
            QVERIFY(image.save(QString::fromLocal8Bit(directory) +
                               (dark ? u"/pilvi-editor-dark.png"_s : u"/pilvi-editor-light.png"_s)));
    }
};

QTEST_MAIN(TestCodeEditor)
#include "tst_codeeditor.moc"
