"""Each product's options checked against the layout and topic they will print with.

Every rule that ties a command-line choice to a layout lives here once, so the CLI
only parses and the renderers can trust what they are given. A broken rule is a
UsageProblem naming the option (exit 2).
"""

from __future__ import annotations

from typing import Optional

from .cardsets import UnknownTag, select_by_tags
from .errors import UsageProblem
from .model import (BLANKABLE_COLUMNS, CardPrinting, cards_per_sheet, Duplex, FactorTableOptions, Layout, Sides, TimelineMode,
                    TimelineOptions, Topic)
from .yamlfile import did_you_mean


def check_card_printing(options: CardPrinting, layout: Layout, topic: Optional[Topic]) -> None:
    cards = layout.flashcards
    folded = cards.duplex == Duplex.FOLD
    if folded and options.sides != Sides.BOTH:
        raise UsageProblem("--sides", "duplex fold prints each front beside its back on one page, so it prints "
                                      "both sides; use --duplex long-edge, short-edge or none to print one side")
    per_sheet = cards_per_sheet(cards.stock, cards.duplex)  # the layout has checked that a folded stock can fold
    if options.start_position > per_sheet:
        how = " when folded (each front beside its back)" if folded else ""
        raise UsageProblem("--start-position", f"{cards.stock.name} holds {per_sheet} cards a sheet{how}")
    if topic is not None:
        try:
            select_by_tags(topic.flashcards, options.tags)
        except UnknownTag as error:
            raise UsageProblem("--tags", str(error)) from None


def check_nothing(options: object, layout: Layout, topic: Optional[Topic]) -> None:
    """Products whose options cannot disagree with a layout."""


def check_calibration(options: object, layout: Layout, topic: Optional[Topic]) -> None:
    if layout.flashcards.duplex == Duplex.FOLD:
        raise UsageProblem("--duplex", "the layout prints with duplex fold, both sides on one page, which needs no "
                                       "calibration; give --duplex long-edge, short-edge or none for the way your "
                                       "printer prints the backs")


def check_timeline(options: TimelineOptions, layout: Layout, topic: Optional[Topic]) -> None:
    if options.mode not in TimelineMode.ALL:
        raise UsageProblem("--mode", f"there is no timeline mode '{options.mode}'; choose from "
                                     f"{', '.join(TimelineMode.ALL)}")
    settings = layout.timeline
    short, long = sorted((layout.page_width, layout.page_height))
    page_width = long if settings.orientation == "landscape" else short
    width = page_width - layout.margins.left - layout.margins.right
    if settings.number_width + settings.writing_line_length > width:
        raise UsageProblem("--layout", f"the layout's timeline.writing_line_length "
                                       f"({settings.writing_line_length / 72 * 25.4:.0f}mm) and number_width do not fit "
                                       "across the page inside its margins; make them shorter")


def check_factor_table(options: FactorTableOptions, layout: Layout, topic: Optional[Topic]) -> None:
    """Blank columns are named as the layout's `factors.columns` name them; the factor names always print."""
    for name in options.blank_columns:
        if name == "factor":
            raise UsageProblem("--blank-columns", "the factor names always print, so 'factor' cannot be blank; "
                                                  f"choose from {', '.join(BLANKABLE_COLUMNS)}")
        if name not in BLANKABLE_COLUMNS:
            suggestion = did_you_mean(name, BLANKABLE_COLUMNS)
            raise UsageProblem("--blank-columns", f"there is no column '{name}'{suggestion}; "
                                                  f"choose from {', '.join(BLANKABLE_COLUMNS)}")
    if options.blank_columns == BLANKABLE_COLUMNS:
        return  # --blank: whichever columns the layout shows
    shown = layout.factors.columns
    missing = [name for name in options.blank_columns if name not in shown]
    if missing:
        raise UsageProblem("--blank-columns", f"the layout's table has no '{missing[0]}' column (it has "
                                              f"{', '.join(shown)}); blank one of those, or add '{missing[0]}' "
                                              "to factors.columns in your layout")
