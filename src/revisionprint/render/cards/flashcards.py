"""Cut-out flashcard sheets: fronts and the backs that print behind them.

The plan (sheets.py) fits the cards and places them; this module draws
the sheets page by page in the order the duplex mode needs; printing.py
says how to print them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable, Optional

from reportlab.pdfgen.canvas import Canvas

from ...cardsets import select_by_tags
from ...memory import cycle_collector_paused
from ...model import CardPrinting, CutGuides, Duplex, Layout, RenderedPdf, Sides, Topic, VerticalAlign
from . import marks
from ...model.card_grid import CardSlot
from ..textwriter import TextWriter, write_stacked
from .margins import draw_margins, plan_margins
from .printing import printing_advice, side_note
from .sheets import CardSheets, Picture, PrintedCard, Sheet
from ..cardtext import as_flowable
from ..fitting import Fitted, shrink_to_box
from ..furniture import SheetKind, describe_document, furnished_canvas
from ..fonts import register_family
from ..problems import RenderProblems
from ..summary import counted


def render(topic: Topic, layout: Layout, options: CardPrinting,
           progress: Optional[Callable[[int, int], None]] = None) -> RenderedPdf:
    """`progress`, if given, is told after each sheet how many more cards are done, and of how many."""
    problems = RenderProblems.for_topic(topic, register_family(layout.font_family))
    plan = CardSheets(topic, layout, problems, options)
    buffer = io.BytesIO()
    pages: list[PageOfCards] = []
    # Margin notes say "sheet 2 of 7": drawn at save, once the number of sheets is known
    # (the last page is always of the last sheet, in every duplex mode).
    canvas = furnished_canvas(draw_page=lambda c, page, total: _draw_margins(
        c, plan, pages[page - 1], page == 1, pages[-1].sheet),
        font=plan.faces.regular, tint=layout.colours.page_tint)(
        buffer, pagesize=(plan.stock.page_width, plan.stock.page_height), invariant=1)
    describe_document(canvas, topic, SheetKind("Flashcards"))
    with cycle_collector_paused():
        total = len(select_by_tags(topic.flashcards, options.tags)) * options.copies
        cards = _draw_pages(canvas, plan, pages, lambda done: progress(done, total) if progress else None)
        if not pages:
            canvas.showPage()
        canvas.save()
    sheets = max((page.sheet for page in pages), default=0)
    return RenderedPdf(
        data=buffer.getvalue(),
        pages=max(1, len(pages)),
        contents=f"{counted(cards, 'card')} on {counted(max(1, len(pages)), 'page')} "
                 f"({counted(sheets, 'sheet')}, {plan.stock.name})",
        printing=printing_advice(plan, _legend_shown(plan, pages, sheets)),
        problems=tuple(problems.messages),
    )


@dataclass(frozen=True)
class PageOfCards:
    side: str  # "FRONTS", "backs" or "fold" (both on one page)
    sheet: int


def _draw_pages(canvas: Canvas, plan: CardSheets, pages: list[PageOfCards], progress: Callable[[int], None]) -> int:
    """Draws every page in print order, recording each in `pages`; returns the number of cards."""
    sides = _sides_in_print_order(plan)

    def draw(side: str, sheet: Sheet, number: int) -> None:
        _draw_page(canvas, plan, side, sheet)
        pages.append(PageOfCards(side, number))
        canvas.showPage()

    def count(sheet: Sheet) -> int:
        return sum(1 for card in sheet if card is not None)

    if plan.cards.duplex == Duplex.NONE:
        # Every front page, then every back page: the only mode that holds all sheets at once.
        kept = list(plan.sheets())
        for side in sides:
            for number, sheet in enumerate(kept, start=1):
                draw(side, sheet, number)
        return sum(map(count, kept))
    cards = 0
    for number, sheet in enumerate(plan.sheets(), start=1):
        cards += count(sheet)
        for side in sides:
            draw(side, sheet, number)
        progress(count(sheet))
    return cards


def _sides_in_print_order(plan: CardSheets) -> tuple[str, ...]:
    if plan.cards.duplex == Duplex.FOLD:
        return ("fold",)
    wanted = plan.printing.sides
    return tuple(side for side, printed in (("FRONTS", wanted != Sides.BACK), ("backs", wanted != Sides.FRONT))
                 if printed)


def _draw_page(canvas: Canvas, plan: CardSheets, side: str, sheet: Sheet) -> None:
    fronts = side in ("FRONTS", "fold")
    backs = side in ("backs", "fold")
    for placement, card in zip(plan.placements, sheet):
        if card is None:
            continue
        if fronts:
            _draw_front(canvas, plan, card, placement.front)
        if backs:
            _draw_back(canvas, plan, card, placement.back)
    # Guides only where a card is printed: the used part of a sheet of card stock is gone.
    filled = [placement for placement, card in zip(plan.placements, sheet) if card is not None]
    guided = [p.front for p in filled] + ([p.back for p in filled] if backs else [])
    if fronts and guided:
        if plan.cards.cut_guides == CutGuides.LINES:
            marks.draw_cut_lines(canvas, guided, plan.layout.lines.cut, plan.stock.corner_radius)
        elif plan.cards.cut_guides == CutGuides.CROP:
            marks.draw_crop_marks(canvas, guided, plan.stock, plan.layout.lines.crop)
    if side == "fold":
        marks.draw_fold_line(canvas, plan.stock, [s for p in plan.placements for s in (p.front, p.back)],
                             plan.fold_direction, plan.layout.lines.fold)


def _draw_margins(canvas: Canvas, plan: CardSheets, page: PageOfCards, first: bool, sheets: int) -> None:
    note = side_note(plan, page.side, page.sheet, sheets)
    draw_margins(canvas, plan, plan_margins(plan, page.side, first, note), note)


def _legend_shown(plan: CardSheets, pages: list[PageOfCards], sheets: int) -> bool:
    """Whether the first page found room for the tag legend: placed by the same plan the drawing follows."""
    if not pages or not plan.legend_colours:
        return False
    first = pages[0]
    return plan_margins(plan, first.side, True, side_note(plan, first.side, first.sheet, sheets)).legend is not None


def _draw_front(canvas: Canvas, plan: CardSheets, card: PrintedCard, slot: CardSlot) -> None:
    margin = plan.cards.safe_margin
    writer = TextWriter(canvas)
    if card.tags:
        colours = [plan.tag_colours[tag] for tag in card.tags]
        marks.draw_tag_band(canvas, writer, slot, plan.bands[slot], colours, card.tags, plan.style, margin,
                            plan.stock.corner_radius)
    width, height = plan.inner_box(with_band=bool(card.tags))
    box = (slot.x + margin, slot.y + plan.text_bottom, width, height)
    _draw_face(writer, plan, card.front, card.front_picture, box, centred=True)
    marks.write_card_number(writer, card.label, slot, plan.style, "bottom right")
    rounded = card.tags and plan.stock.corner_radius > 0
    writer.draw(clip=marks.card_outline(canvas, slot, plan.stock.corner_radius) if rounded else None)


def _draw_back(canvas: Canvas, plan: CardSheets, card: PrintedCard, slot: CardSlot) -> None:
    margin = plan.cards.safe_margin
    if slot.upside_down:
        # Folded up from below, this back is read after turning the card over top to bottom.
        canvas.saveState()
        canvas.translate(slot.x + slot.width / 2, slot.y + slot.height / 2)
        canvas.rotate(180)
        canvas.translate(-(slot.x + slot.width / 2), -(slot.y + slot.height / 2))
    width, height = plan.inner_box(with_band=False)
    writer = TextWriter(canvas)
    corner = plan.back_number_corner
    # The text keeps clear of the number, at the bottom or, when it is at the top, there.
    bottom = slot.y + (margin if corner.startswith("top") else plan.text_bottom)
    _draw_face(writer, plan, card.back, card.back_picture, (slot.x + margin, bottom, width, height), centred=False)
    marks.write_card_number(writer, card.label, slot, plan.style, corner)
    writer.draw()
    if slot.upside_down:
        canvas.restoreState()


def _draw_face(writer: TextWriter, plan: CardSheets, fitted: Fitted, picture: Optional[Picture],
               box: tuple[float, float, float, float], centred: bool) -> None:
    """A face's picture and text in its inner box, both in the middle up and down or both at the top
    (the layout's vertical_align). ReportLab stores a picture drawn many times once in the PDF."""
    x, y, width, height = box
    middle = plan.cards.vertical_align == VerticalAlign.MIDDLE
    if picture is None:
        _write_text(writer, fitted, x, y, width, height, centred, middle)
        return
    left, bottom, drawn_width, drawn_height = picture.box
    text_left, text_bottom, text_width, text_height = picture.text
    above = text_width >= width - 0.01  # the picture above the text, else beside it
    drop = picture_drop = 0.0
    if above and middle and fitted.fits:
        # Picture and text as one block in the middle, not the text alone in what the picture leaves.
        drop = picture_drop = (text_height - fitted.height) / 2
    elif not above and not middle:
        picture_drop = -bottom  # beside the text, placed in the middle: up to the top with the text
    writer.canvas.drawImage(picture.path, x + left, y + bottom - picture_drop, drawn_width, drawn_height,
                            mask="auto")
    _write_text(writer, fitted, x + text_left, y + text_bottom - drop, text_width, text_height, centred,
                middle and not above)


def _write_text(writer: TextWriter, fitted: Fitted, x: float, y: float, width: float, height: float,
                centred: bool, middle: bool) -> None:
    """`centred`: across the box (the wrapped lines are already aligned); `middle`: up and down."""
    if not fitted.fits:
        _draw_shrunk(writer.canvas, fitted, x, y, width, height, centred, middle)
        return
    top = y + height
    if middle:
        top -= (height - fitted.height) / 2
    # Already wrapped at this width while fitting: written without wrapping again.
    write_stacked(writer, fitted.flowables, fitted.heights, x, top)


def _draw_shrunk(canvas: Canvas, fitted: Fitted, x: float, y: float, width: float, height: float,
                 centred: bool, middle: bool) -> None:
    """Only with --keep-going: text that does not fit even at the smallest size is printed
    smaller still, all of it, and never onto the next card."""
    flowables = [as_flowable(text) for text in fitted.flowables]  # drawn by Paragraph.drawOn, scaled
    shrunk = shrink_to_box(flowables, width, height)
    scale = shrunk.scale
    used_width, used_height = (shrunk.right - shrunk.left) * scale, shrunk.height * scale
    canvas.saveState()
    canvas.translate(x + (width - used_width) / 2 * centred - shrunk.left * scale,
                     y + height - used_height - (height - used_height) / 2 * middle)
    canvas.scale(scale, scale)
    top = shrunk.height
    for flowable, used in zip(flowables, shrunk.heights):
        flowable.drawOn(canvas, 0, top - used)
        top -= used + flowable.getSpaceAfter()
    canvas.restoreState()
