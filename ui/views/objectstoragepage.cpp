// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/objectstoragepage.h"

#include "dialogs/confirmdestructive.h"
#include "models/containerlistmodel.h"
#include "models/objectfolderloader.h"
#include "models/objecttreemodel.h"
#include "net/apierror.h"
#include "net/session.h"
#include "openstack/objectstorage/objectstorageclient.h"
#include "views/transferpanel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <atomic>
#include <memory>
#include <tuple>

namespace Pilvi {

namespace {
QString errorText(const ApiError &error)
{
    return error.toString();
}
} // namespace

ObjectStoragePage::ObjectStoragePage(QWidget *parent)
    : CloudTablePage(tr("Object storage"), parent)
    , m_containers(new ContainerListModel(this))
    , m_objects(new ObjectTreeModel(this))
    , m_loader(new ObjectFolderLoader(m_objects, this))
    , m_tree(new QTreeView(this))
    , m_detailsTitle(new QLabel(this))
    , m_details(new QFormLayout)
    , m_message(new QLabel(this))
    , m_transfers(new TransferPanel(this))
{
    setSourceModel(m_containers, ContainerListModel::SortRole);
    view()->setObjectName(QStringLiteral("containerTable"));
    view()->setAccessibleName(tr("Containers"));
    view()->setSelectionMode(QAbstractItemView::SingleSelection);

    m_tree->setObjectName(QStringLiteral("objectTree"));
    m_tree->setAccessibleName(tr("Objects"));
    m_tree->setModel(m_objects);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(ObjectTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);

    m_detailsTitle->setObjectName(QStringLiteral("objectDetailsTitle"));
    m_detailsTitle->setWordWrap(true);
    QFont bold = m_detailsTitle->font();
    bold.setBold(true);
    m_detailsTitle->setFont(bold);
    auto *detailsPanel = new QWidget(this);
    detailsPanel->setObjectName(QStringLiteral("objectDetails"));
    detailsPanel->setAccessibleName(tr("Object details"));
    auto *detailsLayout = new QVBoxLayout(detailsPanel);
    detailsLayout->addWidget(m_detailsTitle);
    detailsLayout->addLayout(m_details);
    detailsLayout->addStretch(1);
    detailsPanel->setMinimumWidth(220);

    m_message->setObjectName(QStringLiteral("actionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    // The base page put its table straight into its layout: move it into a splitter with the
    // objects and their details.
    auto *box = qobject_cast<QVBoxLayout *>(layout());
    box->removeWidget(view());
    auto *objectsSplitter = new QSplitter(Qt::Horizontal, this);
    objectsSplitter->addWidget(m_tree);
    objectsSplitter->addWidget(detailsPanel);
    objectsSplitter->setStretchFactor(0, 3);
    objectsSplitter->setStretchFactor(1, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("storageSplitter"));
    splitter->addWidget(view());
    splitter->addWidget(objectsSplitter);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    buildActions();
    box->addWidget(m_message);
    box->addWidget(splitter, 1);
    box->addWidget(m_transfers);

    connect(view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ObjectStoragePage::onContainerChanged);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ObjectStoragePage::showDetails);
    // A folder's error shows on its row; the root has none, so the page says it.
    connect(m_loader, &ObjectFolderLoader::folderAnswered, this, [this](const QString &prefix, bool ok) {
        if (prefix.isEmpty() && !ok) {
            m_message->setText(tr("Could not list %1.").arg(m_shownContainer));
            m_message->show();
        }
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ObjectStoragePage::updateActions);
    showDetails();
    updateActions();
}

ObjectStoragePage::~ObjectStoragePage() = default;

void ObjectStoragePage::buildActions()
{
    auto *toolbar = new QToolBar(tr("Object storage actions"), this);
    toolbar->setObjectName(QStringLiteral("storageToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto add = [this, toolbar](const QString &text, const QString &name, const QKeySequence &shortcut, auto slot) {
        QAction *action = toolbar->addAction(text, this, slot);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(shortcut.isEmpty() ? text : tr("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText)));
        addAction(action);
        return action;
    };
    m_newContainer =
        add(tr("New container…"), QStringLiteral("newContainerAction"), QKeySequence::New, &ObjectStoragePage::askNewContainer);
    m_upload =
        add(tr("Upload…"), QStringLiteral("uploadAction"), QKeySequence(Qt::CTRL | Qt::Key_U), &ObjectStoragePage::askUpload);
    m_download = add(tr("Download…"), QStringLiteral("downloadAction"), QKeySequence(Qt::CTRL | Qt::Key_D),
                     &ObjectStoragePage::askDownload);
    m_expiry =
        add(tr("Expiry…"), QStringLiteral("expiryAction"), QKeySequence(Qt::CTRL | Qt::Key_E), &ObjectStoragePage::askExpiry);
    m_delete = add(tr("Delete"), QStringLiteral("deleteObjectsAction"), QKeySequence::Delete,
                   [this] { deleteObjects(selectedObjects()); });
    qobject_cast<QVBoxLayout *>(layout())->insertWidget(1, toolbar);
}

QString ObjectStoragePage::countText(int count) const
{
    return count == 1 ? tr("1 container") : tr("%1 containers").arg(count);
}

QFuture<void> ObjectStoragePage::load(Session *session)
{
    if (session != m_session) {
        m_session = session;
        m_loader->setLister([session](const QString &container, const QString &prefix) {
            return ObjectStorageClient(session).listObjects(container, prefix, QStringLiteral("/"));
        });
        m_shownContainer.clear();
        m_loader->setContainer({});
    }
    return ObjectStorageClient(session)
        .listContainers()
        .then(this,
              [this, generation = currentGeneration()](const QList<Container> &containers) {
                  if (isStale(generation))
                      return QtFuture::makeReadyVoidFuture();
                  m_containers->setItems(containers);
                  updateActions();
                  if (!m_shownContainer.isEmpty()) {
                      m_objects->reloadFolder({});
                      return QtFuture::makeReadyVoidFuture();
                  }
                  if (containers.isEmpty())
                      return QtFuture::makeReadyVoidFuture();
                  // Show the first container's objects at once; the page counts as loaded when
                  // they (or their error) are there, so a screenshot shows them.
                  QFuture<void> rootAnswered = QtFuture::connect(m_loader, &ObjectFolderLoader::folderAnswered)
                                                   .then([](const std::tuple<QString, bool> &) {});
                  view()->setCurrentIndex(view()->model()->index(0, 0));
                  return rootAnswered;
              })
        .unwrap();
}

QString ObjectStoragePage::currentContainer() const
{
    return m_shownContainer;
}

void ObjectStoragePage::showContainer(const QString &container)
{
    auto *proxy = view()->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, 0);
        if (index.data(ContainerListModel::NameRole).toString() == container) {
            view()->setCurrentIndex(index);
            view()->selectRow(row);
            return;
        }
    }
}

void ObjectStoragePage::onContainerChanged()
{
    const QString container = view()->currentIndex().data(ContainerListModel::NameRole).toString();
    if (container == m_shownContainer)
        return;
    m_shownContainer = container;
    m_loader->setContainer(container);
    if (!container.isEmpty() && m_objects->canFetchMore({}))
        m_objects->fetchMore({});
    showDetails();
    updateActions();
}

QStringList ObjectStoragePage::selectedObjects() const
{
    QStringList names;
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (!index.data(ObjectTreeModel::IsFolderRole).toBool() && !index.data(ObjectTreeModel::IsLoadingRowRole).toBool())
            names.append(index.data(ObjectTreeModel::PathRole).toString());
    }
    return names;
}

QString ObjectStoragePage::currentFolderPrefix() const
{
    // Uploads go into the selected folder, or beside the selected object.
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid())
        return {};
    QString path = current.data(ObjectTreeModel::PathRole).toString();
    if (current.data(ObjectTreeModel::IsFolderRole).toBool())
        return path;
    return path.left(path.lastIndexOf(u'/') + 1);
}

void ObjectStoragePage::updateActions()
{
    const bool connected = m_session != nullptr;
    const bool container = !m_shownContainer.isEmpty();
    const int objects = static_cast<int>(selectedObjects().size());
    m_newContainer->setEnabled(connected);
    m_upload->setEnabled(container);
    m_download->setEnabled(objects > 0);
    m_delete->setEnabled(objects > 0);
    m_expiry->setEnabled(objects == 1);
}

void ObjectStoragePage::finishAction(const QString &what, const QString &error)
{
    m_message->setText(error.isEmpty() ? tr("%1: done.").arg(what) : tr("%1 failed: %2").arg(what, error));
    m_message->show();
    Q_EMIT actionFinished(what, error);
}

void ObjectStoragePage::showDetails()
{
    while (m_details->rowCount() > 0)
        m_details->removeRow(0);
    const int request = ++m_detailsRequest;
    const QModelIndex current = m_tree->currentIndex();
    const ObjectEntry *entry = m_objects->entry(current);
    if (!entry || entry->isPseudoFolder) {
        if (entry)
            m_detailsTitle->setText(ObjectTreeModel::lastSegment(entry->name) + u'/');
        else
            m_detailsTitle->setText(m_shownContainer.isEmpty() ? tr("Select a container") : tr("Select an object"));
        return;
    }
    m_detailsTitle->setText(entry->name);
    m_details->addRow(new QLabel(tr("Loading…")));
    if (!m_session)
        return;
    ObjectStorageClient(m_session)
        .objectInfo(m_shownContainer, entry->name)
        .then(this,
              [this, request](const ObjectInfo &info) {
                  if (request != m_detailsRequest)
                      return; // another object was selected meanwhile
                  while (m_details->rowCount() > 0)
                      m_details->removeRow(0);
                  const QLocale locale;
                  auto row = [this](const QString &label, const QString &value) {
                      auto *field = new QLabel(value);
                      field->setTextInteractionFlags(Qt::TextSelectableByMouse);
                      field->setWordWrap(true);
                      m_details->addRow(label, field);
                  };
                  row(tr("Size"), tr("%1 (%2 bytes)").arg(locale.formattedDataSize(info.bytes), locale.toString(info.bytes)));
                  row(tr("Type"), info.contentType);
                  row(tr("ETag"), info.etag + (info.isLargeObject ? tr(" (manifest)") : QString()));
                  row(tr("Modified"), locale.toString(info.lastModified.toLocalTime(), QLocale::ShortFormat));
                  row(tr("Expires"),
                      info.deleteAt.isValid() ? locale.toString(info.deleteAt.toLocalTime(), QLocale::ShortFormat) : tr("never"));
                  for (auto it = info.metadata.cbegin(); it != info.metadata.cend(); ++it)
                      row(it.key(), it.value());
              })
        .onFailed(this, [this, request](const ApiError &error) {
            if (request != m_detailsRequest)
                return;
            while (m_details->rowCount() > 0)
                m_details->removeRow(0);
            m_details->addRow(new QLabel(tr("Could not read: %1").arg(error.message())));
        });
}

void ObjectStoragePage::askNewContainer()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("New container"));
    dialog->setLabelText(tr("Name of the new container:"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        if (!name.trimmed().isEmpty())
            createContainer(name.trimmed());
    });
    dialog->open();
}

void ObjectStoragePage::createContainer(const QString &name)
{
    if (!m_session)
        return;
    const QString what = tr("Create container %1").arg(name);
    ObjectStorageClient(m_session)
        .createContainer(name)
        .then(this,
              [this, what] {
                  finishAction(what, {});
                  refresh();
              })
        .onFailed(this, [this, what](const ApiError &error) { finishAction(what, errorText(error)); });
}

void ObjectStoragePage::askUpload()
{
    auto *dialog = new QFileDialog(this, tr("Upload files"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this,
            [this, prefix = currentFolderPrefix()](const QStringList &files) { uploadFiles(files, prefix); });
    dialog->open();
}

void ObjectStoragePage::uploadFiles(const QStringList &paths, const QString &prefix)
{
    if (!m_session || m_shownContainer.isEmpty())
        return;
    const QString container = m_shownContainer;
    for (const QString &path : paths) {
        const QString name = prefix + QFileInfo(path).fileName();
        const QString what = tr("Upload %1 to %2/%3").arg(QFileInfo(path).fileName(), container, name);
        // Cancel aborts the request on the network thread; Swift keeps nothing of an
        // incomplete PUT.
        auto abort = std::make_shared<std::atomic_bool>(false);
        const int id = m_transfers->add(what, [abort] { abort->store(true); });
        Session *session = m_session;
        ObjectStorageClient(session)
            .uploadFile(container, name, path,
                        ObjectStorageClient::deliverOn(
                            this, [this, id](qint64 done, qint64 total) { m_transfers->setProgress(id, done, total); }),
                        QStringLiteral("application/octet-stream"), abort)
            .then(this,
                  [this, id, what, container, prefix](const TransferResult &) {
                      m_transfers->finish(id, {});
                      if (container == m_shownContainer) {
                          // The folder may not be in the tree yet: list from the root down.
                          m_objects->reloadFolder({});
                          m_objects->reloadFolder(prefix);
                      }
                      finishAction(what, {});
                  })
            .onFailed(this, [this, id, what, abort](const ApiError &error) {
                const QString message = abort->load() ? tr("cancelled") : error.message();
                m_transfers->finish(id, message);
                finishAction(what, abort->load() ? message : errorText(error));
            });
    }
}

void ObjectStoragePage::askDownload()
{
    const QStringList names = selectedObjects();
    if (names.isEmpty())
        return;
    auto *dialog = new QFileDialog(this, tr("Download into folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, names](const QString &directory) { downloadObjects(names, directory); });
    dialog->open();
}

void ObjectStoragePage::downloadObjects(const QStringList &names, const QString &directory)
{
    if (!m_session || m_shownContainer.isEmpty())
        return;
    for (const QString &name : names) {
        const QString target = QDir(directory).filePath(ObjectTreeModel::lastSegment(name));
        const QString what = tr("Download %1/%2").arg(m_shownContainer, name);
        auto abort = std::make_shared<std::atomic_bool>(false);
        const int id = m_transfers->add(what, [abort] { abort->store(true); });
        ObjectStorageClient(m_session)
            .downloadFile(m_shownContainer, name, target,
                          ObjectStorageClient::deliverOn(
                              this, [this, id](qint64 done, qint64 total) { m_transfers->setProgress(id, done, total); }),
                          abort)
            .then(this,
                  [this, id, what](const TransferResult &) {
                      m_transfers->finish(id, {});
                      finishAction(what, {});
                  })
            .onFailed(this, [this, id, what, abort](const ApiError &error) {
                const QString message = abort->load() ? tr("cancelled") : error.message();
                m_transfers->finish(id, message);
                finishAction(what, abort->load() ? message : errorText(error));
            });
    }
}

void ObjectStoragePage::deleteObjects(const QStringList &names)
{
    if (!m_session || m_shownContainer.isEmpty() || names.isEmpty())
        return;
    const CloudProfile &profile = m_session->profile();
    const QString shownName = names.size() == 1 ? names.first() : tr("%1 objects").arg(names.size());
    ConfirmDestructiveDialog::ask(
        this, profile.environment, profile.name, tr("Delete from %1").arg(m_shownContainer), shownName,
        [this, names, session = m_session, container = m_shownContainer] {
            for (const QString &name : names) {
                const QString what = tr("Delete %1/%2").arg(container, name);
                ObjectStorageClient(session)
                    .deleteObject(container, name)
                    .then(this,
                          [this, what, container, name] {
                              if (container == m_shownContainer)
                                  m_objects->reloadFolder(name.left(name.lastIndexOf(u'/') + 1));
                              finishAction(what, {});
                          })
                    .onFailed(this, [this, what](const ApiError &error) { finishAction(what, errorText(error)); });
            }
        });
}

void ObjectStoragePage::askExpiry()
{
    const QStringList names = selectedObjects();
    if (names.size() != 1)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Expiry of %1").arg(names.first()));
    dialog->setLabelText(tr("Delete the object automatically after this many days (0: keep it):"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(0, 3650);
    connect(dialog, &QInputDialog::intValueSelected, this, [this, name = names.first()](int days) {
        setExpiry(name, days > 0 ? QDateTime::currentDateTimeUtc().addDays(days) : QDateTime());
    });
    dialog->open();
}

void ObjectStoragePage::setExpiry(const QString &name, const QDateTime &deleteAt)
{
    if (!m_session || m_shownContainer.isEmpty())
        return;
    const QString what = tr("Set expiry of %1").arg(name);
    // Swift's POST replaces all metadata: read the object's keys first and send them along.
    Session *session = m_session;
    ObjectStorageClient(session)
        .objectInfo(m_shownContainer, name)
        .then([session, container = m_shownContainer, name, deleteAt](const ObjectInfo &info) {
            return ObjectStorageClient(session).setObjectMetadata(container, name, info.metadata, deleteAt);
        })
        .unwrap()
        .then(this,
              [this, what] {
                  finishAction(what, {});
                  showDetails();
              })
        .onFailed(this, [this, what](const ApiError &error) { finishAction(what, errorText(error)); });
}

} // namespace Pilvi
