"""Drawing one axis row: its heading, the axis with its ticks and breaks, each event's marker and
its number above. Every place comes from the row's plan (rows.py); every size and colour from
the layout."""

from __future__ import annotations

from typing import Optional

from reportlab.platypus import Flowable

from ...model import FactorMark, Layout
from ..fonts import Faces
from ..shapes import draw_marker
from ..theme import colour, set_stroke
from .rows import AxisRow

LINE_HEIGHT = 1.3  # a line of text, as a multiple of its size
BREAK_SLANT = 0.35  # the break's strokes lean by this share of their height
BRACKET_DROP = 0.3  # a bracket runs this share of a number's size under it


class AxisRowFlowable(Flowable):
    """One row; `show_events` is False for the blank axis of the blank-dates worksheet."""

    def __init__(self, row: AxisRow, layout: Layout, faces: Faces, marks: dict[str, FactorMark],
                 show_events: bool = True):
        super().__init__()
        self.row, self.layout, self.faces, self.marks = row, layout, faces, marks
        self.show_events = show_events
        settings = layout.timeline
        self.heading_height = settings.heading_size * LINE_HEIGHT if row.heading else 0.0
        self.below = settings.tick_length + settings.tick_size * LINE_HEIGHT
        lanes = row.lanes if show_events else 0
        self.above = settings.marker_radius + settings.span_width + lanes * settings.lane_height
        self.width = row.scale.right
        self.height = self.heading_height + self.above + self.below

    def wrap(self, availWidth, availHeight):
        return availWidth, self.height

    @property
    def axis_y(self) -> float:
        return self.below

    def lane_base(self, lane: int) -> float:
        settings = self.layout.timeline
        return self.axis_y + settings.marker_radius + settings.span_width + lane * settings.lane_height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        if self.row.heading:
            canvas.setFillColor(colour(self.layout.colours.text))
            canvas.setFont(self.faces.bold, self.layout.timeline.heading_size)
            canvas.drawString(0, self.height - self.layout.timeline.heading_size, self.row.heading)
        self._draw_axis()
        if self.show_events:
            self._draw_bars()
            self._draw_numbers()
            self._draw_markers()
        canvas.restoreState()

    def _draw_axis(self) -> None:
        canvas, settings, colours = self.canv, self.layout.timeline, self.layout.colours
        y = self.axis_y
        set_stroke(canvas, settings.axis_line)
        for segment in self.row.scale.segments:
            canvas.line(segment.left, y, segment.right, y)
        half = settings.tick_length
        for left, right in self.row.scale.breaks:  # two slanted strokes: the axis is cut here
            for x in (left + (right - left) * 0.3, left + (right - left) * 0.7):
                canvas.line(x - half * BREAK_SLANT, y - half, x + half * BREAK_SLANT, y + half)
        canvas.setFont(self.faces.regular, settings.tick_size)
        canvas.setFillColor(colour(colours.muted))
        for tick in self.row.scale.ticks:
            length = settings.tick_length if tick.label else settings.tick_length / 2
            canvas.line(tick.x, y, tick.x, y - length)
            if tick.label:
                canvas.drawCentredString(tick.x, y - settings.tick_length - settings.tick_size, tick.label)

    def _draw_bars(self) -> None:
        canvas, settings = self.canv, self.layout.timeline
        for marker in self.row.markers:
            if marker.bar is None:
                continue
            fill = self._mark(marker.factor).colour if marker.factor in self.marks else self.layout.colours.accent
            canvas.setFillColor(colour(fill))
            left, right = marker.bar
            canvas.rect(left, self.axis_y, max(right - left, settings.axis_line.width), settings.span_width,
                        stroke=0, fill=1)

    def _draw_markers(self) -> None:
        canvas, settings, colours = self.canv, self.layout.timeline, self.layout.colours
        for marker in self.row.markers:
            mark = self._mark(marker.factor)
            if mark is not None:
                draw_marker(canvas, mark, marker.x, self.axis_y, settings.marker_radius,
                            settings.leader_line.colour, settings.leader_line.width)
            else:
                canvas.setFillColor(colour(colours.text))
                canvas.circle(marker.x, self.axis_y, settings.marker_radius, stroke=0, fill=1)

    def _draw_numbers(self) -> None:
        canvas, settings, colours = self.canv, self.layout.timeline, self.layout.colours
        set_stroke(canvas, settings.leader_line)
        canvas.setFillColor(colour(colours.text))
        canvas.setFont(self.faces.bold, settings.number_size)
        foot = self.axis_y + settings.marker_radius
        for label in self.row.labels:
            base = self.lane_base(label.lane)
            middle = base + settings.number_size * 0.35
            low, high = label.anchors
            if label.is_bracket:  # under its range, reaching down to the axis from the lowest level
                line = base - settings.number_size * BRACKET_DROP
                end = foot if label.lane == 0 else line - settings.lane_height * BRACKET_DROP
                canvas.line(low, end, low, line)
                canvas.line(high, end, high, line)
                canvas.line(low, line, high, line)
            else:
                canvas.line(low, foot, low, middle)
            canvas.drawString(label.left, base, label.text)

    def _mark(self, factor: Optional[str]) -> Optional[FactorMark]:
        return self.marks.get(factor) if factor else None
