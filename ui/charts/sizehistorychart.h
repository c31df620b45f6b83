// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
class QVXYModelMapper;

namespace Pilvi {

class SizeHistoryModel;

/// A scaling group's size over time as a step line, read from a SizeHistoryModel through a
/// QVXYModelMapper (the chart keeps no data of its own).
class SizeHistoryChart final : public QChartView
{
    Q_OBJECT
public:
    explicit SizeHistoryChart(SizeHistoryModel *model, QWidget *parent = nullptr);

    QLineSeries *series() const { return m_series; }

private:
    void fitAxes();

    SizeHistoryModel *m_model;
    QLineSeries *m_series;
    QVXYModelMapper *m_mapper;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_sizeAxis;
};

} // namespace Pilvi
