"""CardParagraph: a Paragraph whose lines come from our quick greedy wrap (lines.py),
for ReportLab's general machinery: table cells, KeepInFrame, a back split between
cards, text shrunk below the smallest size. Card faces in the usual case are
CardTexts (cardtext.py), which never import reportlab.platypus.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.platypus import Paragraph

from .lines import BREAK_HERE, break_lines, copy_frag, lines_fit
from .textwriter import TextWriter, write_lines


class CardParagraph(Paragraph):
    """A Paragraph whose lines come from a plain greedy word wrap."""

    _general_breaking = False
    _quick_lines = False  # True once breakLines made the lines itself: write_lines may draw them

    def breakLines(self, width):
        frags = self.frags
        max_width = width[0] if isinstance(width, (list, tuple)) else width
        simple = all(hasattr(frag, "text") and not hasattr(frag, "cbDefn") for frag in frags)
        self._quick_lines = not self._general_breaking and simple and bool(frags)
        if not self._quick_lines:
            return super().breakLines(width)
        lines, self._width_max = break_lines(frags, max_width)
        return lines

    def split(self, availWidth, availHeight):
        # Splitting relies on the general breaker's bookkeeping (which breaks a long word
        # anywhere by itself, and would print our break marks).
        self._general_breaking = True
        self.frags = [copy_frag(frag, text=frag.text.replace(BREAK_HERE, ""))
                      if BREAK_HERE in getattr(frag, "text", "") else frag for frag in self.frags]
        self.wrap(availWidth, availHeight)
        return super().split(availWidth, availHeight)

    @property
    def writable(self) -> bool:
        """Whether write_lines can draw this paragraph as it is wrapped now."""
        return self._quick_lines and self.style.alignment in (TA_LEFT, TA_CENTER) and lines_fit(self)

    def write_lines(self, writer: TextWriter, x: float, top: float) -> None:
        """Writes the bullet and lines where drawOn(canvas, x, top - height) would draw them."""
        write_lines(writer, self.style, self.bulletText, self.blPara, x, top)
