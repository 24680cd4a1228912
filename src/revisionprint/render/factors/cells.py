"""The flowables a factor table's cells are drawn with: text, writing lines, a rank box,
and the factor's name beside its colour and shape."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ...model import FactorMark, Layout, Stroke
from ..fitting import TextBlock
from ..fonts import register_family
from ..shapes import draw_marker
from ..theme import colour, set_stroke
from .plan import Cell

CONTINUED = " (continued)"


class WritingLines(Flowable):
    """Ruled lines to write on, which can break between lines when a row runs onto the next page."""

    def __init__(self, lines: int, spacing: float, stroke: Stroke):
        super().__init__()
        self.lines, self.spacing, self.stroke = lines, spacing, stroke
        self.width = 0.0
        self.height = lines * spacing

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return self.width, self.height

    def split(self, availWidth, availHeight):
        fitting = int(availHeight // self.spacing)
        if fitting <= 0 or fitting >= self.lines:
            return []
        return [WritingLines(fitting, self.spacing, self.stroke),
                WritingLines(self.lines - fitting, self.spacing, self.stroke)]

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        set_stroke(canvas, self.stroke)
        # Each line sits at the foot of its own space, so the first has room above it to write.
        for line in range(self.lines):
            y = self.height - (line + 1) * self.spacing
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


class LinesToTheFoot(Flowable):
    """A prompt and lines to write on filling what is left of the page, or nothing at all if
    fewer than `fewest` lines would fit: it never starts a page of its own."""

    def __init__(self, prompt: list[Flowable], spacing: float, stroke: Stroke, fewest: int):
        super().__init__()
        self.prompt, self.spacing, self.stroke, self.fewest = prompt, spacing, stroke, fewest
        self.lines = 0
        self.width = self.height = 0.0

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        prompt = sum(flowable.wrap(availWidth, availHeight)[1] for flowable in self.prompt)
        self.lines = int((availHeight - prompt) // self.spacing)
        if self.lines < self.fewest:
            self.lines, self.height = 0, 0.0
        else:
            self.height = prompt + self.lines * self.spacing
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        return []

    def draw(self):
        if not self.lines:
            return
        y = self.height
        for flowable in self.prompt:
            y -= flowable.height
            flowable.drawOn(self.canv, 0, y)
        lines = WritingLines(self.lines, self.spacing, self.stroke)
        lines.wrap(self.width, y)
        lines.drawOn(self.canv, 0, 0)


class RankBox(Flowable):
    """An empty square, centred in its cell, to write the factor's rank in."""

    def __init__(self, side: float, colour: str, line_width: float):
        super().__init__()
        self.side, self.colour, self.line_width = side, colour, line_width
        self.width, self.height = side, side

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.side

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(colour(self.colour))
        canvas.setLineWidth(self.line_width)
        canvas.rect(max(0.0, (self.width - self.side) / 2), 0, self.side, self.side, stroke=1, fill=0)
        canvas.restoreState()


class MarkedName(Flowable):
    """The factor's name with its shape in its colour before it: the same mark as on its
    flashcards and timeline markers, and still told apart on a greyscale copy."""

    def __init__(self, paragraphs: list[Flowable], mark: FactorMark, radius: float, outline: str,
                 line_width: float):
        super().__init__()
        self.paragraphs, self.mark, self.radius = paragraphs, mark, radius
        self.outline, self.line_width = outline, line_width
        self.indent = radius * 3
        self.width = self.height = 0.0

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        room = max(availWidth - self.indent, 1.0)
        self.height = sum(paragraph.wrap(room, availHeight)[1] for paragraph in self.paragraphs)
        return availWidth, self.height

    def draw(self):
        y = self.height
        first_line = None
        for paragraph in self.paragraphs:
            y -= paragraph.height
            paragraph.drawOn(self.canv, self.indent, y)
            if first_line is None:
                first_line = y + paragraph.height - paragraph.style.leading * 0.6
        draw_marker(self.canv, self.mark, self.radius * 1.2, first_line if first_line is not None else y,
                    self.radius, self.outline, self.line_width)


def table_text_style(layout: Layout) -> list:
    """A Table sets its cells' font and colour even where they hold flowables or nothing (its
    own default is black Helvetica): the layout's, so the PDF names no other."""
    return [("FONT", (0, 0), (-1, -1), register_family(layout.font_family).regular, layout.body_size),
            ("TEXTCOLOR", (0, 0), (-1, -1), colour(layout.colours.text))]


def cell_flowables(cell: Cell, layout: Layout, size: float | None = None) -> list[Flowable]:
    factors, colours = layout.factors, layout.colours
    flowables: list[Flowable] = []
    for block in cell.blocks:
        flowables += block.flowables(layout.font_family, size or factors.text_size.largest, colours.text)
    if cell.lines:
        flowables.append(WritingLines(cell.lines, factors.writing_line_spacing, factors.writing_line))
    if cell.box:
        flowables.append(RankBox(factors.rank_box, colours.rule, factors.grid_width))
    return flowables


def name_flowables(name: str, mark: FactorMark, layout: Layout, continued: bool = False) -> list[Flowable]:
    """The name cell; on a row's later page 'Name (continued)', so that part is not anonymous."""
    text = name + CONTINUED if continued else name
    paragraphs = TextBlock([text], bullets=False, bold=True).flowables(
        layout.font_family, layout.factors.text_size.largest, layout.colours.text)
    return [MarkedName(paragraphs, mark, layout.factors.marker_size / 2, layout.colours.text,
                       layout.factors.grid_width)]
