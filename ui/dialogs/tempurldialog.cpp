// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/tempurldialog.h"

#include "net/apierror.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Pilvi {

TempUrlDialog::TempUrlDialog(const QString &objectName, LinkMaker makeLink, QWidget *parent)
    : QDialog(parent)
    , m_makeLink(std::move(makeLink))
    , m_method(new QComboBox)
    , m_lifetime(new QComboBox)
    , m_create(new QPushButton(tr("Create link")))
    , m_link(new QLineEdit)
    , m_copy(new QPushButton(tr("Copy")))
    , m_status(new QLabel)
{
    setWindowTitle(tr("Temporary URL of %1").arg(objectName));
    setObjectName(QStringLiteral("tempUrlDialog"));
    m_method->setObjectName(QStringLiteral("methodBox"));
    m_method->addItem(tr("Download it (GET)"), QByteArray("GET"));
    m_method->addItem(tr("Upload over it (PUT)"), QByteArray("PUT"));
    m_lifetime->setObjectName(QStringLiteral("lifetimeBox"));
    m_lifetime->addItem(tr("1 hour"), qint64(3600));
    m_lifetime->addItem(tr("1 day"), qint64(86400));
    m_lifetime->addItem(tr("7 days"), qint64(7 * 86400));
    m_lifetime->addItem(tr("30 days"), qint64(30 * 86400));
    m_lifetime->setCurrentIndex(1);
    m_create->setObjectName(QStringLiteral("createLinkButton"));
    m_create->setDefault(true);
    m_link->setObjectName(QStringLiteral("linkEdit"));
    m_link->setReadOnly(true);
    m_link->setPlaceholderText(tr("The link appears here"));
    m_copy->setObjectName(QStringLiteral("copyLinkButton"));
    m_copy->setEnabled(false);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Anyone who has the link can use it until it expires, without an account."));

    auto *form = new QFormLayout;
    form->addRow(tr("The link lets anyone:"), m_method);
    form->addRow(tr("Valid for:"), m_lifetime);
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(m_copy);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_create, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(linkRow);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &TempUrlDialog::create);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_link->text());
        m_status->setText(tr("Copied."));
    });
    // A link made for other choices must not be copied for these.
    const auto invalidate = [this] {
        ++m_request;
        m_link->clear();
        m_copy->setEnabled(false);
        m_create->setEnabled(true);
    };
    connect(m_method, &QComboBox::currentIndexChanged, this, invalidate);
    connect(m_lifetime, &QComboBox::currentIndexChanged, this, invalidate);
    resize(640, 220);
}

qint64 TempUrlDialog::lifetimeSeconds() const
{
    return m_lifetime->currentData().toLongLong();
}

void TempUrlDialog::create()
{
    const int request = ++m_request;
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(lifetimeSeconds());
    m_create->setEnabled(false);
    m_status->setText(tr("Asking the cloud…"));
    m_makeLink(m_method->currentData().toByteArray(), expires)
        .then(this,
              [this, request, expires](const TemporaryUrl &made) {
                  if (request != m_request)
                      return;
                  m_link->setText(made.url.toString(QUrl::FullyEncoded));
                  m_link->setCursorPosition(0);
                  m_copy->setEnabled(true);
                  m_create->setEnabled(true);
                  QString text = tr("Valid until %1. Anyone who has the link can use it until then.")
                                     .arg(QLocale().toString(expires.toLocalTime(), QLocale::LongFormat));
                  if (made.keyCreated)
                      text += u' ' + tr("The account had no temporary URL key; Pilvi set a new one (Temp-URL-Key).");
                  m_status->setText(text);
                  Q_EMIT linkFinished({});
              })
        .onFailed(this, [this, request](const ApiError &error) {
            if (request != m_request)
                return;
            m_create->setEnabled(true);
            m_status->setText(tr("No link: %1").arg(error.toString()));
            Q_EMIT linkFinished(error.toString());
        });
}

} // namespace Pilvi
