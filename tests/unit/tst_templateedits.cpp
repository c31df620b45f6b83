// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/templateedits.h"

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
    QFile file(QStringLiteral(PILVI_TEST_DATA "/templates/edit/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString escaped(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).replace(u'\r', u"\\r"_s).replace(u'\n', u"\\n"_s);
}

// "LINE:COLUMN -removed +inserted" in the original text: what a reviewer reads in a diff.
QString describe(const QByteArray &text, const TextEdit &edit)
{
    const QByteArray before = text.left(edit.offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = edit.offset - (before.lastIndexOf('\n') + 1) + 1;
    return u"%1:%2 -%3 +%4"_s.arg(line).arg(column).arg(escaped(text.mid(edit.offset, edit.length)), escaped(edit.replacement));
}

TemplateEditResult runEdit(const QByteArray &text, const QString &operation, const QStringList &a)
{
    if (operation == u"add")
        return TemplateEdits::addResource(text, a.value(0), a.value(1), a.mid(2));
    if (operation == u"rename")
        return TemplateEdits::renameResource(text, a.value(0), a.value(1));
    if (operation == u"delete")
        return TemplateEdits::deleteResource(text, a.value(0));
    if (operation == u"connect")
        return TemplateEdits::connectResources(text, a.value(0), a.value(1), a.value(2));
    if (operation == u"set")
        return TemplateEdits::setPropertyValue(text, a.value(0), a.value(1), a.value(2));
    return {};
}

const YamlNode *propertyOf(const YamlNode &root, const QString &resource, const QString &property)
{
    const YamlNode *resources = root.value(u"resources");
    const YamlNode *body = resources ? resources->value(resource) : nullptr;
    const YamlNode *properties = body ? body->value(u"properties") : nullptr;
    return properties ? properties->value(property) : nullptr;
}

} // namespace

class TestTemplateEdits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void edits_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected"); ///< the edits, described
        QTest::addColumn<QString>("check");        ///< what the edited template then says

        // Add
        QTest::newRow("add: after the last resource, blank line kept, required properties")
            << u"commented.yaml"_s << u"add"_s << QStringList{u"web2"_s, u"OS::Nova::Server"_s, u"flavor"_s, u"image"_s}
            << QStringList{u"45:1 - +\\n  web2:\\n    type: OS::Nova::Server\\n    properties:\\n      flavor:\\n      image:\\n"_s}
            << u"node web2 OS::Nova::Server"_s;
        QTest::newRow("add: four-space file without a final newline")
            << u"indent4.yaml"_s << u"add"_s << QStringList{u"web"_s, u"OS::Nova::Server"_s}
            << QStringList{u"22:20 - +\\n    web:\\n        type: OS::Nova::Server\\n"_s} << u"node web OS::Nova::Server"_s;
        QTest::newRow("add: creates resources")
            << u"noresources.yaml"_s << u"add"_s << QStringList{u"x"_s, u"OS::Heat::None"_s}
            << QStringList{u"3:1 - +resources:\\n  x:\\n    type: OS::Heat::None\\n"_s} << u"node x OS::Heat::None"_s;
        QTest::newRow("add: into an empty resources section")
            << u"emptyresources.yaml"_s << u"add"_s << QStringList{u"x"_s, u"OS::Heat::None"_s}
            << QStringList{u"3:1 - +  x:\\n    type: OS::Heat::None\\n"_s} << u"node x OS::Heat::None"_s;
        QTest::newRow("add: a name that needs quotes")
            << u"emptyresources.yaml"_s << u"add"_s << QStringList{u"my: node"_s, u"OS::Heat::None"_s}
            << QStringList{u"3:1 - +  \"my: node\":\\n    type: OS::Heat::None\\n"_s} << u"node my: node OS::Heat::None"_s;

        // Rename
        QTest::newRow("rename: key and get_resource references")
            << u"commented.yaml"_s << u"rename"_s << QStringList{u"net"_s, u"network"_s}
            << QStringList{u"13:3 -net +network"_s, u"19:31 -net +network"_s, u"31:35 -net +network"_s} << u"edges 2"_s;
        QTest::newRow("rename: depends_on item, outputs' get_attr and get_resource")
            << u"commented.yaml"_s << u"rename"_s << QStringList{u"server"_s, u"web"_s}
            << QStringList{u"23:3 -server +web"_s, u"41:9 -server +web"_s, u"43:37 -server +web"_s, u"49:24 -server +web"_s,
                           u"51:27 -server +web"_s}
            << u"edges 4"_s;
        QTest::newRow("rename: flow list, quoted reference keeps its quotes, property keys untouched")
            << u"indent4.yaml"_s << u"rename"_s << QStringList{u"port"_s, u"nic"_s}
            << QStringList{u"4:5 -port +nic"_s, u"10:22 -port +nic"_s, u"14:38 -port +nic"_s, u"19:37 -'port' +'nic'"_s}
            << u"edges 3"_s;

        // Delete
        QTest::newRow("delete: with its comment and one blank line; references reported")
            << u"commented.yaml"_s << u"delete"_s << QStringList{u"server"_s}
            << QStringList{u"22:1 -  # The server itself.\\n  server:\\n    type: OS::Nova::Server\\n    depends_on: subnet\\n"
                           u"    properties:\\n      image: {get_param: image}\\n      flavor: m1.small\\n      key_name:\\n"
                           u"      networks:\\n        - network: {get_resource: net}\\n      # metadata: {role: web}\\n\\n +"_s}
            << u"remaining 4"_s;
        QTest::newRow("delete: the first resource takes the blank line after it")
            << u"commented.yaml"_s << u"delete"_s << QStringList{u"net"_s}
            << QStringList{u"12:1 -  # The private network.\\n  net:\\n    type: OS::Neutron::Net   # trailing comment\\n\\n +"_s}
            << u"remaining 2"_s;
        QTest::newRow("delete: the last resource of a file without a final newline")
            << u"indent4.yaml"_s << u"delete"_s << QStringList{u"empty"_s}
            << QStringList{u"20:1 -    empty:\\n        type: OS::Heat::None\\n        properties: +"_s} << u"remaining 0"_s;

        // Connect
        QTest::newRow("connect: a new depends_on after a flow-style value")
            << u"commented.yaml"_s << u"connect"_s << QStringList{u"volume"_s, u"server"_s}
            << QStringList{u"37:1 - +    depends_on: server\\n"_s} << u"edge volume depends_on server"_s;
        QTest::newRow("connect: depends_on string becomes a list")
            << u"commented.yaml"_s << u"connect"_s << QStringList{u"server"_s, u"volume"_s}
            << QStringList{u"25:17 -subnet +[subnet, volume]"_s} << u"edge server depends_on volume"_s;
        QTest::newRow("connect: a new item in a block list")
            << u"commented.yaml"_s << u"connect"_s << QStringList{u"attach"_s, u"subnet"_s}
            << QStringList{u"42:1 - +      - subnet\\n"_s} << u"edge attach depends_on subnet"_s;
        QTest::newRow("connect: a new item in a flow list")
            << u"indent4.yaml"_s << u"connect"_s << QStringList{u"server"_s, u"ip"_s} << QStringList{u"10:26 - +, ip"_s}
            << u"edge server depends_on ip"_s;
        QTest::newRow("connect: as a property, creating properties")
            << u"commented.yaml"_s << u"connect"_s << QStringList{u"net"_s, u"subnet"_s, u"qos_policy"_s}
            << QStringList{u"15:1 - +    properties:\\n      qos_policy: {get_resource: subnet}\\n"_s}
            << u"edge net get_resource subnet"_s;
        QTest::newRow("connect: as a property replacing a value")
            << u"indent4.yaml"_s << u"connect"_s << QStringList{u"port"_s, u"empty"_s, u"network"_s}
            << QStringList{u"7:22 -private +{get_resource: empty}"_s} << u"edge port get_resource empty"_s;

        // Set a property
        QTest::newRow("set: replace a plain scalar")
            << u"commented.yaml"_s << u"set"_s << QStringList{u"server"_s, u"flavor"_s, u"m1.large"_s}
            << QStringList{u"28:15 -m1.small +m1.large"_s} << u"property server flavor m1.large"_s;
        QTest::newRow("set: fill an empty value")
            << u"commented.yaml"_s << u"set"_s << QStringList{u"server"_s, u"key_name"_s, u"my key"_s}
            << QStringList{u"29:16 - + my key"_s} << u"property server key_name my key"_s;
        QTest::newRow("set: replace a quoted scalar")
            << u"commented.yaml"_s << u"set"_s << QStringList{u"subnet"_s, u"cidr"_s, u"10.1.0.0/16"_s}
            << QStringList{u"20:13 -\"10.0.0.0/24\" +10.1.0.0/16"_s} << u"property subnet cidr 10.1.0.0/16"_s;
        QTest::newRow("set: in a flow mapping") << u"commented.yaml"_s << u"set"_s << QStringList{u"volume"_s, u"size"_s, u"20"_s}
                                                << QStringList{u"36:24 -10 +20"_s} << u"property volume size 20"_s;
        QTest::newRow("set: a new key in a flow mapping")
            << u"commented.yaml"_s << u"set"_s << QStringList{u"volume"_s, u"name"_s, u"data"_s}
            << QStringList{u"36:26 - +, name: data"_s} << u"property volume name data"_s;
        QTest::newRow("set: a new key in a block mapping")
            << u"commented.yaml"_s << u"set"_s << QStringList{u"subnet"_s, u"ip_version"_s, u"4"_s}
            << QStringList{u"21:1 - +      ip_version: 4\\n"_s} << u"property subnet ip_version 4"_s;
        QTest::newRow("set: an empty properties at the end of a file")
            << u"indent4.yaml"_s << u"set"_s << QStringList{u"empty"_s, u"value"_s, u"yes"_s}
            << QStringList{u"22:20 - +\\n            value: \"yes\"\\n"_s} << u"property empty value yes"_s;
        QTest::newRow("set: a value YAML would misread is quoted")
            << u"commented.yaml"_s << u"set"_s << QStringList{u"server"_s, u"flavor"_s, u"a: b # c"_s}
            << QStringList{u"28:15 -m1.small +\"a: b # c\""_s} << u"property server flavor a: b # c"_s;
    }
    void edits()
    {
        QFETCH(QString, file);
        QFETCH(QString, operation);
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, expected);
        QFETCH(QString, check);
        const QByteArray text = readTemplate(file);
        QVERIFY(!text.isEmpty());
        const TemplateEditResult result = runEdit(text, operation, arguments);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QStringList described;
        for (const TextEdit &edit : result.edits)
            described.append(describe(text, edit));
        QCOMPARE(described, expected);

        // Every byte outside the edits is unchanged: the result is the original's pieces
        // between the edits, in order, with the replacements between them.
        const QByteArray edited = applyTextEdits(text, result.edits);
        qsizetype from = 0;
        qsizetype at = 0;
        for (const TextEdit &edit : result.edits) {
            QVERIFY(edit.offset >= from);
            const QByteArray kept = text.mid(from, edit.offset - from);
            QCOMPARE(edited.mid(at, kept.size()), kept);
            at += kept.size();
            QCOMPARE(edited.mid(at, edit.replacement.size()), edit.replacement);
            at += edit.replacement.size();
            from = edit.offset + edit.length;
        }
        QCOMPARE(edited.mid(at), text.mid(from));

        // And the edited template says what the edit meant.
        const YamlParseResult parsed = parseYaml(edited);
        QVERIFY2(parsed.root, edited.constData());
        const ResourceGraph before = buildResourceGraph(text);
        const ResourceGraph after = buildResourceGraph(rootOf(parsed));
        const QStringList words = check.split(u' ');
        const QString &what = words[0];
        if (what == u"node") {
            const QString name = words.mid(1, words.size() - 2).join(u' ');
            QVERIFY(after.node(name));
            QCOMPARE(after.node(name)->type, words.constLast());
            QCOMPARE(after.nodes.size(), before.nodes.size() + 1);
            const auto properties = arguments.mid(2);
            for (const QString &property : properties) {
                const YamlNode *value = propertyOf(rootOf(parsed), name, property);
                QVERIFY(value && value->isNull());
            }
        } else if (what == u"edges") {
            QVERIFY(!after.node(arguments[0]));
            QVERIFY(after.node(arguments[1]));
            QCOMPARE(after.nodes.size(), before.nodes.size());
            QCOMPARE(after.edges.size(), before.edges.size());
            const auto named = [&](const ResourceGraph &graph, const QString &name) {
                return std::count_if(graph.edges.begin(), graph.edges.end(),
                                     [&](const ResourceEdge &e) { return e.to == name || e.from == name; });
            };
            QCOMPARE(named(after, arguments[1]), named(before, arguments[0]));
            QCOMPARE(named(after, arguments[1]), words[1].toLongLong());
        } else if (what == u"remaining") {
            QVERIFY(!after.node(arguments[0]));
            QCOMPARE(after.nodes.size(), before.nodes.size() - 1);
            QCOMPARE(result.remainingReferences.size(), words[1].toLongLong());
            // The remaining references point at the name in the edited text.
            for (const ResourceReference &reference : result.remainingReferences) {
                QCOMPARE(reference.to, arguments[0]);
                QCOMPARE(edited.mid(reference.range.start.offset, reference.range.end.offset - reference.range.start.offset),
                         arguments[0].toUtf8());
            }
        } else if (what == u"edge") {
            const auto kind =
                words[2] == u"depends_on" ? ResourceReference::Kind::DependsOn : ResourceReference::Kind::GetResource;
            const auto has = [&](const ResourceGraph &graph) {
                return std::any_of(graph.edges.begin(), graph.edges.end(), [&](const ResourceEdge &e) {
                    return e.from == words[1] && e.to == words[3] && e.kind == kind;
                });
            };
            QVERIFY(!has(before));
            QVERIFY(has(after));
            QCOMPARE(after.edges.size(), before.edges.size() + 1);
        } else if (what == u"property") {
            const YamlNode *value = propertyOf(rootOf(parsed), words[1], words[2]);
            QVERIFY(value && value->isScalar());
            QCOMPARE(value->scalar, words.mid(3).join(u' '));
        } else {
            QFAIL("unknown check");
        }
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("add to flow resources")
            << u"flow.yaml"_s << u"add"_s << QStringList{u"c"_s, u"OS::Heat::None"_s}
            << u"'resources' is written in flow style ({...} or [...]); change it in the text."_s;
        QTest::newRow("add an existing name") << u"commented.yaml"_s << u"add"_s << QStringList{u"net"_s, u"OS::Heat::None"_s}
                                              << u"A resource named 'net' already exists."_s;
        QTest::newRow("add without a type") << u"commented.yaml"_s << u"add"_s << QStringList{u"x"_s, QString()}
                                            << u"A resource needs a type."_s;
        QTest::newRow("rename onto an existing name") << u"commented.yaml"_s << u"rename"_s << QStringList{u"net"_s, u"subnet"_s}
                                                      << u"A resource named 'subnet' already exists."_s;
        QTest::newRow("rename a missing resource")
            << u"commented.yaml"_s << u"rename"_s << QStringList{u"nope"_s, u"x"_s} << u"There is no resource named 'nope'."_s;
        QTest::newRow("delete in flow resources")
            << u"flow.yaml"_s << u"delete"_s << QStringList{u"a"_s}
            << u"'resources' is written in flow style ({...} or [...]); change it in the text."_s;
        QTest::newRow("connect in a flow resource")
            << u"flow.yaml"_s << u"connect"_s << QStringList{u"a"_s, u"b"_s}
            << u"Resource 'a' is written in flow style ({...} or [...]); change it in the text."_s;
        QTest::newRow("connect twice") << u"commented.yaml"_s << u"connect"_s << QStringList{u"server"_s, u"subnet"_s}
                                       << u"'server' already depends on 'subnet'."_s;
        QTest::newRow("connect to itself") << u"commented.yaml"_s << u"connect"_s << QStringList{u"server"_s, u"server"_s}
                                           << u"A resource cannot depend on itself."_s;
        QTest::newRow("set a block list property")
            << u"commented.yaml"_s << u"set"_s << QStringList{u"server"_s, u"networks"_s, u"x"_s}
            << u"Property 'networks' of 'server' holds a list written over several lines; change it in the text."_s;
    }
    void refusals()
    {
        QFETCH(QString, file);
        QFETCH(QString, operation);
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        const TemplateEditResult result = runEdit(readTemplate(file), operation, arguments);
        QVERIFY(!result.ok());
        QCOMPARE(result.error, error);
        QVERIFY(result.edits.isEmpty());
    }

    void invalidYamlIsRefused()
    {
        const TemplateEditResult result = TemplateEdits::addResource("resources:\n  a: [\n", u"b"_s, u"OS::Heat::None"_s);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(u"The template is not valid YAML (line "_s), qPrintable(result.error));
    }

    void windowsLineEndingsAreKept()
    {
        const QByteArray text = readTemplate(u"commented.yaml"_s).replace("\n", "\r\n");
        const TemplateEditResult added = TemplateEdits::addResource(text, u"x"_s, u"OS::Heat::None"_s);
        QVERIFY(added.ok());
        QCOMPARE(added.edits.size(), 1);
        QCOMPARE(added.edits[0].replacement, QByteArray("\r\n  x:\r\n    type: OS::Heat::None\r\n"));
        const TemplateEditResult deleted = TemplateEdits::deleteResource(text, u"volume"_s);
        QVERIFY(deleted.ok());
        QVERIFY(applyTextEdits(text, deleted.edits).contains("{size: 10}") == false);
        QVERIFY(!applyTextEdits(text, deleted.edits).contains("\n\r\n\r\n"));
        QVERIFY(buildResourceGraph(applyTextEdits(text, deleted.edits)).node(u"attach"));
    }

    void utf16Positions()
    {
        const QByteArray text = "name: ä\nresources:\n  ö:\n    type: X\n";
        const TemplateEditResult result = TemplateEdits::renameResource(text, u"ö"_s, u"å"_s);
        QVERIFY(result.ok());
        QCOMPARE(result.edits.size(), 1);
        const Utf16TextEdit edit = toUtf16(text, result.edits[0]);
        QString decoded = QString::fromUtf8(text);
        QCOMPARE(decoded.mid(edit.position, edit.length), u"ö"_s);
        decoded.replace(edit.position, edit.length, edit.replacement);
        QCOMPARE(decoded.toUtf8(), applyTextEdits(text, result.edits));
    }

    void scalars_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("yaml");
        QTest::newRow("word") << u"m1.small"_s << u"m1.small"_s;
        QTest::newRow("number") << u"42"_s << u"42"_s;
        QTest::newRow("boolean") << u"true"_s << u"true"_s;
        QTest::newRow("yaml 1.1 boolean") << u"on"_s << u"\"on\""_s;
        QTest::newRow("null word") << u"null"_s << u"\"null\""_s;
        QTest::newRow("empty") << QString() << u"\"\""_s;
        QTest::newRow("colons inside a word") << u"http://x"_s << u"http://x"_s;
        QTest::newRow("heat type") << u"OS::Nova::Server"_s << u"OS::Nova::Server"_s;
        QTest::newRow("colon and space") << u"a: b"_s << u"\"a: b\""_s;
        QTest::newRow("trailing colon") << u"a:"_s << u"\"a:\""_s;
        QTest::newRow("yaml 1.1 base 60") << u"12:30"_s << u"\"12:30\""_s;
        QTest::newRow("leading space") << u" x"_s << u"\" x\""_s;
        QTest::newRow("quotes and newline") << u"say \"hi\"\n"_s << u"\"say \\\"hi\\\"\\n\""_s;
    }
    void scalars()
    {
        QFETCH(QString, value);
        QFETCH(QString, yaml);
        QCOMPARE(yamlScalar(value), yaml);
        // YAML reads it back as the same string.
        const YamlParseResult parsed = parseYaml(u"k: %1\n"_s.arg(yaml).toUtf8());
        QVERIFY(parsed.root && parsed.root->value(u"k"));
        QCOMPARE(rootOf(parsed).value(u"k")->scalar, value);
    }
};

QTEST_GUILESS_MAIN(TestTemplateEdits)
#include "tst_templateedits.moc"
