// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/sizehistorychart.h"

#include "models/sizehistorymodel.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <algorithm>

namespace Pilvi {

SizeHistoryChart::SizeHistoryChart(SizeHistoryModel *model, QWidget *parent)
    // Given its chart at construction: QChartView(parent) makes a default chart that a later
    // setChart() releases without deleting.
    : QChartView(new QChart, parent)
    , m_model(model)
    , m_series(new QLineSeries)
    , m_mapper(new QVXYModelMapper(this))
    , m_timeAxis(new QDateTimeAxis)
    , m_sizeAxis(new QValueAxis)
{
    QChart *chart = this->chart(); // owned by the view; the chart owns the series and axes
    chart->legend()->hide();
    chart->setTitle(tr("Size history (from the group's stack events)"));
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_series->setName(tr("Members"));
    chart->addSeries(m_series);
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(4); // the labels fit the chart's width beside the members and policies
    m_timeAxis->setTitleText(tr("Time (local)"));
    m_sizeAxis->setLabelFormat(QStringLiteral("%d"));
    m_sizeAxis->setTitleText(tr("Members"));
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_sizeAxis, Qt::AlignLeft);
    m_series->attachAxis(m_timeAxis);
    m_series->attachAxis(m_sizeAxis);

    m_mapper->setXColumn(SizeHistoryModel::TimeColumn);
    m_mapper->setYColumn(SizeHistoryModel::SizeColumn);
    m_mapper->setSeries(m_series);
    m_mapper->setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, &SizeHistoryChart::fitAxes);
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Size history chart"));
    setMinimumHeight(160);
    fitAxes();
}

void SizeHistoryChart::fitAxes()
{
    const int rows = m_model->rowCount();
    if (rows == 0) {
        const QDateTime now = QDateTime::currentDateTime();
        m_timeAxis->setRange(now.addSecs(-3600), now);
        m_timeAxis->setFormat(QStringLiteral("HH:mm"));
        m_sizeAxis->setRange(0, 1);
        m_sizeAxis->setTickCount(2); // whole members: 0 and 1, not 0.25 printed as 0
        return;
    }
    const auto timeAt = [this](int row) {
        return QDateTime::fromMSecsSinceEpoch(
            static_cast<qint64>(m_model->index(row, SizeHistoryModel::TimeColumn).data().toDouble()));
    };
    QDateTime first = timeAt(0);
    QDateTime last = timeAt(rows - 1);
    if (first >= last)
        last = first.addSecs(60);
    m_timeAxis->setRange(first, last);
    // Minutes of scaling need seconds on the axis; days of it need the date.
    const qint64 span = first.secsTo(last);
    m_timeAxis->setFormat(span < 3600    ? QStringLiteral("HH:mm:ss")
                          : span < 86400 ? QStringLiteral("HH:mm")
                                         : QStringLiteral("MM-dd HH:mm"));
    const int top = std::max(1, m_model->maxSize()) + 1;
    m_sizeAxis->setRange(0, top);
    m_sizeAxis->setTickCount(std::min(top, 10) + 1);
}

} // namespace Pilvi
