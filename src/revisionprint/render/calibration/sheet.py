"""A two-sided test sheet that measures how far a printer moves the back side.

Front: a cross at the centre of every card. Back: at the spot each cross
should land, millimetre rulers across and up. Held to the light, the cross
shows on the rulers how far off the back is; adding that reading to the
layout's `back_offset` moves every back onto its front.
"""

from __future__ import annotations

import io

from typing import Optional

from reportlab.pdfgen.canvas import Canvas

from ...model import CalibrationOptions, Duplex, Layout, RenderedPdf, Stroke, Topic
from ..cards import marks
from ...model.card_grid import back_slot, card_slots
from ..cards.printing import DOUBLE_SIDED
from ..fonts import register_family
from ..theme import colour, set_stroke
from ...units import MM

RULER_HALF = 6  # millimetres each side of the expected spot
CROSS_HALF = 8 * MM


def render(topic: Optional[Topic], layout: Layout, options: CalibrationOptions) -> RenderedPdf:
    """The sheet is the same for every topic: it measures the printer."""
    cards = layout.flashcards
    stock = cards.stock
    faces = register_family(layout.font_family)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(stock.page_width, stock.page_height), invariant=1, initialFontName=faces.regular,
                    title=f"Calibration sheet for {stock.name}", creator="revisionprint")
    fronts = card_slots(stock)
    backs = [back_slot(slot, stock, cards.duplex, cards.back_offset_x, cards.back_offset_y) for slot in fronts]

    style = marks.SheetStyle.of(layout, faces.regular)
    marks.draw_cut_lines(canvas, fronts, layout.lines.cut)
    for slot in fronts:
        _draw_cross(canvas, slot.x + slot.width / 2, slot.y + slot.height / 2, layout.lines.calibration)
    _draw_instructions(canvas, layout, stock, fronts, style)
    top, _ = marks.margin_zones(stock, fronts, crop_marks=False)
    if top is not None and top.height >= marks.SCALE_HEIGHT:
        marks.draw_scale_bar(canvas, fronts[0].x, top, style)
    canvas.showPage()

    for slot in backs:
        _draw_rulers(canvas, slot.x + slot.width / 2, slot.y + slot.height / 2, faces.regular, layout)
    canvas.setFont(faces.regular, layout.calibration.text_size)
    canvas.drawCentredString(stock.page_width / 2, backs[0].y + backs[0].height - 6 * MM,
                             f"BACK - current back_offset: x {_mm(cards.back_offset_x)}, y {_mm(cards.back_offset_y)}")
    canvas.showPage()
    canvas.save()
    return RenderedPdf(buffer.getvalue(), 2, f"a calibration sheet for {stock.name}",
                       f"{stock.paper_name} {stock.orientation}, {HOW_TO_PRINT[cards.duplex]}, at 100% / actual size")


# As the cards will be printed: the sheet measures that very way of printing.
HOW_TO_PRINT = {
    **DOUBLE_SIDED,
    Duplex.NONE: "page 1, then turn the sheet over on its long edge, put it back in the tray and print page 2",
}


def _mm(points: float) -> str:
    return f"{points / MM:+.1f}mm"


def _draw_cross(canvas: Canvas, x: float, y: float, stroke: Stroke) -> None:
    canvas.saveState()
    set_stroke(canvas, stroke)
    canvas.line(x - CROSS_HALF, y, x + CROSS_HALF, y)
    canvas.line(x, y - CROSS_HALF, x, y + CROSS_HALF)
    canvas.circle(x, y, 1 * MM, stroke=1, fill=0)
    canvas.restoreState()


def _draw_rulers(canvas: Canvas, x: float, y: float, font: str, layout: Layout) -> None:
    """Millimetre rulers through the spot where the front's cross should show: right and up are +."""
    canvas.saveState()
    set_stroke(canvas, layout.lines.ruler)
    canvas.setFillColor(colour(layout.colours.text))
    canvas.setFont(font, layout.calibration.ruler_label_size)
    canvas.line(x - RULER_HALF * MM, y, x + RULER_HALF * MM, y)
    canvas.line(x, y - RULER_HALF * MM, x, y + RULER_HALF * MM)
    for step in range(-RULER_HALF, RULER_HALF + 1):
        tick = 1.6 * MM if step % 5 == 0 else 0.8 * MM
        canvas.line(x + step * MM, y, x + step * MM, y + tick)
        canvas.line(x, y + step * MM, x + tick, y + step * MM)
    for step in (-5, 5):
        canvas.drawCentredString(x + step * MM, y - 2.2 * MM, f"{step:+d}")
        canvas.drawString(x + 2 * MM, y + step * MM - 0.6 * MM, f"{step:+d}")
    canvas.drawString(x + (RULER_HALF + 1) * MM, y - 0.6 * MM, "x (right)")
    canvas.drawCentredString(x, y + (RULER_HALF + 1) * MM, "y (up)")
    canvas.restoreState()


INSTRUCTIONS = ("Calibration sheet: print {how} at 100% / actual size, hold to the light with the back "
                "towards you, read where each cross shows on the rulers (mm, x right, y up), and add the "
                "reading to back_offset in your layout")


def _draw_instructions(canvas: Canvas, layout: Layout, stock, fronts, style: marks.SheetStyle) -> None:
    top, bottom = marks.margin_zones(stock, fronts, crop_marks=False)
    zone = bottom or top
    if zone is not None:
        left = min(slot.x for slot in fronts)
        right = max(slot.right for slot in fronts)
        marks.draw_note(canvas, INSTRUCTIONS.format(how=HOW_TO_PRINT[layout.flashcards.duplex]), zone, left, right,
                        style, layout.colours.text)
