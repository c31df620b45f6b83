// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/resourcegraph.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

// The document's root, or an empty node when parsing failed (the test's QVERIFY says so first).
const YamlNode &rootOf(const YamlParseResult &result)
{
    static const YamlNode empty;
    return result.root ? *result.root : empty;
}

QByteArray readTemplate(const QString &name)
{
    QFile file(QStringLiteral(PILVI_TEST_DATA "/templates/graph/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// "name:family" for each node, "from -kind-> to @line:column" for each edge: small comparable
// strings, so a failing row prints what differs.
QStringList nodesOf(const ResourceGraph &graph)
{
    QStringList out;
    for (const ResourceNode &node : graph.nodes)
        out.append(node.name + u':' + resourceFamilyKey(node.family));
    return out;
}

QStringList edgesOf(const ResourceGraph &graph)
{
    QStringList out;
    for (const ResourceEdge &edge : graph.edges) {
        out.append(QStringLiteral("%1 -%2-> %3 @%4:%5")
                       .arg(edge.from, referenceKindKey(edge.kind), edge.to)
                       .arg(edge.range.start.line)
                       .arg(edge.range.start.column));
    }
    return out;
}

} // namespace

class TestResourceGraph : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void extraction_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("nodes");
        QTest::addColumn<QStringList>("edges");
        QTest::newRow("autoscaling group and policy")
            << QStringLiteral("asg_policy.yaml")
            << QStringList{u"web_net:network"_s, u"web_subnet:network"_s, u"asg:scaling-group"_s, u"scale_up:policy"_s,
                           u"cpu_high:policy"_s}
            << QStringList{u"web_subnet -get_resource-> web_net @17:31"_s, u"asg -get_resource-> web_subnet @30:38"_s,
                           u"scale_up -get_resource-> asg @35:45"_s, u"cpu_high -get_attr-> scale_up @43:23"_s};
        QTest::newRow("resource group of a nested template")
            << QStringLiteral("resource_group.yaml")
            << QStringList{u"net:network"_s, u"group:scaling-group"_s, u"lb_member_list:other"_s}
            << QStringList{u"group -get_resource-> net @14:35"_s, u"lb_member_list -get_attr-> group @18:26"_s};
        QTest::newRow("depends_on as a string and as lists")
            << QStringLiteral("depends_on.yaml")
            << QStringList{u"volume:volume"_s, u"server:server"_s, u"attach:volume"_s, u"late:other"_s}
            << QStringList{u"server -depends_on-> volume @9:17"_s,    u"attach -depends_on-> server @15:18"_s,
                           u"attach -depends_on-> volume @15:26"_s,   u"attach -get_resource-> server @17:37"_s,
                           u"attach -get_resource-> volume @18:33"_s, u"late -depends_on-> attach @22:9"_s};
        QTest::newRow("functions inside list_join and str_replace, get_attr with a path")
            << QStringLiteral("nested_functions.yaml")
            << QStringList{u"config:software-config"_s, u"peer:server"_s, u"port:network"_s, u"deployment:software-config"_s}
            << QStringList{u"config -get_attr-> peer @11:32"_s, u"peer -get_resource-> port @18:42"_s,
                           u"deployment -get_resource-> config @28:30"_s, u"deployment -get_resource-> peer @29:30"_s};
        QTest::newRow("malformed resources and functions are skipped")
            << QStringLiteral("malformed.yaml")
            << QStringList{u"just_a_name:other"_s, u"listed:other"_s, u"typed_list:other"_s, u"ok:server"_s}
            << QStringList{u"ok -depends_on-> just_a_name @10:37"_s, u"ok -get_attr-> typed_list @16:22"_s};
    }
    void extraction()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, nodes);
        QFETCH(QStringList, edges);
        const QByteArray text = readTemplate(file);
        QVERIFY(!text.isEmpty());
        const YamlParseResult parsed = parseYaml(text);
        QVERIFY(parsed.root);
        const ResourceGraph graph = buildResourceGraph(rootOf(parsed));
        QCOMPARE(nodesOf(graph), nodes);
        QCOMPARE(edgesOf(graph), edges);
        // Each edge's range is the text that names the target.
        for (const ResourceEdge &edge : graph.edges) {
            const QByteArray named = text.mid(edge.range.start.offset, edge.range.end.offset - edge.range.start.offset);
            QCOMPARE(QString::fromUtf8(named), edge.to);
        }
    }

    void outputsAreReferencesButNotEdges()
    {
        const YamlParseResult parsed = parseYaml(readTemplate(QStringLiteral("asg_policy.yaml")));
        QVERIFY(parsed.root);
        const QList<ResourceReference> references = findResourceReferences(rootOf(parsed));
        QCOMPARE(references.size(), 5);
        QCOMPARE(references.constLast().from, QString());
        QCOMPARE(references.constLast().to, QStringLiteral("scale_up"));
        QCOMPARE(references.constLast().range.start.line, 47);
    }

    void rangesForSelection()
    {
        const QByteArray text = readTemplate(QStringLiteral("depends_on.yaml"));
        const ResourceGraph graph = buildResourceGraph(text);
        const ResourceNode *server = graph.node(u"server");
        QVERIFY(server);
        QCOMPARE(server->type, QStringLiteral("OS::Nova::Server"));
        QCOMPARE(text.mid(server->nameRange.start.offset, server->nameRange.end.offset - server->nameRange.start.offset),
                 QByteArray("server"));
        const QByteArray block =
            text.mid(server->blockRange.start.offset, server->blockRange.end.offset - server->blockRange.start.offset);
        QVERIFY2(block.startsWith("server:\n    type: OS::Nova::Server"), block.constData());
        QVERIFY2(block.endsWith("image: debian"), block.constData());
        // The cursor anywhere in the block selects the resource; between sections, none.
        QCOMPARE(graph.nodeAtOffset(text.indexOf("flavor: m1.small")), QStringLiteral("server"));
        QCOMPARE(graph.nodeAtOffset(text.indexOf("instance_uuid")), QStringLiteral("attach"));
        QCOMPARE(graph.nodeAtOffset(0), QString());
        QCOMPARE(graph.indexOf(u"late"), 3);
        QCOMPARE(graph.indexOf(u"nothing"), -1);
    }

    void families_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("family");
        QTest::newRow("nova server") << u"OS::Nova::Server"_s << u"server"_s;
        QTest::newRow("ec2 instance") << u"AWS::EC2::Instance"_s << u"server"_s;
        QTest::newRow("cinder volume") << u"OS::Cinder::Volume"_s << u"volume"_s;
        QTest::newRow("attachment") << u"OS::Cinder::VolumeAttachment"_s << u"volume"_s;
        QTest::newRow("swift") << u"OS::Swift::Container"_s << u"volume"_s;
        QTest::newRow("port") << u"OS::Neutron::Port"_s << u"network"_s;
        QTest::newRow("neutron qos policy is network") << u"OS::Neutron::QoSPolicy"_s << u"network"_s;
        QTest::newRow("octavia") << u"OS::Octavia::LoadBalancer"_s << u"network"_s;
        QTest::newRow("asg") << u"OS::Heat::AutoScalingGroup"_s << u"scaling-group"_s;
        QTest::newRow("resource group") << u"OS::Heat::ResourceGroup"_s << u"scaling-group"_s;
        QTest::newRow("scaling policy") << u"OS::Heat::ScalingPolicy"_s << u"policy"_s;
        QTest::newRow("aodh alarm") << u"OS::Aodh::Alarm"_s << u"policy"_s;
        QTest::newRow("software config") << u"OS::Heat::SoftwareConfig"_s << u"software-config"_s;
        QTest::newRow("structured deployments") << u"OS::Heat::StructuredDeployments"_s << u"software-config"_s;
        QTest::newRow("cloud config") << u"OS::Heat::CloudConfig"_s << u"software-config"_s;
        QTest::newRow("random string") << u"OS::Heat::RandomString"_s << u"other"_s;
        QTest::newRow("nested template server") << u"templates/web_server.yaml"_s << u"server"_s;
        QTest::newRow("nested template volume") << u"https://example.org/data_volume.yaml"_s << u"volume"_s;
        QTest::newRow("empty") << QString() << u"other"_s;
    }
    void families()
    {
        QFETCH(QString, type);
        QFETCH(QString, family);
        QCOMPARE(resourceFamilyKey(resourceFamilyOf(type)), family);
    }

    // The editor builds the graph on every keystroke: every prefix of a template (a half-typed
    // one) either fails to parse or gives a graph, and never crashes.
    void everyPrefixIsSafe()
    {
        const QByteArray text = readTemplate(QStringLiteral("nested_functions.yaml"));
        qsizetype graphs = 0;
        for (qsizetype length = 0; length <= text.size(); ++length) {
            const YamlParseResult parsed = parseYaml(text.left(length));
            if (!parsed.root)
                continue;
            const ResourceGraph graph = buildResourceGraph(rootOf(parsed));
            for (const ResourceEdge &edge : graph.edges)
                QVERIFY(graph.node(edge.from) && graph.node(edge.to));
            graphs += graph.nodes.isEmpty() ? 0 : 1;
        }
        QVERIFY(graphs > text.size() / 2);
        QCOMPARE(buildResourceGraph(QByteArray("resources: [")).nodes.size(), 0);
        QCOMPARE(buildResourceGraph(QByteArray("- a\n- b\n")).nodes.size(), 0);
        QCOMPARE(buildResourceGraph(QByteArray("resources: 3\n")).nodes.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestResourceGraph)
#include "tst_resourcegraph.moc"
