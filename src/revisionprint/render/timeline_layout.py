"""Where everything on a timeline goes, as plain numbers: rows of time, label levels, rectangles.

Nothing here draws, and nothing here knows a font: the renderer measures each
label and the tick texts, this module places them, and the tests check the
places as data. Lengths are points; x runs from the frame's left edge, y up
from the bottom of a row (ReportLab's way round).

Labels hang off vertical leaders ("poles") like flags: the pole is the label's
left edge and the text reads rightwards from it. Labels are placed from the
latest event to the earliest, each on the first level (counted out from the
axis, above or below it) clear of every label placed so far whose pole stands
under it. That rule alone guarantees that no two labels overlap and that no
leader passes through a label: a later label's pole is always to the right of
an earlier label's pole, so the only label a pole could cross is one nearer
the axis that covers it, and the level rule puts the new label above those.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import Optional, Sequence

from ..model import to_fractional_year

MM = 72 / 25.4
ABOVE, BELOW = 1, -1
RIGHT, LEFT = 1, -1

RIBBON_HEIGHT = 5.5 * MM  # the axis: a band with the years printed inside it
AXIS_INSET = 4 * MM  # so the first and last year labels stay inside the frame
LABEL_GAP = 2.5 * MM  # between labels side by side
LEVEL_GAP = 2.5 * MM  # between a level of labels and the next one out
POLE_SPACING = 1.8 * MM  # leaders of events on (almost) the same date are fanned out this far apart
POLE_CLEARANCE = 1.2 * MM  # between a leader and a label it passes
MAX_SHIFT = 40 * MM  # the furthest a leader moves aside from its date
# Costs of a label's place, in points of extra row height: moving a leader aside makes
# the date harder to read off, and labels reading leftwards are less usual.
SHIFT_COST = 0.5
LEFT_FACING_COST = 3 * MM
ALTERNATION_COST = 1 * MM
FAN_MIN, FAN_MAX = 2.5 * MM, 10 * MM  # the space next to the axis where leaders fan out
FAN_PER_SHIFT = 0.45  # fan height per point a leader moves sideways, so fanned leaders stay steep
SPAN_BAR = 1.5 * MM  # `until` spans: a bar this thick along the axis, on the label's side
SPAN_BAR_GAP = 0.6 * MM
ROW_GAP = 8 * MM  # between rows on a page
YEAR_LABEL_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
TICK_LABEL_GAP = 2.5 * MM  # at least this much between two tick labels
SMALLEST_TICK_GAP = 1.2 * MM  # ticks closer than this turn the axis into a grey smudge
SMALLEST_MONTH_TICK_GAP = 2 * MM


@dataclass(frozen=True)
class EventMark:
    """What the geometry needs of one event: when it was, and how big its label is."""

    at: float  # the marker, in fractional years (the middle of the date)
    start: float  # first moment the event covers
    end: float  # the end of its last day (of `until` where there is one)
    span: bool  # has an `until`: drawn as a bar from start to end
    width: float  # label box
    height: float

    @property
    def first_year(self) -> int:
        return int(self.start // 1)

    @property
    def last_year(self) -> int:
        # `end` is the first moment after the event: 1969 ends at 1970.0, which is still 1969.
        return int(-(-self.end // 1)) - 1


def event_mark(date, until, width: float, height: float) -> EventMark:
    """From a PartialDate (and the `until` one): the marker, the span and the label size."""
    last = until if until is not None else date
    end = to_fractional_year(last.end() + datetime.timedelta(days=1))
    return EventMark(at=date.midpoint_in_years(), start=to_fractional_year(date.start()), end=end,
                     span=until is not None, width=width, height=height)


@dataclass(frozen=True)
class Rect:
    left: float
    bottom: float
    right: float
    top: float

    def overlaps(self, other: "Rect", gap: float = 0.0) -> bool:
        return (self.left < other.right + gap and other.left < self.right + gap
                and self.bottom < other.top + gap and other.bottom < self.top + gap)

    def contains_x(self, x: float) -> bool:
        return self.left < x < self.right


@dataclass(frozen=True)
class PlacedLabel:
    event: int  # index into the events as sorted by date
    side: int  # ABOVE or BELOW
    level: int  # 0 is next to the axis
    marker_x: float  # the date's place on the axis
    pole_x: float  # the leader's vertical part: the marker, or moved aside to a gap
    rect: Rect  # the whole label: one of its sides is the leader
    facing: int  # RIGHT: the text reads away from the leader; LEFT: it ends at the leader
    leader: tuple[tuple[float, float], ...]  # from the axis to the label, as a polyline


@dataclass(frozen=True)
class SpanBar:
    event: int
    side: int
    rect: Rect


@dataclass(frozen=True)
class Tick:
    x: float
    kind: str  # "year" or "month"


@dataclass(frozen=True)
class TickLabel:
    x: float  # centre of the text
    text: str
    kind: str  # "year" or "month"


@dataclass(frozen=True)
class TimelineRow:
    """One stretch of time: its axis from 1 January of first_year to 1 January after last_year."""

    first_year: int
    last_year: int
    width: float
    height: float
    axis: Rect
    ticks: tuple[Tick, ...]
    tick_labels: tuple[TickLabel, ...]
    labels: tuple[PlacedLabel, ...]
    spans: tuple[SpanBar, ...]

    def x_of(self, year: float) -> float:
        share = (year - self.first_year) / (self.last_year + 1 - self.first_year)
        return self.axis.left + share * (self.axis.right - self.axis.left)


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


@dataclass(frozen=True)
class Space:
    """The room the renderer gives the timeline, and the widths of its tick texts."""

    width: float
    first_page_height: float  # under the title on the first page
    page_height: float  # a whole frame, on the pages after it
    year_label_width: float  # the widest year as printed on the axis
    month_label_width: float  # the widest month abbreviation

    @property
    def row_height_limit(self) -> float:
        # Any row fits on any page, so rows never depend on where a page breaks.
        return min(self.first_page_height, self.page_height)

    @property
    def label_height_limit(self) -> float:
        """The tallest label a row can hold with one span bar and the widest fan."""
        return self.row_height_limit - RIBBON_HEIGHT - 2 * (FAN_MAX + SPAN_BAR + SPAN_BAR_GAP)


# ------------------------------------------------------------------ planning


def plan_timeline(marks: Sequence[EventMark], space: Space) -> TimelinePlan:
    """Rows of time, as few as the events need, as evenly filled as that number allows, on pages."""
    if not marks:
        return TimelinePlan(pages=())
    rows = _rows_within(marks, space, space.row_height_limit)
    if len(rows) == 1:
        return TimelinePlan(pages=_paginate(rows, space))
    low, high = 0.0, space.row_height_limit
    # The lowest height limit that needs no more rows: balances the rows instead of
    # filling the first ones and leaving a few events alone on the last.
    for _ in range(10):
        limit = (low + high) / 2
        attempt = _rows_within(marks, space, limit)
        if attempt is not None and len(attempt) <= len(rows):
            rows, high = attempt, limit
        else:
            low = limit
    return TimelinePlan(pages=_paginate(rows, space))


def _rows_within(marks: Sequence[EventMark], space: Space, limit: float) -> Optional[list[TimelineRow]]:
    """Consecutive events in rows no taller than limit, each as long as fits; None if one event alone
    is too tall for the limit (only the full limit always succeeds: a lone label fits by construction)."""
    rows = []
    start = 0
    while start < len(marks):
        single = layout_row(marks, start, start + 1, space)
        if single.height > limit + 0.01 and limit < space.row_height_limit:
            return None
        fitting, row = start + 1, single
        low, high = start + 2, len(marks)
        while low <= high:  # the longest run from `start` that fits
            middle = (low + high) // 2
            candidate = layout_row(marks, start, middle, space)
            if candidate is not None and candidate.height <= limit + 0.01:
                fitting, row, low = middle, candidate, middle + 1
            else:
                high = middle - 1
        end = _clean_break(marks, start, fitting)
        shorter = layout_row(marks, start, end, space) if end != fitting else None
        if shorter is not None:
            row = shorter
        else:
            end = fitting
        rows.append(row)
        start = end
    return rows


def _clean_break(marks: Sequence[EventMark], start: int, end: int) -> int:
    """Move a row's end back so the next row starts in a later year, where that is possible."""
    if end >= len(marks):
        return end
    for candidate in range(end, start, -1):
        if marks[candidate].first_year > max(mark.last_year for mark in marks[start:candidate]):
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


# ------------------------------------------------------------------ one row


def layout_row(marks: Sequence[EventMark], start: int, end: int, space: Space) -> Optional[TimelineRow]:
    """Events marks[start:end] on one axis spanning their years, labels placed, heights known;
    None if some label finds no place."""
    chosen = list(range(start, end))
    first_year = min(marks[i].first_year for i in chosen)
    last_year = max(marks[i].last_year for i in chosen)
    axis_left, axis_right = AXIS_INSET, space.width - AXIS_INSET

    def x_of(year: float) -> float:
        return axis_left + (year - first_year) / (last_year + 1 - first_year) * (axis_right - axis_left)

    slots = _assign_levels(marks, chosen, x_of, space.width)
    if slots is None:
        return None
    lanes = _span_lanes(marks, chosen, slots, x_of)
    extent = {side: _side_extent(marks, slots, lanes, side) for side in (ABOVE, BELOW)}
    axis_bottom = extent[BELOW]
    axis = Rect(axis_left, axis_bottom, axis_right, axis_bottom + RIBBON_HEIGHT)
    labels = _label_rects(marks, slots, lanes, axis)
    spans = tuple(SpanBar(i, side, _lane_rect(axis, side, lane, left, right))
                  for i, (side, lane, left, right) in sorted(lanes.items()))
    ticks, tick_labels = _ticks(first_year, last_year, x_of, space)
    return TimelineRow(first_year=first_year, last_year=last_year, width=space.width,
                       height=axis.top + extent[ABOVE], axis=axis, ticks=ticks, tick_labels=tick_labels,
                       labels=labels, spans=spans)


@dataclass
class _Slot:
    side: int
    level: int
    marker_x: float
    pole_x: float
    left: float  # the label box, across
    right: float
    height: float


def _assign_levels(marks, chosen: list[int], x_of, width: float) -> Optional[dict[int, _Slot]]:
    """Latest event first, each label where it costs least: on a level already there rather
    than a new one, near its date rather than moved aside, hanging right of its leader
    rather than left, and on the other side from the label before it. None if one cannot
    be placed at all."""
    slots: dict[int, _Slot] = {}
    placed: dict[int, list[_Slot]] = {ABOVE: [], BELOW: []}
    previous_side = BELOW if (chosen[-1] % 2 == 0) else ABOVE  # so event 0, 2, 4... prefer above
    for i in reversed(chosen):
        mark = marks[i]
        marker = x_of(mark.at)
        best = None
        for side in (ABOVE, BELOW):
            heights = _heights_of(placed[side])
            for level in range(len(heights) + 1):
                for facing in (RIGHT, LEFT):
                    pole = _nearest_pole(placed[side], level, facing, marker, mark.width, width)
                    if pole is None or abs(marker - pole) > MAX_SHIFT:
                        continue
                    added = (mark.height + LEVEL_GAP if level == len(heights)
                             else max(0.0, mark.height - heights[level]))
                    cost = (added + SHIFT_COST * abs(marker - pole) + (LEFT_FACING_COST if facing == LEFT else 0.0)
                            + (ALTERNATION_COST if side == previous_side else 0.0) + 0.01 * level)
                    if best is None or cost < best[0]:
                        left = pole if facing == RIGHT else pole - mark.width
                        best = (cost, _Slot(side, level, marker, pole, left, left + mark.width, mark.height))
        if best is None:
            return None
        slot = best[1]
        placed[slot.side].append(slot)
        slots[i] = slot
        previous_side = slot.side
    return slots


def _heights_of(slots: list[_Slot]) -> list[float]:
    heights: list[float] = []
    for slot in slots:
        heights += [0.0] * (slot.level + 1 - len(heights))
        heights[slot.level] = max(heights[slot.level], slot.height)
    return heights


def _nearest_pole(placed: list[_Slot], level: int, facing: int, marker: float, label_width: float,
                  width: float) -> Optional[float]:
    """The place nearest the marker for the leader of a label on this level: its box clear of
    the boxes on the level and of the leaders passing up through it, and the leader clear of
    the boxes below. Leaders keep the order of their dates. None if there is no such place."""
    offset = 0.0 if facing == RIGHT else -label_width  # box left edge, from the pole
    highest = width - label_width - offset
    if placed:
        highest = min(highest, placed[-1].pole_x - POLE_SPACING)
    lowest = -offset
    blocked = []  # open intervals of pole positions
    for slot in placed:
        if slot.level == level:
            blocked.append((slot.left - LABEL_GAP - label_width - offset, slot.right + LABEL_GAP - offset))
        elif slot.level > level:
            blocked.append((slot.pole_x - offset - label_width - POLE_CLEARANCE, slot.pole_x - offset + POLE_CLEARANCE))
        else:
            blocked.append((slot.left - POLE_CLEARANCE, slot.right + POLE_CLEARANCE))
    found = [pole for pole in (_free_place(blocked, min(marker, highest), -1),
                               _free_place(blocked, max(marker, lowest), +1))
             if lowest <= pole <= highest]
    return min(found, key=lambda pole: abs(pole - marker), default=None)


def _free_place(blocked: list[tuple[float, float]], start: float, direction: int) -> float:
    """The first position from start, moving in direction, inside none of the open intervals."""
    place, moved = start, True
    while moved:
        moved = False
        for low, high in blocked:
            if low < place < high:
                place, moved = (low if direction < 0 else high), True
    return place


def _span_lanes(marks, chosen: list[int], slots: dict[int, _Slot], x_of) -> dict[int, tuple[int, int, float, float]]:
    """Each `until` span as a bar on its label's side, in lanes so overlapping spans stay apart."""
    lanes: dict[int, tuple[int, int, float, float]] = {}
    ends: dict[int, list[float]] = {ABOVE: [], BELOW: []}
    spans = sorted((i for i in chosen if marks[i].span), key=lambda i: marks[i].start)
    for i in spans:
        side = slots[i].side
        left, right = x_of(marks[i].start), x_of(marks[i].end)
        lane = next((n for n, lane_end in enumerate(ends[side]) if lane_end + SPAN_BAR_GAP < left), len(ends[side]))
        if lane == len(ends[side]):
            ends[side].append(right)
        ends[side][lane] = right
        lanes[i] = (side, lane, left, right)
    return lanes


def _lanes_height(lanes, side: int) -> float:
    count = 1 + max((lane for s, lane, _, _ in lanes.values() if s == side), default=-1)
    return count * (SPAN_BAR + SPAN_BAR_GAP)


def _fan_height(slots: dict[int, _Slot], side: int) -> float:
    shift = max((abs(slot.marker_x - slot.pole_x) for slot in slots.values() if slot.side == side), default=0.0)
    return min(FAN_MAX, max(FAN_MIN, FAN_PER_SHIFT * shift))


def _level_heights(marks, slots: dict[int, _Slot], side: int) -> list[float]:
    heights: list[float] = []
    for i, slot in slots.items():
        if slot.side == side:
            heights += [0.0] * (slot.level + 1 - len(heights))
            heights[slot.level] = max(heights[slot.level], marks[i].height)
    return heights


def _side_extent(marks, slots, lanes, side: int) -> float:
    """How far the row reaches from the axis on one side: span bars, the fan, then the levels."""
    heights = _level_heights(marks, slots, side)
    extent = _lanes_height(lanes, side)
    if heights:
        extent += _fan_height(slots, side) + sum(heights) + LEVEL_GAP * (len(heights) - 1)
    return extent


def _label_rects(marks, slots: dict[int, _Slot], lanes, axis: Rect) -> tuple[PlacedLabel, ...]:
    labels = []
    for side in (ABOVE, BELOW):
        heights = _level_heights(marks, slots, side)
        edge = axis.top if side == ABOVE else axis.bottom
        fan_base = edge + side * _lanes_height(lanes, side)
        fan_end = fan_base + side * _fan_height(slots, side)
        # Where each level starts, counted out from the axis.
        starts = []
        distance = 0.0
        for height in heights:
            starts.append(fan_end + side * distance)
            distance += height + LEVEL_GAP
        for i, slot in slots.items():
            if slot.side != side:
                continue
            mark = marks[i]
            near = starts[slot.level]
            far = near + side * mark.height
            rect = Rect(slot.left, min(near, far), slot.right, max(near, far))
            # The leader runs up the label's edge to its top line, where the date is printed.
            leader = ((slot.marker_x, edge), (slot.marker_x, fan_base), (slot.pole_x, fan_end), (slot.pole_x, rect.top))
            facing = RIGHT if slot.left >= slot.pole_x - 0.01 else LEFT
            labels.append(PlacedLabel(i, side, slot.level, slot.marker_x, slot.pole_x, rect, facing, leader))
    return tuple(sorted(labels, key=lambda label: label.event))


def _lane_rect(axis: Rect, side: int, lane: int, left: float, right: float) -> Rect:
    near = (axis.top if side == ABOVE else axis.bottom) + side * (SPAN_BAR_GAP + lane * (SPAN_BAR + SPAN_BAR_GAP))
    far = near + side * SPAN_BAR
    return Rect(left, min(near, far), right, max(near, far))


# ------------------------------------------------------------------ ticks


def _ticks(first_year: int, last_year: int, x_of, space: Space) -> tuple[tuple[Tick, ...], tuple[TickLabel, ...]]:
    """A tick at every year (every few years where they would crowd), years labelled as often as
    their text allows, and months ticked, then named, when a year is wide enough."""
    year_width = x_of(first_year + 1) - x_of(first_year)
    label_step = next((step for step in YEAR_LABEL_STEPS if step * year_width >= space.year_label_width + TICK_LABEL_GAP),
                      YEAR_LABEL_STEPS[-1])
    tick_step = next((step for step in YEAR_LABEL_STEPS if step * year_width >= SMALLEST_TICK_GAP), label_step)
    ticks = [Tick(x_of(year), "year") for year in range(first_year, last_year + 2) if year % tick_step == 0
             or year in (first_year, last_year + 1)]
    labels = [TickLabel(x_of(year), str(year), "year") for year in range(first_year, last_year + 2)
              if year % label_step == 0 or label_step == 1]
    if year_width / 12 >= SMALLEST_MONTH_TICK_GAP:
        names_fit = year_width / 12 >= space.month_label_width + TICK_LABEL_GAP
        for year in range(first_year, last_year + 1):
            for month in range(1, 13):
                begins = to_fractional_year(datetime.date(year, month, 1))
                if month > 1:
                    ticks.append(Tick(x_of(begins), "month"))
                if names_fit:
                    ends = year + 1 if month == 12 else to_fractional_year(datetime.date(year, month + 1, 1))
                    labels.append(TickLabel((x_of(begins) + x_of(ends)) / 2, calendar.month_abbr[month], "month"))
    return tuple(ticks), tuple(_without_collisions(labels, space))


def _without_collisions(labels: list[TickLabel], space: Space) -> list[TickLabel]:
    """Month names give way to the year labels they would run into."""
    half = {"year": space.year_label_width / 2, "month": space.month_label_width / 2}
    years = [label for label in labels if label.kind == "year"]
    kept = list(years)
    for label in labels:
        if label.kind == "month" and all(abs(label.x - year.x) >= half["year"] + half["month"] + TICK_LABEL_GAP / 2
                                          for year in years):
            kept.append(label)
    return sorted(kept, key=lambda label: label.x)
