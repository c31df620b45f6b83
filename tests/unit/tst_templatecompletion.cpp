// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/templatecompletion.h"

#include <QTest>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

CompletionData cloudData()
{
    CompletionData data;
    data.resourceTypes = {u"OS::Nova::Server"_s, u"OS::Neutron::Net"_s, u"OS::Neutron::Port"_s, u"OS::Cinder::Volume"_s,
                          u"OS::Heat::ResourceGroup"_s};
    data.properties.insert(u"OS::Nova::Server"_s, {u"flavor"_s, u"image"_s, u"networks"_s, u"key_name"_s, u"user_data"_s});
    data.properties.insert(u"OS::Cinder::Volume"_s, {u"size"_s, u"image"_s, u"volume_type"_s});
    data.attributes.insert(u"OS::Nova::Server"_s, {u"first_address"_s, u"networks"_s, u"name"_s});
    data.attributes.insert(u"OS::Cinder::Volume"_s, {u"size"_s, u"status"_s});
    return data;
}

// A template with `|` where the cursor stands (the marker is removed before completing).
const char *const base = R"(heat_template_version: 2021-04-16
parameters:
  image:
    type: string
  flavor:
    type: string
  key_name:
    type: string
resources:
  server:
    type: OS::Nova::Server
    properties:
      image: {get_param: image}
  data_volume:
    type: OS::Cinder::Volume
    properties:
      size: 10
@@
outputs:
  ip:
    value: {get_attr: [server, first_address]}
)";

} // namespace

class TestTemplateCompletion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void contexts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<CompletionKind>("kind");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QStringList>("candidates");

        const QString tpl = QString::fromUtf8(base);
        auto at = [&](const char *insertion) { return QString(tpl).replace(u"@@"_s, QString::fromUtf8(insertion)); };

        QTest::newRow("section key, empty line")
            << at("|") << CompletionKind::SectionKey << QString()
            << QStringList{u"conditions"_s, u"description"_s, u"heat_template_version"_s, u"parameter_groups"_s, u"parameters"_s,
                           u"resources"_s,  u"outputs"_s};
        QTest::newRow("section key, prefix")
            << at("par|") << CompletionKind::SectionKey << u"par"_s << QStringList{u"parameter_groups"_s, u"parameters"_s};
        QTest::newRow("resource key") << at("  web:\n    de|") << CompletionKind::ResourceKey << u"de"_s
                                      << QStringList{u"deletion_policy"_s, u"depends_on"_s};
        QTest::newRow("resource key after a finished resource")
            << at("      volume_type: fast\n    up|") << CompletionKind::ResourceKey << u"up"_s
            << QStringList{u"update_policy"_s};
        QTest::newRow("resource type") << at("  web:\n    type: OS::Ne|") << CompletionKind::ResourceType << u"OS::Ne"_s
                                       << QStringList{u"OS::Neutron::Net"_s, u"OS::Neutron::Port"_s};
        QTest::newRow("resource type, quoted") << at("  web:\n    type: \"OS::C|") << CompletionKind::ResourceType << u"OS::C"_s
                                               << QStringList{u"OS::Cinder::Volume"_s};
        QTest::newRow("type is only a resource's key")
            << at("|").replace(u"    type: string\n  flavor"_s, u"    type: str|\n  flavor"_s).remove(u"\n|"_s)
            << CompletionKind::None << u"str"_s << QStringList{};
        QTest::newRow("property of the resource's type")
            << at("      volume_|") << CompletionKind::PropertyName << u"volume_"_s << QStringList{u"volume_type"_s};
        QTest::newRow("property, type declared after properties")
            << at("  web:\n    properties:\n      |\n    type: OS::Nova::Server") << CompletionKind::PropertyName << QString()
            << QStringList{u"flavor"_s, u"image"_s, u"key_name"_s, u"networks"_s, u"user_data"_s};
        QTest::newRow("get_param flow") << at("      name: {get_param: |}") << CompletionKind::ParameterRef << QString()
                                        << QStringList{u"flavor"_s, u"image"_s, u"key_name"_s};
        QTest::newRow("get_param with prefix")
            << at("      name: {get_param: ke|") << CompletionKind::ParameterRef << u"ke"_s << QStringList{u"key_name"_s};
        QTest::newRow("get_param list") << at("      name: {get_param: [fl|") << CompletionKind::ParameterRef << u"fl"_s
                                        << QStringList{u"flavor"_s};
        QTest::newRow("get_param block item") << at("      name:\n        get_param:\n          - i|")
                                              << CompletionKind::ParameterRef << u"i"_s << QStringList{u"image"_s};
        QTest::newRow("get_resource excludes itself")
            << at("      server_id: {get_resource: |") << CompletionKind::ResourceRef << QString() << QStringList{u"server"_s};
        QTest::newRow("depends_on value") << at("    depends_on: s|") << CompletionKind::ResourceRef << u"s"_s
                                          << QStringList{u"server"_s};
        QTest::newRow("depends_on flow list") << at("  web:\n    depends_on: [server, |") << CompletionKind::ResourceRef
                                              << QString() << QStringList{u"data_volume"_s, u"server"_s};
        QTest::newRow("depends_on block item") << at("  web:\n    depends_on:\n      - d|") << CompletionKind::ResourceRef
                                               << u"d"_s << QStringList{u"data_volume"_s};
        QTest::newRow("depends_on item at the key's indent")
            << at("  web:\n    depends_on:\n    - |") << CompletionKind::ResourceRef << QString()
            << QStringList{u"data_volume"_s, u"server"_s};
        QTest::newRow("get_attr resource") << at("      x: {get_attr: [se|") << CompletionKind::AttributeResource << u"se"_s
                                           << QStringList{u"server"_s};
        QTest::newRow("get_attr attribute") << at("      x: {get_attr: [server, |") << CompletionKind::AttributeName << QString()
                                            << QStringList{u"first_address"_s, u"name"_s, u"networks"_s};
        QTest::newRow("get_attr attribute of a volume") << at("      x: {get_attr: [data_volume, st|")
                                                        << CompletionKind::AttributeName << u"st"_s << QStringList{u"status"_s};
        QTest::newRow("get_attr block items") << at("      x:\n        get_attr:\n          - server\n          - n|")
                                              << CompletionKind::AttributeName << u"n"_s << QStringList{u"name"_s, u"networks"_s};
        QTest::newRow("get_attr of an unknown resource")
            << at("      x: {get_attr: [nothing, |") << CompletionKind::AttributeName << QString() << QStringList{};
        QTest::newRow("inside a parameter: nothing")
            << at("|").replace(u"  image:\n    type"_s, u"  image:\n    ty|pe"_s).remove(u"\n|"_s) << CompletionKind::None
            << u"ty"_s << QStringList{};
        QTest::newRow("half-typed YAML falls back to indentation")
            << at("  web:\n    type: OS::Nova::Server\n    properties: {\n  broken: [\n    type: OS::Cinder::Volume\n    "
                  "properties:\n      si|")
            << CompletionKind::PropertyName << u"si"_s << QStringList{u"size"_s};
        QTest::newRow("half-typed YAML, get_param still finds parameters")
            << at("  web:\n    properties:\n      a: [\n      b: {get_param: f|") << CompletionKind::ParameterRef << u"f"_s
            << QStringList{u"flavor"_s};
        QTest::newRow("comment lines are skipped") << at("  web:\n    # the web server\n\n    prop|")
                                                   << CompletionKind::ResourceKey << u"prop"_s << QStringList{u"properties"_s};
    }

    void contexts()
    {
        QFETCH(QString, text);
        QFETCH(CompletionKind, kind);
        QFETCH(QString, prefix);
        QFETCH(QStringList, candidates);

        const qsizetype marker = text.indexOf(u'|');
        QVERIFY2(marker >= 0, "the test text needs a | marker");
        const QString before = text.first(marker);
        const int line = int(before.count(u'\n')) + 1;
        const int column = int(marker - (before.lastIndexOf(u'\n') + 1)) + 1;
        text.remove(marker, 1);

        const CompletionResult result = completeTemplate(text, line, column, cloudData());
        QCOMPARE(result.kind, kind);
        QCOMPARE(result.prefix, prefix);
        QCOMPARE(result.prefixColumn, column - int(prefix.size()));
        QStringList expected = candidates;
        std::ranges::sort(expected, [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        QCOMPARE(result.candidates, expected);
    }

    void outOfRangePositions_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("line 0") << 0 << 1;
        QTest::newRow("past the last line") << 3 << 1;
        QTest::newRow("column 0") << 1 << 0;
        QTest::newRow("past the line's end") << 1 << 40;
    }

    void outOfRangePositions()
    {
        QFETCH(int, line);
        QFETCH(int, column);
        const CompletionResult result = completeTemplate(u"resources:\n  a:"_s, line, column, cloudData());
        QCOMPARE(result.kind, CompletionKind::None);
        QVERIFY(result.candidates.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTemplateCompletion)
#include "tst_templatecompletion.moc"
