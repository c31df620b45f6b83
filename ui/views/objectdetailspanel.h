// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/objectstorage/objectstorage.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace Pilvi {

class Session;

/// The selected object of the object storage page: its HEAD (size, type, ETag, expiry,
/// metadata), its public address when the container is public, and, when the container keeps
/// old versions, those versions with a button to restore one. Answers for an object no longer
/// selected are dropped.
class ObjectDetailsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ObjectDetailsPanel(QWidget *parent = nullptr);

    /// Shows `name` of `container` (empty name: nothing; a name ending in '/': a folder).
    /// `containerInfo` may be null while the container's HEAD is not in.
    void showObject(Session *session, const QString &container, const ContainerInfo *containerInfo, const QString &name);
    void clear(const QString &title);

    QTreeWidget *versionsView() const { return m_versions; }
    QPushButton *restoreButton() const { return m_restore; }
    /// The last HEAD answer for the shown object (invalid lastModified until it came).
    const ObjectInfo &objectInfo() const { return m_info; }

Q_SIGNALS:
    /// The user asks to make the selected old version (an object of `archive`) current again.
    void restoreRequested(const QString &archive, const QString &versionName);
    /// The object's HEAD and versions are shown (or their errors).
    void detailsShown();

private:
    void addRow(const QString &label, const QString &value);
    void showVersions(const QList<ObjectEntry> &versions);

    QLabel *m_title;
    QFormLayout *m_form;
    QWidget *m_versionsBox;
    QTreeWidget *m_versions;
    QPushButton *m_restore;
    QString m_archive;
    ObjectInfo m_info;
    int m_request = 0;
};

} // namespace Pilvi
