"""A timeline row's axis: the stretch of time it spans, its ticks and their labels, as plain numbers.

A row spans whole years, from 1 January of its first event's year to the end of its last
event's year; a row that shares a year with its neighbour (a year too full for one row)
spans whole months instead. Ticks mark every year (or every few, where they would crowd
into a comb), labels say the years as often as they fit, and where a year is wide enough
the months are ticked and then named.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from ...model import to_fractional_year

MM = 72 / 25.4
YEAR_LABEL_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
TICK_LABEL_GAP = 2.5 * MM  # at least this much between two tick labels
SMALLEST_TICK_GAP = 3 * MM  # ticks closer than this turn the axis into a comb
SMALLEST_MONTH_TICK_GAP = 3 * MM


@dataclass(frozen=True)
class Tick:
    x: float
    kind: str  # "year" or "month"


@dataclass(frozen=True)
class TickLabel:
    x: float  # centre of the text
    text: str
    kind: str  # "year" or "month"


def axis_span(first: datetime.date, day_after: datetime.date, by_month: bool) -> tuple[datetime.date, datetime.date]:
    """Whole years (or months) from the first day to the last: the axis's first day and the day after it."""
    last = day_after - datetime.timedelta(days=1)
    if not by_month:
        return datetime.date(first.year, 1, 1), datetime.date(last.year + 1, 1, 1)
    return datetime.date(first.year, first.month, 1), _next_month(datetime.date(last.year, last.month, 1))


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def ticks(first_day: datetime.date, day_after: datetime.date, x_of, year_label_width: float,
          month_label_width: float) -> tuple[tuple[Tick, ...], tuple[TickLabel, ...]]:
    """A tick at every year (every few years where they would crowd), years labelled as often as
    their text allows; months ticked, then named, where a year is wide enough for them."""
    start, end = to_fractional_year(first_day), to_fractional_year(day_after)
    year_width = x_of(start + 1) - x_of(start)
    label_step = next((step for step in YEAR_LABEL_STEPS
                       if step * year_width >= year_label_width + TICK_LABEL_GAP), YEAR_LABEL_STEPS[-1])
    tick_step = next((step for step in YEAR_LABEL_STEPS
                      if label_step % step == 0 and step * year_width >= SMALLEST_TICK_GAP), label_step)
    years = range(first_day.year + (first_day.month > 1), day_after.year + 1)  # every 1 January on the axis
    marks = [Tick(x_of(year), "year") for year in years if year % tick_step == 0 or year in (start, end)]
    labels = [TickLabel(x_of(year), str(year), "year") for year in years if year % label_step == 0]
    if first_day.month > 1:  # an axis of months starting in the year: say which year
        labels.insert(0, TickLabel(x_of(start), str(first_day.year), "year"))
        marks.insert(0, Tick(x_of(start), "month"))
    if year_width / 12 >= SMALLEST_MONTH_TICK_GAP:
        names_fit = year_width / 12 >= month_label_width + TICK_LABEL_GAP
        month = first_day
        while month < day_after:
            following = _next_month(month)
            if month.month > 1 and month > first_day:
                marks.append(Tick(x_of(to_fractional_year(month)), "month"))
            if names_fit:
                middle = (x_of(to_fractional_year(month)) + x_of(to_fractional_year(following))) / 2
                labels.append(TickLabel(middle, calendar.month_abbr[month.month], "month"))
            month = following
        if day_after.month > 1:
            marks.append(Tick(x_of(end), "month"))
    return tuple(marks), tuple(_without_collisions(labels, year_label_width, month_label_width))


def _without_collisions(labels: list[TickLabel], year_label_width: float,
                        month_label_width: float) -> list[TickLabel]:
    """Month names give way to the year labels they would run into."""
    half = {"year": year_label_width / 2, "month": month_label_width / 2}
    years = [label for label in labels if label.kind == "year"]
    kept = list(years)
    for label in labels:
        if label.kind == "month" and all(abs(label.x - year.x) >= half["year"] + half["month"] + TICK_LABEL_GAP / 2
                                          for year in years):
            kept.append(label)
    return sorted(kept, key=lambda label: label.x)
