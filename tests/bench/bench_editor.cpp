// SPDX-License-Identifier: GPL-3.0-or-later
// The template editor on a 5,000-line Heat template: the first full highlight, then one
// keystroke in the middle of the file (highlighting only, the whole key press, and the
// completion lookup that runs when typing pauses), and a keystroke that changes the highlighting state of every later line.
// Run (offscreen): tools/dev shell -- build/release/tests/bench/bench_editor [LINES]
#include "editor/codeeditor.h"
#include "template/templatecompletion.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QTextBlock>

#include <algorithm>
#include <cstdio>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

/// A HOT template of about `lines` lines: parameters, then servers with ports, volumes and
/// comments, the shapes a real template has.
QString generateTemplate(int lines)
{
    QString text = u"heat_template_version: 2021-04-16\ndescription: Generated for the editor benchmark\n\n"
                   u"parameters:\n  image:\n    type: string\n    default: debian-13\n  flavor:\n    type: string\n\n"
                   u"resources:\n"_s;
    for (int i = 0; text.count(u'\n') < lines - 4; ++i) {
        text += uR"(  # Server %1 and its disk
  server_%1:
    type: OS::Nova::Server
    properties:
      name: "web-%1"
      image: {get_param: image}
      flavor: {get_param: flavor}
      networks:
        - port: {get_resource: port_%1}
      user_data: |
        #!/bin/bash
        echo "server %1" > /etc/motd
  port_%1:
    type: OS::Neutron::Port
    properties:
      network: private
      fixed_ips: [{subnet: private-subnet}]
  volume_%1:
    type: OS::Cinder::Volume
    properties:
      size: %2
)"_s.arg(i)
                    .arg(10 + i % 50);
    }
    text += u"outputs:\n  first:\n    value: {get_attr: [server_0, first_address]}\n"_s;
    return text;
}

double median(QList<double> values)
{
    std::ranges::sort(values);
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

void report(const char *what, const QList<double> &milliseconds)
{
    std::printf("%-58s median %8.3f ms   max %8.3f ms   (%lld runs)\n", what, median(milliseconds),
                milliseconds.isEmpty() ? 0.0 : *std::ranges::max_element(milliseconds),
                static_cast<long long>(milliseconds.size()));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int lines = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 5000;
    const QString text = generateTemplate(lines);

    KSyntaxHighlighting::Repository repository;
    CodeEditor editor(repository);
    editor.resize(1000, 800);
    editor.show();
    editor.setDefinitionForFile(u"bench.yaml"_s);
    CompletionData data;
    data.resourceTypes = {u"OS::Nova::Server"_s, u"OS::Neutron::Port"_s, u"OS::Cinder::Volume"_s};
    editor.setCompletionData(data);

    QElapsedTimer timer;
    timer.start();
    editor.setPlainText(text);
    const double load = double(timer.nsecsElapsed()) / 1e6;
    std::printf("template: %d lines, %lld characters\n", editor.document()->blockCount(), static_cast<long long>(text.size()));
    std::printf("%-58s %8.3f ms\n", "open: setPlainText with the first full highlight", load);

    QList<double> full;
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        editor.highlighter()->rehighlight();
        full.append(double(timer.nsecsElapsed()) / 1e6);
    }
    report("full re-highlight (theme change)", full);

    // The middle of the file, inside a property value.
    const QTextBlock middle = editor.document()->findBlockByNumber(editor.document()->blockCount() / 2);
    QList<double> insert;
    QTextCursor cursor(middle);
    cursor.movePosition(QTextCursor::EndOfBlock);
    for (int i = 0; i < 50; ++i) {
        timer.restart();
        cursor.insertText(u"x"_s);
        insert.append(double(timer.nsecsElapsed()) / 1e6);
    }
    report("keystroke in the middle: re-highlight only", insert);

    editor.setTextCursor(cursor);
    QList<double> keyPress;
    for (int i = 0; i < 50; ++i) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, u"a"_s);
        timer.restart();
        QCoreApplication::sendEvent(&editor, &press);
        keyPress.append(double(timer.nsecsElapsed()) / 1e6);
    }
    report("key press in the middle (completion waits for a pause)", keyPress);

    QList<double> lookup;
    for (int i = 0; i < 20; ++i) {
        timer.restart();
        editor.triggerCompletion();
        lookup.append(double(timer.nsecsElapsed()) / 1e6);
    }
    report("completion lookup after the pause (key context)", lookup);

    // Typing a quote opens a string at the end of a line; YAML ends it at the line's end, so
    // this shows what a state change costs when it does not spread.
    QList<double> stateChange;
    for (int i = 0; i < 20; ++i) {
        timer.restart();
        cursor.insertText(i % 2 == 0 ? u"  # c"_s : u"\""_s);
        stateChange.append(double(timer.nsecsElapsed()) / 1e6);
    }
    report("comment or quote typed in the middle", stateChange);

    // A block scalar (`|`) changes how every following indented line is read.
    QTextCursor blockScalar(editor.document()->findBlockByNumber(editor.document()->blockCount() / 2 + 3));
    blockScalar.movePosition(QTextCursor::EndOfBlock);
    QList<double> spreading;
    for (int i = 0; i < 10; ++i) {
        timer.restart();
        blockScalar.insertText(u"{"_s);
        spreading.append(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        blockScalar.deletePreviousChar();
        spreading.append(double(timer.nsecsElapsed()) / 1e6);
    }
    report("unclosed { typed and removed (state may spread)", spreading);

    QList<double> completion;
    const QString current = editor.toPlainText();
    for (int i = 0; i < 20; ++i) {
        timer.restart();
        // `      image: {get_param: ` needs the declared parameters: the whole text is parsed.
        const CompletionResult result =
            completeTemplate(current + u"\n    x: {get_param: "_s, int(current.count(u'\n')) + 2, 20, data);
        completion.append(double(timer.nsecsElapsed()) / 1e6);
        Q_UNUSED(result);
    }
    report("completeTemplate for get_param (parses the template)", completion);
    return 0;
}
