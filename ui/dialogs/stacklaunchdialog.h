// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/orchestration/stackupdate.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace Pilvi {

class ParameterForm;
struct StackCreateRequest;
class ResourceGraphView;
class GraphLayoutRunner;
class Session;

/// Launch a stack, or update one: the template (a file, or for an update the stack's own), a
/// parameters form built from it, environment files, rollback and timeout, and the project's
/// current quota headroom. An update is first previewed (Heat's update preview, drawn as a diff
/// on the topology and listed by category) before it can be applied.
class StackLaunchDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Launch, Update };

    StackLaunchDialog(Session *session, Mode mode, QWidget *parent = nullptr);
    ~StackLaunchDialog() override;

    /// Reads a template file with its environments (as `openstack stack create -t -e` does) and
    /// rebuilds the parameters form; false (with the reason shown) when it cannot be used.
    bool loadTemplateFile(const QString &path);
    /// For an update: the stack, its current template and parameter values.
    void setStack(const Stack &stack, const QByteArray &templateText);

    ParameterForm *parameterForm() const { return m_parameters; }
    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *rollbackBox() const { return m_rollback; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QString problemText() const;

    StackCreateRequest createRequest() const;
    /// PATCH (existing) with the changed parameters while the template is the stack's own; a
    /// full PUT once a new template file was picked.
    StackUpdateRequest updateRequest() const;

    /// Asks Heat what the update would do; previewReady() or previewFailed() follows.
    void preview();
    const StackUpdatePreview &lastPreview() const { return m_preview; }
    ResourceGraphView *previewGraph() const { return m_graph; }
    QTreeWidget *previewList() const { return m_previewList; }

Q_SIGNALS:
    void previewReady();
    void previewFailed(const QString &message);

private:
    void chooseTemplate();
    void addEnvironment();
    void reloadTemplate();
    void loadQuota();
    void showPreview(const StackUpdatePreview &preview);
    void invalidatePreview();

    Session *m_session;
    Mode m_mode;
    Stack m_stack;
    QString m_templatePath;
    QByteArray m_templateText;
    QMap<QString, QByteArray> m_files;
    QByteArray m_environmentText;
    StackUpdatePreview m_preview;
    bool m_previewed = false;
    int m_previewGeneration = 0; // a preview answer for older inputs is dropped

    QLineEdit *m_name;
    QLineEdit *m_templateEdit;
    QListWidget *m_environments;
    ParameterForm *m_parameters;
    QCheckBox *m_rollback;
    QSpinBox *m_timeout;
    QLabel *m_quota;
    QLabel *m_problem;
    QTreeWidget *m_previewList = nullptr;
    ResourceGraphView *m_graph = nullptr;
    GraphLayoutRunner *m_layoutRunner = nullptr;
    QPushButton *m_previewButton = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace Pilvi
