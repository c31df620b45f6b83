// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/cloudprofile.h"
#include "config/cloudswriter.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QStackedWidget;

namespace Pilvi {

/// Asks for a new cloud: a name, its environment, Keystone's URL and either an application
/// credential (what CSC tells Pouta users to use) or a password, the region, and where the secret
/// goes (secure.yaml for every OpenStack tool, or the keychain for Pilvi only). Can fill itself
/// from an openrc file. Writes nothing: the caller takes profile() and placement().
class AddCloudDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AddCloudDialog(QStringList existingNames, QWidget *parent = nullptr);

    /// The cloud as entered (secrets included).
    CloudProfile profile() const;
    SecretPlacement placement() const;

    /// Fills the form from an openrc file's text; returns the problems found (empty: fine).
    QStringList importOpenrc(const QByteArray &text, const QString &fileName);
    /// Why the form cannot be accepted yet, or empty.
    QString validationError() const;

    void accept() override;

private:
    void chooseOpenrc();
    void updateAuthPage();
    void setProfile(const CloudProfile &profile);

    QStringList m_existingNames;
    QLineEdit *m_name;
    QComboBox *m_environment;
    QLineEdit *m_authUrl;
    QComboBox *m_authType;
    QStackedWidget *m_authPages;
    QLineEdit *m_appCredId;
    QLineEdit *m_appCredSecret;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_projectName;
    QLineEdit *m_userDomain;
    QLineEdit *m_projectDomain;
    QLineEdit *m_region;
    QRadioButton *m_toSecureFile;
    QRadioButton *m_toKeychain;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace Pilvi
