"""Factor tables: one row per factor, completed for revision or blank for students.

Both versions share the same columns, headings and rows, so a student can
check a blank sheet against the completed one row by row. The blank one keeps
only the factor names and rules writing lines where the answers were.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ...model import FACTOR_COLUMNS, Factor, FactorTableOptions, Layout, Topic
from ..fitting import TextBlock
from ..fonts import Faces, register_family
from ..furniture import SheetKind
from ..markup import to_markup
from ..problems import RenderProblems
from ..document import RenderedPdf, build_flowing_document, content_frame, counted, paper_description
from ...units import MM

COLUMN_HEADINGS = {column.key: column.heading for column in FACTOR_COLUMNS}
BLANK_INSTRUCTION = ("Complete the table: for each factor, note the key point, the evidence, "
                     "and the arguments for and against it being the main cause.")
# Light enough to write over and to vanish on a greyscale copier, as feint ruling does.
WRITING_LINE_GREY = "#BBBBBB"
WRITING_LINE_WIDTH = 0.5
GRID_WIDTH = 0.5
CELL_PADDING = 1.6 * MM
# Students write larger than type: give 1.5 ruled lines per printed line of the answer.
HANDWRITING_PER_TYPED_LINE = 1.5
# A row broken inside itself leaves at least this much on each page, never a stray line or two.
SMALLEST_ROW_PART = 25 * MM
CONTINUED = " (continued)"


class FactorTable(Table):
    """A table that breaks between rows, and inside a row only when it must.

    ReportLab's own splitInRow, once rows have moved on, starts the rest of the table (its
    repeated headings too) in the space left at the foot of the page. Here a row is broken
    inside only if it could never fit on an empty page, or if it is the table's first row
    (so the question is not left alone on a page), and always where the page ends.
    """

    frame_height = 0.0  # the height of an empty page's frame
    continued = False  # a later part of a split table, starting on a new page
    # To carry a factor's name onto the next page of its row: the column, the style and each row's name.
    name_column = -1
    name_style = None
    row_names: tuple = ()

    def split(self, availWidth, availHeight):
        self._calc(availWidth, availHeight)
        parts = []
        row = self._getFirstPossibleSplitRowPosition(availHeight)  # the first row that does not fit
        if self._may_break_inside(row):
            parts = self._splitRows(availHeight, doInRowSplit=1)
            if not parts and row == self.repeatRows and availHeight > self.frame_height - 1:
                # The row starts a page, so waiting gains nothing: accept a short last part.
                parts = self._split_inside_row_with_any_part(availHeight)
            if len(parts) > 1:
                self._name_the_rest_of_row(row, parts[-1])
        if not parts:
            parts = self._splitRows(availHeight, doInRowSplit=0)
        if len(parts) > 1:
            for part in parts:
                part.frame_height, part.name_column, part.name_style = (self.frame_height, self.name_column,
                                                                        self.name_style)
            # Either way the rest starts with the headings, then row `row` (or its second half).
            parts[-1].row_names = self.row_names[:self.repeatRows] + self.row_names[row:]
            parts[-1].continued = True
        return parts

    def _may_break_inside(self, row: int) -> bool:
        if row < self.repeatRows or row >= len(self._rowHeights):
            return False
        headings = sum(self._rowHeights[:self.repeatRows])
        first_row_of_table = not self.continued and row == self.repeatRows
        return first_row_of_table or headings + self._rowHeights[row] > self.frame_height

    def _split_inside_row_with_any_part(self, availHeight: float) -> list:
        smallest, self.splitInRow = self.splitInRow, 1
        try:
            parts = self._splitRows(availHeight, doInRowSplit=1)
        finally:
            self.splitInRow = smallest
        for part in parts:
            part.splitInRow = smallest
        return parts

    def _name_the_rest_of_row(self, row: int, rest: Table) -> None:
        """'Name (continued)' at the top of the row's part on the next page, so it is not anonymous."""
        first = self.repeatRows
        if self.name_column < 0 or row >= len(self.row_names) or rest._cellvalues[first][self.name_column]:
            return
        label = Paragraph(to_markup(self.row_names[row] + CONTINUED), self.name_style)
        rest._cellvalues[first][self.name_column] = [label]
        # The part's height was fixed before the label was there: make room for a long name.
        style = rest._cellStyles[first][self.name_column]
        width = self._colWidths[self.name_column] - style.leftPadding - style.rightPadding
        needed = label.wrap(width, 1e6)[1] + style.topPadding + style.bottomPadding
        heights = list(rest._argH)
        heights[first] = max(heights[first] or 0, needed)
        rest._argH = heights


class WritingLines(Flowable):
    """Ruled lines to write on, which can break between lines when a row runs onto the next page."""

    def __init__(self, width: float, lines: int, spacing: float, colour: str):
        super().__init__()
        self.width = width
        self.lines = lines
        self.spacing = spacing
        self.colour = colour
        self.height = lines * spacing

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return self.width, self.height

    def split(self, availWidth, availHeight):
        fitting = int(availHeight // self.spacing)
        if fitting <= 0 or fitting >= self.lines:
            return []
        return [WritingLines(availWidth, fitting, self.spacing, self.colour),
                WritingLines(availWidth, self.lines - fitting, self.spacing, self.colour)]

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(HexColor(self.colour))
        canvas.setLineWidth(WRITING_LINE_WIDTH)
        # Each line sits at the foot of its own space, so the first has room above it to write.
        for line in range(self.lines):
            y = self.height - (line + 1) * self.spacing
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


def render(topic: Topic, layout: Layout, options: FactorTableOptions) -> RenderedPdf:
    factors_layout = layout.factors
    columns, orientation = factors_layout.columns, factors_layout.orientation
    faces = register_family(layout.font_family)
    problems = RenderProblems.for_topic(topic, faces)
    blank = options.has_blanks
    kind = SheetKind("Factor table (blank)", student_sheet=True) if blank else SheetKind("Factor table")
    _, _, frame_width, frame_height = content_frame(topic, layout, kind, orientation)
    total = sum(factors_layout.widths)
    column_widths = [frame_width * share / total for share in factors_layout.widths]

    flowables = _heading(topic, layout, problems, faces, blank)
    rows = [[_cell(TextBlock([COLUMN_HEADINGS[column]], bullets=False, bold=True), layout,
                   factors_layout.heading_size) for column in columns]]
    for factor in topic.factors:
        _check_glyphs(factor, columns, problems, faces, blank)
        completed = _completed_row(factor, columns, layout)
        rows.append(_blank_row(factor, columns, completed, column_widths, layout) if blank else completed)
    if topic.factors:
        table = _table(rows, [factor.name for factor in topic.factors], columns, column_widths, layout,
                       frame_height)
        if blank:
            # Half a line under the last writing line, so it does not read as a double rule with the grid.
            table.setStyle([("BOTTOMPADDING", (0, 1), (-1, -1), factors_layout.writing_line_spacing / 2)])
        flowables.append(table)

    data, pages = build_flowing_document(topic, layout, kind, orientation, flowables)
    count = len(topic.factors)
    return RenderedPdf(
        data=data,
        pages=pages,
        contents=f"{counted(count, 'factor')} on {counted(pages, 'page')}",
        printing=f"{paper_description(layout, orientation)}, single-sided, at 100% / actual size",
        problems=tuple(problems.messages),
    )


def _cell(block: TextBlock, layout: Layout, size: float | None = None) -> list[Flowable]:
    """A cell's text: tables may break rows across pages, so it never needs to shrink."""
    return block.flowables(family=layout.font_family, size=size or layout.factors.text_size.largest,
                           colour=layout.colours.text)


def _heading(topic: Topic, layout: Layout, problems: RenderProblems, faces: Faces, blank: bool) -> list[Flowable]:
    """The question the table answers, in bold; the topic title under it; what to do, on the blank."""
    colours = layout.colours
    main = topic.question or topic.title
    if topic.question:
        problems.check_glyphs(topic.origin, "question", topic.question, faces)
    flowables = TextBlock([main], bullets=False, bold=True).flowables(layout.font_family, layout.title_size,
                                                                     colours.text)
    if topic.question:
        flowables.append(Spacer(0, 1 * MM))
        flowables += TextBlock([topic.title], bullets=False).flowables(layout.font_family, layout.body_size,
                                                                       colours.muted)
    if blank:
        flowables.append(Spacer(0, 2 * MM))
        flowables += TextBlock([BLANK_INSTRUCTION], bullets=False).flowables(layout.font_family, layout.body_size,
                                                                             colours.text)
    flowables.append(Spacer(0, 4 * MM))
    return flowables


def _completed_row(factor: Factor, columns: tuple[str, ...], layout: Layout) -> list[list[Flowable]]:
    blocks = {
        "factor": TextBlock([factor.name], bullets=False, bold=True),
        "summary": TextBlock([factor.summary] if factor.summary else [], bullets=False),
        "evidence": TextBlock(factor.evidence, bullets=True),
        "for": TextBlock(factor.arguments_for, bullets=True),
        "against": TextBlock(factor.arguments_against, bullets=True),
    }
    return [_cell(blocks[column], layout) for column in columns]


def _blank_row(factor: Factor, columns: tuple[str, ...], completed: list[list[Flowable]],
               column_widths: list[float], layout: Layout) -> list:
    """The factor name, then writing lines wherever the completed row has an answer."""
    typed_lines = max((_wrapped_lines(cell, width - 2 * CELL_PADDING)
                       for column, cell, width in zip(columns, completed, column_widths) if column != "factor"),
                      default=0)
    lines = max(layout.factors.min_writing_lines, math.ceil(HANDWRITING_PER_TYPED_LINE * typed_lines))
    spacing = layout.factors.writing_line_spacing
    return [cell if column == "factor" else [WritingLines(width - 2 * CELL_PADDING, lines, spacing, WRITING_LINE_GREY)]
            for column, cell, width in zip(columns, completed, column_widths)]


def _wrapped_lines(flowables: list[Flowable], width: float) -> int:
    """How many printed lines the paragraphs take when wrapped at this width."""
    count = 0
    for paragraph in flowables:
        paragraph.wrap(width, 1e6)
        count += len(paragraph.blPara.lines)
    return count


def _table(rows: list, names: list[str], columns: tuple[str, ...], column_widths: list[float], layout: Layout,
           frame_height: float) -> Table:
    # repeatRows keeps the headings on every page. Breaking inside rows (see FactorTable) saves
    # a row taller than a page from "Flowable too large"; splitInRow is the smallest part to leave.
    table = FactorTable(rows, colWidths=column_widths, repeatRows=1, splitByRow=1, splitInRow=SMALLEST_ROW_PART,
                        hAlign="LEFT")
    table.frame_height = frame_height
    if "factor" in columns:
        table.name_column = columns.index("factor")
        table.name_style = rows[1][table.name_column][0].style
        table.row_names = (None, *names)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), GRID_WIDTH, HexColor(layout.colours.rule)),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(layout.colours.heading_band)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]))
    return table


def _check_glyphs(factor: Factor, columns: tuple[str, ...], problems: RenderProblems, faces: Faces,
                  blank: bool) -> None:
    """Only what is printed: the columns the layout shows, and on the blank table only the name."""
    printed = {
        "factor": (("name", factor.name),),
        "summary": (("summary", factor.summary),) if factor.summary else (),
        "evidence": tuple((f"evidence[{i}]", item) for i, item in enumerate(factor.evidence)),
        "for": tuple((f"for[{i}]", item) for i, item in enumerate(factor.arguments_for)),
        "against": tuple((f"against[{i}]", item) for i, item in enumerate(factor.arguments_against)),
    }
    for column in columns:
        if blank and column != "factor":
            continue
        for field_name, text in printed[column]:
            problems.check_glyphs(factor.origin, field_name, text, faces)
