"""What a card sheet prints beside its cards, placed as data before anything is drawn:
the 100 mm scale bar, the tag legend (first page only) and the printing note.

Placing is a pure function of the plan, the side and the note's words, so the build
summary can ask whether the legend found room without depending on drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from reportlab.pdfgen.canvas import Canvas

from ...model import CutGuides
from ...units import MM
from . import marks
from .marks import MarginZone
from .sheets import CardSheets

LEGEND_TO_NOTE = 2 * MM  # between the legend and a note sharing its strip
SCALE_BAR_TO_LEGEND = 4 * MM


@dataclass(frozen=True)
class ScaleBar:
    upright: bool  # standing in the left margin, else across the top one
    zone: object  # (left x, right x) when upright, else the MarginZone above the cards
    at: float  # centre y when upright, else the bar's left x


@dataclass(frozen=True)
class Legend:
    upright: bool
    zone: object  # (left x, right x) in the right margin when upright, else a MarginZone
    at: float  # the grid's bottom when upright, else the legend's left x
    size: float


@dataclass(frozen=True)
class Note:
    upright: bool
    zone: object  # (left x, right x) in the right margin when upright, else a MarginZone
    left: float  # from, to: x along a strip, or y up the right margin
    right: float
    centred: bool


@dataclass(frozen=True)
class SheetMargins:
    scale_bar: Optional[ScaleBar]
    legend: Optional[Legend]
    note: Optional[Note]


def plan_margins(plan: CardSheets, side: str, first_page: bool, note: str) -> SheetMargins:
    """Scale bar beside the cards; the note below; on the first page, the tag legend wherever it fits."""
    style = plan.style
    slots = [p.front for p in plan.placements] + [p.back for p in plan.placements]
    crop = plan.cards.cut_guides == CutGuides.CROP
    top, bottom = marks.margin_zones(plan.stock, slots, crop)
    left, right = min(slot.x for slot in slots), max(slot.right for slot in slots)
    grid_bottom, grid_top = min(slot.y for slot in slots), max(slot.top for slot in slots)
    wants_legend = first_page and side != "backs" and bool(plan.legend_colours)
    colours = plan.legend_colours

    scale_bar = None
    bar_end = left
    if side != "backs" and plan.scale_bar_place == "left":
        scale_bar = ScaleBar(True, marks.left_zone(plan.stock, slots, crop), (grid_bottom + grid_top) / 2)
    elif side != "backs" and plan.scale_bar_place == "top":
        x = max(left, marks.UNPRINTABLE)
        scale_bar = ScaleBar(False, top, x)
        bar_end = marks.scale_bar_end(x, style) + SCALE_BAR_TO_LEGEND

    legend = None
    note_zone = bottom or top
    note_left = left if note_zone is bottom else bar_end
    if wants_legend:
        size = marks.legend_size(colours, style, right - bar_end) if top is not None else None
        if size is not None:
            legend = Legend(False, top, bar_end, size)
            if note_zone is top:
                note_zone = None
        elif note_zone is not None:
            size = marks.legend_size(colours, style, (right - left) * 0.45)
            if size is not None and marks.note_fits(
                    note, style, right - left - marks.legend_width(colours, style, size) - LEGEND_TO_NOTE):
                legend = Legend(False, note_zone, left, size)
                note_left = left + marks.legend_width(colours, style, size) + LEGEND_TO_NOTE
    if note_zone is not None:
        return SheetMargins(scale_bar, legend, Note(False, note_zone, note_left, right, note_left == left))

    # No room above or below the cards (crop marks fill it on card stock): the right margin.
    upright = marks.right_zone(plan.stock, slots, crop)
    if upright is None:
        return SheetMargins(scale_bar, legend, None)
    if wants_legend and legend is None:
        size = marks.legend_size(colours, style, grid_top - grid_bottom)
        halves = marks.halves_for_legend_and_note(upright)
        if size is not None and halves is not None:
            outer, upright = halves
            legend = Legend(True, outer, grid_bottom, size)
    return SheetMargins(scale_bar, legend, Note(True, upright, grid_bottom, grid_top, True))


def draw_margins(canvas: Canvas, plan: CardSheets, margins: SheetMargins, note: str) -> None:
    style = plan.style
    bar, legend, placed_note = margins.scale_bar, margins.legend, margins.note
    if bar is not None and bar.upright:
        marks.draw_upright_scale_bar(canvas, bar.zone, bar.at, style)
    elif bar is not None:
        marks.draw_scale_bar(canvas, bar.at, bar.zone, style)
    if legend is not None and legend.upright:
        marks.draw_upright_legend(canvas, plan.legend_colours, legend.zone, legend.at, style, legend.size)
    elif legend is not None:
        marks.draw_legend(canvas, plan.legend_colours, legend.at, legend.zone, style, legend.size)
    if placed_note is not None and placed_note.upright:
        marks.draw_upright_note(canvas, note, placed_note.zone, placed_note.left, placed_note.right, style)
    elif placed_note is not None:
        marks.draw_note(canvas, note, placed_note.zone, placed_note.left, placed_note.right, style, style.muted,
                        centred=placed_note.centred)


__all__ = ["MarginZone", "SheetMargins", "draw_margins", "plan_margins"]
