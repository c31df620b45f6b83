// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/objectstorage/containersettings.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QRadioButton;

namespace Pilvi {

class MetadataTable;

/// Who may read a container, how it keeps old versions, and its metadata. Shows the
/// container's current settings; settings() is what the user chose.
class ContainerSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    /// `containers`: the account's containers, offered as the archive.
    ContainerSettingsDialog(const QString &container, const ContainerInfo &info, const QStringList &containers,
                            QWidget *parent = nullptr);

    ContainerSettings settings() const;
    void setSettings(const ContainerSettings &settings);

    QRadioButton *publicButton() const { return m_public; }
    QComboBox *versioningBox() const { return m_versioning; }
    QComboBox *archiveBox() const { return m_archive; }
    MetadataTable *metadataTable() const { return m_metadata; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void validate();

    QString m_container;
    QRadioButton *m_private;
    QRadioButton *m_public;
    QComboBox *m_versioning;
    QComboBox *m_archive;
    MetadataTable *m_metadata;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Pilvi
