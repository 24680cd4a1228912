"""CardText: a card face's paragraph, wrapped and written without reportlab.platypus.

Importing anything from reportlab.platypus runs its __init__, which loads
Paragraph, tables, frames and document templates (about 50 ms, a tenth of a
run of 1,000 cards). A card's text needs none of it: the greedy wrap is ours
(lines.py) and so is the writing (textwriter.py). Where ReportLab's general
machinery is really needed (a back split across cards, text shrunk below the
smallest size, lines that stick out of their box) as_paragraph() gives the
same text as a CardParagraph, imported only then.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.rl_config import _FUZZ

from .lines import break_lines, lines_fit
from .textwriter import TextWriter, write_lines


class CardText:
    """Text, style, bullet and fragments, with the part of Paragraph's interface the card path uses:
    wrap, blPara, height, getSpaceAfter and drawOn, and write_lines for the quick way."""

    def __init__(self, text: str, style, bulletText: str | None, frags: list):
        self.text, self.style, self.bulletText, self.frags = text, style, bulletText, frags
        self.blPara = None
        self.width = self.height = 0.0
        self._widest: float | None = None  # the widest line's width, and the room it was wrapped in
        self._room = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Paragraph.wrap's width and height, for the styles fitting.paragraph_style makes
        (no first-line indent, right indent or automatic leading)."""
        if availWidth < _FUZZ:
            return 0, 0x7fffffff  # Paragraph's answer: it cannot fit here
        if not self.frags:  # nothing to break: Paragraph's own breaker knows what an empty one is
            paragraph = self.as_paragraph()
            size = paragraph.wrap(availWidth, availHeight)
            self.width, self.height, self.blPara = paragraph.width, paragraph.height, paragraph.blPara
            self._widest = None
            return size
        style = self.style
        self.width = availWidth
        self._room = availWidth - style.leftIndent - style.firstLineIndent - style.rightIndent
        self.blPara, self._widest = break_lines(self.frags, self._room)
        self.height = len(self.blPara.lines) * style.leading
        return availWidth, self.height

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    @property
    def fits_across(self) -> bool:
        """lines_fit, known from the wrap: no line is wider than the room."""
        return lines_fit(self) if self._widest is None else self._room - self._widest >= -0.01

    @property
    def writable(self) -> bool:
        """Whether write_lines can draw this text as it is wrapped now."""
        return bool(self.frags) and self.style.alignment in (TA_LEFT, TA_CENTER) and self.fits_across

    def write_lines(self, writer: TextWriter, x: float, top: float) -> None:
        write_lines(writer, self.style, self.bulletText, self.blPara, x, top)

    def drawOn(self, canvas, x: float, y: float) -> None:
        """As Paragraph.drawOn, with the same lines: a word wider than the box sticks out."""
        paragraph = self.as_paragraph()
        paragraph.wrap(self.width, 1e6)
        paragraph.drawOn(canvas, x, y)

    def as_paragraph(self):
        """The same text as a new CardParagraph, for ReportLab's general machinery (split,
        KeepInFrame, tables), which changes the paragraph it works on."""
        from .paragraph import CardParagraph

        return CardParagraph(self.text, self.style, bulletText=self.bulletText, frags=self.frags)


def as_flowable(text):
    """A CardText as a CardParagraph; a Flowable as it is."""
    return text.as_paragraph() if isinstance(text, CardText) else text
