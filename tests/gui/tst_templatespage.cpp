// SPDX-License-Identifier: GPL-3.0-or-later
// The Templates page offscreen: text, graph and inspector in sync, visual edits as text edits.
#include "dialogs/templatefiles.h"
#include "editor/codeeditor.h"
#include "editor/editortab.h"
#include "editor/propertyinspector.h"
#include "graph/resourcegraphview.h"
#include "graph/resourcenodeitem.h"
#include "template/templateproblem.h"
#include "views/templatespage.h"

#include <KSyntaxHighlighting/Repository>

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>

using namespace Pilvi;

namespace {

// A commented template: visual edits must leave every other byte as it is.
constexpr char webTemplate[] = R"(heat_template_version: 2021-04-16
# The web tier: one server and its data volume.
parameters:
  flavor: {type: string, default: standard.small}

resources:
  web:   # the front end
    type: OS::Nova::Server
    properties:
      image: Ubuntu-22.04   # keep in step with the golden image
      flavor: {get_param: flavor}
  data:
    type: OS::Cinder::Volume
    properties:
      size: 10
  attach:
    type: OS::Cinder::VolumeAttachment
    properties:
      instance_uuid: {get_resource: web}
      volume_id: {get_resource: data}
)";

QStringList nodeNames(const ResourceGraph &graph)
{
    QStringList names;
    for (const ResourceNode &node : graph.nodes)
        names.append(node.name);
    return names;
}

} // namespace

class TestTemplatesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_page = std::make_unique<TemplatesPage>(m_repository);
        m_page->resize(1200, 700);
        m_page->show();
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed(), 20000);
        m_page->setTemplateText(QString::fromUtf8(webTemplate));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed() && m_page->resourceGraph().nodes.size() == 3, 20000);
    }
    void cleanup() { m_page.reset(); }

    void starterTemplateHasNoProblems()
    {
        TemplatesPage page(m_repository);
        QTRY_VERIFY_WITH_TIMEOUT(page.isAnalysed(), 20000);
        QCOMPARE(nodeNames(page.resourceGraph()), QStringList{QStringLiteral("server")});
        QVERIFY2(page.problems().isEmpty(), qPrintable(page.problems().value(0).message));
    }

    void cloudResourceTypesRestrictTheChecks()
    {
        // webTemplate uses OS::Cinder::VolumeAttachment: a cloud without it gets Heat's message.
        const auto notFound = [this] {
            const QList<TemplateProblem> problems = m_page->problems();
            return std::any_of(problems.cbegin(), problems.cend(), [](const TemplateProblem &problem) {
                return problem.message == u"The Resource Type (OS::Cinder::VolumeAttachment) could not be found.";
            });
        };
        QVERIFY(!notFound());
        QVERIFY(m_page->paletteTypes().contains(QStringLiteral("OS::Octavia::LoadBalancer")));
        QSignalSpy changed(m_page.get(), &TemplatesPage::resourceTypesChanged);
        m_page->useCloudResourceTypes(QStringLiteral("pouta"),
                                      {QStringLiteral("OS::Nova::Server"), QStringLiteral("OS::Cinder::Volume"),
                                       QStringLiteral("OS::Heat::AutoScalingGroup")});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_page->resourceTypesCloud(), QStringLiteral("pouta"));
        QCOMPARE(m_page->paletteTypes(),
                 (QStringList{QStringLiteral("OS::Cinder::Volume"), QStringLiteral("OS::Heat::AutoScalingGroup"),
                              QStringLiteral("OS::Nova::Server")}));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed() && notFound(), 20000);
        // Back to every bundled type.
        m_page->useCloudResourceTypes({}, {});
        QVERIFY(m_page->resourceTypesCloud().isEmpty());
        QVERIFY(m_page->paletteTypes().contains(QStringLiteral("OS::Octavia::LoadBalancer")));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed() && !notFound(), 20000);
    }

    void environmentFilesAreChecked()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString envPath = dir.filePath(QStringLiteral("env.yaml"));
        QFile env(envPath);
        QVERIFY(env.open(QIODevice::WriteOnly));
        env.write("parameters:\n  flavor: standard.large\n  nonexistent: 1\n");
        env.close();
        const auto messages = [this] {
            QStringList list;
            const QList<TemplateProblem> problems = m_page->problems();
            for (const TemplateProblem &problem : problems)
                list << QFileInfo(problem.file).fileName() + u':' + QString::number(problem.range.start.line) + u' ' +
                            problem.message;
            return list;
        };
        m_page->setEnvironmentFiles({envPath});
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed() && !m_page->problems().isEmpty(), 20000);
        QCOMPARE(messages(), QStringList{QStringLiteral("env.yaml:3 The Parameter (nonexistent) was not defined in template.")});
        QVERIFY2(m_page->findChild<QLabel *>(QStringLiteral("templateStatus"))->text().contains(u"with 1 environment file"),
                 qPrintable(m_page->findChild<QLabel *>(QStringLiteral("templateStatus"))->text()));

        // A file that cannot be read is a problem that names it; no environment, no problem.
        m_page->setEnvironmentFiles({dir.filePath(QStringLiteral("gone.yaml"))});
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed() && messages().value(0).startsWith(u"gone.yaml:1 Could not read"), 20000);
        m_page->setEnvironmentFiles({});
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed() && m_page->problems().isEmpty(), 20000);
    }

    void editedTemplateGoesToTheCloudWithItsFiles()
    {
        // "Validate on the cloud" sends the editor's text with get_file contents, as the CLI would.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile script(dir.filePath(QStringLiteral("boot.sh")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho hello\n");
        script.close();
        QFile saved(dir.filePath(QStringLiteral("t.yaml")));
        QVERIFY(saved.open(QIODevice::WriteOnly));
        saved.write("heat_template_version: 2021-04-16\ndescription: saved\n");
        saved.close();
        const QByteArray edited = "heat_template_version: 2021-04-16\ndescription: edited\nresources:\n  c:\n"
                                  "    type: OS::Heat::SoftwareConfig\n    properties:\n      config: {get_file: boot.sh}\n";
        const TemplateFiles files = readTemplateFiles(saved.fileName(), {}, edited);
        QVERIFY2(files.problem.isEmpty(), qPrintable(files.problem));
        QVERIFY(files.templateText.contains("\"edited\""));
        QCOMPARE(files.sourceText, edited);
        const QString url = QUrl::fromLocalFile(QFileInfo(script).absoluteFilePath()).toString();
        QCOMPARE(files.files.value(url), QByteArray("#!/bin/sh\necho hello\n"));
    }

    void graphFollowsText()
    {
        QCOMPARE(nodeNames(m_page->resourceGraph()),
                 (QStringList{QStringLiteral("web"), QStringLiteral("data"), QStringLiteral("attach")}));
        QCOMPARE(m_page->resourceGraph().edges.size(), 2);
        QVERIFY(m_page->graphView()->nodeItem(QStringLiteral("attach")));
        QVERIFY(m_page->problems().isEmpty());
    }

    void selectingNodeSelectsText()
    {
        m_page->graphView()->nodeItem(QStringLiteral("data"))->setSelected(true); // as a click does
        const QString selected = m_page->editorTab()->editor()->textCursor().selectedText();
        QVERIFY2(selected.startsWith(u"data:"), qPrintable(selected));
        QVERIFY(selected.contains(u"size: 10"));
        QVERIFY(!selected.contains(u"attach"));
        QCOMPARE(m_page->inspector()->resourceName(), QStringLiteral("data"));
        QVERIFY(m_page->inspector()->editorFor(QStringLiteral("size")));
    }

    void cursorSelectsNode()
    {
        CodeEditor *editor = m_page->editorTab()->editor();
        QTextCursor cursor(editor->document());
        cursor.setPosition(static_cast<int>(QString::fromUtf8(webTemplate).indexOf(u"volume_id")));
        editor->setTextCursor(cursor);
        QCOMPARE(m_page->graphView()->selectedNode(), QStringLiteral("attach"));
        QCOMPARE(m_page->inspector()->resourceName(), QStringLiteral("attach"));
    }

    void inspectorEditIsMinimalTextEdit()
    {
        m_page->graphView()->nodeItem(QStringLiteral("web"))->setSelected(true);
        auto *image = qobject_cast<QLineEdit *>(m_page->inspector()->editorFor(QStringLiteral("image")));
        QVERIFY(image);
        QCOMPARE(image->text(), QStringLiteral("Ubuntu-22.04"));
        image->setText(QStringLiteral("Debian-12"));
        Q_EMIT image->editingFinished();

        QString expected = QString::fromUtf8(webTemplate);
        expected.replace(QStringLiteral("image: Ubuntu-22.04   #"), QStringLiteral("image: Debian-12   #"));
        CodeEditor *editor = m_page->editorTab()->editor();
        QCOMPARE(editor->toPlainText(), expected);
        editor->undo(); // one undo step
        QCOMPARE(editor->toPlainText(), QString::fromUtf8(webTemplate));
    }

    void addResourceShowsMissingRequired()
    {
        QCOMPARE(m_page->addResource(QStringLiteral("logs"), QStringLiteral("OS::Swift::Container")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed() && m_page->resourceGraph().nodes.size() == 4, 20000);
        QVERIFY(m_page->editorTab()->editor()->toPlainText().startsWith(QString::fromUtf8(webTemplate)));

        // A server gets its required flavor as an empty key to fill, reported at the resource's name.
        QCOMPARE(m_page->addResource(QStringLiteral("extra"), QStringLiteral("OS::Nova::Server")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed() && m_page->resourceGraph().nodes.size() == 5, 20000);
        QVERIFY(m_page->editorTab()->editor()->toPlainText().contains(u"      flavor:"));
        bool reported = false;
        const QList<TemplateProblem> problems = m_page->problems();
        for (const TemplateProblem &problem : problems)
            reported = reported || (problem.message == u"Property flavor not assigned" && problem.range.start.line > 20);
        QVERIFY2(reported, qPrintable(m_page->problems().value(0).message));
    }

    void renameAndDeleteKeepTextConsistent()
    {
        QCOMPARE(m_page->renameResource(QStringLiteral("data"), QStringLiteral("storage")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed() && m_page->resourceGraph().node(u"storage"), 20000);
        QVERIFY(m_page->editorTab()->editor()->toPlainText().contains(u"volume_id: {get_resource: storage}"));
        QVERIFY(m_page->problems().isEmpty());

        QCOMPARE(m_page->deleteResource(QStringLiteral("attach")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed() && m_page->resourceGraph().nodes.size() == 2, 20000);
        QVERIFY(m_page->resourceGraph().edges.isEmpty());
    }

    void brokenYamlIsAProblemAndLosesNothing()
    {
        CodeEditor *editor = m_page->editorTab()->editor();
        editor->setPlainText(QString::fromUtf8(webTemplate) + QStringLiteral("  bad: [unclosed\n"));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isAnalysed() && !m_page->problems().isEmpty(), 20000);
        QVERIFY(m_page->problems().constFirst().range.start.line >= 21);
        QVERIFY(editor->toPlainText().endsWith(u"[unclosed\n"));
    }

private:
    KSyntaxHighlighting::Repository m_repository;
    std::unique_ptr<TemplatesPage> m_page;
};

QTEST_MAIN(TestTemplatesPage)
#include "tst_templatespage.moc"
