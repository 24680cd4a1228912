"""How to print a run of cards: the advice at the end of a build, and the note on each sheet.

Both follow the duplex mode and the sides printed, and say what the sheet
itself cannot: no room for the legend or the scale bar, paper that does not
match the layout, cards that reach where printers cannot print.
"""

from __future__ import annotations


from ...model import CutGuides, Duplex, Sides
from . import marks
from ..summary import counted
from .sheets import CardSheets
from ...units import MM


# The print dialog's own words, for the duplex modes a printer does itself.
DOUBLE_SIDED = {
    Duplex.LONG_EDGE: "double-sided, flip on long edge",
    Duplex.SHORT_EDGE: "double-sided, flip on short edge",
}


def printing_advice(plan: CardSheets, legend_shown: bool) -> str:
    stock, duplex = plan.stock, plan.cards.duplex
    paper = f"{stock.paper_name} {stock.orientation}" + (" card stock" if stock.perforated else " paper")
    how = {
        **DOUBLE_SIDED,
        Duplex.FOLD: _fold_how(stock),
        Duplex.NONE: "the FRONTS pages first; then turn the printed stack over on its long edge, put it back "
                     "in the tray in the same order, and print the BACKS pages",
    }[duplex]
    sides = plan.printing.sides
    if sides == Sides.FRONT:
        how = ("single-sided (fronts only: for the backs, run the same command with --sides back instead, "
               "so they come in the same order, and print them on the other side)")
    elif sides == Sides.BACK:
        how = (f"on the other side of the fronts you printed: turn those sheets over on their "
               f"{_manual_flip_edge(duplex)} edge and put them back in the tray in the same order")
    advice = f"{paper}, {how}, at 100% / actual size (not 'fit to page')"
    if stock.paper_name != plan.layout.paper_name:
        advice += (f"; note that {stock.name} is {stock.paper_name} paper, though the layout "
                   f"'{plan.layout.name}' is for {plan.layout.paper_name}")
    if plan.legend_colours and not legend_shown and sides != Sides.BACK:
        colours = ", ".join(f"{tag} {marks.colour_name(colour)}" for tag, colour in plan.legend_colours.items())
        advice += f"; no room on the sheet for the tag legend: {colours}"
    if not plan.has_scale_bar:
        advice += (f"; there is no room beside the cards for the 100 mm scale bar, so check with a ruler "
                   f"that a card measures {stock.card_width / MM:.1f} x {stock.card_height / MM:.1f} mm")
    blank = stock.cards_per_sheet - 2 * len(plan.placements)
    if duplex == Duplex.FOLD and blank > 0:
        advice += (f"; folded, a sheet of {stock.name} holds only {counted(len(plan.placements), 'card')} "
                   f"(of its {stock.cards_per_sheet} spaces, {blank} {'stays' if blank == 1 else 'stay'} blank): "
                   "a duplex printer (--duplex long-edge) or --duplex none fills every space")
    edge = _closest_card_to_paper_edge(plan)
    if edge < marks.UNPRINTABLE - plan.cards.safe_margin:  # text keeps the safe margin inside the card edge
        advice += ("; the cards reach the last 5 mm of the paper, which most printers leave blank: "
                   "print borderless if your printer can")
    elif plan.cards.cut_guides == CutGuides.LINES and edge < marks.UNPRINTABLE:
        advice += (f"; the outermost cut lines are {edge / MM:.1f} mm from the paper's edge, where many printers "
                   f"cannot print: where one is missing, cut {edge / MM:.1f} mm in from the edge")
    return advice


def _fold_how(stock) -> str:
    if stock.perforated:
        # Card stock folded double will not tear along its perforations, nor lie flat.
        return ("single-sided, then tear the cards out and glue each front card to the back card "
                "facing it across the dotted line (folded card stock will not tear apart cleanly)")
    return "single-sided, then fold each sheet along the dotted line before cutting"


def _closest_card_to_paper_edge(plan: CardSheets) -> float:
    stock = plan.stock
    return min(min(slot.x, slot.y, stock.page_width - slot.right, stock.page_height - slot.top)
               for slot in (p.front for p in plan.placements))


def _manual_flip_edge(duplex: str) -> str:
    return "short" if duplex == Duplex.SHORT_EDGE else "long"


def side_note(plan: CardSheets, side: str, number: int, total: int) -> str:
    how = {
        **{duplex: f"print {words}" for duplex, words in DOUBLE_SIDED.items()},
        Duplex.FOLD: ("print single-sided, tear out the cards, glue each front to the back facing it"
                      if plan.stock.perforated else "print single-sided, fold on the dotted line, then cut"),
        Duplex.NONE: "print all FRONTS pages, turn the stack over on its long edge, then print the BACKS",
    }[plan.cards.duplex]
    if plan.printing.sides == Sides.FRONT:
        how = "print single-sided (fronts only)"
    elif plan.printing.sides == Sides.BACK:
        how = (f"print on the back of the FRONTS sheets, turned over on their "
               f"{_manual_flip_edge(plan.cards.duplex)} edge")
    check = " (the scale bar measures 100 mm)" if side != "backs" and plan.has_scale_bar else ""
    return f"Sheet {number} of {total}, {side}: {how}, at 100% / actual size{check}"
