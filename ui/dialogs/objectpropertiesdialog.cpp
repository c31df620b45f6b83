// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/objectpropertiesdialog.h"

#include "dialogs/metadatatable.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Pilvi {

ObjectPropertiesDialog::ObjectPropertiesDialog(const QString &name, const ObjectInfo &info, QWidget *parent)
    : QDialog(parent)
    , m_metadata(new MetadataTable)
    , m_expires(new QCheckBox(tr("Delete it automatically on")))
    , m_expiry(new QDateTimeEdit)
    , m_problem(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Properties of %1").arg(name));
    setObjectName(QStringLiteral("objectPropertiesDialog"));
    QString facts = tr("%1 · %2").arg(QLocale().formattedDataSize(info.bytes), info.contentType);
    if (info.lastModified.isValid())
        facts = tr("%1 · modified %2").arg(facts, QLocale().toString(info.lastModified.toLocalTime(), QLocale::ShortFormat));
    auto *summary = new QLabel(facts);
    summary->setWordWrap(true);

    auto *metadata = new QGroupBox(tr("Metadata (X-Object-Meta-*)"));
    auto *metadataLayout = new QVBoxLayout(metadata);
    m_metadata->setMetadata(info.metadata);
    metadataLayout->addWidget(m_metadata);

    m_expires->setObjectName(QStringLiteral("expiresBox"));
    m_expiry->setObjectName(QStringLiteral("expiryEdit"));
    m_expiry->setCalendarPopup(true);
    m_expiry->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_expires->setChecked(info.deleteAt.isValid());
    m_expiry->setDateTime(info.deleteAt.isValid() ? info.deleteAt.toLocalTime() : QDateTime::currentDateTime().addDays(30));
    auto *expiry = new QGroupBox(tr("Expiry (X-Delete-At)"));
    auto *expiryLayout = new QHBoxLayout(expiry);
    expiryLayout->addWidget(m_expires);
    expiryLayout->addWidget(m_expiry, 1);

    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(metadata, 1);
    layout->addWidget(expiry);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_metadata, &MetadataTable::changed, this, &ObjectPropertiesDialog::validate);
    connect(m_expires, &QCheckBox::toggled, this, &ObjectPropertiesDialog::validate);
    connect(m_expiry, &QDateTimeEdit::dateTimeChanged, this, &ObjectPropertiesDialog::validate);
    validate();
    resize(520, 420);
}

QMap<QString, QString> ObjectPropertiesDialog::metadata() const
{
    return m_metadata->metadata();
}

QDateTime ObjectPropertiesDialog::deleteAt() const
{
    return m_expires->isChecked() ? m_expiry->dateTime().toUTC() : QDateTime();
}

void ObjectPropertiesDialog::validate()
{
    m_expiry->setEnabled(m_expires->isChecked());
    QString problem = m_metadata->problem();
    if (problem.isEmpty() && m_expires->isChecked() && m_expiry->dateTime() <= QDateTime::currentDateTime())
        problem = tr("The expiry must be in the future (Swift refuses a past X-Delete-At).");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace Pilvi
