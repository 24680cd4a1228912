"""Cut-out flashcard sheets: a page of fronts, then the page of their backs.

Backs are mirrored for long-edge duplex so each back prints behind its own
front. Cut lines go on fronts only: a back printed slightly off then shows
no stray line.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepInFrame

from ..model import Flashcard, Layout, Topic
from .card_geometry import CardSlot, back_slot, card_slots
from .fitting import Fitted, TextBlock, fit_block
from .fonts import Faces, register_family
from .furniture import SheetKind, document_info, draw_margin_note
from .problems import RenderProblems
from .product import RenderedPdf, page_size, paper_description

CUT_LINE_GREY = "#999999"  # about 60 % grey: visible for the scissors, faint if a card is cut inside it
CARD_NUMBER_SIZE = 6.5


def topic_code(title: str) -> str:
    """Initials of the title ('Sino-Soviet relations' -> 'SSR'), printed by each card number."""
    initials = "".join(word[0] for word in re.findall(r"[^\W\d_]+", title))
    return initials[:4].upper() or "T"


@dataclass
class FittedCard:
    card: Flashcard
    front: Fitted
    back: Fitted


def render_flashcards(topic: Topic, layout: Layout, problems: RenderProblems) -> RenderedPdf:
    cards_layout = layout.flashcards
    width, height = page_size(layout, cards_layout.orientation)
    slots = card_slots(cards_layout, width, height)
    faces = register_family(layout.font_family)
    fitted = [_fit_card(card, layout, faces, slots[0], problems) for card in topic.flashcards]

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), **_canvas_info(topic))
    sheets = [fitted[start:start + len(slots)] for start in range(0, len(fitted), len(slots))]
    code = topic_code(topic.title)
    for number, sheet in enumerate(sheets, start=1):
        note = f"{topic.title} - flashcards - sheet {number} of {len(sheets)}"
        for index, card in enumerate(sheet):
            _draw_face(canvas, card.front, slots[index], layout, centred=True)
            _draw_card_number(canvas, card.card.number, code, slots[index], faces, layout, on_back=False)
        if cards_layout.cut_lines:
            _draw_cut_lines(canvas, slots[: len(sheet)])
        draw_margin_note(canvas, layout, faces, f"{note}, FRONTS - print double-sided, flip on long edge, "
                                                f"at 100% / actual size")
        canvas.showPage()
        for index, card in enumerate(sheet):
            slot = back_slot(slots[index], width)
            _draw_face(canvas, card.back, slot, layout, centred=False)
            _draw_card_number(canvas, card.card.number, code, slot, faces, layout, on_back=True)
        draw_margin_note(canvas, layout, faces, f"{note}, backs")
        canvas.showPage()
    if not sheets:
        canvas.showPage()
    canvas.save()
    pages = max(1, 2 * len(sheets))
    return RenderedPdf(
        data=buffer.getvalue(),
        pages=pages,
        contents=f"{len(fitted)} cards on {pages} pages ({len(sheets)} sheets, fronts and backs)",
        printing=f"{paper_description(layout, cards_layout.orientation)}, double-sided, flip on long edge, "
                 "at 100% / actual size (not 'fit to page')",
    )


def _canvas_info(topic: Topic) -> dict:
    info = document_info(topic, SheetKind("Flashcards"))
    canvas_args = {"invariant": info.pop("invariant")}
    canvas_args.update(info)
    return canvas_args


def _fit_card(card: Flashcard, layout: Layout, faces: Faces, slot: CardSlot, problems: RenderProblems) -> FittedCard:
    cards = layout.flashcards
    inner_width = slot.width - 2 * cards.safe_margin
    inner_height = slot.height - 2 * cards.safe_margin
    front = fit_block(TextBlock([card.front], bullets=False, align="centre", bold=True),
                      layout.font_family, layout.colours.text, inner_width, inner_height, cards.front_size)
    back = fit_block(TextBlock(card.back, bullets=card.back_is_list),
                     layout.font_family, layout.colours.text, inner_width, inner_height, cards.back_size)
    for side, fitted, sizes in (("front", front, cards.front_size), ("back", back, cards.back_size)):
        if not fitted.fits:
            problems.add(card.origin, side,
                         f"is too long to fit on a {slot.width / mm:.0f} x {slot.height / mm:.0f} mm card even at "
                         f"{sizes.smallest:g}pt (it needs {fitted.height / mm:.0f} mm of "
                         f"{inner_height / mm:.0f} mm); shorten it or split it into two cards")
    problems.check_glyphs(card.origin, "front", card.front, faces)
    for index, text in enumerate(card.back):
        problems.check_glyphs(card.origin, f"back[{index}]" if card.back_is_list else "back", text, faces)
    return FittedCard(card, front, back)


def _draw_face(canvas: Canvas, fitted: Fitted, slot: CardSlot, layout: Layout, centred: bool) -> None:
    margin = layout.flashcards.safe_margin
    inner_width = slot.width - 2 * margin
    inner_height = slot.height - 2 * margin
    if not fitted.fits:
        # Only reached with --keep-going: shrink below the minimum rather than clip any text.
        box = KeepInFrame(inner_width, inner_height, fitted.flowables, mode="shrink")
        _, used = box.wrapOn(canvas, inner_width, inner_height)
        box.drawOn(canvas, slot.x + margin, slot.top - margin - used)
        return
    top = slot.top - margin
    if centred:
        top -= (inner_height - fitted.height) / 2
    # Already wrapped at this width while fitting: draw without wrapping again.
    for flowable, used in zip(fitted.flowables, fitted.heights):
        flowable.drawOn(canvas, slot.x + margin, top - used)
        top -= used + flowable.getSpaceAfter()


def _draw_card_number(canvas: Canvas, number: int, code: str, slot: CardSlot, faces: Faces,
                      layout: Layout, on_back: bool) -> None:
    # Bottom right on fronts, bottom left on backs: after a long-edge flip the two coincide.
    label = f"{code} {number}"
    inset = 2.2 * mm
    canvas.setFont(faces.regular, CARD_NUMBER_SIZE)
    canvas.setFillColor(HexColor(layout.colours.muted))
    if on_back:
        canvas.drawString(slot.x + inset, slot.y + inset, label)
    else:
        canvas.drawRightString(slot.right - inset, slot.y + inset, label)


def _draw_cut_lines(canvas: Canvas, slots: list[CardSlot]) -> None:
    canvas.saveState()
    canvas.setStrokeColor(HexColor(CUT_LINE_GREY))
    canvas.setLineWidth(0.4)
    canvas.setDash(3, 2)
    for slot in slots:
        canvas.rect(slot.x, slot.y, slot.width, slot.height, stroke=1, fill=0)
    canvas.restoreState()
