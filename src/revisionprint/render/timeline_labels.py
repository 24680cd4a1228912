"""Which level each timeline label goes on, and where along it: plain numbers, no drawing.

Labels hang off leaders like flags off poles: the leader is the label's left edge (its
right edge for a label that reads leftwards, at the right end of the axis) and rises
from the event's date through the levels nearer the axis to the label's own level.
On each level, the labels there and the leaders passing up through it keep the order
of their dates and never overlap, so no leader crosses a label or another leader.

The levels are chosen first, latest event first, each label on the lowest level where
it fits near its date; then each level is laid out, from the axis outwards, moving its
labels and leaders as little as possible (least squares, by pool-adjacent-violators,
the way labella.js does it for timelines), each leader starting from where it passed
the level below. Fewer levels cost height; more levels cost nothing but height, so the
row takes the fewest levels whose leaders stay near their dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

MM = 72 / 25.4
ABOVE, BELOW = 1, -1
RIGHT, LEFT = 1, -1

LABEL_GAP = 2.5 * MM  # between a label's text side and the next label or leader
POLE_SPACING = 1.8 * MM  # between two leaders, or a leader and the leader edge of a label
# A label stays on a level if it needs to move no more than this to fit there; further,
# and it goes a level up, where its leader can stay straight.
STAY_ON_LEVEL = 3 * MM
MAX_SHIFT = 22 * MM  # leaders moving further aside than this call for another level
MOST_LEVELS = 12


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


@dataclass
class Arrangement:
    labels: dict[int, Arranged]
    shift: float  # the furthest any leader moves aside from its date


def arrange_labels(boxes: dict[int, LabelBox], width: float) -> Optional[Arrangement]:
    """Levels and positions for labels keyed by event number; None if they cannot all fit."""
    best: Optional[Arrangement] = None
    for most in range(1, MOST_LEVELS + 1):
        arrangement = _arrange(boxes, width, most)
        if arrangement is None:
            continue
        if best is None or arrangement.shift < best.shift - 0.01:
            best = arrangement
        if arrangement.shift <= MAX_SHIFT:
            return arrangement
    return best


def _arrange(boxes: dict[int, LabelBox], width: float, most: int) -> Optional[Arrangement]:
    labels = _choose_levels(boxes, width, most)
    shift = 0.0
    for side in (ABOVE, BELOW):
        on_side = sorted((number for number, label in labels.items() if label.side == side),
                         key=lambda number: (boxes[number].marker, number))
        if not _lay_out_side(on_side, boxes, labels, width):
            return None
        shift = max([shift] + [abs(labels[n].path[0] - boxes[n].marker) for n in on_side])
    return Arrangement(labels, shift)


def _facing(box: LabelBox, width: float) -> int:
    """Labels read rightwards from their leader, unless that would run off the frame."""
    return RIGHT if box.marker + box.width <= width else LEFT


def _extent(box: LabelBox, facing: int) -> tuple[float, float]:
    """How far the label reaches left and right of its leader."""
    return (0.0, box.width) if facing == RIGHT else (box.width, 0.0)


def _choose_levels(boxes: dict[int, LabelBox], width: float, most: int) -> dict[int, Arranged]:
    """Latest first: each label on the lowest level (on either side, the other side from the
    label before it when both serve) where it fits with little moving; if none within `most`
    levels, where it has to move least. Positions here are estimates, pushed leftwards only."""
    leftmost: dict[int, list[float]] = {ABOVE: [], BELOW: []}  # per level: the left edge of what is there
    labels: dict[int, Arranged] = {}
    numbers = sorted(boxes, key=lambda number: (boxes[number].marker, number))
    previous = BELOW if len(numbers) % 2 else ABOVE  # the first event, if all alternate, goes above
    for number in reversed(numbers):
        box = boxes[number]
        facing = _facing(box, width)
        before, after = _extent(box, facing)
        candidates = []
        for side in (-previous, previous):
            edges = leftmost[side]
            for level in range(min(len(edges) + 1, most)):
                pole = box.marker
                if level < len(edges):
                    pole = min(pole, edges[level] - after - LABEL_GAP)
                for below in edges[:level]:
                    pole = min(pole, below - POLE_SPACING)
                candidates.append((box.marker - pole, level, side, pole))
        near = [candidate for candidate in candidates if candidate[0] <= STAY_ON_LEVEL]
        move, level, side, pole = (min(near, key=lambda c: c[1]) if near
                                   else min(candidates, key=lambda c: (c[0], c[1])))
        edges = leftmost[side]
        if level == len(edges):
            edges.append(pole - before)
        edges[level] = pole - before
        for below in range(level):
            edges[below] = pole
        labels[number] = Arranged(side, level, facing)
        previous = side
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
