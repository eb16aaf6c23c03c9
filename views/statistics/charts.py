"""Qt Charts from the statistics' chart data (``reports.charts.BarChart``, made by
``models.statistics.charts``): the same series the printed report draws."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from reports.charts import BarChart, nice_scale


class BarChartView(QChartView):
    """A bar chart; ``bar_clicked(series index, category index)`` when a bar is clicked."""

    bar_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(250)  # room for the axis labels; the tab scrolls the charts
        self.data: BarChart | None = None
        self.series: QBarSeries | None = None
        self.sets: list[QBarSet] = []

    def show_chart(self, data: BarChart) -> None:
        self.data = data
        chart = QChart()
        chart.setTitle(data.title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        series = QBarSeries()
        self.sets = []
        for index, source in enumerate(data.series):
            bar_set = QBarSet(source.name)
            bar_set.append([float(v) for v in source.values])
            if source.colour:
                bar_set.setColor(QColor(source.colour))
            bar_set.clicked.connect(lambda category, i=index: self.bar_clicked.emit(i, category))
            series.append(bar_set)
            self.sets.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(data.categories)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x_axis)
        top, step = nice_scale(
            max((v for s in data.series for v in s.values), default=0.0), data.percent
        )
        y_axis = QValueAxis()
        y_axis.setRange(0, top)
        y_axis.setTickCount(round(top / step) + 1)
        y_axis.setLabelFormat("%.0f")
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y_axis)
        chart.legend().setVisible(len(data.series) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.series = series
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def click_bar(self, series: int, category: int) -> None:
        """What a mouse click on a bar does (tests, keyboard users)."""
        self.sets[series].clicked.emit(category)
