// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/promotedialog.h"

#include "dialogs/confirmdestructive.h"
#include "jobs/jobrunner.h"
#include "jobs/stackcreatejob.h"
#include "net/apierror.h"
#include "net/sessionpool.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "style/environmentstyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>

namespace Pilvi {

namespace {

QString environmentTitle(Environment environment)
{
    switch (environment) {
    case Environment::Development: return PromoteDialog::tr("Development");
    case Environment::Testing: return PromoteDialog::tr("Testing");
    case Environment::Preproduction: return PromoteDialog::tr("Preproduction");
    case Environment::Production: return PromoteDialog::tr("Production");
    }
    return {};
}

QString resourceNames(const QList<ResourceSummary> &resources)
{
    QStringList names;
    for (const ResourceSummary &resource : resources)
        names << resource.name;
    names.sort();
    return names.isEmpty() ? PromoteDialog::tr("none") : names.join(QStringLiteral(", "));
}

enum Column { NameColumn, ChangeColumn, CurrentColumn, TargetColumn, ColumnCount };

} // namespace

PromoteDialog::PromoteDialog(const CloudProfile &sourceCloud, const QString &stackName, SessionPool *sessions, JobRunner *runner,
                             const QList<CloudProfile> &clouds, QWidget *parent)
    : QDialog(parent)
    , m_source(sourceCloud)
    , m_stackName(stackName)
    , m_sessions(sessions)
    , m_runner(runner)
    , m_targetCloud(new QComboBox(this))
    , m_targetName(new QLineEdit(stackName, this))
    , m_compare(new QPushButton(tr("Compare"), this))
    , m_action(new QLabel(this))
    , m_diff(new QPlainTextEdit(this))
    , m_parameters(new QTableWidget(0, ColumnCount, this))
    , m_preview(new QLabel(this))
    , m_apply(nullptr)
{
    setWindowTitle(tr("Promote stack %1 from %2").arg(stackName, sourceCloud.name));

    // Clouds of the other environments, in the order of caution, each coloured as in the sidebar.
    for (const CloudProfile &cloud : clouds) {
        if (cloud.environment != sourceCloud.environment)
            m_clouds.append(cloud);
    }
    std::stable_sort(m_clouds.begin(), m_clouds.end(),
                     [](const CloudProfile &a, const CloudProfile &b) { return a.environment < b.environment; });
    for (qsizetype i = 0; i < m_clouds.size(); ++i) {
        const CloudProfile &cloud = m_clouds[i];
        m_targetCloud->addItem(tr("%1 — %2").arg(environmentTitle(cloud.environment), cloud.name), cloud.name);
        m_targetCloud->setItemData(int(i), environmentColor(cloud.environment), Qt::ForegroundRole);
    }

    auto *form = new QFormLayout;
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_targetCloud, 1);
    targetRow->addWidget(m_targetName, 1);
    targetRow->addWidget(m_compare);
    form->addRow(tr("Target cloud and stack:"), targetRow);
    form->addRow(tr("Action:"), m_action);

    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_parameters->setHorizontalHeaderLabels({tr("Parameter"), tr("Change"), tr("Current in target"), tr("Value to send")});
    m_parameters->horizontalHeader()->setStretchLastSection(true);
    m_parameters->verticalHeader()->hide();
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_diff);
    splitter->addWidget(m_parameters);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("Promote"), QDialogButtonBox::AcceptRole);
    m_apply->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_preview);
    layout->addWidget(buttons);
    resize(900, 700);

    connect(m_compare, &QPushButton::clicked, this, &PromoteDialog::compare);
    connect(m_targetCloud, &QComboBox::currentIndexChanged, this, [this] {
        m_hasPlan = false;
        m_apply->setEnabled(false);
        m_action->setText(tr("Press Compare to see what the promotion would do."));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &PromoteDialog::apply);
    connect(m_parameters, &QTableWidget::cellChanged, this, &PromoteDialog::onParameterEdited);
    connect(&m_watcher, &QFutureWatcher<PromotionPlan>::finished, this, [this] {
        m_compare->setEnabled(true);
        try {
            setPlan(m_watcher.result());
        } catch (const ApiError &error) {
            m_action->setText(tr("Could not compare: %1").arg(error.toString()));
        }
    });
    m_action->setText(m_clouds.isEmpty() ? tr("No cloud of another environment is configured.")
                                         : tr("Press Compare to see what the promotion would do."));
    m_compare->setEnabled(!m_clouds.isEmpty());
}

PromoteDialog *PromoteDialog::open(QWidget *parent, const CloudProfile &sourceCloud, const QString &stackName,
                                   SessionPool *sessions, JobRunner *runner, const QList<CloudProfile> &clouds)
{
    auto *dialog = new PromoteDialog(sourceCloud, stackName, sessions, runner, clouds, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

const CloudProfile *PromoteDialog::targetProfile() const
{
    const int index = m_targetCloud->currentIndex();
    return index >= 0 && index < m_clouds.size() ? &m_clouds[index] : nullptr;
}

void PromoteDialog::compare()
{
    const CloudProfile *target = targetProfile();
    if (!target || !m_sessions || m_targetName->text().trimmed().isEmpty())
        return;
    m_compare->setEnabled(false);
    m_apply->setEnabled(false);
    m_action->setText(tr("Comparing with %1…").arg(target->name));
    m_watcher.setFuture(fetchPromotionPlan(m_sessions->sessionFor(m_source), m_stackName, m_source.environment,
                                           m_sessions->sessionFor(*target), m_targetName->text().trimmed(), target->environment));
}

void PromoteDialog::setPlan(const PromotionPlan &plan)
{
    m_plan = plan;
    m_hasPlan = true;
    const bool update = plan.action == PromotionPlan::Action::Update;
    m_action->setText(
        update ? tr("Update the existing stack %1 in %2").arg(plan.target.stackName, environmentTitle(plan.target.environment))
               : tr("Create the stack %1 in %2").arg(plan.target.stackName, environmentTitle(plan.target.environment)));

    // The diff, one block per line, added green and removed red, as diff viewers colour them.
    m_diff->clear();
    QTextCursor cursor(m_diff->document());
    QTextCharFormat same;
    QTextCharFormat added;
    added.setBackground(QColor(0xd7, 0xf5, 0xdd));
    added.setForeground(QColor(0x11, 0x5e, 0x22));
    QTextCharFormat removed;
    removed.setBackground(QColor(0xfb, 0xdd, 0xdd));
    removed.setForeground(QColor(0x8e, 0x16, 0x16));
    bool first = true;
    for (const DiffLine &line : plan.templateDiff) {
        if (!first)
            cursor.insertBlock();
        first = false;
        switch (line.kind) {
        case DiffLine::Kind::Same: cursor.insertText(QStringLiteral("  ") + line.text, same); break;
        case DiffLine::Kind::Added: cursor.insertText(QStringLiteral("+ ") + line.text, added); break;
        case DiffLine::Kind::Removed: cursor.insertText(QStringLiteral("- ") + line.text, removed); break;
        }
    }
    if (update && !plan.templateChanged())
        m_diff->setPlaceholderText(tr("The templates are the same."));

    const QSignalBlocker blocker(m_parameters);
    m_parameters->setRowCount(int(plan.parameters.size()));
    for (int row = 0; row < plan.parameters.size(); ++row) {
        const ParameterChange &change = plan.parameters[row];
        auto *name = new QTableWidgetItem(change.name);
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        if (change.environmentSpecific) {
            name->setIcon(QIcon::fromTheme(QStringLiteral("dialog-warning")));
            name->setToolTip(
                tr("Names something of one environment (a key, network, flavor or image): check it for the target."));
        }
        auto *kind = new QTableWidgetItem(change.kindName());
        kind->setFlags(kind->flags() & ~Qt::ItemIsEditable);
        auto *current = new QTableWidgetItem(
            change.kind == ParameterChange::Kind::Added ? QString() : change.displayValue(change.currentValue));
        current->setFlags(current->flags() & ~Qt::ItemIsEditable);
        auto *target = new QTableWidgetItem(change.displayValue(change.targetValue));
        if (change.kind == ParameterChange::Kind::Removed)
            target->setFlags(target->flags() & ~Qt::ItemIsEditable);
        if (change.hidden)
            target->setToolTip(tr("Hidden: type a new value to replace it; left as is, the value is kept."));
        m_parameters->setItem(row, NameColumn, name);
        m_parameters->setItem(row, ChangeColumn, kind);
        m_parameters->setItem(row, CurrentColumn, current);
        m_parameters->setItem(row, TargetColumn, target);
    }
    m_parameters->resizeColumnsToContents();

    if (plan.preview) {
        const StackUpdatePreview &preview = *plan.preview;
        m_preview->setText(tr("Heat's preview — updated: %1; replaced: %2; added: %3; deleted: %4; unchanged: %5")
                               .arg(resourceNames(preview.updated), resourceNames(preview.replaced), resourceNames(preview.added),
                                    resourceNames(preview.deleted), resourceNames(preview.unchanged)));
    } else {
        m_preview->clear();
    }
    m_apply->setEnabled(true);
}

void PromoteDialog::onParameterEdited(int row, int column)
{
    if (column != TargetColumn || row < 0 || row >= m_plan.parameters.size())
        return;
    ParameterChange &change = m_plan.parameters[row];
    const QString text = m_parameters->item(row, column)->text();
    // A hidden value left showing its mask is not a new value.
    if (change.hidden && text == change.displayValue(change.targetValue))
        return;
    change.targetValue = text;
}

void PromoteDialog::apply()
{
    const CloudProfile *target = targetProfile();
    if (!m_hasPlan || !target)
        return;
    if (needsTypedConfirmation(target->environment)) {
        ConfirmDestructiveDialog::ask(this, target->environment, target->name, tr("Promote into production"),
                                      m_plan.target.stackName, [this] { submit(); });
        return;
    }
    submit();
}

void PromoteDialog::submit()
{
    const CloudProfile *target = targetProfile();
    if (!target || !m_runner)
        return;
    const JobSpec spec = m_plan.action == PromotionPlan::Action::Create
                             ? StackCreateJob::spec(target->name, m_plan.createRequest())
                             : updateJobSpec(target->name, m_plan);
    m_runner->submit(spec);
    accept();
}

JobSpec PromoteDialog::updateJobSpec(const QString &cloud, const PromotionPlan &plan)
{
    const StackUpdateRequest request = plan.updateRequest();
    const QSet<QString> hidden = templateHiddenParameters(request.templateText);
    JobSpec spec;
    spec.kind = QStringLiteral("stack.update");
    spec.cloud = cloud;
    spec.target = plan.target.stackName;
    QJsonObject parameters;
    for (auto it = request.parameters.cbegin(); it != request.parameters.cend(); ++it) {
        if (hidden.contains(it.key()))
            spec.secrets.insert(it.key(), it.value());
        else
            parameters.insert(it.key(), it.value());
    }
    QJsonObject files;
    for (auto it = request.files.cbegin(); it != request.files.cend(); ++it)
        files.insert(it.key(), QString::fromUtf8(it.value()));
    spec.parameters = QJsonObject{
        {QStringLiteral("name"), plan.target.stackName},
        {QStringLiteral("stackId"), plan.target.stackId},
        {QStringLiteral("existing"), request.existing},
        {QStringLiteral("template"), QString::fromUtf8(request.templateText)},
        {QStringLiteral("environment"), QString::fromUtf8(request.environmentText)},
        {QStringLiteral("files"), files},
        {QStringLiteral("parameters"), parameters},
        {QStringLiteral("hiddenParameters"), QJsonArray::fromStringList(spec.secrets.keys())},
    };
    return spec;
}

} // namespace Pilvi
