// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/environmentbanner.h"

#include "models/cloudtreemodel.h"
#include "style/environmentstyle.h"

#include <QHBoxLayout>
#include <QLabel>

namespace Pilvi {

EnvironmentBanner::EnvironmentBanner(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("environmentBanner"));
    setAccessibleName(tr("Selected cloud"));
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addWidget(m_label, 1);
    setCloud(std::nullopt);
}

void EnvironmentBanner::setCloud(const std::optional<CloudProfile> &cloud)
{
    QPalette pal = palette();
    if (!cloud) {
        m_label->setText(tr("No cloud selected"));
        pal.setColor(QPalette::Window, palette().color(QPalette::AlternateBase));
        pal.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        setPalette(pal);
        return;
    }
    const QString environment = CloudTreeModel::environmentTitle(cloud->environment);
    QString text = tr("%1 — %2").arg(cloud->name, environment);
    if (!cloud->regionName.isEmpty())
        text += tr(" · region %1").arg(cloud->regionName);
    if (!cloud->auth.projectName.isEmpty())
        text += tr(" · project %1").arg(cloud->auth.projectName);
    if (cloud->environment == Environment::Production)
        text = tr("PRODUCTION: %1. Destructive actions ask you to type the resource's name.").arg(text);
    m_label->setText(text);
    QFont font = m_label->font();
    font.setBold(cloud->environment == Environment::Production);
    m_label->setFont(font);
    pal.setColor(QPalette::Window, environmentColor(cloud->environment));
    pal.setColor(QPalette::WindowText, Qt::white);
    setPalette(pal);
}

QString EnvironmentBanner::text() const
{
    return m_label->text();
}

} // namespace Pilvi
