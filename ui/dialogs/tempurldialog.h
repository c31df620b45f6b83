// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openstack/objectstorage/objectstorage.h"

#include <QDialog>
#include <QFuture>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Pilvi {

/// Makes a temporary URL for one object: what it allows (download or upload) and for how long;
/// the link shows in a field with a Copy button. The link itself comes from `makeLink` (the page
/// asks the cloud), off the GUI thread.
class TempUrlDialog final : public QDialog
{
    Q_OBJECT
public:
    using LinkMaker = std::function<QFuture<TemporaryUrl>(const QByteArray &method, const QDateTime &expires)>;

    TempUrlDialog(const QString &objectName, LinkMaker makeLink, QWidget *parent = nullptr);

    QComboBox *methodBox() const { return m_method; }
    QComboBox *lifetimeBox() const { return m_lifetime; }
    QPushButton *createButton() const { return m_create; }
    QLineEdit *linkEdit() const { return m_link; }
    QLabel *statusLabel() const { return m_status; }

    /// Seconds the link stays valid, as chosen.
    qint64 lifetimeSeconds() const;

Q_SIGNALS:
    /// A link was made (or not: `error` says why).
    void linkFinished(const QString &error);

private:
    void create();

    LinkMaker m_makeLink;
    QComboBox *m_method;
    QComboBox *m_lifetime;
    QPushButton *m_create;
    QLineEdit *m_link;
    QPushButton *m_copy;
    QLabel *m_status;
    int m_request = 0;
};

} // namespace Pilvi
