"""Register print-outs: any table with a title, the office, a period, the header row repeated on
every page, ``หน้า ๑ / ๕`` and the printed-on date; portrait or landscape.

Cells wrap Thai text by the same word rules as the documents (``reports.textflow``). ``data_table``
builds the same kind of table for memo bodies and forms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from reports import fonts
from reports.errors import DocumentInputError
from reports.page import Geometry, build_pdf, geometry
from reports.textflow import TextStyle, ThaiParagraph, draw_text, layout, text_width
from reports.thai_text import keep_spans, tokens
from reports.thaifmt import date_long, digits

ALIGNS = ("left", "center", "right")


def cell_padding(size: float) -> float:
    """Left and right padding of a cell: text in neighbouring columns stays more than one em
    apart. Closer than that, extractors (poppler's ``pdftotext``) take the two cells' lines for
    one column of text and interleave a wrapped cell's lines with its neighbour's."""
    return 0.5 * size + 0.5


@dataclass
class TableColumn:
    title: str
    weight: float = 1.0  # relative width on paper
    align: str = "left"  # left | center | right
    # the cells hold people's names (or dates): each line of a cell stays on one line of print
    # when the column is wide enough for it (``reports.thai_text`` on kept spans)
    keep: bool = False


def kept_lines(text: str) -> tuple[str, ...]:
    """The lines of a cell of a ``keep`` column, each to be kept on one line of print."""
    return tuple(line for line in text.splitlines() if line.strip())


@dataclass
class RegisterTable:
    title: str
    office: str
    period: str
    columns: list[TableColumn]
    rows: list[list[str]]
    landscape: bool = False
    thai_digits: bool = True
    printed_on: dt.date | None = None  # default: today
    font_size: float = 14.0


def _check_columns(columns: Sequence[TableColumn], rows: Sequence[Sequence[str]]) -> None:
    if not columns:
        raise DocumentInputError("ตารางต้องมีอย่างน้อยหนึ่งคอลัมน์", "columns")
    for column in columns:
        if column.align not in ALIGNS:
            raise DocumentInputError(
                f"การจัดแนวคอลัมน์ “{column.title}” ต้องเป็น left, center หรือ right", "columns"
            )
        if not column.weight > 0:
            raise DocumentInputError(f"ความกว้างของคอลัมน์ “{column.title}” ต้องมากกว่าศูนย์", "columns")
    for number, row in enumerate(rows, start=1):
        if len(row) != len(columns):
            raise DocumentInputError(
                f"แถวที่ {number} มี {len(row)} ช่อง แต่ตารางมี {len(columns)} คอลัมน์", "rows"
            )


MIN_SCALE = 0.8  # a table's text shrinks to at most 80 % of its size to keep its words whole
SIZE_STEP = 0.5


def _widest_unit(text: str, style: str) -> float:
    """The widest piece of ``text`` that a line can never break (font units: 1/1000 em)."""
    font = fonts.doc_font(style)
    widest = 0.0
    for token in tokens(text):
        if token.kind == "unit":
            widest = max(widest, font.shape(token.text).advance)
    return widest


def _widest_units(
    columns: Sequence[TableColumn], rows: Sequence[Sequence[str]], *, thai: bool
) -> list[float]:
    """Per column, the widest unbreakable word of its bold header and its cells (1/1000 em)."""
    out = []
    for index, column in enumerate(columns):
        need = _widest_unit(digits(column.title, thai), "bold")
        for row in rows:
            need = max(need, _widest_unit(digits(str(row[index]), thai), "regular"))
        out.append(need)
    return out


def _minimums(widest: Sequence[float], size: float) -> list[float]:
    return [w * size / 1000 + 2 * cell_padding(size) + 1.0 for w in widest]


KEEP_GROWTH = 1.4  # a names column grows to at most 1.4 times its share to print names whole
KEEP_GIVE = 0.15  # ...taking from each other column at most 15 % of its width


def _kept_width(text: str) -> float:
    """The widest line of a ``keep`` cell (font units), spaces included."""
    font = fonts.doc_font("regular")
    return max(
        (sum(font.shape(t.text).advance for t in tokens(line)) for line in kept_lines(text)),
        default=0.0,
    )


def _dates_width(text: str) -> float:
    """The widest date in a cell (font units): a column gives up no room it needs for one."""
    font = fonts.doc_font("regular")
    return max(
        (
            sum(font.shape(t.text).advance for t in tokens(text[start:end]))
            for start, end in keep_spans(text)
        ),
        default=0.0,
    )


def _with_names_whole(
    columns: Sequence[TableColumn],
    rows: Sequence[Sequence[str]],
    widths: list[float],
    minimum: list[float],
    *,
    thai: bool,
    size: float,
) -> list[float]:
    """``widths`` with the ``keep`` columns widened towards their widest name, each to at most
    ``KEEP_GROWTH`` times its width, with no more room than the other columns can give: 15 %
    of each one's width, never below its own minimum nor below its widest date; a
    column left blank for handwriting gives nothing."""
    extra = [0.0] * len(columns)
    give = [0.0] * len(columns)
    for index, column in enumerate(columns):
        cells = [digits(str(row[index]), thai) for row in rows]
        if column.keep:
            need = _minimums([max(map(_kept_width, cells), default=0.0)], size)[0]
            extra[index] = max(min(need, KEEP_GROWTH * widths[index]) - widths[index], 0.0)
        elif any(cell.strip() for cell in cells):
            dates = _minimums([max(map(_dates_width, cells), default=0.0)], size)[0]
            floor = max(minimum[index], dates)
            give[index] = max(min(widths[index] - floor, KEEP_GIVE * widths[index]), 0.0)
    wanted, budget = sum(extra), sum(give)
    if wanted <= 0 or budget <= 0:
        return widths
    used = min(wanted, budget)
    return [
        w + e * used / wanted - g * used / budget
        for w, e, g in zip(widths, extra, give, strict=True)
    ]


def fit_columns(
    columns: Sequence[TableColumn],
    rows: Sequence[Sequence[str]],
    width: float,
    *,
    thai: bool,
    size: float,
    to_content: bool = False,
) -> tuple[float, list[float]]:
    """The font size and column widths of a table ``width`` points wide.

    Widths go by weight, widened where a column's longest unbreakable word (an amount, an asset
    number, a date, a header word) would not fit, taking the room from the other columns. When
    the longest words of all columns cannot stand side by side at ``size``, the text gets
    smaller, in 0.5 pt steps down to 80 % of ``size``, until they can: a register of ten columns
    of dates, document numbers and agency names reads better a little smaller than with words
    cut between letters in every column. When even that is not enough, the columns with the
    widest words are narrowed to one common width (only those words are cut between
    characters) and the others keep their words whole. A ``keep`` column (names) is widened,
    where the others have room to give, until its names fit on one line. ``to_content`` (the
    tables of a memo's body): widths by how much text each column holds instead, when that
    makes the table shorter (``content_widths``)."""
    widest = _widest_units(columns, rows, thai=thai)
    floor = size * MIN_SCALE
    current = size
    while sum(_minimums(widest, current)) > width and current > floor:
        current = max(current - SIZE_STEP, floor)
    minimum = _minimums(widest, current)
    if sum(minimum) > width:
        return current, _capped(minimum, width)
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(columns)) if i not in fixed]
        room = width - sum(fixed.values())
        weight = sum(columns[i].weight for i in free)
        grown = {i: minimum[i] for i in free if room * columns[i].weight / weight < minimum[i]}
        if not grown:
            widths = [fixed.get(i, room * columns[i].weight / weight) for i in range(len(columns))]
            break
        fixed.update(grown)
    if to_content and rows and len(rows) <= CONTENT_ROWS:
        cells = [[digits(str(row[i]), thai) for i in range(len(columns))] for row in rows]
        by_content = content_widths(columns, cells, width, minimum, current)
        if by_content and _height(cells, by_content, current) < _height(cells, widths, current):
            widths = by_content
    if any(c.keep for c in columns):
        widths = _with_names_whole(columns, rows, widths, minimum, thai=thai, size=current)
    return current, widths


CONTENT_ROWS = 80  # beyond this, widths go by weight: measuring would cost too much


def _natural(text: str, size: float) -> float:
    """A cell's width with each of its lines on one line of print."""
    widest = max((text_width(line, "regular", size) for line in text.splitlines()), default=0.0)
    return widest + 2 * cell_padding(size) + 1.0


def content_widths(
    columns: Sequence[TableColumn],
    cells: Sequence[Sequence[str]],
    width: float,
    minimum: Sequence[float],
    size: float,
) -> list[float] | None:
    """Column widths by content: each column starts at its longest word (``minimum``) and its
    widest date, then the room goes, a few points at a time, where it takes the most lines off
    the table (rows are as tall as their tallest cell; a column never grows past its widest
    cell on one line); what no column can use goes by weight. None when the dates of all the
    columns cannot stand side by side whole."""
    count = len(columns)
    dates = [max((_dates_width(row[i]) for row in cells), default=0.0) for i in range(count)]
    dated = _minimums(dates, size)
    widths = [
        max(m, d if dates[i] else 0.0) for i, (m, d) in enumerate(zip(minimum, dated, strict=True))
    ]
    if sum(widths) > width:
        return None
    cap = [max(widths[i], *(_natural(row[i], size) for row in cells)) for i in range(count)]
    style = TextStyle(size=size, align="left", leading=size * 1.25)
    padding = 2 * cell_padding(size)
    cache: dict[tuple[int, float], list[int]] = {}

    def lines(column: int, at: float) -> list[int]:
        key = (column, round(at, 1))
        if key not in cache:
            cache[key] = [len(layout(row[column], style, at - padding)) for row in cells]
        return cache[key]

    counts = [lines(i, widths[i]) for i in range(count)]

    def height(parts: list[list[int]]) -> int:
        return sum(max(per_row) for per_row in zip(*parts, strict=True))

    current = height(counts)
    while True:
        room = width - sum(widths)
        best: tuple[float, int, float, list[int], int] | None = None  # gain, column, width...
        for i in range(count):
            step = 1
            while step * CONTENT_STEP <= room and widths[i] + (step - 1) * CONTENT_STEP < cap[i]:
                at = min(widths[i] + step * CONTENT_STEP, cap[i], widths[i] + room)
                trial = lines(i, at)
                total = height([trial if j == i else counts[j] for j in range(count)])
                gain = (current - total) / (at - widths[i])
                if gain > 0 and (best is None or gain > best[0]):
                    best = (gain, i, at, trial, total)
                step += 1
        if best is None:
            break
        _gain, column, at, trial, current = best
        widths[column], counts[column] = at, trial
    room = width - sum(widths)
    weight = sum(c.weight for c in columns)
    return [w + room * c.weight / weight for w, c in zip(widths, columns, strict=True)]


CONTENT_STEP = 6.0  # points given at a time


def _height(cells: Sequence[Sequence[str]], widths: Sequence[float], size: float) -> int:
    """The table's body height in lines: each row as tall as its tallest cell."""
    style = TextStyle(size=size, align="left", leading=size * 1.25)
    inner = [w - 2 * cell_padding(size) for w in widths]
    return sum(
        max(len(layout(cell, style, w)) for cell, w in zip(row, inner, strict=True))
        for row in cells
    )


def column_widths(
    columns: Sequence[TableColumn],
    rows: Sequence[Sequence[str]],
    width: float,
    *,
    thai: bool,
    size: float,
) -> list[float]:
    """The column widths ``fit_columns`` gives (at the size it chooses)."""
    return fit_columns(columns, rows, width, thai=thai, size=size)[1]


def _capped(minimum: Sequence[float], width: float) -> list[float]:
    """``minimum`` with the largest values lowered to one cap so that they sum to ``width``."""
    remaining, count = width, len(minimum)
    for value in sorted(minimum):
        cap = remaining / count
        if value > cap:
            return [min(m, cap) for m in minimum]
        remaining -= value
        count -= 1
    return list(minimum)


def data_table(
    columns: Sequence[TableColumn],
    rows: Sequence[Sequence[str]],
    width: float,
    *,
    thai: bool,
    size: float = 14.0,
    repeat_header: bool = True,
    min_row_height: float = 0.0,
    to_content: bool = False,
) -> Table:
    """A ruled table ``width`` points wide: bold centred header, wrapped Thai cells."""
    _check_columns(columns, rows)
    size, widths = fit_columns(columns, rows, width, thai=thai, size=size, to_content=to_content)
    head_style = TextStyle(font="bold", size=size, align="center", leading=size * 1.25)
    cell_styles = {
        align: TextStyle(size=size, align=align, leading=size * 1.25) for align in ALIGNS
    }
    data: list[list[Flowable]] = [
        [ThaiParagraph(digits(c.title, thai), head_style) for c in columns]
    ]
    for row in rows:
        data.append(
            [
                _cell(digits(str(value), thai), cell_styles[column.align], column.keep)
                for value, column in zip(row, columns, strict=True)
            ]
        )
    # Row heights from the cells' own line layouts: ReportLab then never re-measures the rows
    # each time it splits the table at a page end (that made long registers quadratic).
    padding = cell_padding(size)
    inner = [w - 2 * padding for w in widths]
    heights = []
    for row_cells in data:
        lines = max(len(cell.lines_for(w)) for cell, w in zip(row_cells, inner, strict=True))
        style = row_cells[0].style
        heights.append(
            max(
                lines * style.line_height + 3.0, min_row_height if row_cells is not data[0] else 0.0
            )
        )
    table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1 if repeat_header else 0)
    table.setStyle(
        TableStyle(
            [
                # ReportLab selects a cell font even for flowable cells: the embedded one
                ("FONTNAME", (0, 0), (-1, -1), fonts.doc_font("regular").name),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _cell(text: str, style: TextStyle, keep: bool) -> ThaiParagraph:
    return ThaiParagraph(text, style, keep=kept_lines(text) if keep else ())


def register_story(table: RegisterTable, geo: Geometry) -> list[Flowable]:
    thai = table.thai_digits
    title = TextStyle(font="bold", size=20, align="center", leading=26)
    sub = TextStyle(size=16, align="center", leading=20.8)
    story: list[Flowable] = [ThaiParagraph(digits(table.title, thai), title)]
    if table.office.strip():
        story.append(ThaiParagraph(digits(table.office, thai), sub))
    if table.period.strip():
        story.append(ThaiParagraph(digits(table.period, thai), sub.with_(space_after=8)))
    else:
        story[-1].style = story[-1].style.with_(space_after=8)
    story.append(
        data_table(table.columns, table.rows, geo.text_width, thai=thai, size=table.font_size)
    )
    return story


@fonts.one_font_choice
def render_register_table(table: RegisterTable) -> bytes:
    """The register as PDF bytes."""
    geo = geometry(is_landscape=table.landscape, top_cm=1.5, bottom_cm=2.0)
    thai = table.thai_digits
    printed = table.printed_on or dt.date.today()
    printed_text = "พิมพ์เมื่อ " + date_long(printed, thai=thai)

    def decorate(canvas: object, number: int, total: int) -> None:
        y = geo.bottom - 0.9 * 28.3465
        draw_text(canvas, geo.left, y, printed_text, size=14)
        draw_text(
            canvas,
            geo.width - geo.right,
            y,
            digits(f"หน้า {number} / {total}", thai),
            size=14,
            align="right",
        )

    return build_pdf(register_story(table, geo), geo, title=table.title, decorate=decorate)


__all__ = [
    "RegisterTable",
    "TableColumn",
    "data_table",
    "render_register_table",
]
