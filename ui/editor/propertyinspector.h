// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "template/resourceschema.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace Pilvi {

/// What a template says for one property of a resource.
struct WrittenValue {
    QString text;        ///< the scalar's value, or the YAML text of a list, map or function call
    bool scalar = false; ///< text is a plain value (not YAML to be written as is)
};

/// A form for one resource's properties, generated from its type's schema: typed editors (a
/// choice for allowed values and booleans, a line for the rest), required ones marked, the
/// description and whether a change replaces the resource as tooltips. Edits are announced, never
/// applied here: the page turns them into minimal text edits of the YAML.
class PropertyInspector final : public QWidget
{
    Q_OBJECT
public:
    explicit PropertyInspector(QWidget *parent = nullptr);

    void showResource(const QString &name, const ResourceTypeSchema &schema, const QHash<QString, WrittenValue> &values);
    void clear(const QString &why = {});
    QString resourceName() const { return m_resource; }
    /// The editor of a property (a QLineEdit or QComboBox), or nullptr.
    QWidget *editorFor(const QString &property) const { return m_editors.value(property); }

Q_SIGNALS:
    /// The user set `property` of `resource`: `yamlText` is YAML ("2", "small", "{get_param: x}").
    void propertyEdited(const QString &resource, const QString &property, const QString &yamlText);

private:
    QWidget *makeEditor(const QString &property, const PropertySchema &schema, const WrittenValue &value);
    void commit(const QString &property, const QString &text);

    QLabel *m_title;
    QWidget *m_form;
    QFormLayout *m_layout;
    QString m_resource;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QString> m_shown; // property -> text shown when the form was built
};

} // namespace Pilvi
