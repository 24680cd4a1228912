"""Paragraph styles and shrink-to-fit: the largest size that fits, found by measuring."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.platypus import Flowable, Paragraph

from ..model import SizeRange
from .markup import to_markup

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
        return [Paragraph(to_markup(text), style, bulletText=bullet) for text in self.texts]


@dataclass
class Fitted:
    flowables: list[Flowable]
    size: float
    height: float
    fits: bool


def measure(flowables: list[Flowable], width: float) -> tuple[float, bool]:
    """Total height at this width, and whether every word fits across it."""
    height = 0.0
    too_wide = False
    for index, flowable in enumerate(flowables):
        _, used = flowable.wrap(width, 1e6)
        height += used + (flowable.getSpaceAfter() if index < len(flowables) - 1 else 0)
        if flowable.minWidth() > width + 0.01:
            too_wide = True
    return height, not too_wide


def fit_block(block: TextBlock, family: str, colour: str, width: float, height: float,
              sizes: SizeRange) -> Fitted:
    """The largest size from sizes.largest down to sizes.smallest at which the block fits."""
    candidates = _sizes(sizes)
    low, high = 0, len(candidates) - 1
    best = None
    # Sizes run largest first; find the first that fits by bisection (fit is monotonic in size).
    while low <= high:
        middle = (low + high) // 2
        flowables = block.flowables(family, candidates[middle], colour)
        used, across = measure(flowables, width)
        if used <= height + 0.01 and across:
            best = Fitted(flowables, candidates[middle], used, True)
            high = middle - 1
        else:
            low = middle + 1
    if best is not None:
        return best
    flowables = block.flowables(family, sizes.smallest, colour)
    used, _ = measure(flowables, width)
    return Fitted(flowables, sizes.smallest, used, False)


def _sizes(sizes: SizeRange) -> list[float]:
    values = []
    size = sizes.largest
    while size > sizes.smallest + 1e-6:
        values.append(size)
        size -= SIZE_STEP
    values.append(sizes.smallest)
    return values
