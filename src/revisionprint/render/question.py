"""The exam question a product prints at its head, in the style of the layout's board.

One piece for every product (factor table, timeline worksheet, card sort): the
topic's question for the layout's board (or for any board), its parts lettered
(a), (b), (c), and the marks flush right as the board writes them: "[25 marks]"
for AQA, "(8)" for Edexcel, "[20]" for OCR. A topic with no question for the
board gets nothing, and the product prints as it always has.
"""

from __future__ import annotations

from string import ascii_lowercase

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ..model import Layout, Question, Topic
from ..units import MM
from .fitting import TextBlock
from .fonts import Faces
from .problems import RenderProblems

GAP = 3 * MM  # between the question and its marks, and under the question


def question_heading(topic: Topic, layout: Layout, product: str, width: float, problems: RenderProblems,
                     faces: Faces) -> list[Flowable]:
    """The flowables of the question `product` ("factors", "timeline", "cardsort") prints, or none."""
    question = topic.question_for(layout.board.name, product)
    if question is None:
        return []
    for field_name, text in question.texts():
        problems.check_glyphs(question.origin, field_name, text, faces)
    board, colours = layout.board, layout.colours
    flowables: list[Flowable] = []
    if board.label:
        flowables += TextBlock([board.label], bullets=False, bold=True).flowables(layout.font_family,
                                                                                  layout.body_size, colours.muted)
        flowables.append(Spacer(0, 1 * MM))
    rows = _rows(question, layout)
    marks_width = max((stringWidth(marks, faces.bold, layout.body_size) for _, _, marks in rows), default=0.0)
    label_width = max((stringWidth(label, faces.bold, layout.body_size) for label, _, _ in rows), default=0.0)
    label_width = label_width + GAP if label_width else 0.0
    marks_width = marks_width + GAP if marks_width else 0.0
    data = []
    for label, text, marks in rows:
        data.append([_text(label, layout, bold=True), _text(text, layout), _text(marks, layout, bold=True, right=True)])
    table = Table(data, colWidths=[label_width, width - label_width - marks_width, marks_width], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * MM)]))
    return [*flowables, table, Spacer(0, GAP)]


def _rows(question: Question, layout: Layout) -> list[tuple[str, str, str]]:
    """(label, text, marks) for each line: the question, then its parts (a), (b), (c)."""
    board = layout.board
    extended = board.extended if question.extended else ""
    rows = []
    if question.text:
        rows.append((extended, question.text, board.marks_text(question.marks)))
    for letter, part in zip(ascii_lowercase, question.parts):
        rows.append((f"({letter})", part.text, board.marks_text(part.marks)))
    if rows and extended and not question.text:
        label, text, marks = rows[0]
        rows[0] = (f"{extended} {label}", text, marks)
    return rows


def _text(text: str, layout: Layout, bold: bool = False, right: bool = False) -> list[Flowable]:
    if not text:
        return []
    flowables = TextBlock([text], bullets=False, bold=bold).flowables(layout.font_family, layout.body_size,
                                                                      layout.colours.text)
    if right:
        for paragraph in flowables:
            paragraph.style = _right_aligned(paragraph.style)
    return flowables


def _right_aligned(style):
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}-right", parent=style, alignment=TA_RIGHT)
