"""The numbered answer area under the axis: one entry per event, in columns, each with its number,
its prompt (the date, or the event) and the same space for every answer; and the word bank and
cut-out strips some modes add. Entries are measured first (plain heights), then drawn in rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from reportlab.platypus import Flowable

from ...model import FactorMark, Layout
from ..fonts import Faces
from ..shapes import draw_marker
from ..theme import colour, set_stroke

LINES = "lines"  # writing lines for an event
DATE_BOX = "date-box"
LETTER_BOX = "letter-box"
STRIP = "strip"  # the space a cut-out strip is stuck in
NONE = "none"
TEXT_GAP = 0.3  # between a text and what it describes, as a share of the date size


@dataclass
class Entry:
    label: str  # the event's number (or a word bank's letter)
    mark: Optional[FactorMark]
    prompt: list[Flowable]
    space: str
    filled: list[Flowable] = field(default_factory=list)  # written in the space (answer keys)
    under: list[Flowable] = field(default_factory=list)  # event and detail, under the space
    letter: str = ""  # the letter written in a letter box (answer keys)


@dataclass(frozen=True)
class Grid:
    columns: int
    cell_width: float
    number_width: float
    column_gap: float

    @property
    def text_width(self) -> float:
        return self.cell_width - self.number_width


def grid(width: float, layout: Layout, least_text_width: float) -> Grid:
    """As many columns as give every space at least its least width."""
    settings = layout.timeline
    columns = max(1, int((width + settings.column_gap) // (settings.number_width + least_text_width
                                                             + settings.column_gap)))
    cell = (width - (columns - 1) * settings.column_gap) / columns
    return Grid(columns, cell, min(settings.number_width, cell / 4), settings.column_gap)


def _height(flowables: list[Flowable], width: float) -> float:
    return sum(flowable.wrap(width, 1e9)[1] for flowable in flowables)


class EntryGeometry:
    """Where the parts of one entry go, from its top (y down, in points), at a grid's size."""

    def __init__(self, entry: Entry, cells: Grid, layout: Layout):
        settings = layout.timeline
        self.entry, self.layout = entry, layout
        self.gap = TEXT_GAP * settings.date_size
        width = cells.text_width
        self.text_left = cells.number_width
        box = settings.letter_box if entry.space == LETTER_BOX else 0.0
        self.prompt_left = self.text_left + (box + self.gap if box else 0.0)
        self.prompt_width = width - (self.prompt_left - self.text_left)
        self.prompt_height = _height(entry.prompt, self.prompt_width)
        self.filled_height = _height(entry.filled, width - 2 * self.gap)
        self.under_height = _height(entry.under, width)
        self.space_top = self.prompt_height + self.gap
        if entry.space == LINES:
            self.space_height = settings.writing_lines * settings.writing_line_spacing
            self.space_width = width
            if entry.filled:
                self.space_height = max(self.space_height, self.filled_height + self.gap)
        elif entry.space == DATE_BOX:
            self.space_height = max(settings.writing_line_spacing, self.filled_height + 2 * self.gap)
            self.space_width = settings.date_box_width
        elif entry.space == STRIP:
            self.space_height = strip_height(entry.filled, width, layout)
            self.space_width = width
        elif entry.space == LETTER_BOX:
            self.space_top = 0.0
            self.space_height = box
            self.space_width = box
            self.prompt_height = max(self.prompt_height, box)
        else:
            self.space_top, self.space_height, self.space_width = self.prompt_height, 0.0, 0.0
        self.space_left = self.text_left
        bottom_of_space = self.space_top + self.space_height
        self.under_top = max(bottom_of_space, self.prompt_height) + (self.gap if entry.under else 0.0)
        self.height = self.under_top + self.under_height


def strip_height(texts: list[Flowable], width: float, layout: Layout) -> float:
    """A strip holds its text with room round it; never less than the layout's strip height."""
    gap = TEXT_GAP * layout.timeline.date_size
    return max(layout.timeline.strip_height, _height(texts, width - 2 * gap) + 2 * gap)


class EntryRow(Flowable):
    """One row of entries, side by side; its height is the tallest entry's and the gap below."""

    def __init__(self, entries: list[Entry], cells: Grid, layout: Layout, faces: Faces, same_space: float = 0.0):
        super().__init__()
        self.cells, self.layout, self.faces = cells, layout, faces
        self.geometries = [EntryGeometry(entry, cells, layout) for entry in entries]
        for geometry in self.geometries:  # every strip space as tall as the tallest strip
            if geometry.entry.space == STRIP and same_space:
                grow = same_space - geometry.space_height
                geometry.space_height, geometry.under_top = same_space, geometry.under_top + grow
                geometry.height += grow
        self.height = max(g.height for g in self.geometries) + layout.timeline.entry_gap

    def wrap(self, availWidth, availHeight):
        return availWidth, self.height

    def draw(self):
        for column, geometry in enumerate(self.geometries):
            x = column * (self.cells.cell_width + self.cells.column_gap)
            self._draw_entry(geometry, x, self.height - self.layout.timeline.entry_gap)

    def _draw_entry(self, g: EntryGeometry, x: float, top: float) -> None:
        canvas, settings, colours = self.canv, self.layout.timeline, self.layout.colours
        entry = g.entry
        canvas.saveState()
        canvas.setFillColor(colour(colours.text))
        canvas.setFont(self.faces.bold, settings.number_size)
        canvas.drawString(x, top - settings.number_size, entry.label)
        if entry.mark is not None:
            radius = settings.marker_radius
            draw_marker(canvas, entry.mark, x + radius, top - settings.number_size * 1.3 - radius * 1.5, radius,
                        settings.leader_line.colour, settings.leader_line.width)
        _draw_flowables(canvas, entry.prompt, x + g.prompt_left, top, g.prompt_width)
        self._draw_space(g, x, top)
        _draw_flowables(canvas, entry.under, x + g.text_left, top - g.under_top, self.cells.text_width)
        canvas.restoreState()

    def _draw_space(self, g: EntryGeometry, x: float, top: float) -> None:
        canvas, settings, colours = self.canv, self.layout.timeline, self.layout.colours
        entry = g.entry
        left, space_top = x + g.space_left, top - g.space_top
        canvas.saveState()
        set_stroke(canvas, settings.writing_line)
        if entry.space == LINES and not entry.filled:
            for line in range(1, settings.writing_lines + 1):
                y = space_top - line * settings.writing_line_spacing
                canvas.line(left, y, left + g.space_width, y)
        elif entry.space in (DATE_BOX, STRIP, LETTER_BOX):
            canvas.rect(left, space_top - g.space_height, g.space_width, g.space_height, stroke=1, fill=0)
        canvas.restoreState()
        if entry.letter:
            canvas.setFillColor(colour(colours.accent))
            size = settings.heading_size
            canvas.setFont(self.faces.bold, size)
            canvas.drawCentredString(left + g.space_width / 2, space_top - g.space_height / 2 - size * 0.35,
                                     entry.letter)
        _draw_flowables(canvas, entry.filled, left + g.gap, space_top - g.gap, self.cells.text_width - 2 * g.gap)


def _draw_flowables(canvas, flowables: list[Flowable], x: float, top: float, width: float) -> None:
    y = top
    for flowable in flowables:
        _, height = flowable.wrap(width, 1e9)
        y -= height
        flowable.drawOn(canvas, x, y)


class StripRow(Flowable):
    """Cut-out strips side by side: each event in a dashed box the size of the space it is stuck in."""

    def __init__(self, texts: list[list[Flowable]], cells: Grid, height: float, layout: Layout):
        super().__init__()
        self.texts, self.cells, self.layout = texts, cells, layout
        self.strip = height
        self.height = height + layout.timeline.entry_gap

    def wrap(self, availWidth, availHeight):
        return availWidth, self.height

    def draw(self):
        canvas, settings = self.canv, self.layout.timeline
        gap = TEXT_GAP * settings.date_size
        canvas.saveState()
        set_stroke(canvas, settings.cut_line)
        for column, text in enumerate(self.texts):
            x = column * (self.cells.cell_width + self.cells.column_gap) + self.cells.number_width
            top = self.height - settings.entry_gap
            canvas.rect(x, top - self.strip, self.cells.text_width, self.strip, stroke=1, fill=0)
            _draw_flowables(canvas, text, x + gap, top - gap, self.cells.text_width - 2 * gap)
        canvas.restoreState()
