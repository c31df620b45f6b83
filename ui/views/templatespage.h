// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/heattemplate.h"
#include "template/resourcegraph.h"
#include "template/resourceschema.h"
#include "template/templateedits.h"
#include "template/templateproblem.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTimer;
class QToolBar;

namespace KSyntaxHighlighting {
class Repository;
}

namespace Pilvi {

struct TemplateFiles;

class EditorTab;
class GraphLayoutRunner;
class PropertyInspector;
class RecentFiles;
class ResourceGraphView;
class Session;

/// The Templates page: the text editor, the resource graph and the property inspector of one
/// Heat template, kept in sync both ways. Every change of the text is parsed, validated and laid
/// out off the GUI thread (coalesced; stale results dropped); every visual edit becomes a minimal
/// text edit that is one undo step in the editor.
class TemplatesPage final : public QWidget
{
    Q_OBJECT
public:
    TemplatesPage(KSyntaxHighlighting::Repository &repository, QWidget *parent = nullptr);
    ~TemplatesPage() override;

    EditorTab *editorTab() const { return m_tab; }
    ResourceGraphView *graphView() const { return m_graph; }
    PropertyInspector *inspector() const { return m_inspector; }

    /// The connected cloud, for "Validate on the server" (nullptr: offline only). Its Heat's list
    /// of resource types then restricts the offline checks, the completion and the type palette.
    void setSession(Session *session);
    /// Checks and completes against the types `cloud` offers (from its GET /resource_types): a
    /// type the bundled schemas know and the cloud lacks "could not be found", as Heat would say.
    /// An empty `cloud` goes back to every bundled type.
    void useCloudResourceTypes(const QString &cloud, const QStringList &available);
    /// Environment files (parameters, parameter_defaults, resource_registry) checked against the
    /// template and sent with it to the cloud's validation, in order; empty for none.
    void setEnvironmentFiles(const QStringList &paths);
    QStringList environmentFiles() const { return m_environmentFiles; }
    /// The cloud whose types the checks use; empty for the bundled ones.
    QString resourceTypesCloud() const { return m_typesCloud; }
    QStringList paletteTypes() const;
    bool openFile(const QString &path);
    /// Replaces the text (a new, unsaved template).
    void setTemplateText(const QString &text);

    /// The latest analysis: problems (offline and from the server) and the resource graph.
    QList<TemplateProblem> problems() const { return m_problems; }
    const ResourceGraph &resourceGraph() const { return m_resourceGraph; }
    /// True once the text as it stands has been analysed and its graph laid out.
    bool isAnalysed() const { return m_analysedRevision == m_revision && m_laidOut; }

    // Visual edits; each returns an error for a person, or an empty string.
    QString addResource(const QString &name, const QString &type);
    QString deleteResource(const QString &name);
    QString renameResource(const QString &from, const QString &to);
    QString connectResources(const QString &from, const QString &to);
    QString setProperty(const QString &resource, const QString &property, const QString &yamlText);

Q_SIGNALS:
    /// The text as it stands has been analysed and laid out.
    void analysed();
    /// The resource types the checks use changed (another cloud, or back to the bundled ones).
    void resourceTypesChanged();

private:
    struct Analysis;
    void buildToolBar();
    void scheduleAnalysis();
    void analyse();
    void applyAnalysis(const Analysis &analysis);
    QString applyEdit(const TemplateEditResult &result);
    void onGraphSelection(const QString &name);
    void onCursorMoved();
    void showInspector(const QString &name);
    void validateOnServer();
    void sendForValidation(const TemplateFiles &files, quint64 revision, const QString &file, const QByteArray &text);
    void chooseFileToOpen();
    void chooseEnvironmentFiles();
    void fetchMissingSchemas(Session *session, int generation, const QStringList &available);
    void applyRegistry(const ResourceSchemaRegistry &registry, const QString &cloud);
    void addResourceFromPalette();
    void renameSelected();
    void connectSelected();
    QString uniqueNameFor(const QString &type) const;

    ResourceSchemaRegistry m_registry;
    EditorTab *m_tab;
    ResourceGraphView *m_graph;
    GraphLayoutRunner *m_layoutRunner;
    PropertyInspector *m_inspector;
    QToolBar *m_toolBar;
    QComboBox *m_typePalette;
    QLabel *m_status;
    QTimer *m_analysisTimer;
    Session *m_session = nullptr;
    QString m_typesCloud;
    QStringList m_environmentFiles;
    int m_typesGeneration = 0; // an answer for a cloud no longer selected is dropped

    quint64 m_revision = 0;         // bumped by every text change
    quint64 m_analysedRevision = 0; // the revision the shown problems and graph belong to
    bool m_laidOut = false;
    bool m_analysing = false;
    QList<TemplateProblem> m_offlineProblems;
    QList<TemplateProblem> m_serverProblems; // valid for m_serverRevision only
    quint64 m_serverRevision = 0;
    QList<TemplateProblem> m_problems;
    ResourceGraph m_resourceGraph;
    QByteArray m_analysedText;
    HeatTemplate m_parsed; // of m_analysedText
};

} // namespace Pilvi
