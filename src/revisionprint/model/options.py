"""What one run asks of a product, beside its layout: each product's options, and what every
product's render(topic, layout, options) returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .topic import BLANKABLE_COLUMNS

class Sides:
    FRONT = "front"
    BACK = "back"
    BOTH = "both"
    ALL = (FRONT, BACK, BOTH)


class Overflow:
    FAIL = "fail"  # report the card and stop (or print shrunk with --keep-going)
    CONTINUE = "continue"  # carry the rest of the back onto an extra card marked (continued)
    ALL = (FAIL, CONTINUE)


@dataclass(frozen=True)
class PageOptions:
    """What the page furniture says that changes from copy to copy, not from layout to layout."""

    student_name: str = ""  # printed in the Name field of student sheets
    set_label: str = ""  # "Set 2 of 3", for class sets


@dataclass(frozen=True)
class CardPrinting:
    """Choices for one run of flashcards that are not the layout's (stock, duplex and cut are)."""

    sides: str = Sides.BOTH
    overflow: Optional[str] = None  # Overflow; None: the layout's flashcards.overflow
    start_position: int = 1  # first free slot on a partly used sheet of card stock
    tags: tuple[str, ...] = ()
    shuffle_seed: Optional[int] = None
    copies: int = 1
    page: PageOptions = PageOptions()


@dataclass(frozen=True)
class FactorTableOptions:
    """`blank_columns` are printed empty, with lines to write on; the factor names always print."""

    blank_columns: tuple[str, ...] = ()
    page: PageOptions = PageOptions()

    @property
    def has_blanks(self) -> bool:
        return bool(self.blank_columns)


BLANK_FACTOR_TABLE = FactorTableOptions(blank_columns=BLANKABLE_COLUMNS)


@dataclass(frozen=True)
class CardSortOptions:
    """A card sort: strips shuffled by `seed`, or (`answers`) the key to the same numbers."""

    seed: int = 0
    answers: bool = False
    page: PageOptions = PageOptions()


class TimelineMode:
    BLANK_EVENTS = "blank-events"  # dates printed, a numbered space for each event
    BLANK_DATES = "blank-dates"  # events printed, a box for each date
    MATCH = "match"  # dates printed, events in a lettered word bank in a seeded order
    CUT_OUT = "cut-out"  # dates printed, events on strips to cut out and stick beside them
    COMPLETE = "complete"  # every date and event: notes, not an exercise
    ALL = (BLANK_EVENTS, BLANK_DATES, MATCH, CUT_OUT, COMPLETE)
    SEEDED = (MATCH, CUT_OUT)  # the modes whose order --seed sets


@dataclass(frozen=True)
class TimelineOptions:
    mode: str = TimelineMode.BLANK_EVENTS
    answers: bool = False  # the answer key of the mode, with the same numbers, letters and seed
    seed: int = 0
    page: PageOptions = PageOptions()


@dataclass(frozen=True)
class CalibrationOptions:
    """The calibration sheet takes everything from the layout (its stock, duplex and offset)."""


@dataclass(frozen=True)
class RenderedPdf:
    """What every product's render(topic, layout, options) returns."""

    data: bytes
    pages: int
    contents: str  # what is in it, for the build summary: "24 cards on 6 pages"
    printing: str  # how to print it: "A4 landscape, single-sided, at 100% / actual size"
    problems: tuple[str, ...] = ()  # text that could not be printed as written, as FILE:LINE:COL messages
