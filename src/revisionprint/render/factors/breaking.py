"""A factor table that breaks over pages cleanly.

ReportLab's Table repeats the heading rows on every page (repeatRows) and breaks
between rows (splitByRow). Breaking inside a row is done here, not by ReportLab's
splitInRow, whose cell splitting fails on flowables that split into one part: the
row's cells are cut at the foot of the page into two rows, each closed by the grid,
and the second starts the next part of the table under the repeated headings with
'Name (continued)'. A row is broken only where that leaves a real part of it on the
page, never only its factor's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from reportlab.platypus import Flowable, Table

from ...model import Layout
from ..fitting import Fitted, split_into_boxes
from ..theme import colour
from .cells import name_flowables, table_text_style
from .plan import RowPlan

# A row is broken inside only if at least this much of it would stay on the page and go
# over to the next ...
SMALLEST_ROW_PART = 72 * 25 / 25.4  # 25 mm, in points
# ... and the page would otherwise leave more than this share of its height empty.
MOST_EMPTY_SHARE = 0.2


@dataclass
class BodyRow:
    """One row under the headings: a factor's cells as flowables, or its continuation."""

    plan: RowPlan
    cells: list[list[Flowable]]
    height: Optional[float] = None  # None: as tall as its content


@dataclass
class TableShape:
    """What every part of a broken table shares: its heading rows, columns and look."""

    layout: Layout
    heading: list[Flowable]  # the question and topic, heading every page
    column_headings: list[list[Flowable]]
    widths: list[float]
    frame_height: float  # an empty page's room: a row taller than this must break inside
    name_column: int  # -1 if the layout shows no factor column
    tail: list[Flowable] = field(default_factory=list)  # drawn once, under the last row (the continuum)

    def table(self, rows: list[BodyRow], with_tail: bool, continued: bool = False) -> "FactorTable":
        return FactorTable(self, rows, with_tail, continued)


class FactorTable(Table):
    def __init__(self, shape: TableShape, rows: list[BodyRow], with_tail: bool, continued: bool = False):
        # A continued part starts a page: it never follows the part before under headings of its own.
        self.shape, self.rows, self.with_tail, self.continued = shape, rows, with_tail, continued
        # The column headings head rows: a page with only the continuum left has the question alone.
        self.header_rows = 2 if rows else 1
        data = [[shape.heading] + [""] * (len(shape.widths) - 1)]
        data += [shape.column_headings] if rows else []
        data += [row.cells for row in rows]
        heights = [None] * self.header_rows + [row.height for row in rows]
        if with_tail and shape.tail:
            data.append([shape.tail] + [""] * (len(shape.widths) - 1))
            heights.append(None)
        super().__init__(data, colWidths=shape.widths, rowHeights=heights, repeatRows=self.header_rows,
                         hAlign="LEFT")
        self.setStyle(_style(shape.layout, len(rows), with_tail and bool(shape.tail)))

    def _culprit(self):
        # How ReportLab names a flowable too big for any page (its own fails before the table is sized).
        return "the factor table"

    def wrap(self, availWidth, availHeight):
        width, height = super().wrap(availWidth, availHeight)
        if self.continued and availHeight < self.shape.frame_height - 1:
            return width, max(height, availHeight + 1)  # too tall here: on to the next page
        return width, height

    def split(self, availWidth, availHeight):
        if self.continued and availHeight < self.shape.frame_height - 1:
            return []
        self._calc(availWidth, availHeight)
        heights = self._rowHeights
        used = sum(heights[:self.header_rows])
        fitting = 0
        for height in heights[self.header_rows:self.header_rows + len(self.rows)]:
            if used + height > availHeight + 1e-6:
                break
            used += height
            fitting += 1
        shape = self.shape
        if fitting == len(self.rows):  # only the continuum is left to go over
            return [shape.table(self.rows, False), shape.table([], True, True)] if self.rows else []
        row, room = self.rows[fitting], availHeight - used
        parts = self._break_inside(row, room, fitting, availHeight)
        if parts is not None:
            top, rest = parts
            return [shape.table(self.rows[:fitting] + [top], False),
                    shape.table([rest] + self.rows[fitting + 1:], self.with_tail, True)]
        if fitting == 0:
            return []  # the frame moves the table on to the next page
        return [shape.table(self.rows[:fitting], False), shape.table(self.rows[fitting:], self.with_tail, True)]

    def _break_inside(self, row: BodyRow, room: float, fitting: int,
                      available: float) -> Optional[tuple[BodyRow, BodyRow]]:
        shape = self.shape
        page_top = fitting == 0 and available >= shape.frame_height - 1
        headings = sum(self._rowHeights[:self.header_rows])
        row_height = self._rowHeights[self.header_rows + fitting]
        if page_top:
            return split_row(row, room, shape)  # waiting for another page gains nothing
        too_tall = headings + row_height > shape.frame_height
        if room < SMALLEST_ROW_PART or not (too_tall or room >= MOST_EMPTY_SHARE * shape.frame_height):
            return None
        # Leave a real part of the row for the next page too, not a line or two.
        cut = min(room, row_height - SMALLEST_ROW_PART)
        return split_row(row, cut, shape) if cut >= SMALLEST_ROW_PART else None


def split_row(row: BodyRow, room: float, shape: TableShape) -> Optional[tuple[BodyRow, BodyRow]]:
    """The row cut into what fits in `room` and the rest, or None if that would leave
    nothing but the factor's name (or not even that) on this page."""
    padding = shape.layout.factors.cell_padding
    content_height = room - 2 * padding
    top, rest = [], []
    for index, (cell, width) in enumerate(zip(row.cells, shape.widths)):
        first, later = split_cell(cell, width - 2 * padding, content_height)
        if first is None:
            return None
        if index == shape.name_column:
            if later:
                return None  # the name must print whole above its notes
            later = name_flowables(row.plan.factor.name, row.plan.mark, shape.layout, continued=True)
        top.append(first)
        rest.append(later)
    if not any(cell for index, cell in enumerate(top) if index != shape.name_column):
        return None
    return replace(row, cells=top, height=None), replace(row, cells=rest, height=None)


def split_cell(flowables: list[Flowable], width: float, height: float
               ) -> tuple[Optional[list[Flowable]], list[Flowable]]:
    """What of a cell fits in `height` (None if not even its first line does) and the rest,
    broken between lines by each flowable's own split."""
    if not flowables:
        return [], []
    boxes = split_into_boxes(Fitted(list(flowables), [], 0.0, True), width, height)
    first = boxes[0]
    if first.height > height + 0.01:  # a first line taller than the room: nothing fits
        return ([], list(flowables)) if height > 0 else (None, list(flowables))
    return first.flowables, [flowable for box in boxes[1:] for flowable in box.flowables]


def _style(layout: Layout, rows: int, tail: bool) -> list:
    factors, colours = layout.factors, layout.colours
    last = 1 + rows
    style = [
        *table_text_style(layout),
        ("SPAN", (0, 0), (-1, 0)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), factors.cell_padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), factors.cell_padding),
        ("TOPPADDING", (0, 0), (-1, -1), factors.cell_padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), factors.cell_padding),
        ("LEFTPADDING", (0, 0), (-1, 0), 0),
        ("RIGHTPADDING", (0, 0), (-1, 0), 0),  # the heading (and an exam question's marks) flush with the grid
        ("TOPPADDING", (0, 0), (-1, 0), 0),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 2 * factors.cell_padding),
    ]
    if rows:
        style += [("GRID", (0, 1), (-1, last), factors.grid_width, colour(colours.rule)),
                  ("BACKGROUND", (0, 1), (-1, 1), colour(colours.heading_band))]
    if tail:
        style += [("SPAN", (0, -1), (-1, -1)), ("LEFTPADDING", (0, -1), (-1, -1), 0),
                  ("TOPPADDING", (0, -1), (-1, -1), 2 * factors.cell_padding)]
    return style
