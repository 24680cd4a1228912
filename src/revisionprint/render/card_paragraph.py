"""CardParagraph: a Paragraph for the short texts of cards and table cells, broken
into lines and drawn the quick way.

A deck is thousands of short paragraphs whose text is words in up to four
styles. Paragraph's general line breaker (hyphenation, bidi, shaping, images)
and its drawing (a text object and saved graphics state for every paragraph,
each bullet in a text object of its own) cost several times what such text
needs. The wrap here is the same greedy one, and the lines are placed exactly
where Paragraph.drawOn puts them; tests/test_fitting.py compares both ways.
Anything else (a paragraph split between cards, say) goes ReportLab's way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines

# Paragraph.drawOn puts a bullet's text here, and pushes the first line right if
# the bullet would reach it (reportlab.platypus.paragraph._drawBullet).
_BULLET_GAP = 0.6


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
        if len(frags) == 1:
            return self._break_plain(frags[0], max_width)
        return self._break_runs(frags, max_width)

    def split(self, availWidth, availHeight):
        # Splitting relies on the general breaker's bookkeeping.
        self._general_breaking = True
        self.wrap(availWidth, availHeight)
        return super().split(availWidth, availHeight)

    def _break_plain(self, frag, max_width: float):
        font, size = frag.fontName, frag.fontSize
        width_of = word_widths(font, size)
        space = width_of[" "]
        lines = []
        words: list[str] = []
        used = longest = 0.0
        for word in frag.text.split():
            width = width_of[word]
            if words and used + space + width > max_width:
                lines.append((max_width - used, words))
                longest = max(longest, used)
                words, used = [], 0.0
            used = used + space + width if words else width
            words.append(word)
        if words:
            lines.append((max_width - used, words))
            longest = max(longest, used)
        self._width_max = longest
        ascent, descent = getAscentDescent(font, size)
        return frag.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)

    def _break_runs(self, frags, max_width: float):
        """Words made of pieces in different styles ('**Mao**'s'), wrapped greedily, as FragLines."""
        lines = []
        self._width_max = 0
        line: list = []
        used = 0.0
        for pieces, width, space in _styled_words(frags):
            if line and used + line[-1][2] + width > max_width:
                lines.append(_frag_line(line, used, max_width))
                self._width_max = max(self._width_max, used)
                line, used = [], 0.0
            used += (line[-1][2] if line else 0.0) + width
            line.append((pieces, width, space))
        if line:
            lines.append(_frag_line(line, used, max_width))
            self._width_max = max(self._width_max, used)
        return ParaLines(kind=1, lines=lines)

    @property
    def writable(self) -> bool:
        """Whether write_lines can draw this paragraph as it is wrapped now."""
        return self._quick_lines and self.style.alignment in (TA_LEFT, TA_CENTER) and all(
            _extra_space(line) >= -0.01 for line in self.blPara.lines)

    def write_lines(self, text: PDFTextObject, x: float, top: float) -> None:
        """Writes the bullet and lines into `text`, where drawOn(canvas, x, top - height) draws them."""
        style, para = self.style, self.blPara
        lines = para.lines
        centred = style.alignment == TA_CENTER
        baseline = top - (para.fontSize if para.kind == 0 else lines[0].fontSize)
        text.setFillColor(style.textColor)
        offset = 0.0
        if self.bulletText:
            text.setFont(style.bulletFontName, style.bulletFontSize)
            text.setTextOrigin(x + style.bulletIndent, baseline)
            text.textOut(self.bulletText)
            bullet_end = style.bulletIndent + stringWidth(self.bulletText, style.bulletFontName,
                                                          style.bulletFontSize)
            offset = max(0.0, bullet_end + style.bulletFontSize * _BULLET_GAP - style.leftIndent)
        left = x + style.leftIndent
        if para.kind == 0:
            text.setFont(para.fontName, para.fontSize, style.leading)
        for line in lines:
            extra = _extra_space(line)
            text.setTextOrigin(left + offset + (extra / 2 if centred else 0.0), baseline)
            if para.kind == 0:
                text.textLine(" ".join(line[1]))
            else:
                for frag in line.words:
                    text.setFont(frag.fontName, frag.fontSize, style.leading)
                    text.textOut(frag.text)
            baseline -= style.leading
            offset = 0.0


def draw_stacked(canvas: Canvas, flowables: Sequence[Flowable], heights: Sequence[float], x: float,
                 top: float) -> None:
    """Flowables already wrapped, one under another from `top` as a Frame stacks them.

    The text of every CardParagraph goes into one text object: a card face costs
    one, not one per paragraph and bullet.
    """
    text = canvas.beginText()
    for flowable, height in zip(flowables, heights):
        if isinstance(flowable, CardParagraph) and flowable.writable:
            flowable.write_lines(text, x, top)
        else:
            flowable.drawOn(canvas, x, top - height)
        top -= height + flowable.getSpaceAfter()
    canvas.saveState()  # the text's colour must not leak into what is drawn next
    canvas.drawText(text)
    canvas.restoreState()


def _extra_space(line) -> float:
    return line[0] if isinstance(line, tuple) else line.extraSpace


class _WordWidths(dict):
    """Widths of words in one font at one size, each measured once."""

    def __init__(self, font: str, size: float):
        super().__init__()
        self.font, self.size = font, size

    def __missing__(self, word: str) -> float:
        width = self[word] = stringWidth(word, self.font, self.size)
        return width


@lru_cache(maxsize=64)
def word_widths(font: str, size: float) -> _WordWidths:
    # Text repeats its words ('the', 'of', names): a deck measures most of them once.
    return _WordWidths(font, size)


def _styled_words(frags) -> list:
    """(pieces, width, width of the space after) for each word; a word may span styles."""
    words = []
    pieces: list = []
    for frag in frags:
        for part in _SPACES.split(frag.text):
            if not part:
                continue
            if part.isspace():
                if pieces:
                    words.append(pieces)
                    pieces = []
            else:
                pieces.append((frag, part))
    if pieces:
        words.append(pieces)
    measured = []
    for pieces in words:
        width = sum(word_widths(frag.fontName, frag.fontSize)[text] for frag, text in pieces)
        last = pieces[-1][0]
        measured.append((pieces, width, word_widths(last.fontName, last.fontSize)[" "]))
    return measured


def _frag_line(line: list, used: float, max_width: float) -> FragLine:
    """One line as ReportLab's drawing code expects: runs of one style, spaces kept in the text."""
    merged: list = []
    for index, (pieces, _, _) in enumerate(line):
        for position, (frag, text) in enumerate(pieces):
            if index and position == 0:
                merged[-1].text += " "
            if merged and merged[-1].fontName == frag.fontName and merged[-1].fontSize == frag.fontSize:
                merged[-1].text += text
            else:
                merged.append(frag.clone(text=text))
    sizes = [(getAscentDescent(frag.fontName, frag.fontSize), frag.fontSize) for frag in merged]
    return FragLine(extraSpace=max_width - used, wordCount=len(line), lineBreak=False, words=merged,
                    fontSize=max(size for _, size in sizes), ascent=max(ad[0] for ad, _ in sizes),
                    descent=min(ad[1] for ad, _ in sizes), maxWidth=max_width, sFW=0)


_SPACES = re.compile(r"(\s+)")
