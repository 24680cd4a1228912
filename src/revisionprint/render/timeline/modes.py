"""What each mode of the worksheet asks, and what its answer key fills in: plain data, no drawing.

Events are numbered in date order (events on one date in the order they were written), the same
in every mode and on every key. The word bank of `match` and the strips of `cut-out` come in an
order set by the seed, so the same seed gives the same sheet and key.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

from ...model import Era, TimelineEvent, TimelineMode, Topic

INSTRUCTIONS = {
    TimelineMode.BLANK_EVENTS: "Write what happened on each date in its numbered space. "
                               "The numbers show where each date lies on the timeline.",
    TimelineMode.BLANK_DATES: "Write the date of each event in its box, then mark the event's number "
                              "on the timeline.",
    TimelineMode.MATCH: "Find each date's event in the word bank and write its letter in the box "
                        "beside the date.",
    TimelineMode.CUT_OUT: "Cut out the strips at the end and stick each one in the space "
                          "beside the date it happened.",
    TimelineMode.COMPLETE: "Each event in order, numbered as on the timeline, with its details.",
}
KEY_INSTRUCTIONS = {
    TimelineMode.BLANK_EVENTS: "Answer key: the event that happened on each date, with its details.",
    TimelineMode.BLANK_DATES: "Answer key: the date of each event, with its details.",
    TimelineMode.MATCH: "Answer key: each date's letter from the word bank, and its event.",
    TimelineMode.CUT_OUT: "Answer key: the strip that belongs beside each date, with its details.",
    TimelineMode.COMPLETE: "Each event in order, numbered as on the timeline, with its details.",
}
PRODUCT_NAMES = {
    TimelineMode.BLANK_EVENTS: "Timeline worksheet",
    TimelineMode.BLANK_DATES: "Timeline worksheet (dates)",
    TimelineMode.MATCH: "Timeline worksheet (matching)",
    TimelineMode.CUT_OUT: "Timeline worksheet (cut out and stick)",
    TimelineMode.COMPLETE: "Timeline",
}
WORD_BANK_HEADING = "Word bank"
STRIPS_HEADING = "Cut out each strip and stick it beside its date"


@dataclass(frozen=True)
class NumberedEvent:
    number: int
    event: TimelineEvent
    letter: str  # in the word bank (match) or on the back of the strip order (cut-out); "" otherwise


def sorted_events(topic: Topic) -> list[TimelineEvent]:
    """In order along the axis (where their markers stand: the middle of each date, so a whole year
    comes after its March); events on the same date keep the order they were written in."""
    return sorted(topic.timeline, key=lambda event: event.date.midpoint_in_years())


def numbered(topic: Topic, seed: int) -> list[NumberedEvent]:
    """Every event with its number, and its letter in the seeded order of the word bank."""
    events = sorted_events(topic)
    order = shuffled(len(events), seed)
    letters = {index: letter_of(position) for position, index in enumerate(order)}
    return [NumberedEvent(index + 1, event, letters[index]) for index, event in enumerate(events)]


def shuffled(count: int, seed: int) -> list[int]:
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return order


def letter_of(position: int) -> str:
    """A, B ... Z, then AA, AB ...: one-to-one for any number of events."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = string.ascii_uppercase[remainder] + letters
    return letters


def reaches_before_ad(topic: Topic) -> bool:
    return any(event.date.year < 0 or (event.until and event.until.year < 0) for event in topic.timeline)


def date_label(event: TimelineEvent, era: str = Era.BC_AD, marked: bool = False) -> str:
    """'2 Mar 1969', or '2 Mar 1969 - Aug 1969' for an event that lasts."""
    if event.until is None:
        return event.date.label(era, marked)
    return f"{event.date.label(era, marked)} \u2013 {event.until.label(era, marked)}"


def range_heading(first, last, era: str, marked: bool) -> str:
    """'28 June - 4 August 1914, enlarged': the dates an enlarged row shows."""
    if first == last:
        text = first.long_label(era, marked)
    else:
        same_year = first.year == last.year and first.month is not None
        text = f"{first.long_label(era, marked, with_year=not same_year)} - {last.long_label(era, marked)}"
    return f"{text}, enlarged"
