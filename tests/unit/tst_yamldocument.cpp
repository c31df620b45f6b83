// SPDX-License-Identifier: GPL-3.0-or-later
#include "yaml/yamldocument.h"

#include <QTest>

using Pilvi::YamlNode;

namespace {
// The document's root, or an empty node when parsing failed (the test's QVERIFY says so first).
const YamlNode &rootOf(const Pilvi::YamlParseResult &result)
{
    static const YamlNode empty;
    return result.root ? *result.root : empty;
}
} // namespace

class TestYamlDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void positionsOfNodes()
    {
        const QByteArray text = "# comment\n"
                                "clouds:\n"
                                "  alpha:\n"
                                "    region_name: \"RegionOne\"\n"
                                "    list: [a, b]\n";
        const auto result = Pilvi::parseYaml(text);
        QVERIFY(result.errors.isEmpty());
        QVERIFY(result.root && result.root->isMapping());
        const YamlNode *clouds = rootOf(result).value(u"clouds");
        QVERIFY(clouds && clouds->isMapping());
        const YamlNode *alpha = clouds->value(u"alpha");
        QVERIFY(alpha);
        const YamlNode *region = alpha->value(u"region_name");
        QVERIFY(region && region->isScalar());
        QCOMPARE(region->scalar, QStringLiteral("RegionOne"));
        QVERIFY(region->quoted);
        QCOMPARE(region->range.start.line, 4);
        QCOMPARE(region->range.start.column, 18);
        // The range covers the quotes, byte offsets index the UTF-8 text.
        QCOMPARE(text.mid(region->range.start.offset, region->range.end.offset - region->range.start.offset),
                 QByteArray("\"RegionOne\""));
        const YamlNode *key = alpha->key(u"list");
        QVERIFY(key);
        QCOMPARE(key->range.start.line, 5);
        QCOMPARE(key->range.start.column, 5);
        const YamlNode *list = alpha->value(u"list");
        QVERIFY(list && list->isSequence());
        QCOMPARE(list->items.size(), 2);
        QCOMPARE(list->items[1].scalar, QStringLiteral("b"));
        QCOMPARE(list->items[1].range.start.column, 15);
    }

    void columnsCountCharacters()
    {
        // "ä" is two bytes: the column counts it once, the offset twice.
        const auto result = Pilvi::parseYaml("name: ä\nnext: x\n");
        QVERIFY(result.root);
        const YamlNode *next = rootOf(result).value(u"next");
        QVERIFY(next);
        QCOMPARE(next->range.start.line, 2);
        QCOMPARE(next->range.start.column, 7);
        QCOMPARE(next->range.start.offset, 15);
    }

    void nullsAndQuotedNulls_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("isNull");
        QTest::newRow("empty value") << QByteArray("key:\n") << true;
        QTest::newRow("tilde") << QByteArray("key: ~\n") << true;
        QTest::newRow("null word") << QByteArray("key: null\n") << true;
        QTest::newRow("quoted null") << QByteArray("key: 'null'\n") << false;
        QTest::newRow("date stays text") << QByteArray("key: 2021-04-16\n") << false;
    }
    void nullsAndQuotedNulls()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, isNull);
        const auto result = Pilvi::parseYaml(text);
        QVERIFY(result.root);
        const YamlNode *value = rootOf(result).value(u"key");
        QVERIFY(value);
        QCOMPARE(value->isNull(), isNull);
    }

    void errorsHaveLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("unclosed flow sequence") << QByteArray("a: 1\nb: [1, 2\n") << 3 << 1;
        QTest::newRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n") << 3 << 2;
        QTest::newRow("tab indentation") << QByteArray("a:\n\tb: 1\n") << 2 << 1;
        QTest::newRow("unclosed quote") << QByteArray("a: \"open\nb: 2\n") << 1 << 4;
    }
    void errorsHaveLineAndColumn()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        const auto result = Pilvi::parseYaml(text);
        QVERIFY(!result.root);
        QVERIFY(!result.errors.isEmpty());
        QCOMPARE(result.errors.constFirst().position.line, line);
        QCOMPARE(result.errors.constFirst().position.column, column);
        QVERIFY(!result.errors.constFirst().message.isEmpty());
    }

    void jsonIsYaml()
    {
        const auto result = Pilvi::parseYaml("{\"clouds\": {\"a\": {\"auth\": {\"auth_url\": \"http://x\"}}}}");
        QVERIFY(result.errors.isEmpty());
        QVERIFY(result.root);
        QCOMPARE(rootOf(result).value(u"clouds")->value(u"a")->value(u"auth")->value(u"auth_url")->scalar,
                 QStringLiteral("http://x"));
    }
};

QTEST_GUILESS_MAIN(TestYamlDocument)
#include "tst_yamldocument.moc"
