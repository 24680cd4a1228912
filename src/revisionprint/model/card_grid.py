"""Where cards sit on a sheet, computed once as data (points, origin bottom-left).

Kept apart from drawing so positions can be tested against the makers'
published numbers, and backs against their fronts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..errors import RevisionprintError
from .layout import Duplex, Stock


@dataclass(frozen=True)
class CardSlot:
    x: float
    y: float
    width: float
    height: float
    upside_down: bool = False  # a back folded up from below is read after turning it over

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    def moved(self, dx: float, dy: float) -> "CardSlot":
        return CardSlot(self.x + dx, self.y + dy, self.width, self.height, self.upside_down)


def card_slots(stock: Stock) -> list[CardSlot]:
    """Front slots, filled row by row from the top left, as the maker's template places them."""
    slots = []
    for row in range(stock.rows):
        for column in range(stock.columns):
            x = stock.left + column * stock.pitch_x
            top_down = stock.top + row * stock.pitch_y + stock.card_height
            slots.append(CardSlot(x, stock.page_height - top_down, stock.card_width, stock.card_height))
    return slots


def mirrors_left_to_right(stock: Stock, duplex: str) -> bool:
    """Which way the back page is mirrored so each back lands behind its front.

    Turning a sheet over on its long edge mirrors a portrait page left to right,
    but a landscape page top to bottom; the short edge does the opposite.
    Printing backs by hand ('none') means turning the stack over on its long edge.
    """
    long_edge = duplex in (Duplex.LONG_EDGE, Duplex.NONE)
    portrait = stock.page_width <= stock.page_height
    return long_edge == portrait


def back_slot(front: CardSlot, stock: Stock, duplex: str, offset_x: float = 0.0, offset_y: float = 0.0) -> CardSlot:
    """The slot on the back page behind `front`, moved by the printer's measured drift."""
    if mirrors_left_to_right(stock, duplex):
        mirrored = CardSlot(stock.page_width - front.x - front.width, front.y, front.width, front.height)
    else:
        mirrored = CardSlot(front.x, stock.page_height - front.y - front.height, front.width, front.height)
    return mirrored.moved(offset_x, offset_y)


@dataclass(frozen=True)
class FoldedPair:
    front: CardSlot
    back: CardSlot


class CannotFold(RevisionprintError):
    """The stock's grid has no card facing each card across the middle of the sheet."""


def folded_pairs(stock: Stock) -> tuple[list[FoldedPair], str]:
    """For printers without duplex: each front beside its back, with a fold line between.

    Fold across the longer side of the sheet's grid, so each half holds whole cards.
    Returns the pairs and the fold direction ('vertical' or 'horizontal').
    """
    pairs, direction = _fold(stock)
    if not pairs:
        raise CannotFold(f"Printing with duplex fold needs every card on one half of the sheet to face a card on the "
                         f"other half, and the cards of {stock.name} do not; {FOLD_ADVICE}")
    return pairs, direction


# What to change when a stock cannot fold, said when the layout is read and when printing.
FOLD_ADVICE = ("the grid must be centred, with an even number of columns or rows; use duplex long-edge, "
               "short-edge or none instead, or a stock that can fold")


def can_fold(stock: Stock) -> bool:
    """Whether duplex fold can print on the stock: some card faces another across the middle."""
    return bool(_fold(stock)[0])


def _fold(stock: Stock) -> tuple[list[FoldedPair], str]:
    slots = card_slots(stock)
    for direction in ("vertical", "horizontal"):
        pairs = []
        for slot in slots:
            if direction == "vertical":
                partner = CardSlot(stock.page_width - slot.x - slot.width, slot.y, slot.width, slot.height)
                is_front_half = slot.right <= stock.page_width / 2 + 0.01
            else:
                partner = CardSlot(slot.x, stock.page_height - slot.y - slot.height, slot.width, slot.height,
                                   upside_down=True)
                is_front_half = slot.y >= stock.page_height / 2 - 0.01
            if is_front_half and any(_same_place(partner, other) for other in slots):
                pairs.append(FoldedPair(slot, partner))
        if pairs:
            return pairs, direction
    return [], ""


def _same_place(a: CardSlot, b: CardSlot, tolerance: float = 1.5) -> bool:
    return abs(a.x - b.x) < tolerance and abs(a.y - b.y) < tolerance


def cards_per_sheet(stock: Stock, duplex: str) -> int:
    """Cards a sheet holds: every slot, or, folded, the slots that face a back across the fold."""
    if duplex == Duplex.FOLD:
        return len(folded_pairs(stock)[0])
    return stock.cards_per_sheet


SHARED_CUT = 0.5  # points: cards nearer than this are cut apart with one cut


@dataclass(frozen=True)
class BandBox:
    """The tag band's coloured box on one card: (left, bottom, right, top), in page points."""

    left: float
    bottom: float
    right: float
    top: float


def band_box(slot: CardSlot, on_page: list[CardSlot], height: float, inset: float, bleed: float) -> BandBox:
    """The band across the top of `slot`: short of each edge it shares with another card (a cut
    1 mm off must not leave colour on the neighbour), and past each edge with a gutter beyond, by
    up to `bleed` and at most half the gutter (a cut 1 mm off still shows colour to the edge).
    An edge with no card beyond keeps the band to it: the margin holds the legend and the note."""

    def reach(gap: Optional[float]) -> float:
        if gap is None:
            return 0.0
        return -inset if gap < SHARED_CUT else min(bleed, gap / 2)

    def across(other: CardSlot) -> bool:
        return other.y < slot.top - SHARED_CUT and other.top > slot.y + SHARED_CUT

    def along(other: CardSlot) -> bool:
        return other.x < slot.right - SHARED_CUT and other.right > slot.x + SHARED_CUT

    others = [other for other in on_page if other != slot]
    above = min((other.y - slot.top for other in others if along(other) and other.y >= slot.top - SHARED_CUT),
                default=None)
    left = min((slot.x - other.right for other in others if across(other) and other.right <= slot.x + SHARED_CUT),
               default=None)
    right = min((other.x - slot.right for other in others if across(other) and other.x >= slot.right - SHARED_CUT),
                default=None)
    foot = slot.top - height - max(0.0, -reach(above))
    return BandBox(slot.x - reach(left), foot, slot.right + reach(right), slot.top + reach(above))
