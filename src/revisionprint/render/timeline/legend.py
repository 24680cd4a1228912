"""The factor legend: each factor's marker and name, in a line that wraps."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ...model import FactorMark, Layout
from ..fonts import Faces, draw_string, shortened, string_width
from ..shapes import draw_marker
from ..theme import colour

LEGEND_TITLE = "Factors:"
LINE_HEIGHT = 1.6  # a line of the legend, as a multiple of the text size
GAP = 1.2  # between a marker and its name, and between entries, in text sizes


class FactorLegend(Flowable):
    def __init__(self, factors: list[tuple[str, FactorMark]], layout: Layout, faces: Faces):
        super().__init__()
        self.factors, self.layout, self.faces = factors, layout, faces
        self.size = layout.timeline.text_size
        self.places: list[tuple[float, int]] = []

    def _place(self, width: float) -> None:
        size, radius = self.size, self.layout.timeline.marker_radius
        x = stringWidth(LEGEND_TITLE, self.faces.bold, size) + GAP * size
        line = 0
        self.places, self.names = [], []
        for name, _ in self.factors:
            # A name longer than a whole line (large print) is shortened: the table prints it whole.
            name = shortened(name, self.faces.regular, size, width - 2 * radius - GAP * size / 2)
            self.names.append(name)
            needed = 2 * radius + GAP * size / 2 + string_width(name, self.faces.regular, size)
            if x + needed > width and x > 0:
                line, x = line + 1, 0.0
            self.places.append((x, line))
            x += needed + GAP * size
        self.lines = line + 1

    def wrap(self, availWidth, availHeight):
        self._place(availWidth)
        self.width, self.height = availWidth, (self.lines + 0.5) * self.size * LINE_HEIGHT
        return self.width, self.height

    def draw(self):
        canvas, size = self.canv, self.size
        radius = self.layout.timeline.marker_radius
        step = size * LINE_HEIGHT
        canvas.saveState()
        canvas.setFillColor(colour(self.layout.colours.text))
        canvas.setFont(self.faces.bold, size)
        canvas.drawString(0, self.height - step, LEGEND_TITLE)
        for (_, mark), name, (x, line) in zip(self.factors, self.names, self.places):
            baseline = self.height - step * (line + 1)
            draw_marker(canvas, mark, x + radius, baseline + size * 0.35, radius,
                        self.layout.timeline.leader_line.colour, self.layout.timeline.leader_line.width)
            canvas.setFillColor(colour(self.layout.colours.text))
            draw_string(canvas, x + 2 * radius + GAP * size / 2, baseline, name, self.faces.regular, size)
        canvas.restoreState()
