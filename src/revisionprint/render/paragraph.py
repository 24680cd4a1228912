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
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines

from .fonts import font_runs

SOFT_HYPHEN = "\u00ad"  # where a word may break, with a hyphen; invisible elsewhere
# Where a line may break with no hyphen: put between Chinese and Japanese characters, which
# are written without spaces (fitting.text_frags). Never printed.
BREAK_HERE = "\u200b"


def _visible(text: str) -> str:
    if SOFT_HYPHEN in text or BREAK_HERE in text:
        return text.replace(SOFT_HYPHEN, "").replace(BREAK_HERE, "")
    return text
# Lines break at any whitespace but these, which keep '10 km' or '1914 - 1918' together.
_NO_BREAK_SPACES = "\u00a0\u2007\u202f"
_BREAKING_SPACE = re.compile(f"[^\\S{_NO_BREAK_SPACES}]+")


def breaking_words(text: str) -> list[str]:
    if "\u00a0" in text or "\u2007" in text or "\u202f" in text:  # _NO_BREAK_SPACES, spelt out for speed
        return [word for word in _BREAKING_SPACE.split(text) if word]
    return text.split()  # the usual case, several times quicker


def _breaks_at(char: str) -> bool:
    return char.isspace() and char not in _NO_BREAK_SPACES


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
        if len(frags) == 1 and SOFT_HYPHEN not in frags[0].text and BREAK_HERE not in frags[0].text \
                and not frags[0].rise:
            return self._break_plain(frags[0], max_width)
        return self._break_runs(frags, max_width)

    def split(self, availWidth, availHeight):
        # Splitting relies on the general breaker's bookkeeping (which breaks a long word
        # anywhere by itself, and would print our break marks).
        self._general_breaking = True
        self.frags = [copy_frag(frag, text=frag.text.replace(BREAK_HERE, ""))
                      if BREAK_HERE in getattr(frag, "text", "") else frag for frag in self.frags]
        self.wrap(availWidth, availHeight)
        return super().split(availWidth, availHeight)

    def _break_plain(self, frag, max_width: float):
        font, size = frag.fontName, frag.fontSize
        width_of = word_widths(font, size)
        space = width_of[" "]
        lines = []
        words: list[str] = []
        used = longest = 0.0
        for word in breaking_words(frag.text):
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
        return copy_frag(frag, kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)

    def _break_runs(self, frags, max_width: float):
        """Words made of pieces in different styles ('**Mao**'s'), wrapped greedily, as FragLines;
        a word that does not fit is broken at a soft hyphen where one lets its head fit."""
        lines = []
        runs: list = []  # the line so far: (fragment whose style a run has, the run's texts)
        count = 0  # words on the line
        used = space = longest = 0.0
        for pieces, width, space_after in _styled_words(frags):
            while pieces:
                gap = space if count else 0.0
                tail = None
                if used + gap + width > max_width:
                    broken = _hyphenated(pieces, max_width - used - gap)
                    if broken is not None:
                        pieces, width, tail, tail_width = broken
                    elif count:
                        lines.append(_frag_line(runs, count, used, max_width))
                        longest = max(longest, used)
                        runs, count, used = [], 0, 0.0
                        continue  # the word again, on a line of its own
                    # else alone on its line, and no break fits: it sticks out (and is reported)
                if count:
                    used += gap + width
                    runs[-1][1].append(" ")
                else:
                    used = width
                for frag, text in pieces:
                    if SOFT_HYPHEN in text or BREAK_HERE in text:
                        text = _visible(text)
                    if runs and (last := runs[-1][0]).fontName == frag.fontName and last.fontSize == frag.fontSize \
                            and last.rise == frag.rise:
                        runs[-1][1].append(text)
                    else:
                        runs.append((frag, [text]))
                count += 1
                if tail is None:
                    break
                lines.append(_frag_line(runs, count, used, max_width))  # ends with the hyphen
                longest = max(longest, used)
                runs, count, used = [], 0, 0.0
                pieces, width = tail, tail_width
            space = space_after
        if count:
            lines.append(_frag_line(runs, count, used, max_width))
            longest = max(longest, used)
        self._width_max = longest
        return ParaLines(kind=1, lines=lines)

    @property
    def writable(self) -> bool:
        """Whether write_lines can draw this paragraph as it is wrapped now."""
        return self._quick_lines and self.style.alignment in (TA_LEFT, TA_CENTER) and lines_fit(self)

    def write_lines(self, writer: TextWriter, x: float, top: float) -> None:
        """Writes the bullet and lines where drawOn(canvas, x, top - height) would draw them."""
        style, para = self.style, self.blPara
        lines = para.lines
        centred = style.alignment == TA_CENTER
        baseline = top - (para.fontSize if para.kind == 0 else lines[0].fontSize)
        writer.colour(style.textColor)
        offset = 0.0
        if self.bulletText:
            writer.font(style.bulletFontName, style.bulletFontSize)
            writer.write(x + style.bulletIndent, baseline, self.bulletText)
            bullet_end = style.bulletIndent + stringWidth(self.bulletText, style.bulletFontName,
                                                          style.bulletFontSize)
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
            self._text.setFillColor(colour)

    def write(self, x: float, baseline: float, string: str) -> None:
        self._code.append(f"1 0 0 1 {fp_str(x, baseline)} Tm")
        self._code.append(f"{self._shown(string)} T*")

    def write_runs(self, x: float, baseline: float, runs) -> None:
        """Paragraph fragments (text with fontName, fontSize and rise) side by side."""
        self._code.append(f"1 0 0 1 {fp_str(x, baseline)} Tm")
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
        self._code.append(f"1 0 0 1 {fp_str(x, baseline)} Tm")
        for piece, name in runs:
            self.font(name, size)
            self._code.append(self._shown(piece))

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
        self.canvas.saveState()  # the text's colours must not leak into what is drawn next
        if clip is not None:
            self.canvas.clipPath(clip, stroke=0, fill=0)
        self.canvas.drawText(self._text)
        self.canvas.restoreState()


def write_stacked(writer: TextWriter, flowables: Sequence[Flowable], heights: Sequence[float], x: float,
                  top: float) -> None:
    """Flowables already wrapped, one under another from `top` as a Frame stacks them.

    Every CardParagraph writes into `writer`, so a card face costs one text object,
    not one for each paragraph and bullet; anything else draws itself on the canvas.
    """
    for flowable, height in zip(flowables, heights):
        if isinstance(flowable, CardParagraph) and flowable.writable:
            flowable.write_lines(writer, x, top)
        else:
            flowable.drawOn(writer.canvas, x, top - height)
        top -= height + flowable.getSpaceAfter()


def extra_space(line) -> float:
    """A wrapped line's spare width, whether Paragraph made it (kind 0 or 1) or we did."""
    return line[0] if isinstance(line, tuple) else line.extraSpace


def lines_fit(paragraph: Paragraph) -> bool:
    """No line sticks out of the box. A word wider than the box is put on a line of its
    own, which breakLines records as negative spare space."""
    return all(extra_space(line) >= -0.01 for line in paragraph.blPara.lines)


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
    """(pieces, width, width of the space after) for each word; a word may span styles,
    and its width leaves out soft hyphens, which print only where a line breaks."""
    words = []
    pieces: list = []  # of the word not yet ended by a space
    width = space = 0.0
    for frag in frags:
        text = frag.text
        widths = word_widths(frag.fontName, frag.fontSize)
        parts = breaking_words(text)
        if pieces and (not parts or _breaks_at(text[0])):
            words.append((pieces, width, space))
            pieces, width = [], 0.0
        for index, part in enumerate(parts):
            if index:
                words.append((pieces, width, space))
                pieces, width = [], 0.0
            pieces.append((frag, part))
            width += widths[_visible(part) if SOFT_HYPHEN in part or BREAK_HERE in part else part]
            space = widths[" "]
        if pieces and text and _breaks_at(text[-1]):
            words.append((pieces, width, space))
            pieces, width = [], 0.0
    if pieces:
        words.append((pieces, width, space))
    return words


def _hyphenated(pieces: list, room: float):
    """The word broken at its last soft hyphen (or BREAK_HERE) whose head, with a hyphen (or
    without), fits `room`: (head pieces, head width, tail pieces, tail width), or None."""
    for index in range(len(pieces) - 1, -1, -1):
        frag, text = pieces[index]
        cut = _last_break(text, len(text))
        while cut != -1:
            head = pieces[:index] + [(frag, text[:cut] + ("-" if text[cut] == SOFT_HYPHEN else ""))]
            tail = [(frag, text[cut + 1:])] + pieces[index + 1:]
            head_width = _visible_width(head)
            if head_width <= room:
                return head, head_width, tail, _visible_width(tail)
            cut = _last_break(text, cut)
    return None


def _last_break(text: str, before: int) -> int:
    return max(text.rfind(SOFT_HYPHEN, 0, before), text.rfind(BREAK_HERE, 0, before))


def _visible_width(pieces: list) -> float:
    return sum(word_widths(frag.fontName, frag.fontSize)[_visible(text)] for frag, text in pieces)


def _frag_line(runs: list, words: int, used: float, max_width: float) -> FragLine:
    """One line as ReportLab's drawing code expects: runs of one style, spaces kept in the text."""
    merged = [copy_frag(frag, text="".join(texts)) for frag, texts in runs]
    extents = [_ascent_descent(frag.fontName, frag.fontSize) for frag in merged]
    return FragLine(extraSpace=max_width - used, wordCount=words, lineBreak=False, words=merged,
                    fontSize=max(frag.fontSize for frag in merged), ascent=max(a for a, _ in extents),
                    descent=min(d for _, d in extents), maxWidth=max_width, sFW=0)


def copy_frag(frag, **changes):
    """frag.clone(**changes) without its keyword-argument round trip, which is most of
    what a deck of short paragraphs spends on fragments."""
    copy = frag.__class__.__new__(frag.__class__)
    copy.__dict__.update(frag.__dict__)
    copy.__dict__.update(changes)
    return copy


_ascent_descent = lru_cache(maxsize=256)(getAscentDescent)
