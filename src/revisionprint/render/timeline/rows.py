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
from .scale import Scale, fitted_scale, with_ticks

# Spaces in widths of the digit 0 of the numbers' type, so they grow with the layout's number size.
NUMBER_GAP = 0.65  # between two numbers on one level (about 1.2 mm at 9 pt)
LEADER_CLEAR = 0.45  # between a leader and a number beside it
DEEPEST = 6  # enlargements of enlargements: past this, crowds share a label
FILL = 0.6  # how full of numbers an enlarged row is planned to be
SAME_PLACE = 0.1  # points: events nearer than this share one place on the axis


@dataclass(frozen=True)
class Point:
    """One event as an axis sees it."""

    number: int
    at: float  # where its marker goes: the middle of its date
    start: float  # the time it covers, to fit the axis to
    end: float
    date_end: float  # the end of its date alone: an enlarged row is fitted to the dates, not to `until`
    first: PartialDate  # its date, and its last date (its `until`, or its date)
    last: PartialDate  # its `until`, or its date
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


class Numbers:
    """How wide a number's label is, and the spaces round it, in the numbers' type."""

    def __init__(self, width: Callable[[str], float]):
        self.width = width
        digit = width("0")
        self.gap = NUMBER_GAP * digit
        self.clear = LEADER_CLEAR * digit


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
        _plan(list(points), "", 0, settings, Numbers(number_width), tick_width, heading, rows)
    return rows


def _plan(points: list[Point], title: str, depth: int, settings: RowSettings, numbers: Numbers, tick_width,
          heading, rows: list[AxisRow]) -> None:
    widest = numbers.width(_stack_text([max(p.number for p in points)] * 3))
    # The numbers stand to the right of their leaders: room for the last one is kept free.
    # The main axis shows every event whole; an enlarged row shows the dates of its crowd (the bar
    # of an event that lasts beyond it runs to the row's end).
    scale = fitted_scale([(p.start, p.end if depth == 0 else p.date_end) for p in points], 0,
                         settings.width - widest - numbers.clear,
                         settings.end_space, settings.break_width, settings.breaks)
    scale = with_ticks(scale, tick_width, settings.era, settings.marked)
    xs = [scale.x(p.at) for p in points]
    markers = tuple(Marker(p.number, x, (scale.x(p.start), scale.x(p.end)) if p.lasts else None, p.factor)
                    for p, x in zip(points, xs))
    stacks = _stacks(points, xs)
    items: list[tuple[str, float, float]] = []  # a number (or a range of them), and the x it points at
    enlarged: list[list[Point]] = []
    for run in _runs(stacks, numbers):
        # Past the deepest enlargement a crowd keeps its own numbers, on as many levels as it takes.
        chunks = _chunks(run, numbers, settings) if len(run) > settings.lanes and depth < DEEPEST else []
        for chunk in chunks if chunks else [[stack] for stack in run]:
            if len(chunk) == 1:  # one place: its own number (or numbers) at its leader
                x, stack = chunk[0]
                items.append((_stack_text([p.number for p in stack]), x, x))
                continue
            crowd = [p.number for _, stack in chunk for p in stack]
            items.append((_range_text(crowd[0], crowd[-1]), chunk[0][0], chunk[-1][0]))
            enlarged.append([p for _, stack in chunk for p in stack])
    labels, lanes = _levels(items, numbers)
    rows.append(AxisRow(title, tuple(p.number for p in points), *_dates(points, depth == 0), scale, markers,
                        tuple(labels), lanes))
    for chunk_points in enlarged:
        _plan(chunk_points, heading(*_dates(chunk_points, False)), depth + 1, settings, numbers, tick_width,
              heading, rows)


def _dates(points: list[Point], with_until: bool) -> tuple[PartialDate, PartialDate]:
    """The first and last dates the events cover (to the end of their `until`, on the main axis)."""
    return (min((p.first for p in points), key=lambda date: date.start_position()),
            max((p.last if with_until else p.first for p in points), key=lambda date: date.end_position()))


Stack = tuple[float, list[Point]]  # events at one place on the axis (one date), and that x


def _stacks(points: list[Point], xs: list[float]) -> list[Stack]:
    """Events at one place share a marker's place and one label: no scale draws them apart."""
    stacks: list[Stack] = []
    for point, x in zip(points, xs):
        if stacks and abs(x - stacks[-1][0]) < SAME_PLACE:
            stacks[-1][1].append(point)
        else:
            stacks.append((x, [point]))
    return stacks


def _stack_text(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return str(numbers[0])
    if len(numbers) == 2:
        return f"{numbers[0]}, {numbers[1]}"
    return _range_text(numbers[0], numbers[-1])


def _range_text(first: int, last: int) -> str:
    return f"{first}\u2013{last}" if first != last else str(first)


def _pitch(stack: Stack, numbers: Numbers) -> float:
    """How far the next place must be for this one's label to end before its leader."""
    return numbers.clear + numbers.width(_stack_text([p.number for p in stack[1]])) + numbers.gap


def _runs(stacks: list[Stack], numbers: Numbers) -> list[list[Stack]]:
    """Places in stretches where each label reaches past the next place's leader: a stretch
    takes one level more for each place in it."""
    runs: list[list[Stack]] = [[stacks[0]]]
    for before, stack in zip(stacks, stacks[1:]):
        if stack[0] - before[0] < _pitch(before, numbers):
            runs[-1].append(stack)
        else:
            runs.append([stack])
    return runs


def _chunks(run: list[Stack], numbers: Numbers, settings: RowSettings) -> list[list[Stack]]:
    """A crowd in as many parts as enlarged rows need to hold its labels side by side; a crowd
    that spans most of its row would not be enlarged, so it is always split."""
    needed = sum(_pitch(stack, numbers) for stack in run)
    parts = -(-needed // (settings.width * FILL))
    if run[-1][0] - run[0][0] > settings.width / 2:
        parts = max(parts, 2)
    parts = int(max(1, min(parts, len(run))))
    size = -(-len(run) // parts)
    return [run[i:i + size] for i in range(0, len(run), size)]


def _levels(items: list[tuple[str, float, float]], numbers: Numbers) -> tuple[list[NumberLabel], int]:
    """Each number to the right of its leader, in the lowest level where it fits before the
    numbers already placed there. Going from the right, each leader reserves the levels below it,
    so no number placed later crosses it. A bracket (a crowd shown enlarged elsewhere) has its
    range over it where it is wide enough, and reaches down to the axis only from the lowest
    level: it needs no room below. Past the layout's levels (rare: crowds are bracketed first)
    a further level is added rather than a number dropped."""
    starts: list[float] = []  # the left edge taken so far on each level
    labels = []
    for text, low, high in sorted(items, key=lambda item: (item[2], item[1]), reverse=True):
        width = numbers.width(text)
        bracket = high > low
        left = high + numbers.clear
        if bracket and high - low >= width + 2 * numbers.clear:
            left = (low + high - width) / 2
        right = max(left + width, high)
        lane = next((level for level, start in enumerate(starts) if right + numbers.gap <= start), None)
        if lane is None:
            lane = len(starts)
            starts.append(float("inf"))
        if not bracket:
            for level in range(lane):
                starts[level] = min(starts[level], low - numbers.clear)
        starts[lane] = min(starts[lane], low, left)
        labels.append(NumberLabel(text, left, width, lane, (low, high)))
    return labels[::-1], max(len(starts), 1)
