"""Greedy line breaking for the short texts of cards and table cells.

A deck is thousands of short paragraphs whose text is words in up to four
styles. Paragraph's general line breaker (hyphenation, bidi, shaping, images)
costs several times what such text needs. The wrap here is the same greedy
one, giving lines in the shapes Paragraph's drawing code reads (kind 0: one
style; kind 1: FragLines of runs), so the card path (cardtext.py) and
CardParagraph (paragraph.py) share it, and neither needs reportlab.platypus
to break a line. tests/test_fitting.py compares the lines with ReportLab's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.abag import ABag
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth

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


class ParaLines(ABag):
    """A wrapped paragraph as Paragraph.blPara holds it: reportlab.platypus.paragraph.ParaLines'
    fields, without importing platypus (its __init__ loads tables, frames and templates too)."""


class FragLine(ABag):
    """One line of runs in different styles: the fields of reportlab.platypus.paragraph.FragLine."""


def break_lines(frags, max_width: float):
    """(lines, widest line's width) of simple fragments (text only, no images or callbacks)."""
    if len(frags) == 1 and SOFT_HYPHEN not in frags[0].text and BREAK_HERE not in frags[0].text \
            and not frags[0].rise:
        return break_plain(frags[0], max_width)
    return break_runs(frags, max_width)


def break_plain(frag, max_width: float):
    """One fragment of plain text, wrapped greedily: (ReportLab's kind 0 lines, the widest line's width)."""
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
    ascent, descent = _ascent_descent(font, size)
    return copy_frag(frag, kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size), longest



def break_runs(frags, max_width: float):
    """Words made of pieces in different styles ('**Mao**'s'), wrapped greedily, as kind 1 lines;
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
    return ParaLines(kind=1, lines=lines), longest


def extra_space(line) -> float:
    """A wrapped line's spare width, whether Paragraph made it (kind 0 or 1) or we did."""
    return line[0] if isinstance(line, tuple) else line.extraSpace


def lines_fit(paragraph) -> bool:
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
