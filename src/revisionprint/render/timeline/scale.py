"""A row's time scale: which stretches of time its axis shows, where each instant lies, and its ticks.

Plain numbers, no fonts: the caller passes `measure(text) -> width`. Times are positions on
the continuous scale of years of model.year_position (1969.5 is mid-1969; 1 BC is 0).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import Callable, Sequence

from ...model import MONTH_NAMES, days_in_month, historical, year_label, year_position

MM = 72 / 25.4
# A stretch with no events that takes more than this share of the span is cut out of the axis
# (when the layout allows breaks): the events, not the empty years, get the paper.
EMPTY_STRETCH = 0.25
TICK_LABEL_GAP = 3 * MM  # at least this much between two tick labels
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
MONTH_STEPS = (1, 3, 6)
DAY_STEPS = (1, 2, 5, 10)
DAY = 1 / 366


@dataclass(frozen=True)
class Segment:
    """One unbroken stretch of the axis: the times `start`..`end` drawn from x `left` to `right`."""

    start: float
    end: float
    left: float
    right: float

    def x(self, time: float) -> float:
        return self.left + (time - self.start) / (self.end - self.start) * (self.right - self.left)


@dataclass(frozen=True)
class Tick:
    x: float
    label: str  # "" for a tick without a label


@dataclass(frozen=True)
class Scale:
    segments: tuple[Segment, ...]
    ticks: tuple[Tick, ...] = ()

    @property
    def left(self) -> float:
        return self.segments[0].left

    @property
    def right(self) -> float:
        return self.segments[-1].right

    @property
    def breaks(self) -> list[tuple[float, float]]:
        """The x of each break: where one segment ends and the next begins."""
        return [(a.right, b.left) for a, b in zip(self.segments, self.segments[1:])]

    def x(self, time: float) -> float:
        starts = [segment.start for segment in self.segments]
        index = max(0, bisect.bisect_right(starts, time) - 1)
        segment = self.segments[index]
        return segment.x(min(max(time, segment.start), segment.end))


def fitted_scale(intervals: Sequence[tuple[float, float]], left: float, right: float, end_space: float,
                 break_width: float, breaks: bool) -> Scale:
    """An axis from `left` to `right` whose first and last events lie `end_space` inside its ends,
    with long empty stretches cut out (a break `break_width` wide) where `breaks` allows."""
    stretches = _covered(intervals)
    first, last = stretches[0][0], stretches[-1][1]
    span = max(last - first, DAY)
    kept = [list(stretches[0])]
    for start, end in stretches[1:]:
        if breaks and start - kept[-1][1] > EMPTY_STRETCH * span:
            kept.append([start, end])
        else:
            kept[-1][1] = end
    # Each part of the axis keeps a little time either side of its events (end_space on paper).
    usable = right - left - 2 * end_space * len(kept) - break_width * (len(kept) - 1)
    total = sum(max(end - start, DAY) for start, end in kept)
    per_year = max(usable, 1.0) / total
    segments, x = [], left
    for start, end in kept:
        margin = end_space / per_year
        width = max(end - start, DAY) * per_year + 2 * end_space
        segments.append(Segment(start - margin, start - margin + width / per_year, x, x + width))
        x += width + break_width
    return Scale(tuple(segments))


def _covered(intervals: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stretches of time with an event in them, merged, in order."""
    merged: list[list[float]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def with_ticks(scale: Scale, measure: Callable[[str], float], era: str, marked: bool) -> Scale:
    """The finest ticks whose labels fit side by side: days, months, years, decades or centuries.
    A label that would cross a break or run past the axis's ends is left off; its tick stays."""
    per_year = min((s.right - s.left) / (s.end - s.start) for s in scale.segments)
    for kind, step, years in _steps():
        if years * per_year < TICK_LABEL_GAP:
            continue
        ticks = [tick for segment in scale.segments
                 for tick in _segment_ticks(segment, kind, step, era, marked)]
        if _labels_fit(ticks, measure):
            return Scale(scale.segments, tuple(_within(ticks, scale, measure)))
    return scale


def _steps():
    for step in DAY_STEPS:
        yield "day", step, step / 366
    for step in MONTH_STEPS:
        yield "month", step, step / 12
    for step in YEAR_STEPS:
        yield "year", step, step


def _segment_ticks(segment: Segment, kind: str, step: int, era: str, marked: bool) -> list[Tick]:
    ticks = []
    for time, label in _tick_times(segment.start, segment.end, kind, step, era, marked):
        if segment.start <= time <= segment.end:
            ticks.append(Tick(segment.x(time), label))
    return ticks


def _tick_times(start: float, end: float, kind: str, step: int, era: str, marked: bool):
    first_year, last_year = math.floor(start), math.floor(end)
    if kind == "year":
        # Multiples of the step as historians number years: 500 BC, 400 BC ... 100 BC, AD 1, 100.
        lowest = historical(first_year)
        year = lowest - lowest % step
        while astronomical_start(year) <= end:
            if year == 0:
                yield 1.0, year_label(1, era, marked)
            else:
                yield float(astronomical_start(year)), year_label(year, era, marked)
            year += step
        return
    for year in range(first_year, last_year + 1):
        for month in range(1, 13):
            if kind == "month":
                if (month - 1) % step == 0:
                    name = MONTH_NAMES[month - 1][:3]
                    text = f"{name} {year_label(historical(year), era, marked)}" if month == 1 else name
                    yield year_position(year, month), text
                continue
            for day in range(1, days_in_month(year, month) + 1):
                if (day - 1) % step == 0 and day <= 28 or day == 1:
                    yield year_position(year, month, day), f"{day} {MONTH_NAMES[month - 1][:3]}"


def astronomical_start(year: int) -> int:
    return year + 1 if year < 0 else year


def _labels_fit(ticks: list[Tick], measure: Callable[[str], float]) -> bool:
    widths = [measure(tick.label) for tick in ticks]
    return all(b.x - a.x >= (wa + wb) / 2 + TICK_LABEL_GAP
               for a, b, wa, wb in zip(ticks, ticks[1:], widths, widths[1:]))


def _within(ticks: list[Tick], scale: Scale, measure: Callable[[str], float]) -> list[Tick]:
    kept = []
    for tick in ticks:
        half = measure(tick.label) / 2
        inside = scale.left <= tick.x - half and tick.x + half <= scale.right
        clear = all(tick.x + half < a or tick.x - half > b for a, b in scale.breaks)
        kept.append(tick if inside and clear else Tick(tick.x, ""))
    return kept
