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
from ...units import MM

# A stretch with no events that takes more than this share of the span is cut out of the axis
# (when the layout allows breaks): the events, not the empty years, get the paper.
EMPTY_STRETCH = 0.25
CROWDED = 10 * MM  # events nearer than this on an unbroken axis make a break worth its while
TICK_LABEL_GAP = 1.9  # at least this much between two tick labels, in widths of their digit 0 (3 mm at 8 pt)
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
    dated: str = ""  # the label with its year ('Jul 1914'), for the first label of a stretch


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
    with long empty stretches cut out (a break `break_width` wide) where `breaks` allows. Each
    part of a broken axis gets paper by its share of the time and of the events, half and half:
    a year of one event does not squeeze a month of six."""
    stretches = _covered(intervals)
    first, last = stretches[0][0], stretches[-1][1]
    span = max(last - first, DAY)
    breaks = breaks and _crowded_unbroken(intervals, (right - left) / span)
    kept = [[*stretches[0], 0]]
    for start, end in stretches[1:]:
        if breaks and start - kept[-1][1] > EMPTY_STRETCH * span:
            kept.append([start, end, 0])
        else:
            kept[-1][1] = end
    for start, _ in intervals:
        next(part for part in reversed(kept) if part[0] <= start)[2] += 1
    usable = max(right - left - 2 * end_space * len(kept) - break_width * (len(kept) - 1), 1.0)
    total = sum(max(end - start, DAY) for start, end, _ in kept)
    segments, x = [], left
    for start, end, count in kept:
        duration = max(end - start, DAY)
        share = duration / total if len(kept) == 1 else (duration / total + count / len(intervals)) / 2
        per_year = usable * share / duration
        margin = end_space / per_year
        width = usable * share + 2 * end_space
        segments.append(Segment(start - margin, end + margin, x, x + width))
        x += width + break_width
    return Scale(tuple(segments))


def _crowded_unbroken(intervals: Sequence[tuple[float, float]], per_year: float) -> bool:
    """A break is worth it only where an unbroken axis would crowd some events together."""
    starts = sorted({start for start, _ in intervals})
    return any((b - a) * per_year < CROWDED for a, b in zip(starts, starts[1:]))


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
    """In each stretch of the axis, the finest ticks whose labels fit side by side: days, months,
    years, decades or centuries. A label that would cross a break or run past the axis's ends is
    left off; its tick stays."""
    ticks: list[Tick] = []
    for segment in scale.segments:
        per_year = (segment.right - segment.left) / (segment.end - segment.start)
        for kind, step, years in _steps():
            if years * per_year < TICK_LABEL_GAP * measure("0"):
                continue
            found = _segment_ticks(segment, kind, step, era, marked)
            if _labels_fit(found, measure):
                ticks += found
                break
    return Scale(scale.segments, tuple(_within(ticks, scale, measure)))


def _steps():
    for step in DAY_STEPS:
        yield "day", step, step / 366
    for step in MONTH_STEPS:
        yield "month", step, step / 12
    for step in YEAR_STEPS:
        yield "year", step, step


def _segment_ticks(segment: Segment, kind: str, step: int, era: str, marked: bool) -> list[Tick]:
    ticks = []
    for time, label, dated in _tick_times(segment.start, segment.end, kind, step, era, marked):
        if segment.start <= time <= segment.end:
            # The first label of each stretch says its year: 'Jul 1914', then 'Aug', 'Sep'.
            ticks.append(Tick(segment.x(time), dated if not ticks else label, dated))
    return ticks


def _tick_times(start: float, end: float, kind: str, step: int, era: str, marked: bool):
    first_year, last_year = math.floor(start), math.floor(end)
    if kind == "year":
        # Multiples of the step as historians number years: 500 BC, 400 BC ... 100 BC, AD 1, 100.
        lowest = historical(first_year)
        year = lowest - lowest % step
        while astronomical_start(year) <= end:
            label = year_label(year or 1, era, marked)
            yield float(astronomical_start(year or 1)), label, label
            year += step
        return
    for year in range(first_year, last_year + 1):
        for month in range(1, 13):
            if kind == "month":
                if (month - 1) % step == 0:
                    name = MONTH_NAMES[month - 1][:3]
                    dated = f"{name} {year_label(historical(year), era, marked)}"
                    yield year_position(year, month), (dated if month == 1 else name), dated
                continue
            for day in range(1, days_in_month(year, month) + 1):
                if (day - 1) % step == 0 and day <= 28 or day == 1:
                    text = f"{day} {MONTH_NAMES[month - 1][:3]}"
                    yield year_position(year, month, day), text, f"{text} {year_label(historical(year), era, marked)}"


def astronomical_start(year: int) -> int:
    return year + 1 if year < 0 else year


def _labels_fit(ticks: list[Tick], measure: Callable[[str], float]) -> bool:
    widths = [measure(tick.label) for tick in ticks]
    gap = TICK_LABEL_GAP * measure("0")
    return all(b.x - a.x >= (wa + wb) / 2 + gap
               for a, b, wa, wb in zip(ticks, ticks[1:], widths, widths[1:]))


def _within(ticks: list[Tick], scale: Scale, measure: Callable[[str], float]) -> list[Tick]:
    """Labels that would run past the axis's ends or across a break are left off (their ticks stay);
    the first label left on in each stretch then takes the year."""
    kept, dated = [], False
    breaks = scale.breaks
    for tick in ticks:
        if kept and any(kept[-1].x < a <= tick.x for a, _ in breaks):
            dated = False
        label = tick.label if dated else tick.dated
        half = measure(label) / 2
        inside = scale.left <= tick.x - half and tick.x + half <= scale.right
        clear = all(tick.x + half < a or tick.x - half > b for a, b in breaks)
        fits_after = (not kept or not kept[-1].label
                      or tick.x - half - TICK_LABEL_GAP * measure("0") >= kept[-1].x + measure(kept[-1].label) / 2)
        if inside and clear and fits_after:
            kept.append(Tick(tick.x, label, tick.dated))
            dated = True
        else:
            kept.append(Tick(tick.x, "", tick.dated))
    return kept
