// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/propertyinspector.h"

#include "template/templateedits.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Pilvi {

namespace {

QStringList allowedValues(const PropertySchema &schema)
{
    QStringList values;
    const QJsonArray constraints = schema.constraints();
    for (const auto &constraint : constraints) {
        const QJsonArray allowed = constraint.toObject().value(QLatin1StringView("allowed_values")).toArray();
        for (const auto &value : allowed)
            values.append(value.isString() ? value.toString() : QString::number(value.toDouble()));
    }
    return values;
}

// YAML text for what the user typed: a list, map or function as typed; a plain value quoted as
// YAML needs it (yamlScalar keeps numbers and booleans plain so they keep their type).
QString yamlFor(const QString &typed)
{
    QString trimmed = typed.trimmed();
    if (trimmed.startsWith(u'{') || trimmed.startsWith(u'['))
        return trimmed;
    return yamlScalar(typed);
}

} // namespace

PropertyInspector::PropertyInspector(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_form(new QWidget(this))
    , m_layout(new QFormLayout(m_form))
{
    setObjectName(QStringLiteral("propertyInspector"));
    setAccessibleName(tr("Resource properties"));
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont font = m_title->font();
    font.setBold(true);
    m_title->setFont(font);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);
    clear();
}

void PropertyInspector::clear(const QString &why)
{
    m_resource.clear();
    m_editors.clear();
    m_shown.clear();
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_title->setText(why.isEmpty() ? tr("Select a resource in the graph or the text to see its properties.") : why);
}

void PropertyInspector::showResource(const QString &name, const ResourceTypeSchema &schema,
                                     const QHash<QString, WrittenValue> &values)
{
    clear();
    m_resource = name;
    if (!schema.isValid()) {
        m_title->setText(tr("%1: no schema for this type (a nested template, or a type this cloud does not offer).").arg(name));
        return;
    }
    m_title->setText(tr("%1 — %2").arg(name, schema.name()));
    QStringList names = schema.propertyNames();
    // Required first, then alphabetical: what must be filled stands at the top.
    std::stable_sort(names.begin(), names.end(), [&schema](const QString &a, const QString &b) {
        const bool ra = schema.property(a).required();
        const bool rb = schema.property(b).required();
        return ra != rb ? ra : a < b;
    });
    for (const QString &property : std::as_const(names)) {
        const PropertySchema propertySchema = schema.property(property);
        if (propertySchema.supportStatus().status == SupportStatus::Status::Hidden && !values.contains(property))
            continue;
        auto *label = new QLabel(propertySchema.required() ? property + QStringLiteral(" *") : property, m_form);
        if (propertySchema.required()) {
            QFont font = label->font();
            font.setBold(true);
            label->setFont(font);
        }
        QString tip = propertySchema.description();
        tip += QLatin1Char('\n') + tr("Type: %1").arg(propertySchema.type());
        if (propertySchema.required())
            tip += QLatin1Char('\n') + tr("Required.");
        if (!propertySchema.updateAllowed())
            tip += QLatin1Char('\n') + tr("Changing it on a running stack replaces the resource.");
        label->setToolTip(tip.trimmed());
        QWidget *editor = makeEditor(property, propertySchema, values.value(property));
        editor->setToolTip(label->toolTip());
        editor->setAccessibleName(property);
        label->setBuddy(editor);
        m_layout->addRow(label, editor);
        m_editors.insert(property, editor);
    }
}

QWidget *PropertyInspector::makeEditor(const QString &property, const PropertySchema &schema, const WrittenValue &value)
{
    QStringList choices = allowedValues(schema);
    if (choices.isEmpty() && schema.type() == u"boolean")
        choices = {QStringLiteral("true"), QStringLiteral("false")};
    // A choice only while the value is a plain one of them: a get_param or other function stays
    // editable as text.
    if (!choices.isEmpty() && (value.text.isEmpty() || (value.scalar && choices.contains(value.text)))) {
        auto *combo = new QComboBox(m_form);
        combo->addItem(QString()); // not set
        combo->addItems(choices);
        combo->setCurrentIndex(std::max(0, combo->findText(value.text)));
        m_shown.insert(property, value.text);
        connect(combo, &QComboBox::activated, this, [this, property, combo] { commit(property, combo->currentText()); });
        return combo;
    }
    auto *line = new QLineEdit(value.text, m_form);
    if (value.text.isEmpty() && schema.defaultValue().isString())
        line->setPlaceholderText(tr("default: %1").arg(schema.defaultValue().toString()));
    else if (value.text.isEmpty() && schema.defaultValue().isDouble())
        line->setPlaceholderText(tr("default: %1").arg(schema.defaultValue().toDouble()));
    // What is shown is compared as YAML text, so an untouched function call is never rewritten.
    m_shown.insert(property, value.scalar ? value.text : value.text.trimmed());
    connect(line, &QLineEdit::editingFinished, this, [this, property, line] { commit(property, line->text()); });
    return line;
}

void PropertyInspector::commit(const QString &property, const QString &text)
{
    if (m_resource.isEmpty() || text == m_shown.value(property) || text.trimmed().isEmpty())
        return;
    m_shown.insert(property, text);
    Q_EMIT propertyEdited(m_resource, property, yamlFor(text));
}

} // namespace Pilvi
