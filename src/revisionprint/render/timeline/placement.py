"""Where everything on a timeline goes, as plain data: pages of rows, each row a stretch of time.

Nothing here draws, and nothing here knows a font: the renderer measures each label and
the tick texts, these modules place them, and the tests check the places as data. Lengths
are points; x runs from the frame's left edge, y up from the bottom of a row (ReportLab's
way round). This module splits the events into rows and the rows into pages;
row.py lays out one row, axis.py its axis and labels.py its labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from .axis import Tick, TickLabel
from .labels import ABOVE, BELOW, LEFT, RIGHT
from .row import (MM, EventMark, PlacedLabel, Rect, RowOptions, Space, SpanBar, TimelineRow, event_mark,
                           layout_row)

__all__ = ["ABOVE", "BELOW", "LEFT", "RIGHT", "EventMark", "PlacedLabel", "Rect", "Space", "SpanBar", "Tick",
           "TickLabel", "TimelineRow", "TimelinePage", "TimelinePlan", "event_mark", "layout_row", "plan_timeline"]

ROW_GAP = 8 * MM  # between rows on a page


@dataclass(frozen=True)
class TimelinePage:
    rows: tuple[TimelineRow, ...]


@dataclass(frozen=True)
class TimelinePlan:
    pages: tuple[TimelinePage, ...]

    @property
    def rows(self) -> list[TimelineRow]:
        return [row for page in self.pages for row in page.rows]

    @property
    def labels(self) -> list[PlacedLabel]:
        return [label for row in self.rows for label in row.labels]


def plan_timeline(marks: Sequence[EventMark], space: Space) -> TimelinePlan:
    """Rows of time on as few pages as the events need; then in as few rows; then with leaders
    as near their dates, and rows as evenly filled, as that allows (rather than full rows and a
    few events alone on the last). Tries lower and lower limits on a row's height."""
    if not marks:
        return TimelinePlan(pages=())
    best = None
    limit = space.row_height_limit
    cache: dict = {}
    while True:
        rows = _rows_within(marks, space, limit, cache)
        if rows is None:
            break
        pages = _paginate(rows, space)
        tallest = max(row.height for row in rows)
        key = (len(pages), len(rows), max(row.shift for row in rows), tallest)
        if best is None or key < best[0]:
            best = (key, pages)
        if len(rows) == len(marks):
            break
        limit = min(limit, tallest) - 4 * MM
    return TimelinePlan(pages=best[1])


def _rows_within(marks: Sequence[EventMark], space: Space, limit: float, cache: dict) -> Optional[list[TimelineRow]]:
    """Consecutive events in rows no taller than limit, each as long as fits, ending between years
    where it can. None if one event alone is too tall for the limit (a lone label always fits the
    full limit: the renderer keeps labels within label_height_limit)."""
    rows: list[TimelineRow] = []
    start = 0
    previous_year: Optional[int] = None  # the last year the previous row shows
    while start < len(marks):
        fitting, row = start + 1, _row(marks, start, start + 1, space, previous_year, limit, cache)
        if row is None or (not _fits(row, limit) and limit < space.row_height_limit):
            return None
        low, high = start + 2, len(marks)
        while low <= high:  # the longest run from `start` that fits
            middle = (low + high) // 2
            candidate = _row(marks, start, middle, space, previous_year, limit, cache)
            if candidate is not None and _fits(candidate, limit):
                fitting, row, low = middle, candidate, middle + 1
            else:
                high = middle - 1
        end = _clean_break(marks, start, fitting)
        shorter = _row(marks, start, end, space, previous_year, limit, cache) if end != fitting else None
        if shorter is not None and _fits(shorter, limit):
            row = shorter
        else:
            end = fitting
        rows.append(row)
        previous_year = _last_year(marks, start, end)
        start = end
    return rows


def _fits(row: TimelineRow, limit: float) -> bool:
    return row.height <= limit + 0.01 and row.readable


def _row(marks: Sequence[EventMark], start: int, end: int, space: Space, previous_year: Optional[int],
         limit: float, cache: dict) -> Optional[TimelineRow]:
    """The row of marks[start:end] for a height limit; the ways to place it are worked out once."""
    key = (start, end, _shares_a_year(marks, start, end, previous_year))
    if key not in cache:
        cache[key] = RowOptions(marks, start, end, space, by_month=key[2])
    return cache[key].row(limit)


def _last_year(marks: Sequence[EventMark], start: int, end: int) -> int:
    return max(mark.last_year for mark in marks[start:end])


def _shares_a_year(marks: Sequence[EventMark], start: int, end: int, previous_year: Optional[int]) -> bool:
    """A row that splits a year with its neighbour gets an axis of whole months, not years."""
    with_previous = previous_year is not None and marks[start].first_year <= previous_year
    with_next = end < len(marks) and marks[end].first_year <= _last_year(marks, start, end)
    return with_previous or with_next


def _clean_break(marks: Sequence[EventMark], start: int, end: int) -> int:
    """Move a row's end back so the next row starts in a later year, where that is possible."""
    if end >= len(marks):
        return end
    for candidate in range(end, start, -1):
        if marks[candidate].first_year > _last_year(marks, start, candidate):
            return candidate
    return end


def _paginate(rows: list[TimelineRow], space: Space) -> tuple[TimelinePage, ...]:
    pages: list[list[TimelineRow]] = [[]]
    room = space.first_page_height
    for row in rows:
        needed = row.height + (ROW_GAP if pages[-1] else 0.0)
        if pages[-1] and needed > room + 0.01:
            pages.append([])
            room = space.page_height
            needed = row.height
        pages[-1].append(row)
        room -= needed
    return tuple(TimelinePage(tuple(page)) for page in pages)
