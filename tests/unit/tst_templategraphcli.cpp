// SPDX-License-Identifier: GPL-3.0-or-later
// `pilvi-cli template graph`: a local command, no cloud, no clouds.yaml needed.
#include "cli/cliapp.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {
struct Run {
    int status;
    QString out;
    QString err;
};

Run run(const QStringList &arguments, const QString &workingDirectory)
{
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    // No OS_* variables and no clouds.yaml: the command must not need them.
    const int status = runCli(arguments, QProcessEnvironment(), workingDirectory, outStream, errStream);
    outStream.flush();
    errStream.flush();
    return {status, out, err};
}
} // namespace

class TestTemplateGraphCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::copy(QStringLiteral(PILVI_TEST_DATA "/templates/graph/asg_policy.yaml"), m_dir.filePath(u"asg.yaml"_s)));
        QFile broken(m_dir.filePath(u"broken.yaml"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("resources:\n  a: [\n");
    }

    void writesSvg_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("default direction") << QStringList{};
        QTest::newRow("left to right") << QStringList{u"--rankdir"_s, u"LR"_s};
    }
    void writesSvg()
    {
        QFETCH(QStringList, extra);
        const QString out = m_dir.filePath(u"graph.svg"_s);
        QFile::remove(out);
        const Run result =
            run(QStringList{u"template"_s, u"graph"_s, u"asg.yaml"_s, u"--svg"_s, u"graph.svg"_s} + extra, m_dir.path());
        QCOMPARE(result.err, QString());
        QCOMPARE(result.status, int(CliSuccess));
        QFile svg(out);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QVERIFY(text.contains("<svg"));
        for (const char *name : {"web_net", "web_subnet", "asg", "scale_up", "cpu_high", "OS::Heat::ScalingPolicy"})
            QVERIFY2(text.contains(QByteArray(QByteArray(">") + name + "</text>")), name);
        QCOMPARE(text.count("class=\"edge"), 4);
    }

    void svgToStandardOutput()
    {
        const Run result = run({u"template"_s, u"graph"_s, u"asg.yaml"_s, u"--svg"_s, u"-"_s}, m_dir.path());
        QCOMPARE(result.status, int(CliSuccess));
        QVERIFY(result.out.contains(u"<svg"_s));
    }

    void listsWithoutSvg()
    {
        const Run result = run({u"template"_s, u"graph"_s, u"asg.yaml"_s}, m_dir.path());
        QCOMPARE(result.status, int(CliSuccess));
        QVERIFY2(result.out.contains(u"scale_up (OS::Heat::ScalingPolicy)\n"_s), qPrintable(result.out));
        QVERIFY(result.out.contains(u"cpu_high -> scale_up (get_attr, line 43)\n"_s));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("no file") << QStringList{u"template"_s, u"graph"_s} << int(CliUsage)
                                 << u"pilvi-cli: 'template graph' takes FILE [--svg OUT]\nTry 'pilvi-cli --help'.\n"_s;
        QTest::newRow("svg without a value") << QStringList{u"template"_s, u"graph"_s, u"asg.yaml"_s, u"--svg"_s} << int(CliUsage)
                                             << u"pilvi-cli: --svg needs a value\nTry 'pilvi-cli --help'.\n"_s;
        QTest::newRow("bad rankdir") << QStringList{u"template"_s, u"graph"_s, u"asg.yaml"_s, u"--rankdir"_s, u"up"_s}
                                     << int(CliUsage)
                                     << u"pilvi-cli: --rankdir takes TB, LR, BT or RL, not 'up'\nTry 'pilvi-cli --help'.\n"_s;
        QTest::newRow("missing file") << QStringList{u"template"_s, u"graph"_s, u"nope.yaml"_s} << int(CliError)
                                      << u"pilvi-cli: cannot read nope.yaml: No such file or directory\n"_s;
    }
    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, status);
        QFETCH(QString, message);
        const Run result = run(arguments, m_dir.path());
        QCOMPARE(result.status, status);
        QCOMPARE(result.err, message);
        QVERIFY(result.out.isEmpty());
    }

    void yamlErrorsAsFileLineColumn()
    {
        const Run result = run({u"template"_s, u"graph"_s, u"broken.yaml"_s, u"--svg"_s, u"x.svg"_s}, m_dir.path());
        QCOMPARE(result.status, int(CliError));
        QVERIFY2(result.err.startsWith(u"broken.yaml:3:1: error: "_s), qPrintable(result.err));
        QVERIFY(!QFile::exists(m_dir.filePath(u"x.svg"_s)));
    }

    void listedInHelp()
    {
        const Run result = run({u"--help"_s}, m_dir.path());
        QVERIFY(result.out.contains(u"template graph FILE [--svg OUT]"_s));
    }
};

QTEST_GUILESS_MAIN(TestTemplateGraphCli)
#include "tst_templategraphcli.moc"
