// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/stacklaunchdialog.h"

#include "dialogs/parameterform.h"
#include "dialogs/templatefiles.h"
#include "graph/graphlayoutrunner.h"
#include "graph/resourcegraphview.h"
#include "net/apierror.h"
#include "openstack/blockstorage/blockstorageclient.h"
#include "openstack/compute/computeclient.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "template/resourcegraph.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Pilvi {

namespace {
QString quotaText(const QString &what, qint64 used, qint64 max)
{
    return max < 0 ? StackLaunchDialog::tr("%1: %2 used, unlimited").arg(what).arg(used)
                   : StackLaunchDialog::tr("%1: %2 of %3 used, %4 left").arg(what).arg(used).arg(max).arg(max - used);
}
} // namespace

StackLaunchDialog::StackLaunchDialog(Session *session, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_mode(mode)
    , m_name(new QLineEdit(this))
    , m_templateEdit(new QLineEdit(this))
    , m_environments(new QListWidget(this))
    , m_parameters(new ParameterForm(this))
    , m_rollback(new QCheckBox(tr("Roll back on failure"), this))
    , m_timeout(new QSpinBox(this))
    , m_quota(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(mode == Mode::Launch ? tr("Launch stack") : tr("Update stack"));
    m_name->setAccessibleName(tr("Stack name"));
    m_name->setReadOnly(mode == Mode::Update);
    m_templateEdit->setReadOnly(true);
    m_templateEdit->setAccessibleName(tr("Template file"));
    m_templateEdit->setPlaceholderText(mode == Mode::Launch ? tr("Choose a template file") : tr("The stack's current template"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &StackLaunchDialog::chooseTemplate);
    auto *templateRow = new QHBoxLayout;
    templateRow->addWidget(m_templateEdit, 1);
    templateRow->addWidget(browse);

    m_environments->setAccessibleName(tr("Environment files"));
    m_environments->setMaximumHeight(70);
    auto *addEnv = new QPushButton(tr("Add…"), this);
    auto *removeEnv = new QPushButton(tr("Remove"), this);
    connect(addEnv, &QPushButton::clicked, this, &StackLaunchDialog::addEnvironment);
    connect(removeEnv, &QPushButton::clicked, this, [this] {
        delete m_environments->currentItem();
        reloadTemplate();
    });
    auto *envButtons = new QVBoxLayout;
    envButtons->addWidget(addEnv);
    envButtons->addWidget(removeEnv);
    envButtons->addStretch(1);
    auto *envRow = new QHBoxLayout;
    envRow->addWidget(m_environments, 1);
    envRow->addLayout(envButtons);

    m_rollback->setChecked(mode == Mode::Launch);
    m_timeout->setRange(0, 24 * 60);
    m_timeout->setSpecialValueText(tr("Heat's default"));
    m_timeout->setSuffix(tr(" min"));
    m_quota->setWordWrap(true);
    m_quota->setObjectName(QStringLiteral("quotaHeadroom"));
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("launchProblem"));

    auto *form = new QFormLayout;
    form->addRow(tr("Stack name:"), m_name);
    form->addRow(tr("Template:"), templateRow);
    form->addRow(tr("Environment files:"), envRow);
    form->addRow(QString(), m_rollback);
    form->addRow(tr("Timeout:"), m_timeout);
    form->addRow(tr("Quota headroom:"), m_quota);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_parameters);
    scroll->setAccessibleName(tr("Parameters"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(form);
    leftLayout->addWidget(new QLabel(tr("<b>Parameters</b>"), left));
    leftLayout->addWidget(scroll, 1);

    auto *layout = new QVBoxLayout(this);
    if (mode == Mode::Update) {
        m_previewList = new QTreeWidget(this);
        m_previewList->setHeaderLabels({tr("Resource"), tr("Type")});
        m_previewList->setAccessibleName(tr("Update preview"));
        m_graph = new ResourceGraphView(this);
        m_graph->setAccessibleName(tr("Update preview topology"));
        m_layoutRunner = new GraphLayoutRunner(this);
        connect(m_layoutRunner, &GraphLayoutRunner::layoutReady, this, [this](const GraphLayout &graphLayout) {
            m_graph->setGraphLayout(graphLayout);
            m_graph->fitToView();
        });
        auto *right = new QSplitter(Qt::Vertical, this);
        right->addWidget(m_graph);
        right->addWidget(m_previewList);
        auto *split = new QSplitter(this);
        split->addWidget(left);
        split->addWidget(right);
        split->setStretchFactor(1, 1);
        layout->addWidget(split, 1);
        m_previewButton = m_buttons->addButton(tr("Preview"), QDialogButtonBox::ActionRole);
        connect(m_previewButton, &QPushButton::clicked, this, &StackLaunchDialog::preview);
        m_buttons->addButton(tr("Apply update"), QDialogButtonBox::AcceptRole)->setEnabled(false);
        connect(m_parameters, &ParameterForm::valuesChanged, this, &StackLaunchDialog::invalidatePreview);
        resize(1100, 700);
    } else {
        layout->addWidget(left, 1);
        m_buttons->addButton(tr("Launch"), QDialogButtonBox::AcceptRole);
        resize(640, 640);
    }
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    loadQuota();
}

StackLaunchDialog::~StackLaunchDialog() = default;

QString StackLaunchDialog::problemText() const
{
    return m_problem->text();
}

void StackLaunchDialog::chooseTemplate()
{
    // open(), not getOpenFileName(): no nested event loop on the GUI thread.
    auto *dialog =
        new QFileDialog(this, tr("Heat template"), {}, tr("Heat templates (*.yaml *.yml *.json *.template);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { loadTemplateFile(path); });
    dialog->open();
}

void StackLaunchDialog::addEnvironment()
{
    auto *dialog = new QFileDialog(this, tr("Environment files"), {}, tr("Environments (*.yaml *.yml *.json);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &paths) {
        m_environments->addItems(paths);
        reloadTemplate();
    });
    dialog->open();
}

bool StackLaunchDialog::loadTemplateFile(const QString &path)
{
    m_templatePath = path;
    m_templateEdit->setText(path);
    reloadTemplate();
    return !m_templateText.isEmpty();
}

void StackLaunchDialog::reloadTemplate()
{
    invalidatePreview();
    if (m_templatePath.isEmpty())
        return;
    QStringList environments;
    for (int row = 0; row < m_environments->count(); ++row)
        environments.append(m_environments->item(row)->text());
    const TemplateFiles files = readTemplateFiles(m_templatePath, environments);
    if (!files.problem.isEmpty()) {
        m_problem->setText(tr("The template cannot be used: %1").arg(files.problem));
        m_templateText.clear();
        return;
    }
    m_problem->clear();
    m_templateText = files.templateText;
    m_files = files.files;
    m_environmentText = files.environmentText;
    QMap<QString, QString> values = m_parameters->values();
    if (m_mode == Mode::Update)
        values.insert(m_stack.parameters);
    m_parameters->setTemplateText(files.sourceText.isEmpty() ? m_templateText : files.sourceText, values);
    if (m_graph) {
        const ResourceGraph graph = buildResourceGraph(m_templateText);
        m_layoutRunner->request(graph, m_graph->layoutOptions(graph));
    }
}

void StackLaunchDialog::setStack(const Stack &stack, const QByteArray &templateText)
{
    m_stack = stack;
    m_name->setText(stack.name);
    m_templateText = templateText;
    m_parameters->setTemplateText(templateText, stack.parameters);
    if (m_graph) {
        const ResourceGraph graph = buildResourceGraph(templateText);
        m_layoutRunner->request(graph, m_graph->layoutOptions(graph));
    }
    invalidatePreview();
}

void StackLaunchDialog::loadQuota()
{
    if (!m_session) {
        m_quota->setText(tr("No cloud selected."));
        return;
    }
    m_quota->setText(tr("Loading the project's limits…"));
    auto compute = std::make_shared<QString>();
    auto volumes = std::make_shared<QString>();
    auto show = [this, compute, volumes] {
        m_quota->setText(tr("Current headroom of the project (what is left now, not a prediction of what this "
                            "template uses):\n%1\n%2")
                             .arg(*compute, *volumes));
    };
    ComputeClient(m_session)
        .limits()
        .then(this,
              [compute, show](const ComputeLimits &limits) {
                  *compute = QStringList{quotaText(tr("Instances"), limits.instances.used, limits.instances.max),
                                         quotaText(tr("Cores"), limits.cores.used, limits.cores.max),
                                         quotaText(tr("RAM (MiB)"), limits.ramMb.used, limits.ramMb.max)}
                                 .join(u"; ");
                  show();
              })
        .onFailed(this, [compute, show](const ApiError &error) {
            *compute = tr("Compute limits unavailable: %1").arg(error.toString());
            show();
        });
    BlockStorageClient(m_session)
        .limits()
        .then(this,
              [volumes, show](const BlockStorageLimits &limits) {
                  *volumes = QStringList{quotaText(tr("Volumes"), limits.usedVolumes, limits.maxVolumes),
                                         quotaText(tr("Volume GiB"), limits.usedGigabytes, limits.maxGigabytes)}
                                 .join(u"; ");
                  show();
              })
        .onFailed(this, [volumes, show](const ApiError &error) {
            *volumes = tr("Volume limits unavailable: %1").arg(error.toString());
            show();
        });
}

StackCreateRequest StackLaunchDialog::createRequest() const
{
    StackCreateRequest request;
    request.name = m_name->text().trimmed();
    request.templateText = m_templateText;
    request.parameters = m_parameters->values();
    request.files = m_files;
    request.environmentText = m_environmentText;
    request.timeoutMinutes = m_timeout->value();
    request.rollbackOnFailure = m_rollback->isChecked();
    return request;
}

StackUpdateRequest StackLaunchDialog::updateRequest() const
{
    StackUpdateRequest request;
    const QMap<QString, QString> values = m_parameters->values();
    if (m_templatePath.isEmpty()) {
        request.existing = true; // PATCH: the stack keeps its template, only what changed is sent
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (m_stack.parameters.value(it.key()) != it.value())
                request.parameters.insert(it.key(), it.value());
        }
    } else {
        request.templateText = m_templateText;
        request.parameters = values;
        request.files = m_files;
        request.environmentText = m_environmentText;
    }
    request.timeoutMinutes = m_timeout->value();
    request.rollbackOnFailure = m_rollback->isChecked();
    return request;
}

void StackLaunchDialog::invalidatePreview()
{
    ++m_previewGeneration;
    m_previewed = false;
    const auto buttons = m_buttons->buttons();
    for (QAbstractButton *button : buttons) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(m_mode == Mode::Launch);
    }
    if (m_graph)
        m_graph->clearNodeChanges();
    if (m_previewList)
        m_previewList->clear();
}

void StackLaunchDialog::preview()
{
    invalidatePreview();
    const int generation = m_previewGeneration;
    m_problem->setText(tr("Asking Heat what the update would do…"));
    OrchestrationClient(m_session)
        .previewUpdate(m_stack.name, m_stack.id, updateRequest())
        .then(this,
              [this, generation](const StackUpdatePreview &result) {
                  if (generation != m_previewGeneration)
                      return;
                  m_problem->clear();
                  showPreview(result);
                  Q_EMIT previewReady();
              })
        .onFailed(this, [this, generation](const ApiError &error) {
            if (generation != m_previewGeneration)
                return;
            m_problem->setText(tr("Preview failed: %1").arg(error.toString()));
            Q_EMIT previewFailed(error.toString());
        });
}

void StackLaunchDialog::showPreview(const StackUpdatePreview &preview)
{
    m_preview = preview;
    m_previewed = true;
    const struct {
        const QList<ResourceSummary> &resources;
        NodeChange change;
        QString title;
    } categories[] = {
        {preview.added, NodeChange::Added, tr("Added")},
        {preview.replaced, NodeChange::Replaced, tr("Replaced")},
        {preview.updated, NodeChange::Updated, tr("Updated")},
        {preview.deleted, NodeChange::Deleted, tr("Deleted")},
        {preview.unchanged, NodeChange::Unchanged, tr("Unchanged")},
    };
    for (const auto &category : categories) {
        auto *group = new QTreeWidgetItem(m_previewList, {tr("%1 (%2)").arg(category.title).arg(category.resources.size())});
        group->setData(0, Qt::UserRole, static_cast<int>(category.change));
        for (const ResourceSummary &resource : category.resources) {
            new QTreeWidgetItem(group, {resource.name, resource.type});
            m_graph->setNodeChange(resource.name, category.change);
        }
        group->setExpanded(category.change != NodeChange::Unchanged);
    }
    const auto buttons = m_buttons->buttons();
    for (QAbstractButton *button : buttons) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(true);
    }
}

} // namespace Pilvi
