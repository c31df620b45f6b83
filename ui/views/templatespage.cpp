// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/templatespage.h"

#include "dialogs/templatefiles.h"
#include "editor/codeeditor.h"
#include "editor/editortab.h"
#include "editor/propertyinspector.h"
#include "editor/recentfiles.h"
#include "graph/graphlayoutrunner.h"
#include "graph/resourcegraphview.h"
#include "net/apierror.h"
#include "net/session.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "template/completiondata.h"
#include "template/heaterrorpath.h"
#include "template/heattemplate.h"
#include "template/templatevalidator.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFuture>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QSplitter>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrentRun>

namespace Pilvi {

/// One run of parse + validate + graph, as a value handed from the worker to the GUI thread.
struct TemplatesPage::Analysis {
    quint64 revision = 0;
    QByteArray text;
    HeatTemplate parsed;
    QList<TemplateProblem> problems;
    ResourceGraph graph;
};

namespace {

// What a new, untitled template starts with: enough for the graph and inspector to show.
constexpr char starterTemplate[] = R"(heat_template_version: 2021-04-16
description: A new template. Add resources from the toolbar or type them here.

parameters:
  flavor:
    type: string
    default: standard.small
    description: The server's flavor

resources:
  server:
    type: OS::Nova::Server
    properties:
      image: Ubuntu-22.04
      flavor: {get_param: flavor}
)";

// The text a YAML node spans, as written.
QString sourceText(const QByteArray &utf8, const YamlNode &node)
{
    const qsizetype start = node.range.start.offset;
    const qsizetype end = node.range.end.offset;
    if (start < 0 || end < start || end > utf8.size())
        return node.scalar;
    return QString::fromUtf8(utf8.mid(start, end - start)).trimmed();
}

} // namespace

TemplatesPage::TemplatesPage(KSyntaxHighlighting::Repository &repository, QWidget *parent)
    : QWidget(parent)
    , m_registry(ResourceSchemaRegistry::bundled())
    , m_tab(new EditorTab(repository, new RecentFiles(this), this))
    , m_graph(new ResourceGraphView(this))
    , m_layoutRunner(new GraphLayoutRunner(this))
    , m_inspector(new PropertyInspector(this))
    , m_toolBar(new QToolBar(this))
    , m_typePalette(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_analysisTimer(new QTimer(this))
{
    m_tab->setObjectName(QStringLiteral("templateEditor"));
    m_graph->setObjectName(QStringLiteral("templateGraph"));
    m_status->setObjectName(QStringLiteral("templateStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_tab->setCompletionData(completionDataFrom(m_registry));
    buildToolBar();

    auto *side = new QSplitter(Qt::Vertical, this);
    side->addWidget(m_graph);
    side->addWidget(m_inspector);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    side->setSizes({420, 260});
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("templatesSplitter"));
    split->addWidget(m_tab);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 420});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_toolBar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    m_analysisTimer->setSingleShot(true);
    m_analysisTimer->setInterval(250); // coalesce keystrokes: one analysis per pause in typing
    connect(m_analysisTimer, &QTimer::timeout, this, &TemplatesPage::analyse);
    connect(m_tab->editor()->document(), &QTextDocument::contentsChanged, this, [this] {
        ++m_revision;
        scheduleAnalysis();
    });
    connect(m_tab->editor(), &QPlainTextEdit::cursorPositionChanged, this, &TemplatesPage::onCursorMoved);
    connect(m_graph, &ResourceGraphView::selectionChanged, this, &TemplatesPage::onGraphSelection);
    connect(m_layoutRunner, &GraphLayoutRunner::layoutReady, this, [this](const GraphLayout &laidOut) {
        // A new set of resources is shown whole; edits that keep the set keep the user's zoom.
        const bool newSet = laidOut.nodes.size() != m_graph->graphLayout().nodes.size();
        m_graph->setGraphLayout(laidOut);
        if (newSet)
            m_graph->fitToView();
        m_laidOut = true;
        if (isAnalysed())
            Q_EMIT analysed();
    });
    connect(m_inspector, &PropertyInspector::propertyEdited, this,
            [this](const QString &resource, const QString &property, const QString &yaml) {
                const QString error = setProperty(resource, property, yaml);
                m_status->setText(error.isEmpty() ? tr("Set %1 of %2.").arg(property, resource) : error);
            });
    m_tab->editor()->setDefinitionByName(QStringLiteral("YAML"));
    m_tab->editor()->setPlainText(QString::fromUtf8(starterTemplate));
    m_tab->editor()->document()->setModified(false);
    scheduleAnalysis();
}

TemplatesPage::~TemplatesPage() = default;

void TemplatesPage::buildToolBar()
{
    m_toolBar->setObjectName(QStringLiteral("templatesToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *open = m_toolBar->addAction(tr("Open…"), this, &TemplatesPage::chooseFileToOpen);
    open->setShortcut(QKeySequence::Open);
    open->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(open);
    m_toolBar->addAction(tr("Save"), this, [this] { m_tab->save(); });
    QAction *validate = m_toolBar->addAction(tr("Validate on cloud"), this, &TemplatesPage::validateOnServer);
    validate->setObjectName(QStringLiteral("validateOnServer"));
    validate->setToolTip(tr("Ask the selected cloud's Heat to validate the template too (Ctrl+Shift+V)"));
    validate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    QAction *environments = m_toolBar->addAction(tr("Environments…"), this, &TemplatesPage::chooseEnvironmentFiles);
    environments->setObjectName(QStringLiteral("chooseEnvironments"));
    environments->setToolTip(tr("Environment files to check the template with and send with it (none: cancel the dialog "
                                "with nothing selected)"));
    m_toolBar->addSeparator();

    // A searchable palette of every resource type the schemas know.
    m_typePalette->setObjectName(QStringLiteral("resourceTypePalette"));
    m_typePalette->setAccessibleName(tr("Resource type to add"));
    m_typePalette->setEditable(true);
    m_typePalette->setInsertPolicy(QComboBox::NoInsert);
    m_typePalette->addItems(m_registry.typeNames());
    m_typePalette->setCurrentText(QStringLiteral("OS::Nova::Server"));
    m_typePalette->completer()->setFilterMode(Qt::MatchContains);
    m_typePalette->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_typePalette->setMinimumContentsLength(16); // the popup shows whole names; the toolbar must fit 1280 px
    m_toolBar->addWidget(m_typePalette);
    m_toolBar->addAction(tr("Add resource"), this, &TemplatesPage::addResourceFromPalette)
        ->setObjectName(QStringLiteral("addResource"));
    m_toolBar->addAction(tr("Rename…"), this, &TemplatesPage::renameSelected);
    m_toolBar->addAction(tr("Connect…"), this, &TemplatesPage::connectSelected)
        ->setToolTip(tr("Connect the selected resource to another (a reference in its properties)"));
    m_toolBar->addAction(tr("Delete resource"), this, [this] {
        const QString name = m_graph->selectedNode();
        if (name.isEmpty())
            return;
        const QString error = deleteResource(name);
        if (!error.isEmpty())
            m_status->setText(error);
    });
    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("Fit graph"), m_graph, &ResourceGraphView::fitToView);
}

void TemplatesPage::setSession(Session *session)
{
    if (session == m_session)
        return;
    m_session = session;
    const int generation = ++m_typesGeneration;
    if (!session) {
        useCloudResourceTypes({}, {});
        return;
    }
    OrchestrationClient(session)
        .listResourceTypes()
        .then(this,
              [this, generation, cloud = session->profile().name](const QList<ResourceTypeInfo> &types) {
                  if (generation != m_typesGeneration)
                      return;
                  QStringList names;
                  names.reserve(types.size());
                  for (const ResourceTypeInfo &type : types)
                      names.append(type.type);
                  useCloudResourceTypes(cloud, names);
                  fetchMissingSchemas(m_session, generation, names); // the same session: the generation says so
              })
        .onFailed(this, [this, generation](const ApiError &error) {
            // Offline checks go on with the bundled types; the page says why.
            if (generation == m_typesGeneration)
                m_typePalette->setToolTip(
                    tr("Every bundled resource type (the cloud's list could not be read: %1)").arg(error.toString()));
        });
}

void TemplatesPage::useCloudResourceTypes(const QString &cloud, const QStringList &available)
{
    ResourceSchemaRegistry registry = ResourceSchemaRegistry::bundled();
    if (!cloud.isEmpty())
        registry.restrictTypes(available);
    applyRegistry(registry, cloud);
}

void TemplatesPage::applyRegistry(const ResourceSchemaRegistry &registry, const QString &cloud)
{
    m_registry = registry;
    m_typesCloud = cloud;
    m_tab->setCompletionData(completionDataFrom(m_registry));
    const QString current = m_typePalette->currentText();
    m_typePalette->clear();
    m_typePalette->addItems(m_registry.typeNames());
    m_typePalette->setCurrentText(current);
    m_typePalette->setToolTip(cloud.isEmpty()
                                  ? tr("Every resource type of the bundled schemas (Heat %1)").arg(m_registry.heatVersion())
                                  : tr("The %1 resource types %2 offers").arg(m_registry.typeNames().size()).arg(cloud));
    ++m_revision; // the same text, checked again against these types
    scheduleAnalysis();
    Q_EMIT resourceTypesChanged();
}

void TemplatesPage::setEnvironmentFiles(const QStringList &paths)
{
    m_environmentFiles = paths;
    ++m_revision; // the same text, checked again with these environments
    scheduleAnalysis();
}

void TemplatesPage::chooseEnvironmentFiles()
{
    auto *dialog = new QFileDialog(this, tr("Environment files"), QFileInfo(m_tab->filePath()).absolutePath(),
                                   tr("Heat environments (*.yaml *.yml *.json);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, &TemplatesPage::setEnvironmentFiles);
    dialog->open();
}

void TemplatesPage::fetchMissingSchemas(Session *session, int generation, const QStringList &available)
{
    // Types the cloud offers and the bundle lacks (a newer Heat, the operator's own): their
    // schemas come from the cloud, so they are checked and completed like the others. Bounded: a
    // cloud with hundreds of unknown types gets the first ones.
    constexpr qsizetype most = 50;
    QStringList missing;
    for (const QString &type : available) {
        if (!m_registry.hasType(type) && missing.size() < most)
            missing.append(type);
    }
    if (missing.isEmpty())
        return;
    QList<QFuture<QJsonObject>> schemas;
    for (const QString &type : std::as_const(missing))
        schemas.append(OrchestrationClient(session).resourceTypeSchemaJson(type));
    QtFuture::whenAll(schemas.begin(), schemas.end())
        .then(this, [this, generation, missing](const QList<QFuture<QJsonObject>> &answers) {
            if (generation != m_typesGeneration)
                return;
            ResourceSchemaRegistry registry = m_registry;
            for (qsizetype i = 0; i < answers.size(); ++i) {
                // A type whose schema could not be read stays unknown to the offline checks; the
                // cloud's validation knows it.
                if (answers.at(i).resultCount() > 0 && !answers.at(i).result().isEmpty())
                    registry.setType(missing.at(i), answers.at(i).result());
            }
            applyRegistry(registry, m_typesCloud);
        });
}

QStringList TemplatesPage::paletteTypes() const
{
    QStringList types;
    for (int i = 0; i < m_typePalette->count(); ++i)
        types.append(m_typePalette->itemText(i));
    return types;
}

bool TemplatesPage::openFile(const QString &path)
{
    return m_tab->openFile(path);
}

void TemplatesPage::setTemplateText(const QString &text)
{
    m_tab->editor()->setPlainText(text);
}

void TemplatesPage::scheduleAnalysis()
{
    m_analysisTimer->start();
}

void TemplatesPage::analyse()
{
    if (m_analysing)
        return; // the running one re-schedules when it finishes and sees a newer revision
    m_analysing = true;
    const quint64 revision = m_revision;
    const QByteArray text = m_tab->editor()->toPlainText().toUtf8();
    const QString fileName = m_tab->filePath();
    QtConcurrent::run([registry = m_registry, revision, text, fileName, environments = m_environmentFiles] {
        Analysis analysis;
        analysis.revision = revision;
        analysis.text = text;
        analysis.parsed = HeatTemplate::parse(text);
        TemplateValidator validator(registry);
        for (const QString &path : environments) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                validator.addEnvironment(path, file.readAll());
            } else {
                TemplateProblem problem;
                problem.file = path;
                problem.range.start = {1, 1, 0};
                problem.range.end = problem.range.start;
                problem.message = tr("Could not read the environment file %1: %2").arg(path, file.errorString());
                analysis.problems.append(problem);
            }
        }
        analysis.problems += validator.validate(fileName, analysis.parsed);
        if (analysis.parsed.root())
            analysis.graph = buildResourceGraph(*analysis.parsed.root());
        return analysis;
    }).then(this, [this](const Analysis &analysis) {
        m_analysing = false;
        applyAnalysis(analysis);
        if (m_revision != analysis.revision)
            scheduleAnalysis();
    });
}

void TemplatesPage::applyAnalysis(const Analysis &analysis)
{
    if (analysis.revision != m_revision)
        return; // the text changed meanwhile: a newer analysis follows
    m_analysedRevision = analysis.revision;
    m_analysedText = analysis.text;
    m_parsed = analysis.parsed;
    m_offlineProblems = analysis.problems;
    m_problems = m_offlineProblems;
    if (m_serverRevision == m_revision)
        m_problems += m_serverProblems;
    m_tab->setProblems(m_problems);
    const bool graphChanged = !(analysis.graph.nodes == m_resourceGraph.nodes && analysis.graph.edges == m_resourceGraph.edges);
    m_resourceGraph = analysis.graph;
    if (graphChanged || !m_laidOut) {
        m_laidOut = false;
        m_layoutRunner->request(m_resourceGraph, m_graph->layoutOptions(m_resourceGraph));
    } else {
        Q_EMIT analysed();
    }
    qsizetype errors = 0;
    for (const TemplateProblem &problem : std::as_const(m_problems))
        errors += problem.isError() ? 1 : 0;
    m_status->setText(tr("%n resource(s)", nullptr, static_cast<int>(m_resourceGraph.nodes.size())) + QStringLiteral(" · ") +
                      (m_problems.isEmpty() ? tr("no problems")
                                            : tr("%n error(s)", nullptr, static_cast<int>(errors)) + QStringLiteral(", ") +
                                                  tr("%n warning(s)", nullptr, static_cast<int>(m_problems.size() - errors))) +
                      (m_environmentFiles.isEmpty() ? QString()
                                                    : QStringLiteral(" · ") + tr("with %n environment file(s)", nullptr,
                                                                                 static_cast<int>(m_environmentFiles.size()))));
    if (!m_inspector->resourceName().isEmpty())
        showInspector(m_inspector->resourceName());
}

void TemplatesPage::onGraphSelection(const QString &name)
{
    showInspector(name);
    const ResourceNode *node = m_resourceGraph.node(name);
    if (!node || m_analysedRevision != m_revision)
        return;
    // The resource's block in the text, selected so that the user sees what the node is.
    const qsizetype start = node->blockRange.start.offset;
    const Utf16TextEdit range = toUtf16(m_analysedText, TextEdit{start, node->blockRange.end.offset - start, {}});
    QTextCursor cursor(m_tab->editor()->document());
    cursor.setPosition(static_cast<int>(range.position + range.length));
    cursor.setPosition(static_cast<int>(range.position), QTextCursor::KeepAnchor);
    const QSignalBlocker blocker(m_tab->editor());
    m_tab->editor()->setTextCursor(cursor);
    m_tab->editor()->ensureCursorVisible();
}

void TemplatesPage::onCursorMoved()
{
    if (m_analysedRevision != m_revision)
        return;
    const QTextCursor cursor = m_tab->editor()->textCursor();
    const qsizetype offset = m_tab->editor()->toPlainText().left(cursor.position()).toUtf8().size();
    const QString name = m_resourceGraph.nodeAtOffset(offset);
    if (name != m_graph->selectedNode()) {
        m_graph->selectNode(name); // emits nothing: no loop back into the text
        showInspector(name);
    }
}

void TemplatesPage::showInspector(const QString &name)
{
    const ResourceNode *node = m_resourceGraph.node(name);
    if (!node) {
        m_inspector->clear();
        return;
    }
    QHash<QString, WrittenValue> values;
    if (const YamlNode *top = m_parsed.root()) {
        const YamlNode *resources = top->value(u"resources");
        const YamlNode *resource = resources ? resources->value(name) : nullptr;
        const YamlNode *properties = resource && resource->isMapping() ? resource->value(u"properties") : nullptr;
        if (properties && properties->isMapping()) {
            for (qsizetype i = 0; i < properties->keys.size(); ++i) {
                const YamlNode &value = properties->items.at(i);
                values.insert(properties->keys.at(i).scalar, value.isScalar()
                                                                 ? WrittenValue{value.scalar, true}
                                                                 : WrittenValue{sourceText(m_analysedText, value), false});
            }
        }
    }
    m_inspector->showResource(name, m_registry.type(node->type), values);
}

QString TemplatesPage::applyEdit(const TemplateEditResult &result)
{
    if (!result.ok())
        return result.error;
    const QByteArray utf8 = m_tab->editor()->toPlainText().toUtf8();
    QTextCursor cursor(m_tab->editor()->document());
    cursor.beginEditBlock(); // one undo step for the whole visual edit
    for (auto it = result.edits.crbegin(); it != result.edits.crend(); ++it) {
        const Utf16TextEdit edit = toUtf16(utf8, *it);
        cursor.setPosition(static_cast<int>(edit.position));
        cursor.setPosition(static_cast<int>(edit.position + edit.length), QTextCursor::KeepAnchor);
        cursor.insertText(edit.replacement);
    }
    cursor.endEditBlock();
    m_analysisTimer->start(0); // show the graph of the edited text at once
    return {};
}

QString TemplatesPage::addResource(const QString &name, const QString &type)
{
    QStringList required;
    const ResourceTypeSchema schema = m_registry.type(type);
    const QStringList names = schema.propertyNames();
    for (const QString &property : names) {
        if (schema.property(property).required())
            required.append(property);
    }
    return applyEdit(TemplateEdits::addResource(m_tab->editor()->toPlainText().toUtf8(), name, type, required));
}

QString TemplatesPage::deleteResource(const QString &name)
{
    const TemplateEditResult result = TemplateEdits::deleteResource(m_tab->editor()->toPlainText().toUtf8(), name);
    const QString error = applyEdit(result);
    if (error.isEmpty() && !result.remainingReferences.isEmpty())
        m_status->setText(tr("Deleted %1; %n reference(s) to it remain (see the problems).", nullptr,
                             static_cast<int>(result.remainingReferences.size()))
                              .arg(name));
    return error;
}

QString TemplatesPage::renameResource(const QString &from, const QString &to)
{
    return applyEdit(TemplateEdits::renameResource(m_tab->editor()->toPlainText().toUtf8(), from, to));
}

QString TemplatesPage::connectResources(const QString &from, const QString &to)
{
    return applyEdit(TemplateEdits::connectResources(m_tab->editor()->toPlainText().toUtf8(), from, to));
}

QString TemplatesPage::setProperty(const QString &resource, const QString &property, const QString &yamlText)
{
    return applyEdit(TemplateEdits::setPropertyYaml(m_tab->editor()->toPlainText().toUtf8(), resource, property, yamlText));
}

QString TemplatesPage::uniqueNameFor(const QString &type) const
{
    QString base = type.section(QStringLiteral("::"), -1).toLower();
    if (base.isEmpty())
        base = QStringLiteral("resource");
    QString name = base;
    for (int n = 2; m_resourceGraph.node(name); ++n)
        name = base + QString::number(n);
    return name;
}

void TemplatesPage::addResourceFromPalette()
{
    const QString type = m_typePalette->currentText().trimmed();
    if (!m_registry.hasType(type)) {
        m_status->setText(tr("%1 is not a resource type this cloud offers.").arg(type));
        return;
    }
    const QString name = uniqueNameFor(type);
    const QString error = addResource(name, type);
    m_status->setText(error.isEmpty() ? tr("Added %1 (%2).").arg(name, type) : error);
}

void TemplatesPage::renameSelected()
{
    const QString from = m_graph->selectedNode();
    if (from.isEmpty()) {
        m_status->setText(tr("Select the resource to rename first."));
        return;
    }
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename %1").arg(from));
    dialog->setLabelText(tr("New name (references to it are renamed too):"));
    dialog->setTextValue(from);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, from](const QString &to) {
        if (to.trimmed().isEmpty() || to == from)
            return;
        const QString error = renameResource(from, to.trimmed());
        m_status->setText(error.isEmpty() ? tr("Renamed %1 to %2.").arg(from, to.trimmed()) : error);
    });
    dialog->open();
}

void TemplatesPage::connectSelected()
{
    const QString from = m_graph->selectedNode();
    if (from.isEmpty()) {
        m_status->setText(tr("Select the resource that depends on another first."));
        return;
    }
    QStringList others;
    for (const ResourceNode &node : std::as_const(m_resourceGraph.nodes)) {
        if (node.name != from)
            others.append(node.name);
    }
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Connect %1").arg(from));
    dialog->setLabelText(tr("%1 depends on:").arg(from));
    dialog->setComboBoxItems(others);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, from](const QString &to) {
        const QString error = connectResources(from, to);
        m_status->setText(error.isEmpty() ? tr("%1 now depends on %2.").arg(from, to) : error);
    });
    dialog->open();
}

void TemplatesPage::chooseFileToOpen()
{
    auto *dialog = new QFileDialog(this, tr("Open a template"), QFileInfo(m_tab->filePath()).absolutePath(),
                                   tr("Heat templates (*.yaml *.yml *.template *.json);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { openFile(path); });
    dialog->open();
}

void TemplatesPage::validateOnServer()
{
    if (!m_session) {
        m_status->setText(tr("Select a cloud in the sidebar to validate on its Heat."));
        return;
    }
    const quint64 revision = m_revision;
    const QString file = m_tab->filePath();
    const QByteArray text = m_tab->editor()->toPlainText().toUtf8();
    m_status->setText(tr("Validating on the cloud…"));
    // Reading get_file contents, nested templates and environments is file work: off this thread.
    QtConcurrent::run([text, file, environments = m_environmentFiles] {
        TemplateFiles files;
        files.templateText = text;
        if (!file.isEmpty()) // as the openstack CLI sends them; the text is the editor's, saved or not
            files = readTemplateFiles(file, environments, text);
        return files;
    }).then(this, [this, revision, file, text, session = m_session](const TemplateFiles &files) {
        if (revision != m_revision || session != m_session)
            return; // the text or the cloud changed meanwhile
        if (!files.problem.isEmpty()) {
            m_status->setText(tr("Not sent to the cloud: %1").arg(files.problem));
            return;
        }
        sendForValidation(files, revision, file, text);
    });
}

void TemplatesPage::sendForValidation(const TemplateFiles &files, quint64 revision, const QString &file, const QByteArray &text)
{
    TemplateValidateRequest request;
    request.templateText = files.templateText;
    request.files = files.files;
    request.environmentText = files.environmentText;
    auto accept = [this, revision](const QList<TemplateProblem> &problems, const QString &status) {
        if (revision != m_revision)
            return; // the text changed meanwhile; the answer is about an older text
        m_serverRevision = revision;
        m_serverProblems = problems;
        m_problems = m_offlineProblems + m_serverProblems;
        m_tab->setProblems(m_problems);
        m_status->setText(status);
    };
    OrchestrationClient(m_session)
        .validateTemplate(request)
        .then(this, [accept](const HeatTemplateValidation &) { accept({}, tr("The cloud's Heat accepts the template.")); })
        .onFailed(this, [accept, text, file](const ApiError &error) {
            if (error.kind() != ApiError::Kind::Http) {
                accept({}, tr("Could not validate on the cloud: %1").arg(error.message()));
                return;
            }
            // Heat's message names a key path; put it at the node it names (in the editor's text).
            accept({problemFromHeatError(HeatTemplate::parse(text), file, error.message())},
                   tr("The cloud's Heat refuses the template."));
        });
}

} // namespace Pilvi
