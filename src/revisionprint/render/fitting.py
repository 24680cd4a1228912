"""Paragraph styles and shrink-to-fit: the largest size that fits, found by measuring."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines

from ..model import SizeRange
from .markup import styled_runs

LEADING = 1.22  # leading as a multiple of the size: 1.2-1.35 reads well in print
SIZE_STEP = 0.5  # sizes are tried in half points: finer steps are invisible on paper


@lru_cache(maxsize=4096)
def paragraph_style(family: str, size: float, align: str = "left", bold: bool = False,
                    colour: str = "#000000", bullet: bool = False, space_after: float = 0.0):
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        name=f"{family}-{size}-{align}-{bold}-{bullet}",
        fontName=f"{family.replace(' ', '')}{'-Bold' if bold else ''}",
        fontSize=size,
        leading=size * LEADING,
        alignment=TA_CENTER if align == "centre" else TA_LEFT,
        textColor=HexColor(colour),
        leftIndent=size * 1.1 if bullet else 0,
        bulletIndent=0,
        bulletFontName=family.replace(" ", ""),
        bulletFontSize=size,
        spaceAfter=space_after,
    )


class CardParagraph(Paragraph):
    """A Paragraph whose lines are broken by a plain greedy word wrap.

    Paragraph's general line breaker (hyphenation, bidi, shaping, images) is
    several times slower, and a deck of cards is thousands of short paragraphs
    whose text is only words in up to four styles. The wrap is the same greedy
    one; ReportLab still draws the lines. Splitting a paragraph between cards
    goes the general way, since it relies on that breaker's bookkeeping.
    """

    _general_breaking = False

    def breakLines(self, width):
        frags = self.frags
        max_width = width[0] if isinstance(width, (list, tuple)) else width
        simple = all(hasattr(frag, "text") and not hasattr(frag, "cbDefn") for frag in frags)
        if self._general_breaking or not simple or not frags:
            return super().breakLines(width)
        if len(frags) == 1:
            return self._break_plain(frags[0], max_width)
        return self._break_runs(frags, max_width)

    def split(self, availWidth, availHeight):
        self._general_breaking = True
        self.wrap(availWidth, availHeight)
        return super().split(availWidth, availHeight)

    def _break_plain(self, frag, max_width: float):
        font, size = frag.fontName, frag.fontSize
        ascent, descent = getAscentDescent(font, size)
        lines = []
        self._width_max = 0
        for line in simpleSplit(" ".join(frag.text.split()), font, size, max_width):
            used = stringWidth(line, font, size)
            self._width_max = max(self._width_max, used)
            lines.append((max_width - used, line.split(" ")))
        return frag.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)

    def _break_runs(self, frags, max_width: float):
        """Words made of pieces in different styles ('**Mao**'s'), wrapped greedily, as FragLines."""
        words = _styled_words(frags)
        lines = []
        self._width_max = 0
        line: list = []
        used = 0.0
        for pieces, width, space in words:
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
        width = sum(stringWidth(text, frag.fontName, frag.fontSize) for frag, text in pieces)
        last = pieces[-1][0]
        measured.append((pieces, width, stringWidth(" ", last.fontName, last.fontSize)))
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


@lru_cache(maxsize=1024)
def _template_frags(style) -> dict:
    """ReportLab's own fragments for plain, bold, italic and bold italic text in this style."""
    markup = {(False, False): "x", (True, False): "<b>x</b>", (False, True): "<i>x</i>", (True, True): "<b><i>x</i></b>"}
    return {key: Paragraph(sample, style).frags[0] for key, sample in markup.items()}


def text_frags(text: str, style) -> list:
    """Paragraph fragments built from our runs directly: the text never passes through
    ReportLab's markup parser, so it stays data (and building a card is several times faster)."""
    templates = _template_frags(style)
    return [templates[(bold, italic)].clone(text=run) for run, bold, italic in styled_runs(text)]


@dataclass(frozen=True)
class TextBlock:
    """Texts printed one under another: a single paragraph, or bullets."""

    texts: Sequence[str]
    bullets: bool
    align: str = "left"
    bold: bool = False

    def flowables(self, family: str, size: float, colour: str) -> list[Flowable]:
        style = paragraph_style(family, size, self.align, self.bold, colour, self.bullets,
                                space_after=size * 0.25 if self.bullets else 0.0)
        bullet = "\u2022" if self.bullets else None
        return [CardParagraph(text, style, bulletText=bullet, frags=text_frags(text, style)) for text in self.texts]


@dataclass
class Fitted:
    """Flowables already wrapped at the fitting width, ready to draw."""

    flowables: list[Flowable]
    heights: list[float]
    size: float
    fits: bool
    words_fit: bool = True  # False: some word is wider than the box on its own

    @property
    def height(self) -> float:
        gaps = sum(flowable.getSpaceAfter() for flowable in self.flowables[:-1])
        return sum(self.heights) + gaps


def measure(flowables: list[Flowable], width: float) -> tuple[list[float], bool]:
    """Each flowable's height at this width, and whether every line fits across it."""
    heights = []
    across = True
    for flowable in flowables:
        heights.append(flowable.wrap(width, 1e6)[1])
        across = across and _no_line_overflows(flowable)
    return heights, across


def _no_line_overflows(paragraph: Paragraph) -> bool:
    # A word wider than the box is put on a line of its own and sticks out:
    # breakLines records that as negative spare space on the line.
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return all(extra >= -0.01 for extra, _ in lines)
    return all(line.extraSpace >= -0.01 for line in lines)


def fit_block(block: TextBlock, family: str, colour: str, width: float, height: float,
              sizes: SizeRange) -> Fitted:
    """The largest size from sizes.largest down to sizes.smallest at which the block fits."""
    candidates = _sizes(sizes)

    def attempt(size: float) -> Fitted:
        flowables = block.flowables(family, size, colour)
        heights, across = measure(flowables, width)
        fitted = Fitted(flowables, heights, size, across, words_fit=across)
        fitted.fits = across and fitted.height <= height + 0.01
        return fitted

    # Most texts fit at the largest size: try it before bisecting (fit is monotonic in size).
    best = attempt(candidates[0])
    if best.fits:
        return best
    low, high = 1, len(candidates) - 1
    best = None
    while low <= high:
        middle = (low + high) // 2
        fitted = attempt(candidates[middle])
        if fitted.fits:
            best, high = fitted, middle - 1
        else:
            low = middle + 1
    return best if best is not None else attempt(sizes.smallest)


def _sizes(sizes: SizeRange) -> list[float]:
    values = []
    size = sizes.largest
    while size > sizes.smallest + 1e-6:
        values.append(size)
        size -= SIZE_STEP
    values.append(sizes.smallest)
    return values


def split_into_boxes(fitted: Fitted, width: float, height: float) -> list[Fitted]:
    """Text too long for one box, carried on across as many boxes as it needs.

    Paragraphs split between lines, never through one (ReportLab's own split).
    """
    boxes: list[Fitted] = []
    current: list[Flowable] = []
    heights: list[float] = []
    room = height
    pending = list(fitted.flowables)
    while pending:
        flowable = pending.pop(0)
        _, used = flowable.wrap(width, 1e6)
        gap = flowable.getSpaceAfter() if current else 0.0
        if used + gap <= room + 0.01:
            current.append(flowable)
            heights.append(used)
            room -= used + gap
            continue
        parts = flowable.split(width, room - gap) if room - gap > 0 else []
        if len(parts) >= 2:
            _, first_height = parts[0].wrap(width, 1e6)
            current.append(parts[0])
            heights.append(first_height)
            pending = parts[1:] + pending
        elif not current:
            # A single line taller than the box: nothing smaller to split into.
            current.append(flowable)
            heights.append(used)
        else:
            pending.insert(0, flowable)
        boxes.append(Fitted(current, heights, fitted.size, True))
        current, heights, room = [], [], height
    if current:
        boxes.append(Fitted(current, heights, fitted.size, True))
    return boxes
