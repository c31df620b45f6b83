// SPDX-License-Identifier: GPL-3.0-or-later
#include "openstack/orchestration/orchestrationclient.h"
#include "openstack/orchestration/stackpromotion.h"

#include <QTest>

using namespace Pilvi;
using namespace Qt::StringLiterals;

namespace {

// Compact notation for expected diffs: " a", "-b", "+c".
QStringList notation(const QList<DiffLine> &diff)
{
    QStringList out;
    for (const DiffLine &line : diff) {
        const QChar mark = line.kind == DiffLine::Kind::Same ? u' ' : line.kind == DiffLine::Kind::Removed ? u'-' : u'+';
        out.append(mark + line.text);
    }
    return out;
}

QStringList split(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(u',');
}

constexpr char yamlTemplate[] = R"(heat_template_version: 2021-04-16
description: A server
parameters:
  flavor:
    type: string
    default: m1.tiny
  db_password:
    type: string
    hidden: true
  count:
    type: number
resources:
  server:
    type: OS::Nova::Server
    properties:
      flavor: {get_param: flavor}
      networks:
        - network: private
)";

// The same template as Heat gives it back (JSON, other key order) but one change: the count
// parameter has a default.
constexpr char jsonTemplate[] = R"({"heat_template_version": "2021-04-16", "description": "A server",
 "resources": {"server": {"type": "OS::Nova::Server", "properties": {"networks": [{"network": "private"}],
   "flavor": {"get_param": "flavor"}}}},
 "parameters": {"count": {"type": "number", "default": 2}, "db_password": {"hidden": true, "type": "string"},
   "flavor": {"default": "m1.tiny", "type": "string"}}})";

} // namespace

class TestStackPromotion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lineDiff_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("identical") << u"a,b,c"_s << u"a,b,c"_s << QStringList{u" a"_s, u" b"_s, u" c"_s};
        QTest::newRow("insert middle") << u"a,c"_s << u"a,b,c"_s << QStringList{u" a"_s, u"+b"_s, u" c"_s};
        QTest::newRow("insert end") << u"a"_s << u"a,b"_s << QStringList{u" a"_s, u"+b"_s};
        QTest::newRow("delete first") << u"a,b,c"_s << u"b,c"_s << QStringList{u"-a"_s, u" b"_s, u" c"_s};
        QTest::newRow("change") << u"a,b,c"_s << u"a,x,c"_s << QStringList{u" a"_s, u"-b"_s, u"+x"_s, u" c"_s};
        QTest::newRow("both empty") << QString() << QString() << QStringList();
        QTest::newRow("empty before") << QString() << u"a,b"_s << QStringList{u"+a"_s, u"+b"_s};
        QTest::newRow("empty after") << u"a,b"_s << QString() << QStringList{u"-a"_s, u"-b"_s};
        QTest::newRow("all different") << u"a,b"_s << u"c,d"_s << QStringList{u"-a"_s, u"-b"_s, u"+c"_s, u"+d"_s};
        QTest::newRow("repeated lines") << u"x,a,x,b"_s << u"a,x,b,x"_s
                                        << QStringList{u"-x"_s, u" a"_s, u" x"_s, u" b"_s, u"+x"_s};
    }
    void lineDiff()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QStringList, expected);
        const QList<DiffLine> diff = diffLines(split(before), split(after));
        QCOMPARE(notation(diff), expected);
        // Every line of each side is there, in order, with its own line number.
        QStringList oldSide;
        QStringList newSide;
        for (const DiffLine &line : diff) {
            if (line.kind != DiffLine::Kind::Added) {
                QCOMPARE(line.oldLine, oldSide.size() + 1);
                oldSide.append(line.text);
            }
            if (line.kind != DiffLine::Kind::Removed) {
                QCOMPARE(line.newLine, newSide.size() + 1);
                newSide.append(line.text);
            }
        }
        QCOMPARE(oldSide, split(before));
        QCOMPARE(newSide, split(after));
    }

    void unified()
    {
        QStringList before;
        for (int i = 1; i <= 10; ++i)
            before.append(QString::number(i));
        QStringList after = before;
        after[4] = u"five"_s;
        QCOMPARE(unifiedDiff(diffLines(before, after), u"a"_s, u"b"_s, 1),
                 u"--- a\n+++ b\n@@ -4,3 +4,3 @@\n 4\n-5\n+five\n 6\n"_s);
        QCOMPARE(unifiedDiff(diffLines(before, before), u"a"_s, u"b"_s), QString());
        QCOMPARE(unifiedDiff(diffLines({}, {u"x"_s}), u"a"_s, u"b"_s), u"--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n"_s);
    }

    void realTemplatePair()
    {
        // YAML as written and JSON as Heat keeps it read the same once normalised; the one real
        // change (a default added) is the whole diff.
        const QStringList before = normalizedTemplate(yamlTemplate).split(u'\n', Qt::SkipEmptyParts);
        const QStringList after = normalizedTemplate(jsonTemplate).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(before.contains(u"heat_template_version: 2021-04-16"_s));
        const QList<DiffLine> diff = diffLines(before, after);
        QStringList changes;
        for (const DiffLine &line : diff) {
            if (line.kind != DiffLine::Kind::Same)
                changes.append(notation({line}));
        }
        QCOMPARE(changes, QStringList{u"+    default: 2"_s});
        QCOMPARE(normalizedTemplate(yamlTemplate), normalizedTemplate(yamlTemplate));
    }

    void parameterDiff_data()
    {
        QTest::addColumn<bool>("targetExists");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("shownSource");
        QTest::addColumn<QString>("shownCurrent");
        QTest::newRow("create: added") << false << u"flavor"_s << int(ParameterChange::Kind::Added) << u"m1.small"_s << QString();
        QTest::newRow("create: hidden") << false << u"db_password"_s << int(ParameterChange::Kind::Added)
                                        << u"(hidden, changed)"_s << u"(hidden, changed)"_s;
        QTest::newRow("changed") << true << u"flavor"_s << int(ParameterChange::Kind::Changed) << u"m1.small"_s << u"m1.tiny"_s;
        QTest::newRow("same") << true << u"count"_s << int(ParameterChange::Kind::Same) << u"2"_s << u"2"_s;
        QTest::newRow("hidden changed") << true << u"db_password"_s << int(ParameterChange::Kind::Changed)
                                        << u"(hidden, changed)"_s << u"(hidden, changed)"_s;
        QTest::newRow("hidden same") << true << u"api_token"_s << int(ParameterChange::Kind::Same) << u"(hidden, same)"_s
                                     << u"(hidden, same)"_s;
        QTest::newRow("removed") << true << u"old_param"_s << int(ParameterChange::Kind::Removed) << QString() << u"gone"_s;
        QTest::newRow("added") << true << u"new_param"_s << int(ParameterChange::Kind::Added) << u"fresh"_s << QString();
    }
    void parameterDiff()
    {
        QFETCH(bool, targetExists);
        QFETCH(QString, name);
        QFETCH(int, kind);
        QFETCH(QString, shownSource);
        QFETCH(QString, shownCurrent);
        const QMap<QString, QString> source{{u"flavor"_s, u"m1.small"_s},    {u"count"_s, u"2"_s},
                                            {u"db_password"_s, u"s3cret"_s}, {u"api_token"_s, u"tok"_s},
                                            {u"new_param"_s, u"fresh"_s},    {u"OS::stack_name"_s, u"src"_s}};
        const QMap<QString, QString> target{{u"flavor"_s, u"m1.tiny"_s},    {u"count"_s, u"2"_s},
                                            {u"db_password"_s, u"other"_s}, {u"api_token"_s, u"tok"_s},
                                            {u"old_param"_s, u"gone"_s},    {u"OS::stack_name"_s, u"dst"_s}};
        const QList<ParameterChange> changes = diffParameters(source, targetExists ? std::optional(target) : std::nullopt,
                                                              {u"db_password"_s, u"api_token"_s}, {u"flavor"_s});
        QVERIFY(std::none_of(changes.cbegin(), changes.cend(),
                             [](const ParameterChange &c) { return c.name.startsWith(u"OS::"_s); }));
        const auto found =
            std::find_if(changes.cbegin(), changes.cend(), [&name](const ParameterChange &c) { return c.name == name; });
        QVERIFY(found != changes.cend());
        QCOMPARE(int(found->kind), kind);
        QCOMPARE(found->displayValue(found->sourceValue), shownSource);
        if (targetExists)
            QCOMPARE(found->displayValue(found->currentValue), shownCurrent);
        QCOMPARE(found->environmentSpecific, name == u"flavor"_s);
        // A hidden value never appears in what is shown.
        if (found->hidden) {
            QVERIFY(!found->displayValue(found->sourceValue).contains(u"s3cret"_s));
            QVERIFY(!found->displayValue(found->currentValue).contains(u"other"_s));
        }
    }

    void templateParameterKinds()
    {
        const QByteArray text = R"(heat_template_version: 2021-04-16
parameters:
  key_name: {type: string}
  public_net: {type: string}
  image: {type: string}
  boot_source:
    type: string
    constraints:
      - custom_constraint: glance.image
  size: {type: number}
  secret: {type: string, hidden: true}
)";
        QCOMPARE(environmentSpecificParameters(text),
                 (QSet<QString>{u"key_name"_s, u"public_net"_s, u"image"_s, u"boot_source"_s}));
        QCOMPARE(templateHiddenParameters(text), QSet<QString>{u"secret"_s});
    }

    void plan()
    {
        PromotionSource source;
        source.stackName = u"web-dev"_s;
        source.templateText = jsonTemplate;
        source.parameters = {{u"flavor"_s, u"m1.small"_s}, {u"count"_s, u"2"_s}, {u"db_password"_s, u"******"_s}};
        PromotionTarget target;
        target.stackName = u"web-prod"_s;
        target.environment = Environment::Production;

        PromotionPlan create = planPromotion(source, target);
        QCOMPARE(create.action, PromotionPlan::Action::Create);
        QVERIFY(create.templateChanged());
        QVERIFY(std::all_of(create.templateDiff.cbegin(), create.templateDiff.cend(),
                            [](const DiffLine &line) { return line.kind == DiffLine::Kind::Added; }));
        // The user adjusts an environment-specific value; a masked hidden value is never sent back.
        for (ParameterChange &change : create.parameters) {
            if (change.name == u"flavor"_s)
                change.targetValue = u"m1.large"_s;
        }
        const StackCreateRequest request = create.createRequest();
        QCOMPARE(request.name, u"web-prod"_s);
        QCOMPARE(request.parameters, (QMap<QString, QString>{{u"flavor"_s, u"m1.large"_s}, {u"count"_s, u"2"_s}}));

        target.exists = true;
        target.stackId = u"id-1"_s;
        target.templateText = yamlTemplate;
        target.parameters = {{u"flavor"_s, u"m1.tiny"_s}, {u"count"_s, u"2"_s}, {u"db_password"_s, u"******"_s}};
        const PromotionPlan update = planPromotion(source, target);
        QCOMPARE(update.action, PromotionPlan::Action::Update);
        QCOMPARE(update.templateDiff.size(), normalizedTemplate(jsonTemplate).count(u'\n'));
        QVERIFY(update.updateRequest().existing);
        QCOMPARE(update.updateRequest().parameters.value(u"flavor"_s), u"m1.small"_s);
        QVERIFY(!update.updateRequest().parameters.contains(u"db_password"_s));
    }
};

QTEST_GUILESS_MAIN(TestStackPromotion)
#include "tst_stackpromotion.moc"
