// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/addclouddialog.h"

#include "config/openrcreader.h"
#include "models/cloudtreemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrentRun>

namespace Pilvi {

namespace {
constexpr int appCredentialPage = 0;
constexpr int passwordPage = 1;

QLineEdit *secretEdit(QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}
} // namespace

AddCloudDialog::AddCloudDialog(QStringList existingNames, QWidget *parent)
    : QDialog(parent)
    , m_existingNames(std::move(existingNames))
    , m_name(new QLineEdit(this))
    , m_environment(new QComboBox(this))
    , m_authUrl(new QLineEdit(this))
    , m_authType(new QComboBox(this))
    , m_authPages(new QStackedWidget(this))
    , m_appCredId(new QLineEdit(this))
    , m_appCredSecret(secretEdit(this))
    , m_username(new QLineEdit(this))
    , m_password(secretEdit(this))
    , m_projectName(new QLineEdit(this))
    , m_userDomain(new QLineEdit(QStringLiteral("Default"), this))
    , m_projectDomain(new QLineEdit(QStringLiteral("Default"), this))
    , m_region(new QLineEdit(this))
    , m_toSecureFile(new QRadioButton(tr("In secure.yaml (mode 0600): every OpenStack tool can use this cloud"), this))
    , m_toKeychain(new QRadioButton(tr("In the system keychain: only Pilvi can use this cloud"), this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("addCloudDialog"));
    setWindowTitle(tr("Add a cloud"));

    m_name->setObjectName(QStringLiteral("cloudName"));
    m_name->setPlaceholderText(tr("e.g. pouta-test"));
    for (const Environment environment : allEnvironments)
        m_environment->addItem(CloudTreeModel::environmentTitle(environment), QVariant::fromValue(environment));
    m_environment->setObjectName(QStringLiteral("cloudEnvironment"));
    m_authUrl->setObjectName(QStringLiteral("authUrl"));
    m_authUrl->setPlaceholderText(QStringLiteral("https://pouta.csc.fi:5001/v3"));
    m_authType->addItem(tr("Application credential"), QStringLiteral("v3applicationcredential"));
    m_authType->addItem(tr("Password"), QStringLiteral("password"));
    m_authType->setObjectName(QStringLiteral("authType"));

    auto *appCred = new QWidget(m_authPages);
    auto *appCredForm = new QFormLayout(appCred);
    appCredForm->setContentsMargins(0, 0, 0, 0);
    appCredForm->addRow(tr("Credential &ID:"), m_appCredId);
    appCredForm->addRow(tr("&Secret:"), m_appCredSecret);
    m_appCredId->setObjectName(QStringLiteral("appCredId"));
    m_appCredSecret->setObjectName(QStringLiteral("appCredSecret"));
    auto *password = new QWidget(m_authPages);
    auto *passwordForm = new QFormLayout(password);
    passwordForm->setContentsMargins(0, 0, 0, 0);
    passwordForm->addRow(tr("&User name:"), m_username);
    passwordForm->addRow(tr("&Password:"), m_password);
    passwordForm->addRow(tr("P&roject:"), m_projectName);
    passwordForm->addRow(tr("User &domain:"), m_userDomain);
    passwordForm->addRow(tr("Project d&omain:"), m_projectDomain);
    m_username->setObjectName(QStringLiteral("username"));
    m_password->setObjectName(QStringLiteral("password"));
    m_projectName->setObjectName(QStringLiteral("projectName"));
    m_authPages->insertWidget(appCredentialPage, appCred);
    m_authPages->insertWidget(passwordPage, password);

    m_region->setObjectName(QStringLiteral("region"));
    m_region->setPlaceholderText(tr("the cloud's only region when empty"));
    m_toSecureFile->setObjectName(QStringLiteral("secretToSecureFile"));
    m_toKeychain->setObjectName(QStringLiteral("secretToKeychain"));
    m_toSecureFile->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(tr("&Auth URL:"), m_authUrl);
    form->addRow(tr("Au&thenticate with:"), m_authType);
    form->addRow(m_authPages);
    form->addRow(tr("Re&gion:"), m_region);
    auto *secretLabel = new QLabel(tr("Keep the secret:"), this);
    form->addRow(secretLabel, m_toSecureFile);
    form->addRow(QString(), m_toKeychain);

    m_message->setObjectName(QStringLiteral("addCloudMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);

    QPushButton *import = m_buttons->addButton(tr("&Import openrc…"), QDialogButtonBox::ActionRole);
    import->setObjectName(QStringLiteral("importOpenrc"));
    connect(import, &QPushButton::clicked, this, &AddCloudDialog::chooseOpenrc);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddCloudDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddCloudDialog::reject);
    connect(m_authType, &QComboBox::currentIndexChanged, this, &AddCloudDialog::updateAuthPage);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    updateAuthPage();
}

void AddCloudDialog::updateAuthPage()
{
    m_authPages->setCurrentIndex(m_authType->currentIndex() == 0 ? appCredentialPage : passwordPage);
}

CloudProfile AddCloudDialog::profile() const
{
    CloudProfile cloud;
    cloud.name = m_name->text().trimmed();
    cloud.environment = m_environment->currentData().value<Environment>();
    cloud.authType = m_authType->currentData().toString();
    cloud.auth.authUrl = m_authUrl->text().trimmed();
    if (m_authPages->currentIndex() == appCredentialPage) {
        cloud.auth.applicationCredentialId = m_appCredId->text().trimmed();
        cloud.auth.applicationCredentialSecret = m_appCredSecret->text();
    } else {
        cloud.auth.username = m_username->text().trimmed();
        cloud.auth.password = m_password->text();
        cloud.auth.projectName = m_projectName->text().trimmed();
        cloud.auth.userDomainName = m_userDomain->text().trimmed();
        cloud.auth.projectDomainName = m_projectDomain->text().trimmed();
    }
    cloud.regionName = m_region->text().trimmed();
    return cloud;
}

SecretPlacement AddCloudDialog::placement() const
{
    return m_toKeychain->isChecked() ? SecretPlacement::Keychain : SecretPlacement::SecureFile;
}

QString AddCloudDialog::validationError() const
{
    const CloudProfile cloud = profile();
    if (cloud.name.isEmpty())
        return tr("Give the cloud a name.");
    if (cloud.name.contains(QLatin1Char(' ')) || cloud.name.contains(QLatin1Char(':')))
        return tr("A cloud name has no spaces or colons: it is what --os-cloud takes.");
    if (m_existingNames.contains(cloud.name))
        return tr("A cloud named “%1” exists already.").arg(cloud.name);
    const QUrl url(cloud.auth.authUrl, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
        return tr("The auth URL must be an http(s) URL, such as https://pouta.csc.fi:5001/v3.");
    if (m_authPages->currentIndex() == appCredentialPage) {
        if (cloud.auth.applicationCredentialId.isEmpty() || cloud.auth.applicationCredentialSecret.isEmpty())
            return tr("An application credential needs its ID and its secret.");
    } else if (cloud.auth.username.isEmpty() || cloud.auth.password.isEmpty() || cloud.auth.projectName.isEmpty()) {
        return tr("Password authentication needs a user name, a password and a project.");
    }
    return {};
}

void AddCloudDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_message->setText(error);
        return;
    }
    QDialog::accept();
}

void AddCloudDialog::chooseOpenrc()
{
    // open(), not getOpenFileName(): no nested event loop on the GUI thread.
    auto *dialog =
        new QFileDialog(this, tr("Import an openrc file"), QString(), tr("openrc files (*openrc* *.sh);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        QtConcurrent::run([file] {
            QFile in(file);
            return in.open(QIODevice::ReadOnly) ? std::optional<QByteArray>(in.read(qint64(1024) * 1024)) : std::nullopt;
        }).then(this, [this, file](const std::optional<QByteArray> &text) {
            if (!text) {
                m_message->setText(tr("Could not read %1.").arg(file));
                return;
            }
            const QStringList problems = importOpenrc(*text, file);
            m_message->setText(problems.isEmpty() ? tr("Filled in from %1.").arg(file) : problems.join(QLatin1Char('\n')));
        });
    });
    dialog->open();
}

QStringList AddCloudDialog::importOpenrc(const QByteArray &text, const QString &fileName)
{
    const OpenrcContents contents = readOpenrc(text, fileName);
    QList<ConfigProblem> problems = contents.problems;
    const QString name = m_name->text().trimmed().isEmpty() ? QStringLiteral("imported") : m_name->text().trimmed();
    if (const std::optional<CloudProfile> cloud = cloudFromOpenrc(contents, name, problems))
        setProfile(*cloud);
    QStringList lines;
    for (const ConfigProblem &problem : std::as_const(problems))
        lines.append(problem.toString());
    if (contents.asksForPassword && lines.isEmpty())
        lines.append(tr("The file asks for the password when sourced: type it above."));
    return lines;
}

void AddCloudDialog::setProfile(const CloudProfile &cloud)
{
    if (m_name->text().trimmed().isEmpty())
        m_name->setText(cloud.name);
    m_authUrl->setText(cloud.auth.authUrl);
    const bool appCred = cloud.authType.contains(QLatin1StringView("applicationcredential"));
    m_authType->setCurrentIndex(appCred ? 0 : 1);
    if (appCred) {
        m_appCredId->setText(cloud.auth.applicationCredentialId);
        m_appCredSecret->setText(cloud.auth.applicationCredentialSecret);
    } else {
        m_username->setText(cloud.auth.username);
        m_password->setText(cloud.auth.password);
        m_projectName->setText(cloud.auth.projectName);
        if (!cloud.auth.userDomainName.isEmpty())
            m_userDomain->setText(cloud.auth.userDomainName);
        if (!cloud.auth.projectDomainName.isEmpty())
            m_projectDomain->setText(cloud.auth.projectDomainName);
    }
    m_region->setText(cloud.regionName);
    updateAuthPage();
}

} // namespace Pilvi
