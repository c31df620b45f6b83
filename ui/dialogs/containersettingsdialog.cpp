// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/containersettingsdialog.h"

#include "dialogs/metadatatable.h"
#include "openstack/objectstorage/objectstorageclient.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Pilvi {

ContainerSettingsDialog::ContainerSettingsDialog(const QString &container, const ContainerInfo &info,
                                                 const QStringList &containers, QWidget *parent)
    : QDialog(parent)
    , m_container(container)
    , m_private(new QRadioButton(tr("Private: only this project's users, with a token")))
    , m_public(new QRadioButton(tr("Public: anyone with an object's address may read it, and list the container")))
    , m_versioning(new QComboBox)
    , m_archive(new QComboBox)
    , m_metadata(new MetadataTable)
    , m_problem(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Settings of container %1").arg(container));
    setObjectName(QStringLiteral("containerSettingsDialog"));
    m_private->setObjectName(QStringLiteral("privateButton"));
    m_public->setObjectName(QStringLiteral("publicButton"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_private);
    group->addButton(m_public);

    auto *access = new QGroupBox(tr("Who may read it"));
    auto *accessLayout = new QVBoxLayout(access);
    accessLayout->addWidget(m_private);
    accessLayout->addWidget(m_public);
    if (!info.readAcl.isEmpty() && info.readAcl != ObjectStorageClient::publicReadAcl()) {
        auto *acl = new QLabel(tr("Its read ACL now: <code>%1</code><br>Grants to projects and users stay as they are.")
                                   .arg(info.readAcl.toHtmlEscaped()));
        accessLayout->addWidget(acl);
    }

    m_versioning->setObjectName(QStringLiteral("versioningBox"));
    m_versioning->addItem(tr("Off: an overwrite or a delete is final"), QVariant::fromValue(VersioningMode::Off));
    m_versioning->addItem(tr("Keep old versions: a delete brings the previous one back"),
                          QVariant::fromValue(VersioningMode::Stack));
    m_versioning->addItem(tr("Keep history: a delete keeps a copy as well"), QVariant::fromValue(VersioningMode::History));
    m_archive->setObjectName(QStringLiteral("archiveBox"));
    m_archive->setEditable(true);
    for (const QString &name : containers) {
        if (name != container)
            m_archive->addItem(name);
    }
    m_archive->setToolTip(tr("The container that keeps the old versions; created when it does not exist"));
    auto *versions = new QGroupBox(tr("Old versions"));
    auto *versionsLayout = new QFormLayout(versions);
    versionsLayout->addRow(tr("Versioning:"), m_versioning);
    versionsLayout->addRow(tr("Kept in:"), m_archive);
    if (info.versionsEnabled) {
        // The newer object_versioning middleware: Pilvi shows it, but changes only versioned_writes.
        m_versioning->setEnabled(false);
        m_archive->setEnabled(false);
        versionsLayout->addRow(new QLabel(tr("This container uses object versioning (X-Versions-Enabled); change it "
                                             "with the swift client.")));
    }

    auto *metadata = new QGroupBox(tr("Metadata (X-Container-Meta-*)"));
    auto *metadataLayout = new QVBoxLayout(metadata);
    metadataLayout->addWidget(m_metadata);

    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    m_problem->setPalette(warning);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(access);
    layout->addWidget(versions);
    layout->addWidget(metadata, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_versioning, &QComboBox::currentIndexChanged, this, &ContainerSettingsDialog::validate);
    connect(m_archive, &QComboBox::currentTextChanged, this, &ContainerSettingsDialog::validate);
    connect(m_metadata, &MetadataTable::changed, this, &ContainerSettingsDialog::validate);

    ContainerSettings current = ContainerSettings::of(info);
    if (current.archive.isEmpty())
        current.archive = container + QStringLiteral("-versions");
    setSettings(current);
    resize(560, 520);
}

void ContainerSettingsDialog::setSettings(const ContainerSettings &settings)
{
    (settings.isPublic ? m_public : m_private)->setChecked(true);
    m_versioning->setCurrentIndex(m_versioning->findData(QVariant::fromValue(settings.versioning)));
    m_archive->setCurrentText(settings.archive);
    m_metadata->setMetadata(settings.metadata);
    validate();
}

ContainerSettings ContainerSettingsDialog::settings() const
{
    ContainerSettings settings;
    settings.isPublic = m_public->isChecked();
    settings.versioning = m_versioning->currentData().value<VersioningMode>();
    settings.archive = settings.versioning == VersioningMode::Off ? QString() : m_archive->currentText().trimmed();
    settings.metadata = m_metadata->metadata();
    return settings;
}

void ContainerSettingsDialog::validate()
{
    const bool versioned = m_versioning->currentData().value<VersioningMode>() != VersioningMode::Off;
    m_archive->setEnabled(versioned && m_versioning->isEnabled());
    // The table names the row of a bad key; the rest is core's.
    QString problem = m_metadata->problem();
    if (problem.isEmpty())
        problem = settings().problem(m_container);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace Pilvi
