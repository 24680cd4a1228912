"""Paragraph styles and shrink-to-fit: the largest size that fits, found by measuring."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence, Union

from reportlab.lib.abag import ABag
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.fonts import ps2tt, tt2ps

from ..fontfiles import LEADING
from ..model import SizeRange
from .cardtext import CardText, as_flowable
from .fonts import ASCII_FACES, font_runs, register_family
from .lines import BREAK_HERE, copy_frag, extra_space, lines_fit
from .markup import NORMAL, SUBSCRIPT, styled_runs

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

Text = Union[CardText, "Flowable"]  # a CardText, or a flowable once ReportLab's machinery took over

SIZE_STEP = 0.5  # sizes are tried in half points: finer steps are invisible on paper
# Sub- and superscripts: smaller, and lowered or raised, in proportion to the text's size
# (as a typesetter sets them; the sizes themselves are the layout's).
SCRIPT_SCALE = 0.65
SUBSCRIPT_DROP = 0.2
SUPERSCRIPT_RISE = 0.35


@lru_cache(maxsize=4096)
def paragraph_style(family, size: float, align: str = "left", bold: bool = False,
                    colour: str = "#000000", bullet: bool = False, space_after: float = 0.0):
    """`family`: a built-in family's name or the layout's FontChoice (whose leading it takes)."""
    from reportlab.lib.styles import ParagraphStyle

    faces = register_family(family)
    return ParagraphStyle(
        name=f"{family}-{size}-{align}-{bold}-{bullet}",
        fontName=faces.bold if bold else faces.regular,
        fontSize=size,
        leading=size * getattr(family, "leading", LEADING),
        alignment=TA_CENTER if align == "centre" else TA_LEFT,
        textColor=HexColor(colour),
        leftIndent=size * 1.1 if bullet else 0,
        bulletIndent=0,
        bulletFontName=faces.regular,
        bulletFontSize=size,
        spaceAfter=space_after,
    )


class Frag(ABag):
    """A run of text in one style, with the fields ReportLab's parser gives a ParaFrag (and its
    drawing reads) for text with no links, underlines or colours of its own."""


@lru_cache(maxsize=1024)
def _template_frags(style) -> dict:
    """Fragments for plain, bold, italic and bold italic text in this style, as ReportLab's
    parser makes them for 'x', '<b>x</b>', '<i>x</i>' and '<b><i>x</i></b>' (without loading
    the parser, which is in reportlab.platypus): a style's font gives its family, and the
    markup's bold or italic is added to the font's own."""
    family, font_bold, font_italic = ps2tt(style.fontName)
    templates = {}
    for bold, italic in ((False, False), (True, False), (False, True), (True, True)):
        weight, slant = 1 if bold else font_bold, 1 if italic else font_italic
        templates[(bold, italic)] = Frag(rise=0, greek=0, link=[], fontName=tt2ps(family, weight, slant),
                                         bold=weight, italic=slant, fontSize=style.fontSize,
                                         textColor=style.textColor, us_lines=[], text="x")
    return templates


def text_frags(text: str, style) -> list:
    """Paragraph fragments built from our runs directly: the text never passes through
    ReportLab's markup parser, so it stays data (and building a card is several times faster)."""
    templates = _template_frags(style)
    text = keep_dates_together(text)
    ascii_text = text.isascii()
    if not ascii_text:
        text = _cjk_breaks(text)
    if NARROW_NO_BREAK_SPACE in text:
        # Open Sans has no narrow no-break space (French « guillemets »): the plain one keeps
        # the words together just the same, where the narrow one would print as a box.
        text = text.replace(NARROW_NO_BREAK_SPACE, "\u00a0")
    frags = []
    for run, bold, italic, position in styled_runs(text):
        template = templates[(bold, italic)]
        if position != NORMAL:
            size = template.fontSize
            template = copy_frag(template, fontSize=size * SCRIPT_SCALE,
                                 rise=-size * SUBSCRIPT_DROP if position == SUBSCRIPT else size * SUPERSCRIPT_RISE)
        if ascii_text and template.fontName in ASCII_FACES:
            frags.append(copy_frag(template, text=run))  # the usual case: no font to fall back to
            continue
        for piece, face in font_runs(run, template.fontName):
            frags.append(copy_frag(template, text=piece, fontName=face))
    return frags


NARROW_NO_BREAK_SPACE = "\u202f"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# The lookahead lets the search skip every character that cannot start a day or a month (5x quicker).
_DAY_MONTH = re.compile(f"(?=[\\dJFMASOND])(?:(?<!\\w)({_DAY}) ({_MONTH}\\b\\.?)|({_MONTH}\\.?) ({_DAY})(?!\\w))")


# Chinese and Japanese are written without spaces: a line may break between any two characters,
# but not before closing punctuation (。，」) or after opening punctuation (「（).
_CJK_LETTERS = "\u3040-\u30fb\u30fd-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_OPENING = "\uff08\u300c\u300e\u3010\u3014\u3008\u300a\u3016"
_CJK_CLOSING = "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff09\u300d\u300f\u3011\u3015\u3009\u300b\u3017"


@lru_cache(maxsize=1)
def _cjk_break():
    # Compiled when a text that is not all ASCII first needs it (3 ms: every run would pay it).
    return re.compile(f"(?<=[{_CJK_LETTERS}{_CJK_CLOSING}])(?=[{_CJK_LETTERS}{_CJK_OPENING}])")


@lru_cache(maxsize=4096)
def _cjk_breaks(text: str) -> str:
    return _cjk_break().sub(BREAK_HERE, text)


@lru_cache(maxsize=4096)  # a text is tried at several sizes while it is fitted
def keep_dates_together(text: str) -> str:
    """'28 June' and 'June 28' never break between day and month: the space becomes a no-break one."""
    return _DAY_MONTH.sub(lambda match: "\u00a0".join(part for part in match.groups() if part), text)


@dataclass(frozen=True)
class TextBlock:
    """Texts printed one under another: a single paragraph, or bullets."""

    texts: Sequence[str]
    bullets: bool
    align: str = "left"
    bold: bool = False

    def card_texts(self, family: str, size: float, colour: str) -> list[CardText]:
        style = paragraph_style(family, size, self.align, self.bold, colour, self.bullets,
                                space_after=size * 0.25 if self.bullets else 0.0)
        bullet = "\u2022" if self.bullets else None
        return [CardText(text, style, bullet, text_frags(text, style)) for text in self.texts]

    def flowables(self, family: str, size: float, colour: str) -> list[Flowable]:
        """The texts as CardParagraphs, for tables and documents."""
        return [text.as_paragraph() for text in self.card_texts(family, size, colour)]


@dataclass
class Fitted:
    """Texts already wrapped at the fitting width, ready to draw."""

    flowables: list[Text]
    heights: list[float]
    size: float
    fits: bool
    words_fit: bool = True  # False: some word is wider than the box on its own

    @property
    def height(self) -> float:
        gaps = sum(flowable.getSpaceAfter() for flowable in self.flowables[:-1])
        return sum(self.heights) + gaps


def measure(flowables: list[Text], width: float) -> tuple[list[float], bool]:
    """Each flowable's height at this width, and whether every line fits across it."""
    heights = []
    across = True
    for flowable in flowables:
        heights.append(flowable.wrap(width, 1e6)[1])
        across = across and (flowable.fits_across if isinstance(flowable, CardText) else lines_fit(flowable))
    return heights, across


def fit_block(block: TextBlock, family: str, colour: str, width: float, height: float,
              sizes: SizeRange) -> Fitted:
    """The largest size from sizes.largest down to sizes.smallest at which the block fits."""
    candidates = _sizes(sizes)

    def attempt(size: float) -> Fitted:
        flowables = block.card_texts(family, size, colour)
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


@lru_cache(maxsize=64)  # a few ranges, asked for on every card face
def _sizes(sizes: SizeRange) -> tuple[float, ...]:
    values = []
    size = sizes.largest
    while size > sizes.smallest + 1e-6:
        values.append(size)
        size -= SIZE_STEP
    values.append(sizes.smallest)
    return tuple(values)


def split_into_boxes(fitted: Fitted, width: float, height: float) -> list[Fitted]:
    """Text too long for one box, carried on across as many boxes as it needs.

    Paragraphs split between lines, never through one (ReportLab's own split).
    """
    boxes: list[Fitted] = []
    current: list[Text] = []
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
        parts = []
        if room - gap > 0:
            # Split (or tried) from here on: as a CardParagraph, which breaks lines ReportLab's way.
            flowable = as_flowable(flowable)
            parts = flowable.split(width, room - gap)
        if len(parts) >= 2:
            _, first_height = parts[0].wrap(width, 1e6)
            current.append(parts[0])
            heights.append(first_height)
            pending = parts[1:] + pending
        elif not current:
            # A single line taller than the box: nothing smaller to split into. The failed split
            # may have dropped the paragraph's wrapped lines, so it is wrapped again to be drawn.
            flowable.wrap(width, 1e6)
            current.append(flowable)
            heights.append(used)
        else:
            pending.insert(0, flowable)
        boxes.append(Fitted(current, heights, fitted.size, True))
        current, heights, room = [], [], height
    if current:
        boxes.append(Fitted(current, heights, fitted.size, True))
    return boxes


@dataclass
class Shrunk:
    scale: float
    heights: list[float]  # of each flowable, wrapped at the box's width / scale
    height: float
    left: float  # where the text starts and ends across, unscaled: words that stick out of
    right: float  # a line start before 0 or end after the wrapping width


def shrink_to_box(flowables: list[Flowable], width: float, height: float) -> Shrunk:
    """The scale at which text too big for its box fits it, wrapped again at width / scale so
    it fills the box's width, as KeepInFrame's shrink does. Not KeepInFrame itself: a
    Paragraph says it is as wide as its frame even when a word sticks out, which
    KeepInFrame then never shrinks for."""

    def wrapped(scale: float) -> Shrunk:
        wide = width / scale
        heights = [flowable.wrap(wide, 1e6)[1] for flowable in flowables]
        total = sum(heights) + sum(flowable.getSpaceAfter() for flowable in flowables[:-1])
        return Shrunk(scale, heights, total, *_extent_across(flowables, wide))

    def fits(shrunk: Shrunk) -> bool:
        return shrunk.height * shrunk.scale <= height + 0.01 and (shrunk.right - shrunk.left) * shrunk.scale <= width + 0.01

    low, high = 0.02, 1.0
    for _ in range(20):  # to a scale within a millionth: far finer than the eye
        middle = (low + high) / 2
        low, high = (middle, high) if fits(wrapped(middle)) else (low, middle)
    return wrapped(low)


def _extent_across(flowables: list[Flowable], width: float) -> tuple[float, float]:
    left, right = 0.0, width
    for paragraph in flowables:
        style = paragraph.style
        room = width - style.leftIndent - style.rightIndent
        for line in paragraph.blPara.lines:
            spare = extra_space(line)
            start = style.leftIndent + (spare / 2 if style.alignment == TA_CENTER else 0.0)
            left, right = min(left, start), max(right, start + room - spare)
    return left, right
