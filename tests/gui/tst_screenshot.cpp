// SPDX-License-Identifier: GPL-3.0-or-later
// `pilvi --offscreen --screenshot FILE` as docs, reviews and tests use it: the real binary.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestScreenshot : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

    QProcessEnvironment isolatedEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("OS_CLIENT_CONFIG_FILE"), m_home.filePath(QStringLiteral("none.yaml")));
        environment.insert(QStringLiteral("PILVI_SANDBOX_CLOUDS"), m_home.filePath(QStringLiteral("none.yaml")));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM")); // --offscreen must do it on its own
        return environment;
    }

private Q_SLOTS:
    void writesPngOfRequestedSize_data()
    {
        QTest::addColumn<QStringList>("extraArguments");
        QTest::addColumn<QSize>("size");
        QTest::newRow("default size") << QStringList{} << QSize(1280, 800);
        QTest::newRow("explicit size") << QStringList{QStringLiteral("--size"), QStringLiteral("900x600")} << QSize(900, 600);
        QTest::newRow("a page") << QStringList{QStringLiteral("--page"), QStringLiteral("templates")} << QSize(1280, 800);
    }
    void writesPngOfRequestedSize()
    {
        QFETCH(QStringList, extraArguments);
        QFETCH(QSize, size);
        const QString file = m_home.filePath(QStringLiteral("shot.png"));
        QFile::remove(file);
        QProcess process;
        process.setProcessEnvironment(isolatedEnvironment());
        process.start(QStringLiteral(PILVI_APP_PATH),
                      QStringList{QStringLiteral("--offscreen"), QStringLiteral("--screenshot"), file} + extraArguments);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), size);
        // Something was drawn: a real window has many colours, a blank one has one.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
    }

    void badArgumentsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown page") << QStringList{QStringLiteral("--page"), QStringLiteral("nowhere")}
                                      << QStringLiteral("pilvi: unknown page 'nowhere'");
        QTest::newRow("bad size") << QStringList{QStringLiteral("--size"), QStringLiteral("big")}
                                  << QStringLiteral("pilvi: --size wants WIDTHxHEIGHT");
    }
    void badArgumentsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QProcess process;
        process.setProcessEnvironment(isolatedEnvironment());
        process.start(QStringLiteral(PILVI_APP_PATH), QStringList{QStringLiteral("--offscreen")} + arguments);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(QString::fromUtf8(process.readAllStandardError()).startsWith(message));
    }
};

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
