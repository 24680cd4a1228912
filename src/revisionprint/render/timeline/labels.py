"""Which level each timeline label goes on, and where along it: plain numbers, no drawing.

Labels hang off leaders like flags off poles: the leader is the label's left edge (its
right edge for a label that reads leftwards, at the right end of the axis) and rises
from the event's date through the levels nearer the axis to the label's own level.
On each level, the labels there and the leaders passing up through it keep the order
of their dates and never overlap, so no leader crosses a label or another leader.

The levels are chosen first, each label on the lowest level where it fits near its date;
then each level is laid out, from the axis outwards, moving its labels and the leaders
passing it as little as possible (least squares, by pool-adjacent-violators), each leader
starting from where it passed the level below. That is the idea of labella.js: a leader
keeps a narrow place of its own on every level it passes. More levels cost height, fewer
move leaders further from their dates: arrangements() offers one after another, from the
fewest levels up, and the row weighs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional, Sequence

MM = 72 / 25.4
ABOVE, BELOW = 1, -1
RIGHT, LEFT = 1, -1

LABEL_GAP = 5 * MM  # between a label's text side and the next label or leader: writing lines stay apart
POLE_SPACING = 1.8 * MM  # between two leaders, or a leader and the leader edge of a label
# A label stays on a level if it needs to move no more than this to fit there; further,
# and it goes a level up, where its leader can stay straight.
STAY_ON_LEVEL = 3 * MM
MOST_LEVELS = 12
MAX_SHIFT = 25 * MM  # a leader moved further than this from its date is too hard to follow


@dataclass(frozen=True)
class LabelBox:
    marker: float  # the date's x on the axis
    width: float
    height: float


@dataclass
class Arranged:
    side: int
    level: int
    facing: int
    path: list[float] = field(default_factory=list)  # the leader's x on each level from 0; the last is the label's

    @property
    def pole(self) -> float:
        return self.path[-1]

    def travel(self, marker: float) -> float:
        """How far the leader goes sideways on its way from the date to the label."""
        places = [marker] + self.path
        return sum(abs(b - a) for a, b in zip(places, places[1:]))


@dataclass
class Arrangement:
    labels: dict[int, Arranged]
    shift: float  # the furthest any leader goes sideways on its way from its date

    @property
    def levels(self) -> int:
        return 1 + max((label.level for label in self.labels.values()), default=-1)


def arrangements(boxes: dict[int, LabelBox], width: float) -> Iterator[Arrangement]:
    """Ways to place the labels (keyed by event number), from the fewest levels up: each
    uses more height and moves leaders less. The caller weighs the two."""
    for most in range(1, MOST_LEVELS + 1):
        used = 0
        for leftward_first in (True, False):
            arrangement = _arrange(boxes, width, most, leftward_first)
            if arrangement is not None:
                used = max(used, arrangement.levels)
                yield arrangement
        if 0 < used < most:  # more room for levels would change nothing
            return


def _arrange(boxes: dict[int, LabelBox], width: float, most: int, leftward_first: bool) -> Optional[Arrangement]:
    labels = _choose_levels(boxes, width, most, leftward_first)
    shift = 0.0
    for side in (ABOVE, BELOW):
        on_side = sorted((number for number, label in labels.items() if label.side == side),
                         key=lambda number: (boxes[number].marker, number))
        if not _lay_out_side(on_side, boxes, labels, width):
            return None
        shift = max([shift] + [labels[n].travel(boxes[n].marker) for n in on_side])
    return Arrangement(labels, shift)


def _facing(box: LabelBox, width: float) -> int:
    """Labels read rightwards from their leader, unless that would run off the frame."""
    return RIGHT if box.marker + box.width <= width else LEFT


def _extent(box: LabelBox, facing: int) -> tuple[float, float]:
    """How far the label reaches left and right of its leader."""
    return (0.0, box.width) if facing == RIGHT else (box.width, 0.0)


def _choose_levels(boxes: dict[int, LabelBox], width: float, most: int, leftward_first: bool) -> dict[int, Arranged]:
    """Each label on the lowest level (either side; above for the first date, then alternately,
    when both serve) where it fits with little moving; if none of `most` levels has room, where
    it has to move least. Labels reading leftwards (at the right end of the axis) are taken first,
    from the left, and stack upwards to the right; then the others from the right, stacking upwards
    to the left: each label's box then lies clear of the leaders of the labels above it.
    Positions here are estimates; _lay_out_side settles them."""
    numbers = sorted(boxes, key=lambda number: (boxes[number].marker, number))
    rank = {number: n for n, number in enumerate(numbers)}
    facing = {number: _facing(boxes[number], width) for number in numbers}
    # Per side and level, the extent of what is there so far, as [left, right].
    extents: dict[int, list[list[float]]] = {ABOVE: [], BELOW: []}
    labels: dict[int, Arranged] = {}
    leftward = [number for number in numbers if facing[number] == LEFT]
    rightward = [number for number in reversed(numbers) if facing[number] == RIGHT]
    for number in (leftward + rightward if leftward_first else rightward + leftward):
        box = boxes[number]
        before, after = _extent(box, facing[number])
        outwards = facing[number]  # LEFT: placing left to right, each next label further right
        candidates = []
        for side in (ABOVE, BELOW):
            levels = extents[side]
            for level in range(min(len(levels) + 1, most)):
                pole = box.marker
                if outwards == RIGHT:  # clear of everything already placed, to our right
                    if level < len(levels):
                        pole = min(pole, levels[level][0] - after - LABEL_GAP)
                    for below in levels[:level]:
                        pole = min(pole, below[0] - POLE_SPACING)
                else:
                    if level < len(levels):
                        pole = max(pole, levels[level][1] + before + LABEL_GAP)
                    for below in levels[:level]:
                        pole = max(pole, below[1] + POLE_SPACING)
                preferred = (side == ABOVE) == (rank[number] % 2 == 0)
                candidates.append((abs(box.marker - pole), level, not preferred, side, pole))
        near = [candidate for candidate in candidates if candidate[0] <= STAY_ON_LEVEL]
        _, level, _, side, pole = (min(near, key=lambda c: (c[1], c[2])) if near
                                   else min(candidates, key=lambda c: (c[0], c[1], c[2])))
        levels = extents[side]
        if level == len(levels):
            levels.append([pole - before, pole + after])
        levels[level] = [min(levels[level][0], pole - before), max(levels[level][1], pole + after)]
        for below in levels[:level]:
            below[0], below[1] = min(below[0], pole), max(below[1], pole)
        labels[number] = Arranged(side, level, facing[number])
    return labels


def _lay_out_side(on_side: list[int], boxes: dict[int, LabelBox], labels: dict[int, Arranged],
                  width: float) -> bool:
    """Each level from the axis out: its labels and the leaders passing it, in date order."""
    ideal = {number: boxes[number].marker for number in on_side}
    levels = 1 + max((labels[number].level for number in on_side), default=-1)
    for level in range(levels):
        present = [number for number in on_side if labels[number].level >= level]
        extents = [_extent(boxes[n], labels[n].facing) if labels[n].level == level else (0.0, 0.0) for n in present]
        places = least_moving_places([ideal[n] for n in present], extents, width)
        if places is None:
            return False
        for number, place in zip(present, places):
            labels[number].path.append(place)
            ideal[number] = place
    return True


def least_moving_places(ideals: Sequence[float], extents: Sequence[tuple[float, float]],
                        width: float) -> Optional[list[float]]:
    """Positions in order, each item's (left, right) extent clear of its neighbours' and inside
    [0, width], with the least sum of squared moves from the ideals; None if they cannot fit.

    With s_i the least distance from item 0 to item i, y_i = x_i - s_i must not decrease:
    isotonic regression of ideal_i - s_i, solved by pooling adjacent violators."""
    if not ideals:
        return []
    offsets = [0.0]
    for (_, right), (left, _) in zip(extents, extents[1:]):
        gap = LABEL_GAP if right > 0 or left > 0 else POLE_SPACING
        offsets.append(offsets[-1] + right + gap + left)
    blocks: list[list[float]] = []  # [sum, count]
    for ideal, offset in zip(ideals, offsets):
        blocks.append([ideal - offset, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    lowest = extents[0][0]
    highest = width - extents[-1][1] - offsets[-1]
    if highest < lowest - 0.01:
        return None
    places = []
    for total, count in blocks:
        value = min(max(total / count, lowest), highest)
        places += [value] * int(count)
    return [place + offset for place, offset in zip(places, offsets)]
