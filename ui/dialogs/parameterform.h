// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QWidget>

class QFormLayout;

namespace Pilvi {

/// An editor per template parameter, typed from the template: numbers validated, booleans as a
/// check box, allowed values as a choice, hidden parameters as password fields; the default
/// filled in and the constraints shown under the editor.
class ParameterForm final : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterForm(QWidget *parent = nullptr);

    /// Rebuilds the editors for the parameters of the template `templateText` (YAML or JSON);
    /// `values` (e.g. a running stack's) win over the template's defaults.
    void setTemplateText(const QByteArray &templateText, const QMap<QString, QString> &values = {});
    QStringList parameterNames() const { return m_names; }
    bool isHidden(const QString &name) const { return m_hidden.contains(name); }
    /// Sets an editor's value as text ("true"/"false" for booleans); false for an unknown name.
    bool setValue(const QString &name, const QString &value);
    QString value(const QString &name) const;
    QMap<QString, QString> values() const;

Q_SIGNALS:
    /// The user changed a value.
    void valuesChanged();

private:
    QFormLayout *m_form;
    QStringList m_names;
    QStringList m_hidden;
    QMap<QString, QWidget *> m_editors;
};

} // namespace Pilvi
