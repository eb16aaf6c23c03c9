"""Bar charts for printed documents, drawn as vector graphics with ReportLab's own graphics
(``reportlab.graphics.shapes``: axes, grid lines, bars), with every label (title, categories,
values, legend, axis) written by the document engine (``reports.textflow.draw_text``: the same
fonts and HarfBuzz shaping as the rest of the document), so Thai labels are shaped like the body
text and ``pdftotext`` reads them back exactly.

A ``BarChart`` is plain data; it goes into a memo's body like a paragraph or a table
(``reports.memo``) and becomes a ``ChartFlowable`` there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from reports.textflow import draw_text, text_width
from reports.thaifmt import digits, number

PALETTE = ("#1f5f99", "#f0a030", "#3c9a5f", "#c0392b", "#7d5ba6", "#7f8c8d")
TITLE_SIZE = 14.0
LABEL_SIZE = 11.0
VALUE_SIZE = 9.0
AXIS_SIZE = 10.0


@dataclass
class Series:
    name: str
    values: list[float]
    colour: str = ""  # hex; default: the palette in order


@dataclass
class BarChart:
    """Grouped vertical bars: one group per category, one bar per series."""

    title: str
    categories: list[str]
    series: list[Series]
    percent: bool = False  # values are per cents: the axis runs 0-100
    decimals: int = 0  # of the value labels
    height_cm: float = 7.0
    value_labels: bool = True


def nice_scale(top: float, percent: bool) -> tuple[float, float]:
    """The axis maximum and step: 0-100 by 20 for per cents, else a round step (1, 2, 5 x 10^n)
    giving about five grid lines."""
    if percent:
        return 100.0, 20.0
    top = max(top, 5.0)  # a few cases still get a readable axis
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1.0)
    return step * math.ceil(top / step), step


@dataclass
class ChartLayout:
    """Where everything goes (points, from the flowable's bottom-left corner)."""

    width: float
    height: float
    plot_x: float
    plot_y: float
    plot_w: float
    plot_h: float
    top: float  # the axis maximum
    step: float

    def y_of(self, value: float) -> float:
        return self.plot_y + self.plot_h * max(0.0, min(value, self.top)) / self.top

    def bar_box(self, chart: BarChart, category: int, series: int) -> tuple[float, float]:
        """Left edge and width of one bar."""
        group = self.plot_w / max(len(chart.categories), 1)
        bars = max(len(chart.series), 1)
        bar_w = group * 0.8 / bars
        return self.plot_x + category * group + group * 0.1 + series * bar_w, bar_w


def layout_chart(chart: BarChart, width: float) -> ChartLayout:
    height = chart.height_cm * cm
    values = [v for s in chart.series for v in s.values]
    top, step = nice_scale(max(values, default=0.0), chart.percent)
    axis_w = text_width(number(top, decimals=0), size=AXIS_SIZE) + 8
    title_h = TITLE_SIZE * 1.4
    legend_h = LABEL_SIZE * 1.5 if len(chart.series) > 1 else 0.0
    group = (width - axis_w - 4) / max(len(chart.categories), 1)
    rows = max((len(r) for r in category_rows(chart.categories, group)), default=1)
    bottom = LABEL_SIZE * (0.5 + 1.1 * rows)
    plot_y = bottom
    plot_h = height - bottom - title_h - legend_h - VALUE_SIZE * 1.4
    return ChartLayout(width, height, axis_w, plot_y, width - axis_w - 4, plot_h, top, step)


def category_rows(labels: list[str], width: float) -> list[list[str]]:
    """The category labels, each on one line, or all broken at their spaces when one is wider
    than its group (``ต.ค. 68`` over twelve months: the month above the year)."""
    if all(text_width(label, size=LABEL_SIZE) <= width * 0.95 for label in labels):
        return [[label] for label in labels]
    return [label.split(" ") for label in labels]


class ChartFlowable(Flowable):
    """A ``BarChart`` as wide as the frame."""

    def __init__(self, chart: BarChart, thai: bool) -> None:
        super().__init__()
        self.chart = chart
        self.thai = thai
        self.layout: ChartLayout | None = None
        self.spaceBefore = 8.0
        self.spaceAfter = 4.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.layout = layout_chart(self.chart, avail_width)
        return avail_width, self.layout.height

    def _text(self, value: float) -> str:
        return number(value, decimals=self.chart.decimals, thai=self.thai)

    def draw(self) -> None:
        from reportlab.graphics import renderPDF
        from reportlab.graphics.shapes import Drawing, Line, Rect
        from reportlab.lib.colors import HexColor

        chart, geo, canvas = self.chart, self.layout, self.canv
        assert geo is not None
        drawing = Drawing(geo.width, geo.height)
        grid = HexColor("#c8c8c8")
        value = 0.0
        while value <= geo.top + 1e-9:
            y = geo.y_of(value)
            drawing.add(
                Line(geo.plot_x, y, geo.plot_x + geo.plot_w, y, strokeColor=grid, strokeWidth=0.4)
            )
            value += geo.step
        for s_index, series in enumerate(chart.series):
            colour = HexColor(series.colour or PALETTE[s_index % len(PALETTE)])
            for c_index, amount in enumerate(series.values):
                x, w = geo.bar_box(chart, c_index, s_index)
                h = geo.y_of(amount) - geo.plot_y
                if h > 0:
                    drawing.add(Rect(x, geo.plot_y, w, h, fillColor=colour, strokeColor=None))
        axis = HexColor("#333333")
        drawing.add(
            Line(geo.plot_x, geo.plot_y, geo.plot_x + geo.plot_w, geo.plot_y, strokeColor=axis)
        )
        drawing.add(
            Line(geo.plot_x, geo.plot_y, geo.plot_x, geo.plot_y + geo.plot_h, strokeColor=axis)
        )
        legend_y = geo.height - TITLE_SIZE * 1.4 - LABEL_SIZE * 1.1
        legend_x = geo.plot_x
        for s_index, series in enumerate(chart.series if len(chart.series) > 1 else []):
            colour = HexColor(series.colour or PALETTE[s_index % len(PALETTE)])
            drawing.add(Rect(legend_x, legend_y, 8, 8, fillColor=colour, strokeColor=None))
            legend_x += 12 + text_width(digits(series.name, self.thai), size=LABEL_SIZE) + 16
        renderPDF.draw(drawing, canvas, 0, 0)
        self._draw_labels(geo)

    def _draw_labels(self, geo: ChartLayout) -> None:
        chart, canvas, thai = self.chart, self.canv, self.thai
        draw_text(
            canvas,
            geo.width / 2,
            geo.height - TITLE_SIZE,
            digits(chart.title, thai),
            style="bold",
            size=TITLE_SIZE,
            align="center",
        )
        legend_y = geo.height - TITLE_SIZE * 1.4 - LABEL_SIZE * 1.1
        legend_x = geo.plot_x
        for series in chart.series if len(chart.series) > 1 else []:
            name = digits(series.name, thai)
            draw_text(canvas, legend_x + 12, legend_y, name, size=LABEL_SIZE)
            legend_x += 12 + text_width(name, size=LABEL_SIZE) + 16
        value = 0.0
        while value <= geo.top + 1e-9:
            draw_text(
                canvas,
                geo.plot_x - 4,
                geo.y_of(value) - AXIS_SIZE * 0.3,
                number(value, decimals=0, thai=thai),
                size=AXIS_SIZE,
                align="right",
            )
            value += geo.step
        group = geo.plot_w / max(len(chart.categories), 1)
        for index, lines in enumerate(category_rows(chart.categories, group)):
            for row, line in enumerate(lines):
                draw_text(
                    canvas,
                    geo.plot_x + (index + 0.5) * group,
                    geo.plot_y - LABEL_SIZE * (1.1 + 1.1 * row),
                    digits(line, thai),
                    size=LABEL_SIZE,
                    align="center",
                )
        if not chart.value_labels:
            return
        for s_index, series in enumerate(chart.series):
            for c_index, amount in enumerate(series.values):
                if not amount:
                    continue  # a row of zeros says nothing the empty axis does not
                x, w = geo.bar_box(chart, c_index, s_index)
                draw_text(
                    canvas,
                    x + w / 2,
                    geo.y_of(amount) + 2,
                    self._text(amount),
                    size=VALUE_SIZE,
                    align="center",
                )
