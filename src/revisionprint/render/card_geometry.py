"""Where cards sit on a sheet, computed once as data (points, origin bottom-left).

Kept apart from drawing so positions can be tested against published numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import FlashcardLayout


@dataclass(frozen=True)
class CardSlot:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height


def card_slots(cards: FlashcardLayout, page_width: float, page_height: float) -> list[CardSlot]:
    """Front slots, filled row by row from the top left; the grid is centred on the sheet."""
    grid_width = cards.columns * cards.card_width + (cards.columns - 1) * cards.column_gap
    grid_height = cards.rows * cards.card_height + (cards.rows - 1) * cards.row_gap
    left = (page_width - grid_width) / 2
    top = (page_height + grid_height) / 2
    slots = []
    for row in range(cards.rows):
        for column in range(cards.columns):
            x = left + column * (cards.card_width + cards.column_gap)
            y = top - (row + 1) * cards.card_height - row * cards.row_gap
            slots.append(CardSlot(x, y, cards.card_width, cards.card_height))
    return slots


def back_slot(front: CardSlot, page_width: float) -> CardSlot:
    """Printed double-sided and flipped on the long edge, the back page is mirrored left to right."""
    return CardSlot(page_width - front.x - front.width, front.y, front.width, front.height)
