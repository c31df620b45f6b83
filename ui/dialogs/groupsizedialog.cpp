// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/groupsizedialog.h"

#include "dialogs/confirmdestructive.h"
#include "net/apierror.h"
#include "net/session.h"
#include "openstack/orchestration/orchestrationclient.h"
#include "openstack/orchestration/sizeparameter.h"
#include "openstack/orchestration/stackupdate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <utility>

namespace Pilvi {

namespace {

std::optional<int> currentValue(const ScalingGroup &group, const QString &property)
{
    if (property == u"min_size")
        return group.minSize;
    if (property == u"max_size")
        return group.maxSize;
    if (property == u"desired_capacity")
        return group.desiredCapacity;
    return group.count;
}

QString names(const QList<ResourceSummary> &resources)
{
    QStringList list;
    for (const ResourceSummary &resource : resources)
        list.append(resource.parentResource.isEmpty() ? resource.name : resource.parentResource + u'/' + resource.name);
    return list.join(QStringLiteral(", "));
}

} // namespace

GroupSizeDialog::GroupSizeDialog(Session *session, ScalingGroup group, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_group(std::move(group))
    , m_property(new QComboBox(this))
    , m_value(new QSpinBox(this))
    , m_preview(new QPushButton(tr("&Preview"), this))
    , m_apply(new QPushButton(tr("&Apply update"), this))
    , m_message(new QLabel(this))
    , m_summary(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Change the size of %1").arg(m_group.resourceName));
    if (m_group.kind == ScalingGroup::Kind::ResourceGroup)
        m_property->addItem(QStringLiteral("count"));
    else
        m_property->addItems({QStringLiteral("desired_capacity"), QStringLiteral("min_size"), QStringLiteral("max_size")});
    m_property->setAccessibleName(tr("Size property"));
    m_value->setRange(0, 1000);
    m_value->setAccessibleName(tr("New value"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setReadOnly(true);
    m_summary->setAccessibleName(tr("What the update would do"));
    m_summary->setPlaceholderText(tr("Preview the update to see what Heat would add, delete, replace and update."));
    m_apply->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Stack:"), new QLabel(m_group.stackName, this));
    form->addRow(tr("Group:"), new QLabel(m_group.resourceName, this));
    form->addRow(tr("Property:"), m_property);
    form->addRow(tr("New value:"), m_value);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_preview, QDialogButtonBox::ActionRole);
    buttons->addButton(m_apply, QDialogButtonBox::ApplyRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_preview, &QPushButton::clicked, this, &GroupSizeDialog::preview);
    connect(m_apply, &QPushButton::clicked, this, &GroupSizeDialog::apply);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_summary, 1);
    layout->addWidget(buttons);
    resize(560, 420);

    const auto showCurrent = [this] {
        m_value->setValue(currentValue(m_group, m_property->currentText()).value_or(0));
        invalidate();
    };
    connect(m_property, &QComboBox::currentTextChanged, this, showCurrent);
    connect(m_value, &QSpinBox::valueChanged, this, &GroupSizeDialog::invalidate);
    showCurrent();
}

QString GroupSizeDialog::resultText() const
{
    return m_message->text() + u'\n' + m_summary->toPlainText();
}

void GroupSizeDialog::invalidate()
{
    ++m_request;
    m_previewedParameter.clear();
    m_apply->setEnabled(false);
}

void GroupSizeDialog::preview()
{
    invalidate();
    const int request = m_request;
    const QString property = m_property->currentText();
    const QString value = QString::number(m_value->value());
    m_message->setText(tr("Reading the stack's template…"));
    m_summary->clear();
    OrchestrationClient(m_session)
        .stackTemplate(m_group.stackName, m_group.stackId)
        .then(this,
              [this, request, property, value](const QByteArray &templateText) {
                  if (request != m_request)
                      return;
                  const SizeSource source = sizeSourceOf(templateText, m_group.resourceName, property);
                  if (source.kind != SizeSource::Kind::Parameter) {
                      // Heat keeps the template; only a parameter can change without editing it.
                      m_message->setText(source.kind == SizeSource::Kind::Literal
                                             ? tr("%1 is written as a literal in the template of %2, not taken from a "
                                                  "parameter: changing it needs a template edit. Open the stack's "
                                                  "template on the Templates page.")
                                                   .arg(property, m_group.stackName)
                                             : tr("%1 is not taken from a parameter in the template of %2: changing it "
                                                  "needs a template edit on the Templates page.")
                                                   .arg(property, m_group.stackName));
                      Q_EMIT previewFinished();
                      return;
                  }
                  m_message->setText(tr("Previewing %1 = %2 (parameter %3)…").arg(property, value, source.parameter));
                  StackUpdateRequest update;
                  update.existing = true;
                  update.parameters.insert(source.parameter, value);
                  OrchestrationClient(m_session)
                      .previewUpdate(m_group.stackName, m_group.stackId, update, true)
                      .then(this,
                            [this, request, parameter = source.parameter](const StackUpdatePreview &result) {
                                if (request == m_request)
                                    showPreview(parameter, result);
                            })
                      .onFailed(this, [this, request](const ApiError &error) {
                          if (request != m_request)
                              return;
                          m_message->setText(tr("Heat refused the preview: %1").arg(error.toString()));
                          Q_EMIT previewFinished();
                      });
              })
        .onFailed(this, [this, request](const ApiError &error) {
            if (request != m_request)
                return;
            m_message->setText(tr("Could not read the template: %1").arg(error.toString()));
            Q_EMIT previewFinished();
        });
}

void GroupSizeDialog::showPreview(const QString &parameter, const StackUpdatePreview &preview)
{
    const auto line = [](const QString &label, const QList<ResourceSummary> &resources) {
        return tr("%1 (%2): %3").arg(label).arg(resources.size()).arg(names(resources));
    };
    m_summary->setPlainText(QStringList{line(tr("Added"), preview.added), line(tr("Deleted"), preview.deleted),
                                        line(tr("Replaced"), preview.replaced), line(tr("Updated"), preview.updated),
                                        line(tr("Unchanged"), preview.unchanged)}
                                .join(u'\n'));
    m_message->setText(
        tr("The update sets parameter %1 to %2. Apply it to update the stack.").arg(parameter).arg(m_value->value()));
    m_previewedParameter = parameter;
    m_apply->setEnabled(true);
    Q_EMIT previewFinished();
}

void GroupSizeDialog::apply()
{
    if (m_previewedParameter.isEmpty())
        return;
    const int value = m_value->value();
    const auto run = [this, parameter = m_previewedParameter, value] {
        StackUpdateRequest update;
        update.existing = true;
        update.parameters.insert(parameter, QString::number(value));
        m_apply->setEnabled(false);
        m_message->setText(tr("Updating %1…").arg(m_group.stackName));
        OrchestrationClient(m_session)
            .updateStack(m_group.stackName, m_group.stackId, update)
            .then(this,
                  [this] {
                      m_message->setText(tr("Heat accepted the update; the stack is updating."));
                      Q_EMIT updateStarted();
                  })
            .onFailed(this, [this](const ApiError &error) {
                m_message->setText(tr("Heat refused the update: %1").arg(error.toString()));
            });
    };
    // Lowering a size removes members: in production that is asked for by name, like a scale-in.
    const std::optional<int> current = currentValue(m_group, m_property->currentText());
    const Environment environment = m_session->profile().environment;
    if (current && value < *current && needsTypedConfirmation(environment)) {
        ConfirmDestructiveDialog::ask(this, environment, m_session->profile().name,
                                      tr("Lower %1 to %2").arg(m_property->currentText()).arg(value), m_group.resourceName, run);
        return;
    }
    run();
}

} // namespace Pilvi
