"""TextWriter: everything written on a card face in one PDF text object, and the
lines of a wrapped card text written into it where Paragraph.drawOn would draw them.

Paragraph's drawing costs a text object and a saved graphics state for every
paragraph, and a text object of its own for each bullet: several times what
a card's few lines need. tests/test_fitting.py compares both ways, character
by character.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional, Sequence

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from .fonts import font_runs
from .lines import extra_space

# Paragraph.drawOn puts a bullet's text here, and pushes the first line right if
# the bullet would reach it (reportlab.platypus.paragraph._drawBullet).
_BULLET_GAP = 0.6


class TextWriter:
    """One PDF text object for everything written on a card face.

    ReportLab's text object selects the font again on every setFont, even the
    same one; a face writes a dozen lines and runs in one or two fonts, so the
    font and colour are set only when they change. Strings in an embedded
    TrueType font (every font we print with) are written as the text object's
    own textLine and textOut write them, without its bookkeeping of where each
    line ends, which nothing here reads: a third of drawing a card's text.
    """

    def __init__(self, canvas: Canvas):
        self.canvas = canvas
        self._text = canvas.beginText()
        self._code = self._text._code  # the text object's operators, in order
        self._font: tuple = ()
        self._face = None  # the TrueType font in use, else None: ReportLab writes the string
        self._selection = ""  # '16 Tf 19.2 TL': the size and leading a subset is selected with
        self._colour = None

    def font(self, name: str, size: float) -> None:
        if self._font != (name, size):
            self._font = (name, size)
            self._text.setFont(name, size)
            face = getFont(name)
            self._face = face if face._dynamicFont else None
            self._selection = f"{fp_str(size)} Tf {fp_str(self._text._leading)} TL"

    def colour(self, colour) -> None:
        if colour != self._colour:
            self._colour = colour
            operator = _rgb_fill(colour) if not self._text._enforceColorSpace else None
            if operator is None:
                self._text.setFillColor(colour)
            else:
                self._code.append(operator)

    def write(self, x: float, baseline: float, string: str) -> None:
        self._start_line(x, baseline)
        self._code.append(f"{self._shown(string)} T*")

    def write_runs(self, x: float, baseline: float, runs) -> None:
        """Paragraph fragments (text with fontName, fontSize and rise) side by side."""
        self._start_line(x, baseline)
        raised = False
        for run in runs:
            self.font(run.fontName, run.fontSize)
            if run.rise or raised:  # a sub- or superscript, or the text after one
                self._text.setRise(run.rise)
                raised = bool(run.rise)
            self._code.append(self._shown(run.text))
        if raised:
            self._text.setRise(0)

    def write_string(self, x: float, baseline: float, text: str, face: str, size: float,
                     align: str = "left") -> None:
        """One line in `face` and its fallback fonts, as fonts.draw_string draws it on a canvas."""
        runs = font_runs(text, face)
        if align != "left":
            width = sum(stringWidth(piece, name, size) for piece, name in runs)
            x -= width if align == "right" else width / 2
        self._start_line(x, baseline)
        for piece, name in runs:
            self.font(name, size)
            self._code.append(self._shown(piece))

    def _start_line(self, x: float, baseline: float) -> None:
        """PDFTextObject.setTextOrigin's operator, without its record of the cursor."""
        self._code.append(f"1 0 0 1 {fp_str(x, baseline)} Tm")

    def _shown(self, string: str) -> str:
        """The operators that show `string` in the current font: PDFTextObject._formatText's."""
        face, text = self._face, self._text
        if face is None:
            return text._formatText(string)
        doc = self.canvas._doc
        shown = []
        for subset, encoded in face.splitString(string, doc):
            if subset != text._curSubset:
                shown.append(f"{face.getSubsetInternalName(subset, doc)} {self._selection}")
                text._curSubset = subset
            shown.append(f"({escapePDF(encoded)}) Tj")
        return " ".join(shown)

    def draw(self, clip=None) -> None:
        """`clip`: a path nothing written may print outside (a card's rounded outline)."""
        if clip is not None:
            self.canvas.saveState()
            self.canvas.clipPath(clip, stroke=0, fill=0)
            self.canvas.drawText(self._text)
            self.canvas.restoreState()
            return
        # Not saved and restored around every card face (a copy of the canvas's whole state each
        # time): the colour the text leaves set becomes the canvas's own, as after its
        # setFillColor, so whatever is drawn next knows it; the fonts a text object selects are
        # selected again by the next one.
        self.canvas.drawText(self._text)
        if self._colour is not None:
            self.canvas._fillColorObj = self._colour


def write_lines(writer: TextWriter, style, bullet: str | None, para, x: float, top: float) -> None:
    """Writes the bullet and wrapped lines (`para`: a blPara) where Paragraph.drawOn(canvas, x,
    top - height) would draw them."""
    lines = para.lines
    centred = style.alignment == TA_CENTER
    baseline = top - (para.fontSize if para.kind == 0 else lines[0].fontSize)
    writer.colour(style.textColor)
    offset = 0.0
    if bullet:
        writer.font(style.bulletFontName, style.bulletFontSize)
        writer.write(x + style.bulletIndent, baseline, bullet)
        bullet_end = style.bulletIndent + stringWidth(bullet, style.bulletFontName, style.bulletFontSize)
        offset = max(0.0, bullet_end + style.bulletFontSize * _BULLET_GAP - style.leftIndent)
    left = x + style.leftIndent
    for line in lines:
        start = left + offset + (extra_space(line) / 2 if centred else 0.0)
        if para.kind == 0:
            writer.font(para.fontName, para.fontSize)
            writer.write(start, baseline, " ".join(line[1]))
        else:
            writer.write_runs(start, baseline, line.words)
        baseline -= style.leading
        offset = 0.0


def write_stacked(writer: TextWriter, flowables: Sequence, heights: Sequence[float], x: float,
                  top: float) -> None:
    """Texts already wrapped, one under another from `top` as a Frame stacks them.

    Whatever is `writable` (a CardText, or a CardParagraph wrapped the quick way) writes into
    `writer`, so a card face costs one text object, not one for each paragraph and bullet;
    anything else draws itself on the canvas.
    """
    for flowable, height in zip(flowables, heights):
        if getattr(flowable, "writable", False):
            flowable.write_lines(writer, x, top)
        else:
            flowable.drawOn(writer.canvas, x, top - height)
        top -= height + flowable.getSpaceAfter()


def _rgb_fill(colour) -> Optional[str]:
    """The operator PDFTextObject.setFillColor writes for an opaque RGB colour (a few colours,
    set several times on every card), made once; None for any other kind of colour."""
    if type(colour) is not Color or getattr(colour, "alpha", 1) not in (None, 1):
        return None
    return _rgb_operator(colour.red, colour.green, colour.blue)


@lru_cache(maxsize=256)
def _rgb_operator(red: float, green: float, blue: float) -> str:
    return f"{fp_str((red, green, blue))} rg"
