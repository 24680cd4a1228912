"""ReportLab internals this project leans on. A release that changes one of them fails here,
naming it, instead of somewhere deep in a build."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table


def test_a_wrapped_paragraph_keeps_its_lines_in_blPara():
    paragraph = Paragraph("one two three four five six seven", ParagraphStyle("t", fontName="Helvetica"))
    paragraph.wrap(40, 1000)
    assert hasattr(paragraph, "blPara"), "Paragraph.blPara (render/paragraph.py, cardtext.py, fitting.py, factors/)"
    assert len(paragraph.blPara.lines) > 1, "Paragraph.blPara.lines"


def test_our_line_records_have_the_fields_of_reportlabs_and_paragraph_draws_them():
    """lines.py builds ParaLines and FragLines of its own (so the card path never imports platypus),
    in the shape Paragraph.drawOn reads when a CardParagraph draws them."""
    from reportlab.platypus.paragraph import FragLine, ParaLines

    from revisionprint.render import lines

    assert issubclass(FragLine, lines.ABag) and issubclass(ParaLines, lines.ABag), \
        "FragLine and ParaLines are attribute bags (render/lines.py)"
    assert set(vars(FragLine)) <= {"__module__", "__doc__"} and set(vars(ParaLines)) <= {"__module__", "__doc__"}, \
        "FragLine / ParaLines gained behaviour of their own (render/lines.py copies only their fields)"


def test_our_fragments_are_the_parsers_for_plain_bold_and_italic_text():
    """fitting._template_frags builds without the parser what it gives for 'x', '<b>x</b>'...: the
    fields Paragraph's drawing reads (rise, link, us_lines, fontName...). The parser's '__tag__'
    is read by nothing that draws."""
    from revisionprint.fontfiles import FAMILY_NAMES
    from revisionprint.render.fitting import _template_frags, paragraph_style
    from revisionprint.render.fonts import register_family

    markup = {(False, False): "x", (True, False): "<b>x</b>", (False, True): "<i>x</i>", (True, True): "<b><i>x</i></b>"}
    for family in FAMILY_NAMES:
        register_family(family)
        for bold in (False, True):
            style = paragraph_style(family, 11, bold=bold, colour="#123456")
            ours = _template_frags(style)
            for key, sample in markup.items():
                theirs = {name: value for name, value in vars(Paragraph(sample, style).frags[0]).items()
                          if name != "__tag__"}
                assert vars(ours[key]) == theirs, f"ParaFrag fields for {sample} (render/fitting.py _template_frags)"


def test_paragraph_wraps_as_card_text_copies_it():
    """CardText.wrap: Paragraph.wrap's height (lines x leading, with no automatic leading) and its
    answer for a width with no room; rl_config._FUZZ is that least width."""
    from reportlab.rl_config import _FUZZ

    style = ParagraphStyle("t", fontName="Helvetica", leading=13)
    paragraph = Paragraph("one two three four five six seven", style)
    assert paragraph.wrap(_FUZZ / 2, 1000) == (0, 0x7fffffff), "Paragraph.wrap with no room (render/cardtext.py)"
    _, height = paragraph.wrap(40, 1000)
    assert height == len(paragraph.blPara.lines) * 13, "Paragraph.wrap's height"
    from revisionprint.render.fitting import paragraph_style

    ours = paragraph_style("Open Sans", 10, bullet=True)
    assert getattr(ours, "autoLeading", "") in ("", "off") and ours.wordWrap is None, \
        "our styles wrap as Paragraph.wrap does by default (render/cardtext.py)"


def test_layout_error_is_where_the_build_looks_for_it():
    import sys

    from reportlab.platypus.doctemplate import LayoutError

    from revisionprint.build import _layout_errors

    assert "reportlab.platypus.doctemplate" in sys.modules
    assert _layout_errors() == (LayoutError,), "reportlab.platypus.doctemplate.LayoutError (build.py)"


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
    assert text._code == ["BT", "1 0 0 1 0 0 Tm"], "PDFTextObject._code (render/textwriter.py TextWriter)"
    text.setFont(face, 10)
    assert text._curSubset == -1 and text._leading == 12, "PDFTextObject._curSubset, _leading (TextWriter)"
    assert text._enforceColorSpace is None, "PDFTextObject._enforceColorSpace (TextWriter.colour)"
    from reportlab.lib.colors import HexColor

    canvas = Canvas(None)
    canvas.setFillColor(HexColor("#112233"))
    assert canvas._fillColorObj == HexColor("#112233"), "Canvas._fillColorObj (TextWriter.draw)"
    text.setFillColor(HexColor("#336699"))
    assert text._code[-1] == ".2 .4 .6 rg", "PDFTextObject.setFillColor writes 'r g b rg' (TextWriter.colour)"
    assert getFont(face)._dynamicFont, "TTFont._dynamicFont (TextWriter)"
    shown = text._formatText("Abc")
    assert shown.endswith("Tj") and text._curSubset == 0, "PDFTextObject._formatText (TextWriter)"
