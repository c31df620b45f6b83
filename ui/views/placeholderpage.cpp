// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Pilvi {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);

    auto *heading = new QLabel(title, this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setObjectName(QStringLiteral("pageTitle"));

    auto *text = new QLabel(description, this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setObjectName(QStringLiteral("pageDescription"));
    text->setMaximumWidth(720);

    auto *notYet = new QLabel(tr("This page is not built yet. It will show live data from the selected cloud."), this);
    notYet->setEnabled(false);

    layout->addWidget(heading);
    layout->addSpacing(8);
    layout->addWidget(text);
    layout->addSpacing(12);
    layout->addWidget(notYet);
    layout->addStretch(1);
}

} // namespace Pilvi
