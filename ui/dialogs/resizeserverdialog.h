// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/compute/server.h"

#include <QDialog>

class QPushButton;
class QTreeWidget;

namespace Pilvi {

/// Picks the flavor to resize a server to: every flavor with its vCPUs, RAM and disk, and how each
/// differs from the one the server runs (which cannot be picked). A smaller root disk is marked:
/// Nova refuses to shrink it.
class ResizeServerDialog final : public QDialog
{
    Q_OBJECT
public:
    ResizeServerDialog(const Server &server, const QList<Flavor> &flavors, QWidget *parent = nullptr);

    QTreeWidget *flavorList() const { return m_list; }
    QPushButton *resizeButton() const { return m_resize; }
    /// Selects the flavor by name; false when there is none or it cannot be picked.
    bool selectFlavor(const QString &name);
    /// The picked flavor; empty id when none.
    Flavor chosenFlavor() const;

private:
    void updateButton();

    Server m_server;
    QList<Flavor> m_flavors;
    QTreeWidget *m_list;
    QPushButton *m_resize;
};

} // namespace Pilvi
