"""One row of a timeline: its axis, ticks, span bars and labels, as plain numbers.

The axis (axis.py) runs across the frame. Above and below it, out from the axis: the
span bars of `until` events, a band where leaders fan out to their labels, then the levels
of labels (timeline_labels).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Optional, Sequence

from ...model import PartialDate, to_fractional_year
from .axis import Tick, TickLabel, axis_span, ticks
from .labels import ABOVE, BELOW, MAX_SHIFT, RIGHT, Arranged, Arrangement, LabelBox, arrangements

MM = 72 / 25.4
AXIS_INSET = 4 * MM  # so the first and last year labels stay inside the frame
LEVEL_GAP = 2.5 * MM  # between a level of labels and the next one out
FAN_MIN, FAN_MAX = 2.5 * MM, 10 * MM  # room next to the axis (and between levels) for leaders to move aside
FAN_PER_SHIFT = 0.45  # room per point a leader moves aside, so it stays steep enough to follow
SPAN_BAR = 1.5 * MM  # `until` spans: a bar this thick along the axis, on the label's side
SPAN_BAR_GAP = 0.6 * MM
# Leaders moved aside from their dates cost the reader more than height, which costs only paper
# (and the planner weighs pages and rows itself): 1 mm of leader moved is worth 3 mm of height.
HEIGHT_WEIGHT = 1 / 3
# Room one label leaves for the rest of its row, besides the axis: a few span bars and the fans.
ROW_FURNITURE = 2 * FAN_MAX + 4 * (SPAN_BAR + SPAN_BAR_GAP)


@dataclass(frozen=True)
class EventMark:
    """What the geometry needs of one event: when it was, and how big its label is."""

    first_day: datetime.date
    day_after: datetime.date  # the day after its last day (of `until` where there is one)
    at: float  # the marker, in fractional years (the middle of the date)
    span: bool  # has an `until`: drawn as a bar from its first day to its last
    width: float  # label box
    height: float

    @property
    def start(self) -> float:
        return to_fractional_year(self.first_day)

    @property
    def end(self) -> float:
        return to_fractional_year(self.day_after)

    @property
    def first_year(self) -> int:
        return self.first_day.year

    @property
    def last_year(self) -> int:
        return (self.day_after - datetime.timedelta(days=1)).year


def event_mark(date: PartialDate, until: Optional[PartialDate], width: float, height: float) -> EventMark:
    last = until if until is not None else date
    return EventMark(first_day=date.start(), day_after=last.end() + datetime.timedelta(days=1),
                     at=date.midpoint_in_years(), span=until is not None, width=width, height=height)


@dataclass(frozen=True)
class Rect:
    left: float
    bottom: float
    right: float
    top: float

    def overlaps(self, other: "Rect", gap: float = 0.0) -> bool:
        return (self.left < other.right + gap and other.left < self.right + gap
                and self.bottom < other.top + gap and other.bottom < self.top + gap)


@dataclass(frozen=True)
class PlacedLabel:
    event: int  # index into the events as sorted by date
    side: int  # ABOVE or BELOW
    level: int  # 0 is next to the axis
    marker_x: float  # the date's place on the axis
    pole_x: float  # where the leader meets the label: the marker, or moved aside
    rect: Rect  # the whole label: one of its sides is the leader
    facing: int  # RIGHT: the text reads away from the leader; LEFT: it ends at the leader
    leader: tuple[tuple[float, float], ...]  # from the axis to the label, as a polyline


@dataclass(frozen=True)
class SpanBar:
    event: int
    side: int
    rect: Rect


@dataclass(frozen=True)
class TimelineRow:
    """One stretch of time, from `start` to `end` (fractional years: whole years, or whole months
    where a year is shared with the next or previous row)."""

    start: float
    end: float
    width: float
    height: float
    axis: Rect
    ticks: tuple[Tick, ...]
    tick_labels: tuple[TickLabel, ...]
    labels: tuple[PlacedLabel, ...]
    spans: tuple[SpanBar, ...]
    shift: float = 0.0  # the furthest a leader goes sideways on its way from its date

    @property
    def readable(self) -> bool:
        return self.shift <= MAX_SHIFT

    def x_of(self, year: float) -> float:
        share = (year - self.start) / (self.end - self.start)
        return self.axis.left + share * (self.axis.right - self.axis.left)


@dataclass(frozen=True)
class Space:
    """The room the renderer gives the timeline, and the widths of its tick texts."""

    width: float
    first_page_height: float  # under the title on the first page
    page_height: float  # a whole frame, on the pages after it
    year_label_width: float  # the widest year as printed on the axis
    month_label_width: float  # the widest month abbreviation
    axis_height: float  # the axis is a band with the years printed inside it

    @property
    def row_height_limit(self) -> float:
        # Any row fits on any page, so rows never depend on where a page breaks.
        return min(self.first_page_height, self.page_height)

    @property
    def label_height_limit(self) -> float:
        return self.row_height_limit - self.axis_height - ROW_FURNITURE


def layout_row(marks: Sequence[EventMark], start: int, end: int, space: Space, by_month: bool = False,
               limit: Optional[float] = None) -> Optional[TimelineRow]:
    """Events marks[start:end] on one axis, labels placed, heights known; None if the labels
    cannot all be placed."""
    return RowOptions(marks, start, end, space, by_month).row(space.row_height_limit if limit is None else limit)


class RowOptions:
    """The ways to place one run of events on one axis: each uses more height and moves
    leaders less than the one before. Worked out once, then chosen from for a height limit."""

    def __init__(self, marks: Sequence[EventMark], start: int, end: int, space: Space, by_month: bool):
        self.marks, self.space = marks, space
        self.chosen = range(start, end)
        self.first_day, self.day_after = axis_span(min(marks[i].first_day for i in self.chosen),
                                                   max(marks[i].day_after for i in self.chosen), by_month)
        self.start, self.end = to_fractional_year(self.first_day), to_fractional_year(self.day_after)
        self.markers = {i: self.x_of(marks[i].at) for i in self.chosen}
        boxes = {i: LabelBox(self.markers[i], marks[i].width, marks[i].height) for i in self.chosen}
        self.options: list[tuple[float, Arrangement]] = []  # (row height, arrangement)
        for arrangement in arrangements(boxes, space.width):
            self.options.append((self._stack(arrangement.labels)[0], arrangement))
            if arrangement.shift < 0.01:
                break  # more levels would only add height

    def x_of(self, year: float) -> float:
        left, right = AXIS_INSET, self.space.width - AXIS_INSET
        return left + (year - self.start) / (self.end - self.start) * (right - left)

    def row(self, limit: float) -> Optional[TimelineRow]:
        """The way that best trades leaders moved aside against height, within the limit if any is."""
        def key(option: tuple[float, Arrangement]):
            height, arrangement = option
            fits = height <= limit + 0.01 and arrangement.shift <= MAX_SHIFT
            return not fits, arrangement.shift + HEIGHT_WEIGHT * height

        if not self.options:
            return None
        height, arrangement = min(self.options, key=key)
        _, lanes, sides = self._stack(arrangement.labels)
        axis = Rect(AXIS_INSET, sides[BELOW].extent, self.space.width - AXIS_INSET,
                    sides[BELOW].extent + self.space.axis_height)
        labels = tuple(sorted((sides[label.side].place(i, label, self.marks[i], self.markers[i], axis)
                               for i, label in arrangement.labels.items()), key=lambda label: label.event))
        spans = tuple(SpanBar(i, side, _lane_rect(axis, side, lane, left, right))
                      for i, (side, lane, left, right) in sorted(lanes.items()))
        axis_ticks, tick_labels = ticks(self.first_day, self.day_after, self.x_of, self.space.year_label_width,
                                        self.space.month_label_width)
        return TimelineRow(start=self.start, end=self.end, width=self.space.width, height=height, axis=axis,
                           ticks=axis_ticks, tick_labels=tick_labels, labels=labels, spans=spans,
                           shift=arrangement.shift)

    def _stack(self, arranged: dict[int, Arranged]):
        lanes = _span_lanes(self.marks, self.chosen, arranged, self.x_of)
        sides = {side: _SideStack.of(self.marks, arranged, self.markers, lanes, side) for side in (ABOVE, BELOW)}
        return sides[BELOW].extent + self.space.axis_height + sides[ABOVE].extent, lanes, sides


def _span_lanes(marks, chosen, arranged: dict[int, Arranged], x_of) -> dict[int, tuple[int, int, float, float]]:
    """Each `until` span as a bar on its label's side, in lanes so overlapping spans stay apart."""
    lanes: dict[int, tuple[int, int, float, float]] = {}
    ends: dict[int, list[float]] = {ABOVE: [], BELOW: []}
    for i in sorted((i for i in chosen if marks[i].span), key=lambda i: marks[i].start):
        side = arranged[i].side
        left, right = x_of(marks[i].start), x_of(marks[i].end)
        lane = next((n for n, lane_end in enumerate(ends[side]) if lane_end + SPAN_BAR_GAP < left), len(ends[side]))
        if lane == len(ends[side]):
            ends[side].append(right)
        ends[side][lane] = right
        lanes[i] = (side, lane, left, right)
    return lanes


def _lane_rect(axis: Rect, side: int, lane: int, left: float, right: float) -> Rect:
    near = (axis.top if side == ABOVE else axis.bottom) + side * (SPAN_BAR_GAP + lane * (SPAN_BAR + SPAN_BAR_GAP))
    far = near + side * SPAN_BAR
    return Rect(left, min(near, far), right, max(near, far))


def _bend_room(bend: float, least: float) -> float:
    """Height for leaders to move aside in, so that they stay steep enough to follow."""
    return min(FAN_MAX, max(least, FAN_PER_SHIFT * bend))


@dataclass
class _SideStack:
    """One side of the axis, from it outwards: span bars, the fan, then the levels of labels,
    with more room between levels where leaders move aside."""

    side: int
    lanes: float  # height of the span bars
    fan: float
    heights: list[float]  # of each level
    gaps: list[float]  # after each level

    @classmethod
    def of(cls, marks, arranged: dict[int, Arranged], markers: dict[int, float], lanes, side: int) -> "_SideStack":
        on_side = {i: label for i, label in arranged.items() if label.side == side}
        levels = 1 + max((label.level for label in on_side.values()), default=-1)
        heights = [max((marks[i].height for i, label in on_side.items() if label.level == level), default=0.0)
                   for level in range(levels)]
        lane_count = 1 + max((lane for lane_side, lane, _, _ in lanes.values() if lane_side == side), default=-1)
        fan = _bend_room(max((abs(label.path[0] - markers[i]) for i, label in on_side.items()), default=0.0), FAN_MIN)
        gaps = [_bend_room(max((abs(label.path[level + 1] - label.path[level]) for label in on_side.values()
                                if label.level > level), default=0.0), LEVEL_GAP)
                for level in range(levels)]
        return cls(side, lane_count * (SPAN_BAR + SPAN_BAR_GAP), fan, heights, gaps)

    @property
    def extent(self) -> float:
        if not self.heights:
            return self.lanes
        return self.lanes + self.fan + sum(self.heights) + sum(self.gaps[:-1])

    def near_edge(self, axis: Rect, level: int) -> float:
        """Where a level starts, on the axis side."""
        edge = (axis.top if self.side == ABOVE else axis.bottom) + self.side * (self.lanes + self.fan)
        return edge + self.side * sum(self.heights[n] + self.gaps[n] for n in range(level))

    def place(self, event: int, label: Arranged, mark: EventMark, marker_x: float, axis: Rect) -> PlacedLabel:
        side = self.side
        edge = axis.top if side == ABOVE else axis.bottom
        near = self.near_edge(axis, label.level)
        far = near + side * mark.height
        left = label.pole if label.facing == RIGHT else label.pole - mark.width
        rect = Rect(left, min(near, far), left + mark.width, max(near, far))
        points = [(marker_x, edge), (marker_x, edge + side * self.lanes)]
        for level, x in enumerate(label.path):
            points.append((x, self.near_edge(axis, level)))
            if level < label.level:
                points.append((x, self.near_edge(axis, level) + side * self.heights[level]))
        # The leader runs up the label's edge to its top line, where the date is printed.
        points.append((label.pole, rect.top))
        return PlacedLabel(event, side, label.level, marker_x, label.pole, rect, label.facing,
                           tuple(_without_repeats(points)))


def _without_repeats(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    kept = [points[0]]
    for point in points[1:]:
        if abs(point[0] - kept[-1][0]) > 0.01 or abs(point[1] - kept[-1][1]) > 0.01:
            kept.append(point)
    return kept
