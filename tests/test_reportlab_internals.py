"""ReportLab internals this project leans on. A release that changes one of them fails here,
naming it, instead of somewhere deep in a build."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table


def test_a_wrapped_paragraph_keeps_its_lines_in_blPara():
    paragraph = Paragraph("one two three four five six seven", ParagraphStyle("t", fontName="Helvetica"))
    paragraph.wrap(40, 1000)
    assert hasattr(paragraph, "blPara"), "Paragraph.blPara (render/paragraph.py, fitting.py, factors/)"
    assert len(paragraph.blPara.lines) > 1, "Paragraph.blPara.lines"


def test_fragline_and_paralines_take_the_fields_we_build_them_with():
    from reportlab.platypus.paragraph import FragLine, ParaLines

    line = FragLine(extraSpace=1.0, wordCount=1, lineBreak=False, words=[], fontSize=10, ascent=8, descent=-2)
    lines = ParaLines(kind=1, lines=[line])
    assert lines.kind == 1 and lines.lines[0].extraSpace == 1.0, "FragLine / ParaLines (render/paragraph.py)"


def test_a_table_keeps_its_row_heights_where_the_factor_table_reads_them():
    table = Table([["a", "b"], ["c", "d"]])
    table._calc(200, 200)
    assert len(table._rowHeights) == 2, "Table._calc sets Table._rowHeights (render/factors/breaking.py)"
    assert callable(getattr(table, "_culprit", None)), "Table._culprit names a table too big for a page"


def test_a_canvas_knows_its_page_size():
    canvas = Canvas(None, pagesize=(100, 200))
    assert tuple(canvas._pagesize) == (100, 200), "Canvas._pagesize (render/furniture.py)"


def test_a_text_object_keeps_its_operators_and_subset_where_the_card_writer_adds_to_them():
    from reportlab.pdfbase.pdfmetrics import getFont

    from revisionprint.render.fonts import register_family

    face = register_family("Open Sans").regular
    text = Canvas(None).beginText()
    assert text._code == ["BT", "1 0 0 1 0 0 Tm"], "PDFTextObject._code (render/paragraph.py TextWriter)"
    text.setFont(face, 10)
    assert text._curSubset == -1 and text._leading == 12, "PDFTextObject._curSubset, _leading (TextWriter)"
    assert getFont(face)._dynamicFont, "TTFont._dynamicFont (TextWriter)"
    shown = text._formatText("Abc")
    assert shown.endswith("Tj") and text._curSubset == 0, "PDFTextObject._formatText (TextWriter)"
