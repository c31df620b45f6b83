// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/objectstoragepage.h"

#include "dialogs/confirmdestructive.h"
#include "dialogs/containersettingsdialog.h"
#include "dialogs/objectpropertiesdialog.h"
#include "dialogs/tempurldialog.h"
#include "jobs/jobjournal.h"
#include "jobs/jobrunner.h"
#include "jobs/objecttransferjob.h"
#include "models/containerlistmodel.h"
#include "models/objectfolderloader.h"
#include "models/objecttreemodel.h"
#include "net/apierror.h"
#include "net/session.h"
#include "openstack/objectstorage/containersettings.h"
#include "openstack/objectstorage/objectstorageclient.h"
#include "util/futures.h"
#include "views/objectdetailspanel.h"
#include "views/transferpanel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <tuple>

namespace Pilvi {

namespace {
/// At most this many containers' HEADs per load: the listing already gives the rest.
constexpr int maxContainerHeads = 200;
} // namespace

ObjectStoragePage::ObjectStoragePage(QWidget *parent)
    : CloudTablePage(tr("Object storage"), parent)
    , m_containers(new ContainerListModel(this))
    , m_objects(new ObjectTreeModel(this))
    , m_loader(new ObjectFolderLoader(m_objects, this))
    , m_tree(new QTreeView(this))
    , m_details(new ObjectDetailsPanel(this))
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
    objectsSplitter->addWidget(m_details);
    objectsSplitter->setStretchFactor(0, 3);
    objectsSplitter->setStretchFactor(1, 2);
    objectsSplitter->setSizes({600, 400}); // the details hold long values (ETags, URLs)
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
    connect(m_details, &ObjectDetailsPanel::restoreRequested, this, &ObjectStoragePage::restoreVersion);
    showDetails();
    updateActions();
}

ObjectStoragePage::~ObjectStoragePage() = default;

void ObjectStoragePage::setJobRunner(JobRunner *runner)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    m_transfers->setJobRunner(runner);
    if (runner)
        connect(runner, &JobRunner::jobFinished, this, &ObjectStoragePage::onJobFinished);
    updateActions();
}

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
    m_containerSettings =
        add(tr("Settings…"), QStringLiteral("containerSettingsAction"), QKeySequence(), &ObjectStoragePage::askContainerSettings);
    m_containerSettings->setToolTip(tr("Who may read the container, its old versions and metadata"));
    m_deleteContainer = add(tr("Delete container"), QStringLiteral("deleteContainerAction"), QKeySequence(),
                            [this] { deleteContainer(m_shownContainer); });
    toolbar->addSeparator();
    m_upload = add(tr("Upload files…"), QStringLiteral("uploadAction"), QKeySequence(Qt::CTRL | Qt::Key_U),
                   [this] { askUpload(false); });
    m_uploadFolder = add(tr("Upload folder…"), QStringLiteral("uploadFolderAction"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), [this] { askUpload(true); });
    m_download = add(tr("Download…"), QStringLiteral("downloadAction"), QKeySequence(Qt::CTRL | Qt::Key_D),
                     &ObjectStoragePage::askDownload);
    m_properties = add(tr("Properties…"), QStringLiteral("propertiesAction"), QKeySequence(Qt::ALT | Qt::Key_Return),
                       &ObjectStoragePage::askProperties);
    m_properties->setToolTip(
        tr("Metadata and expiry of the object (%1)").arg(m_properties->shortcut().toString(QKeySequence::NativeText)));
    m_tempUrl = add(tr("Temporary URL…"), QStringLiteral("tempUrlAction"), QKeySequence(Qt::CTRL | Qt::Key_L),
                    &ObjectStoragePage::askTemporaryUrl);
    m_delete = add(tr("Delete"), QStringLiteral("deleteObjectsAction"), QKeySequence::Delete,
                   [this] { deleteObjects(selectedObjects(), selectedFolders()); });
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
        m_containers->setItems({});
        m_containers->clearInfo(); // another cloud's containers may have the same names
    }
    return ObjectStorageClient(session)
        .listContainers()
        .then(this,
              [this, generation = currentGeneration()](const QList<Container> &containers) {
                  if (isStale(generation))
                      return QtFuture::makeReadyVoidFuture();
                  QFuture<void> heads = showContainers(containers);
                  if (!m_shownContainer.isEmpty()) {
                      m_objects->reloadFolder({});
                      return heads;
                  }
                  if (containers.isEmpty())
                      return heads;
                  // Show the first container's objects at once, and the details of its first
                  // object; the page counts as loaded when they (or their errors) are there, so
                  // a screenshot shows them.
                  QFuture<void> shown = QtFuture::connect(m_loader, &ObjectFolderLoader::folderAnswered)
                                            .then(this, [this](const std::tuple<QString, bool> &) { return selectFirstObject(); })
                                            .unwrap();
                  view()->setCurrentIndex(view()->model()->index(0, 0));
                  return whenAllDone({heads, shown});
              })
        .unwrap();
}

QFuture<void> ObjectStoragePage::showContainers(const QList<Container> &containers)
{
    // The listing lacks access and versioning: ask the containers that are new or changed since
    // the last listing for their HEAD.
    QStringList changed;
    for (const Container &container : containers) {
        const int row = m_containers->rowOf(container.name);
        if (!m_containers->info(container.name) || row < 0 || !(m_containers->itemAt(row) == container))
            changed.append(container.name);
    }
    m_containers->setItems(containers);
    QList<QFuture<void>> heads;
    const QStringList toRead = changed.first(std::min<qsizetype>(changed.size(), maxContainerHeads));
    for (const QString &name : toRead)
        heads.append(readContainerInfo(name));
    updateActions();
    return whenAllDone(heads);
}

QFuture<void> ObjectStoragePage::selectFirstObject()
{
    for (int row = 0; row < m_objects->rowCount({}); ++row) {
        const QModelIndex index = m_objects->index(row, 0);
        if (!index.data(ObjectTreeModel::IsFolderRole).toBool() && !index.data(ObjectTreeModel::IsLoadingRowRole).toBool()) {
            QFuture<void> details = QtFuture::connect(m_details, &ObjectDetailsPanel::detailsShown);
            m_tree->setCurrentIndex(index);
            return details;
        }
    }
    return QtFuture::makeReadyVoidFuture();
}

QFuture<void> ObjectStoragePage::readContainerInfo(const QString &container)
{
    if (!m_session)
        return QtFuture::makeReadyVoidFuture();
    return ObjectStorageClient(m_session)
        .containerInfo(container)
        .then(this,
              [this, container, session = m_session](const ContainerInfo &info) {
                  if (session != m_session)
                      return;
                  const bool firstForShown = container == m_shownContainer && !m_containers->info(container);
                  m_containers->setInfo(container, info);
                  updateActions();
                  if (firstForShown)
                      showDetails(); // now it knows about versions and public access
              })
        .onFailed(this, [](const ApiError &error) {
            // The column keeps its "…"; the listing itself worked.
            qWarning("%s", qPrintable(error.toString()));
        });
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

QStringList ObjectStoragePage::selectedFolders() const
{
    QStringList folders;
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (index.data(ObjectTreeModel::IsFolderRole).toBool())
            folders.append(index.data(ObjectTreeModel::PathRole).toString());
    }
    return folders;
}

qint64 ObjectStoragePage::objectBytes(const QString &name) const
{
    // The object is in the tree when the user picked it; look along its folders.
    QModelIndex parent;
    for (int depth = 0; depth < 64; ++depth) {
        QModelIndex next;
        for (int row = 0; row < m_objects->rowCount(parent); ++row) {
            const QModelIndex index = m_objects->index(row, 0, parent);
            const QString path = index.data(ObjectTreeModel::PathRole).toString();
            if (path == name)
                return m_objects->entry(index) ? m_objects->entry(index)->bytes : 0;
            if (index.data(ObjectTreeModel::IsFolderRole).toBool() && name.startsWith(path))
                next = index;
        }
        if (!next.isValid())
            return 0;
        parent = next;
    }
    return 0;
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
    const bool transfers = container && m_runner;
    const int objects = static_cast<int>(selectedObjects().size());
    const bool folders = !selectedFolders().isEmpty();
    m_newContainer->setEnabled(connected);
    m_containerSettings->setEnabled(container && m_containers->info(m_shownContainer));
    m_deleteContainer->setEnabled(container);
    m_upload->setEnabled(transfers);
    m_uploadFolder->setEnabled(transfers);
    m_download->setEnabled(transfers && (objects > 0 || folders));
    m_delete->setEnabled(objects > 0 || folders);
    m_properties->setEnabled(objects == 1);
    m_tempUrl->setEnabled(objects == 1);
    if (container && !m_runner)
        m_upload->setToolTip(tr("Transfers run as jobs, and this window has no job runner"));
}

void ObjectStoragePage::finishAction(const QString &what, const QString &error)
{
    m_message->setText(error.isEmpty() ? tr("%1: done.").arg(what) : tr("%1 failed: %2").arg(what, error));
    m_message->show();
    Q_EMIT actionFinished(what, error);
}

void ObjectStoragePage::showDetails()
{
    const QModelIndex current = m_tree->currentIndex();
    const ObjectEntry *entry = m_objects->entry(current);
    m_details->showObject(m_session, m_shownContainer, m_containers->info(m_shownContainer), entry ? entry->name : QString());
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
    if (const QString why = containerNameProblem(name); !why.isEmpty()) {
        finishAction(tr("Create container %1").arg(name), why);
        return;
    }
    const QString what = tr("Create container %1").arg(name);
    ObjectStorageClient(m_session)
        .createContainer(name)
        .then(this,
              [this, what] {
                  finishAction(what, {});
                  refresh();
              })
        .onFailed(this, [this, what](const ApiError &error) { finishAction(what, error.toString()); });
}

void ObjectStoragePage::deleteContainer(const QString &name)
{
    if (!m_session || name.isEmpty())
        return;
    const CloudProfile &profile = m_session->profile();
    ConfirmDestructiveDialog::ask(
        this, profile.environment, profile.name, tr("Delete container"), name, [this, name, session = m_session] {
            const QString what = tr("Delete container %1").arg(name);
            ObjectStorageClient(session)
                .deleteContainer(name)
                .then(this,
                      [this, what] {
                          finishAction(what, {});
                          refresh();
                      })
                .onFailed(this, [this, what](const ApiError &error) {
                    finishAction(what,
                                 error.httpStatus() == 409 ? tr("it still holds objects; delete them first") : error.toString());
                });
        });
}

void ObjectStoragePage::askContainerSettings()
{
    if (!m_session || m_shownContainer.isEmpty())
        return;
    // Fresh from Swift: someone else may have changed it since the table read it, and the
    // settings are applied as a difference from what the dialog showed.
    const QString container = m_shownContainer;
    readContainerInfo(container).then(this, [this, container] {
        const ContainerInfo *info = m_containers->info(container);
        if (!info || container != m_shownContainer)
            return;
        QStringList names;
        for (const Container &each : m_containers->items())
            names.append(each.name);
        auto *dialog = new ContainerSettingsDialog(container, *info, names, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this,
                [this, dialog, container] { applyContainerSettings(container, dialog->settings()); });
        dialog->open();
    });
}

void ObjectStoragePage::applyContainerSettings(const QString &container, const ContainerSettings &settings)
{
    const ContainerInfo *info = m_containers->info(container);
    if (!m_session || !info)
        return;
    const QString what = tr("Change the settings of %1").arg(container);
    const bool archiveExists = m_containers->rowOf(settings.archive) >= 0;
    auto apply = [this, what, container, current = *info, settings, archiveExists, session = m_session] {
        Pilvi::applyContainerSettings(session, container, current, settings, archiveExists)
            .then(this,
                  [this, what, container] {
                      finishAction(what, {});
                      readContainerInfo(container);
                      refresh(); // an archive container may have been created
                  })
            .onFailed(this, [this, what, container](const ApiError &error) {
                finishAction(what, error.toString());
                readContainerInfo(container); // show what did change before the error
            });
    };
    // Making data public is the one change here that cannot be taken back once read.
    if (settings.isPublic && !info->isPublic()) {
        const CloudProfile &profile = m_session->profile();
        ConfirmDestructiveDialog::ask(this, profile.environment, profile.name, tr("Make container public"), container, apply);
        return;
    }
    apply();
}

void ObjectStoragePage::askUpload(bool folder)
{
    auto *dialog = new QFileDialog(this, folder ? tr("Upload folder") : tr("Upload files"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(folder ? QFileDialog::Directory : QFileDialog::ExistingFiles);
    if (folder)
        dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::filesSelected, this,
            [this, prefix = currentFolderPrefix()](const QStringList &files) { uploadFiles(files, prefix); });
    dialog->open();
}

qint64 ObjectStoragePage::uploadFiles(const QStringList &paths, const QString &prefix)
{
    if (!m_session || m_shownContainer.isEmpty() || !m_runner || paths.isEmpty())
        return 0;
    const QString target = m_shownContainer + u'/' + prefix;
    const QString what = paths.size() == 1 ? tr("Upload %1 to %2").arg(QFileInfo(paths.first()).fileName(), target)
                                           : tr("Upload %1 items to %2").arg(paths.size()).arg(target);
    const qint64 id = m_runner->submit(ObjectUploadJob::spec(m_session->profile().name, m_shownContainer, prefix, paths));
    if (id == 0) {
        finishAction(what, tr("the job journal cannot be written"));
        return 0;
    }
    m_pendingTransfers.insert(id, {what, m_shownContainer, prefix});
    m_transfers->track(id, what);
    reportIfAlreadyFinished(id);
    return id;
}

void ObjectStoragePage::askDownload()
{
    const QStringList names = selectedObjects();
    const QStringList folders = selectedFolders();
    if (names.isEmpty() && folders.isEmpty())
        return;
    auto *dialog = new QFileDialog(this, tr("Download into folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, names, folders](const QString &directory) { downloadObjects(names, directory, folders); });
    dialog->open();
}

qint64 ObjectStoragePage::downloadObjects(const QStringList &names, const QString &directory, const QStringList &folders)
{
    if (!m_session || m_shownContainer.isEmpty() || !m_runner || (names.isEmpty() && folders.isEmpty()))
        return 0;
    QList<ObjectDownloadJob::Object> objects;
    for (const QString &name : names)
        objects.append({name, objectBytes(name)});
    const qsizetype count = names.size() + folders.size();
    const QString what = count == 1
                             ? tr("Download %1/%2").arg(m_shownContainer, names.isEmpty() ? folders.first() : names.first())
                             : tr("Download %1 items of %2").arg(count).arg(m_shownContainer);
    const qint64 id =
        m_runner->submit(ObjectDownloadJob::spec(m_session->profile().name, m_shownContainer, directory, objects, folders));
    if (id == 0) {
        finishAction(what, tr("the job journal cannot be written"));
        return 0;
    }
    m_pendingTransfers.insert(id, {what, m_shownContainer, {}});
    m_transfers->track(id, what);
    reportIfAlreadyFinished(id);
    return id;
}

void ObjectStoragePage::reportIfAlreadyFinished(qint64 id)
{
    // The runner starts a job inside submit(); one that fails at once (a folder that cannot be
    // created) finished before the page knew its id.
    const std::optional<JobRecord> record = m_runner->journal()->job(id);
    if (record && isFinalState(record->state)) {
        m_transfers->showFinished(*record);
        onJobFinished(*record);
    }
}

void ObjectStoragePage::onJobFinished(const JobRecord &record)
{
    if (!m_pendingTransfers.contains(record.id))
        return;
    const Transfer transfer = m_pendingTransfers.take(record.id);
    if (record.kind == JobKinds::objectUpload && transfer.container == m_shownContainer) {
        // The folder may not be in the tree yet: list from the root down.
        m_objects->reloadFolder({});
        if (!transfer.prefix.isEmpty())
            m_objects->reloadFolder(transfer.prefix);
        refresh(); // counts and bytes
    }
    const QString error = record.state == JobState::Succeeded   ? QString()
                          : record.state == JobState::Cancelled ? tr("cancelled")
                                                                : record.error;
    finishAction(transfer.what, error);
}

void ObjectStoragePage::deleteObjects(const QStringList &names, const QStringList &folders)
{
    if (!m_session || m_shownContainer.isEmpty() || (names.isEmpty() && folders.isEmpty()))
        return;
    const CloudProfile &profile = m_session->profile();
    QString shownName;
    if (names.size() + folders.size() > 1)
        shownName = tr("%1 items").arg(names.size() + folders.size());
    else
        shownName = names.isEmpty() ? folders.first() : names.first();
    const QString action = folders.isEmpty() ? tr("Delete from %1").arg(m_shownContainer)
                                             : tr("Delete from %1 (folders with everything in them)").arg(m_shownContainer);
    ConfirmDestructiveDialog::ask(
        this, profile.environment, profile.name, action, shownName,
        [this, names, folders, session = m_session, container = m_shownContainer] {
            // A pseudo-folder exists only while objects are in it: list every folder above the
            // deleted path again, from the root down, so emptied ones go from the tree.
            const auto reloadAround = [this](const QString &path) {
                const QString trimmed = path.endsWith(u'/') ? path.chopped(1) : path;
                m_objects->reloadFolder({});
                for (qsizetype slash = trimmed.indexOf(u'/'); slash >= 0; slash = trimmed.indexOf(u'/', slash + 1))
                    m_objects->reloadFolder(trimmed.left(slash + 1));
            };
            for (const QString &name : names) {
                const QString what = tr("Delete %1/%2").arg(container, name);
                ObjectStorageClient(session)
                    .deleteObject(container, name)
                    .then(this,
                          [this, what, container, name, reloadAround] {
                              if (container == m_shownContainer)
                                  reloadAround(name);
                              finishAction(what, {});
                          })
                    .onFailed(this, [this, what](const ApiError &error) { finishAction(what, error.toString()); });
            }
            for (const QString &folder : folders) {
                const QString what = tr("Delete %1/%2").arg(container, folder);
                ObjectStorageClient(session)
                    .deleteFolder(container, folder)
                    .then(this,
                          [this, what, container, folder, reloadAround](int deleted) {
                              if (container == m_shownContainer)
                                  reloadAround(folder);
                              finishAction(tr("%1 (%n object(s))", nullptr, deleted).arg(what), {});
                          })
                    .onFailed(this, [this, what](const ApiError &error) { finishAction(what, error.toString()); });
            }
        });
}

void ObjectStoragePage::askProperties()
{
    const QStringList names = selectedObjects();
    if (names.size() != 1 || !m_session)
        return;
    // Fresh from Swift, not what the details panel showed a while ago.
    const QString &name = names.first();
    ObjectStorageClient(m_session)
        .objectInfo(m_shownContainer, name)
        .then(this,
              [this, name, container = m_shownContainer](const ObjectInfo &info) {
                  auto *dialog = new ObjectPropertiesDialog(name, info, this);
                  dialog->setAttribute(Qt::WA_DeleteOnClose);
                  connect(dialog, &QDialog::accepted, this, [this, dialog, name, container] {
                      if (container != m_shownContainer) { // the user went to another container meanwhile
                          finishAction(tr("Set the properties of %1").arg(name),
                                       tr("%1 is no longer the container shown; nothing was changed").arg(container));
                          return;
                      }
                      setObjectProperties(name, dialog->metadata(), dialog->deleteAt());
                  });
                  dialog->open();
              })
        .onFailed(this, [this, name](const ApiError &error) { finishAction(tr("Read %1").arg(name), error.toString()); });
}

void ObjectStoragePage::setObjectProperties(const QString &name, const QMap<QString, QString> &metadata,
                                            const QDateTime &deleteAt)
{
    if (!m_session || m_shownContainer.isEmpty())
        return;
    const QString what = tr("Set the properties of %1").arg(name);
    ObjectStorageClient(m_session)
        .setObjectMetadata(m_shownContainer, name, metadata, deleteAt)
        .then(this,
              [this, what] {
                  finishAction(what, {});
                  showDetails();
              })
        .onFailed(this, [this, what](const ApiError &error) { finishAction(what, error.toString()); });
}

void ObjectStoragePage::restoreVersion(const QString &archive, const QString &versionName)
{
    const QModelIndex current = m_tree->currentIndex();
    const ObjectEntry *entry = m_objects->entry(current);
    if (!m_session || !entry || entry->isPseudoFolder || archive.isEmpty())
        return;
    const QString name = entry->name;
    const QString what = tr("Restore an old version of %1").arg(name);
    ObjectStorageClient(m_session)
        .copyObject(archive, versionName, m_shownContainer, name)
        .then(this,
              [this, what, name, container = m_shownContainer] {
                  finishAction(what, {});
                  if (container == m_shownContainer)
                      m_objects->reloadFolder(name.left(name.lastIndexOf(u'/') + 1)); // its size and date changed
                  showDetails();
              })
        .onFailed(this, [this, what](const ApiError &error) { finishAction(what, error.toString()); });
}

void ObjectStoragePage::askTemporaryUrl()
{
    const QStringList names = selectedObjects();
    if (names.size() != 1 || !m_session)
        return;
    auto *dialog = new TempUrlDialog(
        names.first(),
        [session = m_session, container = m_shownContainer, name = names.first()](const QByteArray &method,
                                                                                  const QDateTime &expires) {
            return ObjectStorageClient(session).temporaryUrl(container, name, method, expires);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace Pilvi
