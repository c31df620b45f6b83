// SPDX-License-Identifier: GPL-3.0-or-later
// pilvi-cli as a shell sees it: exit status, stdout and stderr of the real binary.
#include <QProcess>
#include <QTest>

class TestCliBinary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exitCodesAndStreams_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("stdoutStart");
        QTest::addColumn<QString>("stderrStart");
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0 << QStringLiteral("Usage: pilvi-cli") << QString();
        QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0 << QStringLiteral("pilvi-cli 0.") << QString();
        QTest::newRow("usage error") << QStringList{QStringLiteral("--bogus")} << 2 << QString()
                                     << QStringLiteral("pilvi-cli: unknown global option '--bogus'");
    }
    void exitCodesAndStreams()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, status);
        QFETCH(QString, stdoutStart);
        QFETCH(QString, stderrStart);
        QProcess process;
        process.start(QStringLiteral(PILVI_CLI_PATH), arguments);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), status);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        const QString err = QString::fromUtf8(process.readAllStandardError());
        if (stdoutStart.isEmpty())
            QVERIFY2(out.isEmpty(), qPrintable(out));
        else
            QVERIFY2(out.startsWith(stdoutStart), qPrintable(out));
        if (stderrStart.isEmpty())
            QVERIFY2(err.isEmpty(), qPrintable(err));
        else
            QVERIFY2(err.startsWith(stderrStart), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCliBinary)
#include "tst_clibinary.moc"
