"""The axis rows of a timeline, as plain data: each event's marker at its exact place, its number
above the axis, and crowded stretches enlarged in further rows.

Numbers go in levels ("lanes") above the axis, each placed in the lowest level where it fits
and its leader crosses no number below it: one pass over the events, so placing grows with the
number of events times the levels. A stretch with more events than the levels can hold is
marked on its row with a bracket and the range of its numbers ("12-19"), and shown again in a
further row of its own, fitted to its events, whose heading gives its dates ("28 June -
4 August 1914, enlarged"). Events on one instant cannot be drawn apart at any scale: they share
one bracketed label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from ...model import PartialDate
from .scale import MM, Scale, fitted_scale, with_ticks

NUMBER_GAP = 1.2 * MM  # between two numbers on one level
LEADER_CLEAR = 0.8 * MM  # between a leader and a number beside it
DEEPEST = 6  # enlargements of enlargements: past this, crowds share a label
FILL = 0.6  # how full of numbers an enlarged row is planned to be


@dataclass(frozen=True)
class Point:
    """One event as an axis sees it."""

    number: int
    at: float  # where its marker goes: the middle of its date
    start: float  # the time it covers, to fit the axis to
    end: float
    first: PartialDate  # its date, and its last date (its `until`, or its date)
    last: PartialDate
    lasts: bool  # drawn with a bar from its date to its `until`
    factor: Optional[str]


@dataclass(frozen=True)
class Marker:
    number: int
    x: float
    bar: Optional[tuple[float, float]]  # x from, to, for an event that lasts
    factor: Optional[str]


@dataclass(frozen=True)
class NumberLabel:
    text: str  # "12", or "12-19" for a bracketed crowd
    left: float
    width: float
    lane: int  # 0 is the level nearest the axis
    anchors: tuple[float, float]  # the x its leader (or bracket) reaches on the axis

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def is_bracket(self) -> bool:
        return self.anchors[0] != self.anchors[1]


@dataclass(frozen=True)
class AxisRow:
    heading: str  # "" on the main axis
    numbers: tuple[int, ...]
    first: Optional[PartialDate]  # the dates the row's heading names (enlarged rows)
    last: Optional[PartialDate]
    scale: Scale
    markers: tuple[Marker, ...]
    labels: tuple[NumberLabel, ...]
    lanes: int


@dataclass(frozen=True)
class RowSettings:
    width: float
    lanes: int
    end_space: float
    break_width: float
    breaks: bool
    era: str
    marked: bool  # AD years carry their era: the timeline reaches back before 1 AD


def plan_rows(points: Sequence[Point], settings: RowSettings, number_width: Callable[[str], float],
              tick_width: Callable[[str], float], heading: Callable[[PartialDate, PartialDate], str]) -> list[AxisRow]:
    """The main axis, then each enlarged row after the row it enlarges."""
    rows: list[AxisRow] = []
    if points:
        _plan(list(points), "", 0, settings, number_width, tick_width, heading, rows)
    return rows


def _plan(points: list[Point], title: str, depth: int, settings: RowSettings, number_width, tick_width, heading,
          rows: list[AxisRow]) -> None:
    pitch = number_width(str(max(p.number for p in points))) + NUMBER_GAP
    # The numbers stand to the right of their leaders: the last one's width is kept free.
    scale = fitted_scale([(p.start, p.end) for p in points], 0, settings.width - pitch, settings.end_space,
                         settings.break_width, settings.breaks)
    scale = with_ticks(scale, tick_width, settings.era, settings.marked)
    xs = [scale.x(p.at) for p in points]
    x_of = {p.number: x for p, x in zip(points, xs)}
    markers = tuple(Marker(p.number, x, (scale.x(p.start), scale.x(p.end)) if p.lasts else None, p.factor)
                    for p, x in zip(points, xs))
    items: list[tuple[str, float, float]] = []  # text and the x range it points at
    enlarged: list[list[Point]] = []
    for run in _runs(points, xs, pitch):
        run_points = [points[i] for i in run]
        run_xs = [xs[i] for i in run]
        if not _crowded(run_xs, pitch, settings.lanes):
            items += [(str(p.number), x, x) for p, x in zip(run_points, run_xs)]
            continue
        can_enlarge = depth < DEEPEST and run_points[0].at != run_points[-1].at
        chunks = _chunks(run_points, run_xs, pitch, settings) if can_enlarge else [run_points]
        for chunk in chunks:
            first, last = chunk[0].number, chunk[-1].number
            low, high = x_of[first], x_of[last]
            items.append((f"{first}\u2013{last}" if first != last else str(first), low, high))
        if can_enlarge:
            enlarged += chunks
    labels, lanes = _levels(items, number_width, settings)
    first_date = min((p.first for p in points), key=lambda d: d.start_position())
    last_date = max((p.last for p in points), key=lambda d: d.end_position())
    rows.append(AxisRow(title, tuple(p.number for p in points), first_date, last_date, scale, markers,
                        tuple(labels), lanes))
    for chunk in enlarged:
        first_date = min((p.first for p in chunk), key=lambda d: d.start_position())
        last_date = max((p.last for p in chunk), key=lambda d: d.end_position())
        _plan(chunk, heading(first_date, last_date), depth + 1, settings, number_width, tick_width, heading, rows)


def _runs(points: list[Point], xs: list[float], pitch: float) -> list[list[int]]:
    """Events in stretches where each is nearer the next than one number's width."""
    runs: list[list[int]] = [[0]]
    for index in range(1, len(points)):
        if xs[index] - xs[index - 1] < pitch:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _crowded(xs: list[float], pitch: float, lanes: int) -> bool:
    """More numbers than the levels above the stretch can hold side by side."""
    return len(xs) > lanes and len(xs) * pitch > (xs[-1] - xs[0] + pitch) * lanes


def _chunks(points: list[Point], xs: list[float], pitch: float, settings: RowSettings) -> list[list[Point]]:
    """A crowd in as many equal parts as enlarged rows need to hold it: a part that spans most of
    its row would not be enlarged, so such a crowd is always split."""
    parts = -(-len(points) * pitch // (settings.width * settings.lanes * FILL))
    if xs[-1] - xs[0] > settings.width / 2:
        parts = max(parts, 2)
    parts = int(max(1, min(parts, len(points))))
    size = -(-len(points) // parts)
    return [points[i:i + size] for i in range(0, len(points), size)]


def _levels(items: list[tuple[str, float, float]], number_width, settings: RowSettings
            ) -> tuple[list[NumberLabel], int]:
    """Each number to the right of its leader, in the lowest level where it fits before the
    numbers already placed there. Going from the right, each leader reserves the levels below it,
    so no number placed later crosses it. Past the layout's levels (rare: crowds are bracketed
    first) a further level is added rather than a number dropped."""
    starts: list[float] = []  # the left edge taken so far on each level
    labels = []
    for text, low, high in sorted(items, key=lambda item: (item[2], item[1]), reverse=True):
        width = number_width(text)
        left = high + LEADER_CLEAR
        lane = next((level for level, start in enumerate(starts) if left + width + NUMBER_GAP <= start), None)
        if lane is None:
            lane = len(starts)
            starts.append(float("inf"))
        for level in range(lane):
            starts[level] = min(starts[level], low - LEADER_CLEAR)
        starts[lane] = min(starts[lane], low)
        labels.append(NumberLabel(text, left, width, lane, (low, high)))
    return labels[::-1], max(len(starts), 1)
