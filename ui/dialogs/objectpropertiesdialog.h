// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/objectstorage/objectstorage.h"

#include <QDialog>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace Pilvi {

class MetadataTable;

/// An object's metadata (X-Object-Meta-*) and expiry (X-Delete-At: Swift deletes it then).
class ObjectPropertiesDialog final : public QDialog
{
    Q_OBJECT
public:
    ObjectPropertiesDialog(const QString &name, const ObjectInfo &info, QWidget *parent = nullptr);

    QMap<QString, QString> metadata() const;
    /// Invalid: kept until deleted by hand.
    QDateTime deleteAt() const;

    MetadataTable *metadataTable() const { return m_metadata; }
    QCheckBox *expiresBox() const { return m_expires; }
    QDateTimeEdit *expiryEdit() const { return m_expiry; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void validate();

    MetadataTable *m_metadata;
    QCheckBox *m_expires;
    QDateTimeEdit *m_expiry;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Pilvi
