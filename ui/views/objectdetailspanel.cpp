// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/objectdetailspanel.h"

#include "models/objecttreemodel.h"
#include "net/apierror.h"
#include "openstack/objectstorage/objectstorageclient.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Pilvi {

ObjectDetailsPanel::ObjectDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_form(new QFormLayout)
    , m_versionsBox(new QWidget(this))
    , m_versions(new QTreeWidget(this))
    , m_restore(new QPushButton(tr("Restore this version"), this))
{
    setObjectName(QStringLiteral("objectDetails"));
    setAccessibleName(tr("Object details"));
    m_title->setObjectName(QStringLiteral("objectDetailsTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_versions->setObjectName(QStringLiteral("versionsView"));
    m_versions->setAccessibleName(tr("Old versions"));
    m_versions->setHeaderLabels({tr("Saved"), tr("Size")});
    m_versions->setRootIsDecorated(false);
    m_versions->header()->setStretchLastSection(false);
    m_versions->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_restore->setObjectName(QStringLiteral("restoreVersionButton"));
    m_restore->setEnabled(false);
    m_restore->setToolTip(tr("Copies the old version over the object; the current one is kept as a version"));
    connect(m_versions, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { m_restore->setEnabled(current != nullptr); });
    connect(m_restore, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_versions->currentItem())
            if (const QString version = item->data(0, Qt::UserRole).toString(); !version.isEmpty())
                Q_EMIT restoreRequested(m_archive, version);
    });
    auto *versionsLayout = new QVBoxLayout(m_versionsBox);
    versionsLayout->setContentsMargins(0, 0, 0, 0);
    auto *versionsTitle = new QLabel(tr("Old versions"), m_versionsBox);
    versionsTitle->setFont(bold);
    versionsLayout->addWidget(versionsTitle);
    versionsLayout->addWidget(m_versions, 1);
    versionsLayout->addWidget(m_restore, 0, Qt::AlignRight);
    m_versionsBox->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(m_form);
    layout->addWidget(m_versionsBox, 1);
    layout->addStretch(0);
    setMinimumWidth(240);
}

void ObjectDetailsPanel::clear(const QString &title)
{
    ++m_request;
    m_info = {};
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_versions->clear();
    m_versionsBox->hide();
    m_title->setText(title);
}

void ObjectDetailsPanel::addRow(const QString &label, const QString &value)
{
    auto *field = new QLabel(value);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    m_form->addRow(label, field);
}

void ObjectDetailsPanel::showObject(Session *session, const QString &container, const ContainerInfo *containerInfo,
                                    const QString &name)
{
    if (name.isEmpty() || name.endsWith(u'/')) {
        clear(name.isEmpty() ? (container.isEmpty() ? tr("Select a container") : tr("Select an object"))
                             : ObjectTreeModel::lastSegment(name) + u'/');
        return;
    }
    clear(name);
    const int request = m_request;
    m_form->addRow(new QLabel(tr("Loading…")));
    if (!session)
        return;
    m_archive = containerInfo ? containerInfo->archiveContainer() : QString();
    const bool isPublic = containerInfo && containerInfo->isPublic();
    ObjectStorageClient(session)
        .objectInfo(container, name)
        .then(this,
              [this, request, session, container, name, isPublic](const ObjectInfo &info) {
                  if (request != m_request)
                      return; // another object was selected meanwhile
                  m_info = info;
                  while (m_form->rowCount() > 0)
                      m_form->removeRow(0);
                  const QLocale locale;
                  addRow(tr("Size"), tr("%1 (%2 bytes)").arg(locale.formattedDataSize(info.bytes), locale.toString(info.bytes)));
                  addRow(tr("Type"), info.contentType);
                  addRow(tr("ETag"), info.etag + (info.isLargeObject ? tr(" (manifest of a large object)") : QString()));
                  addRow(tr("Modified"), locale.toString(info.lastModified.toLocalTime(), QLocale::ShortFormat));
                  addRow(tr("Expires"), info.deleteAt.isValid()
                                            ? locale.toString(info.deleteAt.toLocalTime(), QLocale::ShortFormat)
                                            : tr("never"));
                  for (auto it = info.metadata.cbegin(); it != info.metadata.cend(); ++it)
                      addRow(it.key(), it.value());
                  if (isPublic) {
                      ObjectStorageClient(session).objectUrl(container, name).then(this, [this, request](const QUrl &url) {
                          if (request != m_request)
                              return;
                          // A field, not a label: long, and meant to be selected and copied.
                          auto *field = new QLineEdit(url.toString(QUrl::FullyEncoded));
                          field->setObjectName(QStringLiteral("publicUrlEdit"));
                          field->setReadOnly(true);
                          field->setCursorPosition(0);
                          m_form->addRow(tr("Public URL"), field);
                      });
                  }
                  if (m_archive.isEmpty()) {
                      Q_EMIT detailsShown();
                      return;
                  }
                  ObjectStorageClient(session)
                      .listVersions(m_archive, name)
                      .then(this,
                            [this, request](const QList<ObjectEntry> &versions) {
                                if (request != m_request)
                                    return;
                                showVersions(versions);
                                Q_EMIT detailsShown();
                            })
                      .onFailed(this, [this, request](const ApiError &error) {
                          if (request != m_request)
                              return;
                          addRow(tr("Old versions"), tr("could not be listed: %1").arg(error.message()));
                          Q_EMIT detailsShown();
                      });
              })
        .onFailed(this, [this, request](const ApiError &error) {
            if (request != m_request)
                return;
            while (m_form->rowCount() > 0)
                m_form->removeRow(0);
            m_form->addRow(new QLabel(tr("Could not read: %1").arg(error.message())));
            Q_EMIT detailsShown();
        });
}

void ObjectDetailsPanel::showVersions(const QList<ObjectEntry> &versions)
{
    m_versions->clear();
    const QLocale locale;
    // Newest first: the one a user most likely wants back.
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        auto *item = new QTreeWidgetItem(m_versions);
        item->setText(0, locale.toString(it->lastModified.toLocalTime(), QLocale::ShortFormat));
        item->setToolTip(0, it->name);
        if (it->isDeleteMarker()) {
            item->setText(1, tr("deleted"));
            item->setFlags(Qt::ItemIsEnabled); // nothing to restore
            continue;
        }
        item->setText(1, locale.formattedDataSize(it->bytes));
        item->setData(0, Qt::UserRole, it->name);
    }
    m_versionsBox->setVisible(true);
    if (versions.isEmpty()) {
        auto *none = new QTreeWidgetItem(m_versions);
        none->setText(0, tr("none kept yet"));
        none->setFlags(Qt::NoItemFlags);
    }
}

} // namespace Pilvi
