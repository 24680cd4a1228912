"""The card sort: every evidence point, case for and case against a factor on its own
numbered strip, shuffled, to cut out and sort onto one mat per factor; and its answer key.

The strips are numbered in their shuffled order, so the same seed gives the same
sheets and the same key. Strips are a fixed size from the layout (a class set costs
few sheets); a text too long for its strip is shrunk, then reported, never clipped.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer, Table

from ...limits import SMALLEST_MAT_ZONE_MM
from ...model import CardSortOptions, Factor, FactorColumn, Layout, RenderedPdf, Stroke, Topic, factor_column
from ...units import MM
from ..document import build_flowing_document, content_frame, paper_description
from ..summary import counted
from ..question import question_heading
from ..cardtext import as_flowable
from ..fitting import TextBlock, fit_block
from ..fonts import register_family
from ..furniture import SheetKind
from ..problems import RenderProblems
from ..theme import colour
from .cells import MarkedName, name_flowables, table_text_style
from .plan import printed_texts

SORTED_COLUMNS = ("evidence", "for", "against")


@dataclass(frozen=True)
class Strip:
    number: int
    text: str
    factor: Factor
    column: FactorColumn
    index: int  # the item's place in its list, for messages: evidence[3]


def strips(topic: Topic, seed: int) -> list[Strip]:
    """Every strip, numbered 1, 2, 3... in an order shuffled by the seed."""
    items = [(factor, factor_column(key), index, text) for factor in topic.factors for key in SORTED_COLUMNS
             for index, text in enumerate(printed_texts(factor, factor_column(key)))]
    random.Random(seed).shuffle(items)
    return [Strip(number, text, factor, column, index)
            for number, (factor, column, index, text) in enumerate(items, start=1)]


def render(topic: Topic, layout: Layout, options: CardSortOptions) -> RenderedPdf:
    sort = layout.cardsort
    faces = register_family(layout.font_family)
    problems = RenderProblems.for_topic(topic, faces)
    # No Name / Class / Date line yet: on a portrait page a large-print field runs off the paper
    # (the furniture does not fit it to the width). The page options still reach the furniture ({student}).
    kind = SheetKind("Card sort (answers)" if options.answers else "Card sort", answer_key=options.answers,
                     student_sheet=not options.answers)
    _, _, width, height = content_frame(topic, layout, kind, sort.orientation)
    all_strips = strips(topic, options.seed)
    if topic.question:
        problems.check_glyphs(topic.origin, "question", topic.question, faces)
    for factor in topic.factors:
        problems.check_glyphs(factor.origin, "name", factor.name, faces)
    if options.answers:
        flowables = _answer_key(topic, layout, all_strips)
        contents = f"the numbers of {counted(len(all_strips), 'strip')}"
    else:
        for strip in all_strips:
            problems.check_glyphs(strip.factor.origin, f"{strip.column.key}[{strip.index}]", strip.text, faces)
        # With nothing to cut out (factors with names only), just the mats.
        flowables = _strip_sheets(topic, layout, all_strips, width, problems) if all_strips else []
        for factor in topic.factors:
            flowables += [PageBreak()] if flowables else []
            flowables.append(_mat(topic, factor, layout, width, height))
        contents = f"{counted(len(all_strips), 'strip')} and {counted(len(topic.factors), 'sorting mat')}"
    data, pages = build_flowing_document(topic, layout, kind, sort.orientation, flowables, options.page)
    return RenderedPdf(data=data, pages=pages, contents=f"{contents} on {counted(pages, 'page')}",
                       printing=f"{paper_description(layout, sort.orientation)}, single-sided, at 100% / actual size",
                       problems=tuple(problems.messages))


def _line(stroke: Stroke) -> tuple:
    """A table style's line arguments (width, colour, cap, dash) drawn as the stroke says."""
    return stroke.width, colour(stroke.colour), None, list(stroke.dash) or None


def _heading(text: str, layout: Layout, size: float, colour: str, bold: bool = True) -> list[Flowable]:
    return TextBlock([text], bullets=False, bold=bold).flowables(layout.font_family, size, colour)


def _strip_sheets(topic: Topic, layout: Layout, all_strips: list[Strip], width: float,
                  problems: RenderProblems) -> list[Flowable]:
    sort = layout.cardsort
    strip_width = width / sort.columns
    # The layout check leaves room for text (layouts/loader.py), so the box is never empty.
    text_box = sort.text_box(width)
    cells = [_strip_cell(strip, layout, text_box, problems) for strip in all_strips]
    cells += [""] * (-len(cells) % sort.columns)
    rows = [cells[start:start + sort.columns] for start in range(0, len(cells), sort.columns)]
    flowables = _heading(topic.question or topic.title, layout, layout.body_size, layout.colours.text)
    # The exam question for the layout's board, if the topic has one for the card sort.
    flowables += question_heading(topic, layout, "cardsort", width, problems, register_family(layout.font_family))
    flowables += _heading("Cut along the dashed lines, then sort each strip onto its factor's mat.", layout,
                          layout.body_size, layout.colours.muted, bold=False)
    flowables.append(Spacer(0, sort.padding))
    if rows:
        table = Table(rows, colWidths=[strip_width] * sort.columns, rowHeights=sort.strip_height, hAlign="LEFT")
        cut = [("GRID", (0, 0), (-1, -1), *_line(layout.lines.cut))]
        table.setStyle(cut + table_text_style(layout) + [("VALIGN", (0, 0), (-1, -1), "MIDDLE")] +
                       [(side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING",
                                                                 "BOTTOMPADDING")])
        flowables.append(table)
    return flowables


def _strip_cell(strip: Strip, layout: Layout, text_box: tuple[float, float], problems: RenderProblems) -> Table:
    """The strip's number, then its text at the largest size that fits (shrunk further and
    reported if even the smallest does not)."""
    sort, colours = layout.cardsort, layout.colours
    text_width, text_height = text_box
    fitted = fit_block(TextBlock([strip.text], bullets=False), layout.font_family, colours.text, text_width,
                       text_height, sort.text_size)
    if not fitted.fits:
        problems.add(strip.factor.origin, f"{strip.column.key}[{strip.index}]",
                     f"is too long for a card-sort strip even at {sort.text_size.smallest:g}pt; shorten it, or "
                     "make 'cardsort.strip_height' taller in the layout (--keep-going prints it smaller)")
    text = KeepInFrame(text_width, text_height, [as_flowable(text) for text in fitted.flowables], mode="shrink")
    number = _heading(str(strip.number), layout, sort.number_size, colours.muted)
    cell = Table([[number, text]], colWidths=[sort.padding + sort.number_width, sort.padding + text_width],
                 rowHeights=sort.strip_height)
    cell.setStyle(table_text_style(layout) + [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), sort.padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return cell


def _mat(topic: Topic, factor: Factor, layout: Layout, width: float, height: float) -> Table:
    """A page to sort strips onto: the factor's mark and name, the question, and a space for
    each kind of strip."""
    sort, colours = layout.cardsort, layout.colours
    title = TextBlock([factor.name], bullets=False, bold=True).flowables(layout.font_family, sort.mat_title_size,
                                                                         colours.text)
    question = _heading(topic.question or topic.title, layout, layout.body_size, colours.muted, bold=False)
    mark = layout.factor_key.marks(tuple(f.name for f in topic.factors))[factor.name]
    top_cell = [MarkedName(title, mark, sort.mat_title_size * 0.3, colours.text, layout.factors.grid_width)] + question
    top = [[top_cell]]
    headings = [_heading(factor_column(key).heading, layout, layout.factors.heading_size, colours.text)
                for key in SORTED_COLUMNS]
    # Room for a name of one line at least; a long name (or large print) wraps, and the row grows
    # with it. (ReportLab pads a cell 6 pt at each side and 3 pt above and below.)
    wrapped = sum(flowable.wrap(width - 12, height)[1] + flowable.getSpaceAfter() for flowable in top_cell) + 6
    top_height = max(sort.mat_top_height(layout.body_size), wrapped)
    # The layout check leaves each zone room on the page inside its margins; the header and footer
    # may take more, and then a mat too tall for its page is reported, never squashed.
    zone = max((height - top_height) / len(SORTED_COLUMNS) - 1, SMALLEST_MAT_ZONE_MM * MM)
    table = Table(top + [[heading] for heading in headings], colWidths=[width],
                  rowHeights=[top_height] + [zone] * len(SORTED_COLUMNS))
    table.setStyle(table_text_style(layout) + [("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 1), (-1, -1), *_line(layout.lines.cut)),
                    ("LINEBELOW", (0, 1), (-1, -2), *_line(layout.lines.cut)),
                    ("BACKGROUND", (0, 0), (-1, 0), colour(colours.heading_band))])
    return table


def _answer_key(topic: Topic, layout: Layout, all_strips: list[Strip]) -> list[Flowable]:
    """Under each factor, the numbers of its strips by kind, then each number with its text."""
    colours, size = layout.colours, layout.body_size
    flowables = _heading(topic.question or topic.title, layout, layout.title_size, colours.text)
    for factor in topic.factors:
        flowables.append(Spacer(0, layout.cardsort.padding * 2))
        mark = layout.factor_key.marks(tuple(f.name for f in topic.factors))[factor.name]
        flowables += name_flowables(factor.name, mark, layout)
        for key in SORTED_COLUMNS:
            own = [strip for strip in all_strips if strip.factor is factor and strip.column.key == key]
            if not own:
                continue
            numbers = ", ".join(str(strip.number) for strip in own)
            flowables += TextBlock([f"**{factor_column(key).heading}:** {numbers}"], bullets=False).flowables(
                layout.font_family, size, colours.text)
            flowables += TextBlock([f"**{strip.number}** {strip.text}" for strip in own], bullets=True).flowables(
                layout.font_family, layout.factors.text_size.largest, colours.muted)
    return flowables
