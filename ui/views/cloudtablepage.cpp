// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/cloudtablepage.h"

#include "net/apierror.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace Pilvi {

CloudTablePage::CloudTablePage(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_view(new QTableView(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    auto *heading = new QLabel(title, this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter %1").arg(title));
    m_filter->setMaximumWidth(280);
    auto *refreshButton = new QToolButton(this);
    refreshButton->setText(tr("Refresh"));
    refreshButton->setToolTip(tr("Load again from the cloud (F5)"));
    refreshButton->setShortcut(QKeySequence::Refresh);
    connect(refreshButton, &QToolButton::clicked, this, &CloudTablePage::refresh);

    m_status->setObjectName(QStringLiteral("pageStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch(1);
    top->addWidget(m_filter);
    top->addWidget(refreshButton);

    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setAccessibleName(title);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    m_status->setText(tr("Select a cloud in the sidebar."));
}

void CloudTablePage::setSourceModel(QAbstractItemModel *model, int sortRole)
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
}

QString CloudTablePage::statusText() const
{
    return m_status->text();
}

void CloudTablePage::setSession(Session *session)
{
    m_session = session;
    m_loaded = false;
    refresh();
}

bool CloudTablePage::isStale(int generation) const
{
    return generation != m_generation;
}

void CloudTablePage::finishLoad(int generation, const QString &status)
{
    if (isStale(generation))
        return;
    m_status->setText(status);
    if (!std::exchange(m_loaded, true)) {
        // The first row's details rather than an empty pane, until the user picks another.
        if (!m_view->selectionModel()->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_view->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        Q_EMIT loadFinished();
    }
}

void CloudTablePage::refresh()
{
    const int generation = ++m_generation;
    if (!m_session) {
        m_status->setText(tr("Select a cloud in the sidebar."));
        return;
    }
    m_status->setText(tr("Loading…"));
    load(m_session)
        .then(this,
              [this, generation] {
                  m_view->resizeColumnsToContents();
                  finishLoad(generation, countText(m_proxy->sourceModel()->rowCount()));
              })
        .onFailed(this, [this, generation](
                            const ApiError &error) { finishLoad(generation, tr("Could not load: %1").arg(error.toString())); })
        .onFailed(this, [this, generation] { finishLoad(generation, tr("Could not load (unexpected error).")); });
}

} // namespace Pilvi
