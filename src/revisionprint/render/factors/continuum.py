"""The "how far" line under a factor table: from "not at all" to "entirely".

On a table with blanks the factors' marks stand in a key under the line, for
students to place each one; on the completed table each ranked factor is placed
on it, rank 1 nearest "entirely".
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from ...model import Factor, FactorMark, Layout
from ..fonts import Faces, draw_string, shortened, string_width
from ..shapes import draw_marker
from ..theme import colour


KEY_ROW_SPACING = 1.8  # a row of the key under the line, in label sizes
# With factors placed on it, the line needs the question, a label above and one below: at
# least this many text sizes tall, however large the text (the layout's height is at least it).
PLACED_HEIGHT = 5.6


@dataclass(frozen=True)
class Placed:
    name: str
    mark: FactorMark
    at: float  # 0 at "not at all", 1 at "entirely"


def placements(factors: tuple[Factor, ...], marks: dict[str, FactorMark]) -> list[Placed]:
    """Ranked factors along the line: rank 1 nearest 'entirely', the lowest rank nearest
    'not at all', evenly between; unranked factors are not placed."""
    ranked = [factor for factor in factors if factor.rank is not None]
    if not ranked:
        return []
    lowest = max(factor.rank for factor in ranked)
    return [Placed(factor.name, marks[factor.name], 1 - (factor.rank - 0.5) / lowest) for factor in ranked]


class ContinuumLine(Flowable):
    def __init__(self, layout: Layout, faces: Faces, factors: tuple[Factor, ...], place: bool, question: str):
        super().__init__()
        self.layout, self.faces, self.factors = layout, faces, factors
        self.marks = layout.factor_key.marks(tuple(factor.name for factor in factors))
        self.placed = placements(factors, self.marks) if place else []
        self.question = question
        self.width, self.height = 0.0, layout.factors.continuum.height

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        extra_rows = max(len(self._key_rows()) - 1, 0) if not self.placed else 0
        self.height = self._line_height() + extra_rows * self._key_size() * KEY_ROW_SPACING
        return availWidth, self.height

    def _fitted(self, name: str, room: float, size: float) -> str:
        """A name too long for the room left (large print) shortened: the table's rows print it whole."""
        return shortened(name, self.faces.regular, size, room)

    def _line_height(self) -> float:
        factors = self.layout.factors
        if self.placed:
            return max(factors.continuum.height, PLACED_HEIGHT * factors.text_size.largest)
        return factors.continuum.height

    def _key_size(self) -> float:
        return max(self.layout.factors.text_size.largest * 0.9, self.layout.minimum_size)

    def _key_rows(self) -> list[list[tuple[Factor, float]]]:
        """The key's entries with their x, in as many rows as the width needs."""
        radius, size = self.layout.factors.marker_size / 2, self._key_size()
        start = string_width(self.layout.factors.continuum.low, self.faces.regular,
                            self.layout.factors.text_size.largest) + 3 * radius
        rows: list[list[tuple[Factor, float]]] = [[]]
        x = start
        for factor in self.factors:
            name = self._fitted(factor.name, self.width - start - 3 * radius, size)
            needed = 3 * radius + string_width(name, self.faces.regular, size)
            if rows[-1] and x + needed > self.width:
                rows.append([])
                x = start
            rows[-1].append((factor, x))
            x += needed + 6 * radius
        return rows

    def draw(self):
        canvas, layout = self.canv, self.layout
        factors, colours = layout.factors, layout.colours
        continuum, size = factors.continuum, factors.text_size.largest
        radius = factors.marker_size / 2
        canvas.saveState()
        canvas.setFillColor(colour(colours.text))
        draw_string(canvas, 0, self.height - size, self.question, self.faces.bold, size)
        line_y = self.height - self._line_height() * 0.55
        low_width = string_width(continuum.low, self.faces.regular, size)
        high_width = string_width(continuum.high, self.faces.regular, size)
        left, right = low_width + 3 * radius, self.width - high_width - 3 * radius
        draw_string(canvas, 0, line_y - size * 0.35, continuum.low, self.faces.regular, size)
        draw_string(canvas, self.width, line_y - size * 0.35, continuum.high, self.faces.regular, size, "right")
        canvas.setStrokeColor(colour(colours.text))
        canvas.setLineWidth(factors.grid_width * 2)
        canvas.line(left, line_y, right, line_y)
        for x in (left, (left + right) / 2, right):
            canvas.line(x, line_y - radius, x, line_y + radius)
        label_size = max(size * 0.9, self.layout.minimum_size)
        canvas.setFont(self.faces.regular, label_size)
        if self.placed:
            for index, placed in enumerate(sorted(self.placed, key=lambda p: p.at)):
                x = left + (right - left) * placed.at
                draw_marker(canvas, placed.mark, x, line_y, radius * 1.3, colours.text, factors.grid_width)
                # Alternate labels above and below, so neighbours do not overprint.
                label_y = line_y + 2.5 * radius if index % 2 == 0 else line_y - 2.5 * radius - label_size
                # Kept on the page: a long name (or large print) is shortened and moved in from the edge.
                name = self._fitted(placed.name, self.width, label_size)
                half = string_width(name, self.faces.regular, label_size) / 2
                draw_string(canvas, min(max(x, half), self.width - half), label_y, name, self.faces.regular,
                            label_size, "centre")
        else:
            self._draw_key(canvas, line_y - self._line_height() * 0.45, label_size, radius)
        canvas.restoreState()

    def _draw_key(self, canvas, y: float, size: float, radius: float) -> None:
        """Each factor's mark and name in rows under the line, to draw on it."""
        for row in self._key_rows():
            y_text = y + size * 0.2
            for factor, x in row:
                draw_marker(canvas, self.marks[factor.name], x + radius, y_text + size * 0.35, radius,
                            self.layout.colours.text, self.layout.factors.grid_width)
                name = self._fitted(factor.name, self.width - x - 3 * radius, size)
                draw_string(canvas, x + 3 * radius, y_text, name, self.faces.regular, size)
            y -= size * KEY_ROW_SPACING
