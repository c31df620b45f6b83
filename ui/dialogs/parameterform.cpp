// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/parameterform.h"

#include "template/heattemplate.h"
#include "template/templatebundle.h"
#include "yaml/yamldocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Pilvi {

namespace {
QString yamlText(const YamlNode *node)
{
    if (!node || node->isNull())
        return {};
    if (node->isScalar())
        return node->scalar;
    const QJsonValue json = yamlToJson(*node);
    return QString::fromUtf8(json.isArray() ? QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact)
                                            : QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
}

/// allowed_values of the first constraint that has them.
QStringList allowedValues(const YamlNode *constraints)
{
    if (!constraints || !constraints->isSequence())
        return {};
    for (const YamlNode &constraint : constraints->items) {
        if (const YamlNode *allowed = constraint.value(u"allowed_values"); allowed && allowed->isSequence()) {
            QStringList values;
            for (const YamlNode &item : allowed->items)
                values.append(yamlText(&item));
            return values;
        }
    }
    return {};
}
} // namespace

ParameterForm::ParameterForm(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
}

void ParameterForm::setTemplateText(const QByteArray &templateText, const QMap<QString, QString> &values)
{
    const HeatTemplate heatTemplate = HeatTemplate::parse(templateText);
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_names.clear();
    m_hidden.clear();
    m_editors.clear();
    for (const TemplateParameter &parameter : heatTemplate.parameters()) {
        const QString initial = values.contains(parameter.name) ? values.value(parameter.name) : yamlText(parameter.defaultValue);
        const QStringList allowed = allowedValues(parameter.constraints);
        QWidget *editor = nullptr;
        if (!allowed.isEmpty()) {
            auto *combo = new QComboBox(this);
            combo->addItems(allowed);
            combo->setCurrentText(initial);
            connect(combo, &QComboBox::currentIndexChanged, this, &ParameterForm::valuesChanged);
            editor = combo;
        } else if (parameter.type == u"boolean") {
            auto *check = new QCheckBox(this);
            const QStringList trueWords{QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("1"),
                                        QStringLiteral("on"),   QStringLiteral("t"),   QStringLiteral("y")};
            check->setChecked(trueWords.contains(initial.toLower()));
            connect(check, &QCheckBox::toggled, this, &ParameterForm::valuesChanged);
            editor = check;
        } else {
            auto *line = new QLineEdit(initial, this);
            connect(line, &QLineEdit::textEdited, this, &ParameterForm::valuesChanged);
            if (parameter.type == u"number")
                line->setValidator(new QDoubleValidator(line));
            if (parameter.hidden)
                line->setEchoMode(QLineEdit::Password);
            if (parameter.type == u"json" || parameter.type == u"comma_delimited_list")
                line->setPlaceholderText(parameter.type == u"json" ? tr("JSON") : tr("a,b,c"));
            editor = line;
        }
        editor->setObjectName(QStringLiteral("parameter_") + parameter.name);
        editor->setAccessibleName(parameter.name);
        editor->setToolTip(parameter.description);
        auto *cell = new QWidget(this);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->addWidget(editor);
        QStringList notes;
        if (!parameter.description.isEmpty())
            notes.append(parameter.description);
        if (parameter.constraints && allowed.isEmpty())
            notes.append(tr("Constraints: %1").arg(yamlText(parameter.constraints)));
        if (!notes.isEmpty()) {
            auto *note = new QLabel(notes.join(u" — "), cell);
            note->setWordWrap(true);
            note->setEnabled(false); // dimmed: a hint, not a value
            cellLayout->addWidget(note);
        }
        const QString label = parameter.label.isEmpty() ? parameter.name : parameter.label;
        m_form->addRow(tr("%1 (%2):").arg(label, parameter.type.isEmpty() ? QStringLiteral("string") : parameter.type), cell);
        m_names.append(parameter.name);
        if (parameter.hidden)
            m_hidden.append(parameter.name);
        m_editors.insert(parameter.name, editor);
    }
    if (m_names.isEmpty())
        m_form->addRow(new QLabel(tr("The template has no parameters."), this));
}

bool ParameterForm::setValue(const QString &name, const QString &value)
{
    QWidget *editor = m_editors.value(name);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int index = combo->findText(value);
        if (index < 0)
            return false;
        combo->setCurrentIndex(index);
    } else if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        check->setChecked(value == u"true");
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(value);
    } else {
        return false;
    }
    return true;
}

QString ParameterForm::value(const QString &name) const
{
    QWidget *editor = m_editors.value(name);
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentText();
    if (auto *check = qobject_cast<QCheckBox *>(editor))
        return check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        return line->text();
    return {};
}

QMap<QString, QString> ParameterForm::values() const
{
    QMap<QString, QString> result;
    for (const QString &name : m_names)
        result.insert(name, value(name));
    return result;
}

} // namespace Pilvi
