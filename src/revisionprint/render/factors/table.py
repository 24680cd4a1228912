"""Factor tables: one row per factor, completed for revision, blank or partly blank for students.

Every version shares the same columns, headings and rows, so a student can check a
blank sheet against the completed one row by row. Blank cells get the layout's
number of writing lines for their column, the same in every row.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from ...model import FactorTableOptions, Layout, RenderedPdf, Topic, factor_column
from ..document import build_flowing_document, content_frame, paper_description
from ..summary import counted
from ..fitting import TextBlock
from ..fonts import Faces, register_family
from ..furniture import SheetKind
from ..problems import RenderProblems
from ..question import question_heading
from .breaking import BodyRow, TableShape
from .cells import LinesToTheFoot, cell_flowables, name_flowables
from .continuum import ContinuumLine
from .plan import RowPlan, is_blank, plan_rows

FEWEST_EXPLAIN_LINES = 3  # fewer is not room to explain a judgement: leave the space empty
CONTINUUM_PROMPT = {False: "How far did each factor cause it? Place each one on the line.",
                    True: "How far did each factor cause it? Placed by rank."}


def render(topic: Topic, layout: Layout, options: FactorTableOptions) -> RenderedPdf:
    factors_layout = layout.factors
    faces = register_family(layout.font_family)
    problems = RenderProblems.for_topic(topic, faces)
    blank = options.has_blanks
    kind = SheetKind("Factor table (blank)" if blank else "Factor table", student_sheet=blank)
    _, _, frame_width, frame_height = content_frame(topic, layout, kind, factors_layout.orientation)
    widths = [frame_width * share / sum(factors_layout.widths) for share in factors_layout.widths]
    _check_glyphs(topic, layout, options, problems, faces)

    flowables: list[Flowable] = []
    if topic.factors:
        shape = TableShape(
            layout=layout,
            heading=_heading(topic, layout, problems, faces, blank, frame_width),
            column_headings=[_column_heading(key, layout) for key in factors_layout.columns],
            widths=widths,
            frame_height=frame_height,
            name_column=factors_layout.columns.index("factor") if "factor" in factors_layout.columns else -1,
        )
        if factors_layout.continuum.show:
            place = "rank" not in options.blank_columns and any(factor.rank for factor in topic.factors)
            shape.tail = [ContinuumLine(layout, faces, topic.factors, place, CONTINUUM_PROMPT[place])]
        rows = [_body_row(plan, shape) for plan in plan_rows(topic, layout, options)]
        if blank and factors_layout.equal_rows:
            rows = _equal_heights(rows, shape)
        flowables.append(shape.table(rows, with_tail=True))
        if blank and factors_layout.explain:
            prompt = [Spacer(0, 2 * factors_layout.cell_padding)] + TextBlock(
                [factors_layout.explain], bullets=False, bold=True).flowables(
                layout.font_family, factors_layout.text_size.largest, layout.colours.text)
            flowables.append(LinesToTheFoot(prompt, factors_layout.writing_line_spacing, factors_layout.writing_line,
                                            FEWEST_EXPLAIN_LINES))
    else:
        flowables += _heading(topic, layout, problems, faces, blank, frame_width)

    data, pages = build_flowing_document(topic, layout, kind, factors_layout.orientation, flowables, options.page)
    return RenderedPdf(
        data=data,
        pages=pages,
        contents=f"{counted(len(topic.factors), 'factor')} on {counted(pages, 'page')}",
        printing=f"{paper_description(layout, factors_layout.orientation)}, single-sided, at 100% / actual size",
        problems=tuple(problems.messages),
    )


def _body_row(plan: RowPlan, shape: TableShape) -> BodyRow:
    cells = [name_flowables(plan.factor.name, plan.mark, shape.layout) if index == shape.name_column
             else cell_flowables(cell, shape.layout) for index, cell in enumerate(plan.cells)]
    return BodyRow(plan, cells)


def _equal_heights(rows: list[BodyRow], shape: TableShape) -> list[BodyRow]:
    """Every row as tall as the tallest, unless that is taller than a page (then each keeps its own)."""
    padding = 2 * shape.layout.factors.cell_padding
    heights = [max(sum(flowable.wrap(width - padding, shape.frame_height)[1] + flowable.getSpaceAfter()
                       for flowable in cell) for cell, width in zip(row.cells, shape.widths)) + padding
               for row in rows]
    tallest = max(heights)
    if tallest > shape.frame_height / 2:
        return rows
    for row in rows:
        row.height = tallest
    return rows


def _column_heading(key: str, layout: Layout) -> list[Flowable]:
    return TextBlock([factor_column(key).heading], bullets=False, bold=True).flowables(
        layout.font_family, layout.factors.heading_size, layout.colours.text)


def _heading(topic: Topic, layout: Layout, problems: RenderProblems, faces: Faces, blank: bool,
             width: float) -> list[Flowable]:
    """The question the table answers, in bold, with the topic under it (unless the header or
    footer already names it: the title once is enough); the exam question for the layout's
    board, if the topic has one; what to do, on tables with blanks. It heads every page, as the
    table's first repeated row (whose cell has no padding at the sides)."""
    colours = layout.colours
    if topic.question:
        problems.check_glyphs(topic.origin, "question", topic.question, faces)
    flowables = TextBlock([topic.question or topic.title], bullets=False, bold=True).flowables(
        layout.font_family, layout.title_size, colours.text)
    title_in_furniture = any("{title}" in slot for furniture in (layout.header, layout.footer)
                             for slot in (furniture.left, furniture.centre, furniture.right))
    title = topic.title if topic.question and not title_in_furniture else ""
    instruction = layout.factors.instruction if blank else ""
    question = question_heading(topic, layout, "factors", width, problems, faces)
    if title:
        flowables += TextBlock([title], bullets=False).flowables(layout.font_family, layout.body_size, colours.muted)
    if question:  # the exam question, then what to do
        flowables += [Spacer(0, layout.factors.cell_padding)] + question[:-1]
    if instruction:
        flowables += TextBlock([instruction], bullets=False).flowables(layout.font_family, layout.body_size,
                                                                       colours.muted)
    return flowables


def _check_glyphs(topic: Topic, layout: Layout, options: FactorTableOptions, problems: RenderProblems,
                  faces: Faces) -> None:
    """Only what is printed: the columns the layout shows, and not the ones left blank."""
    for factor in topic.factors:
        for key in layout.factors.columns:
            column = factor_column(key)
            if is_blank(column, options):
                continue
            for field_name, text in factor.texts([column]):
                problems.check_glyphs(factor.origin, field_name, text, faces)
            if key == "evidence":
                for event in factor.events:
                    problems.check_glyphs(event.origin, "event", event.event, faces)
