"""Card stocks: the built-in ones (data/stocks.yaml) and a layout's own `stocks:`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from yaml.nodes import MappingNode, Node, ScalarNode

from .. import DATA_FOLDER
from ..errors import InvalidFiles
from ..limits import LARGEST_CORNER_RADIUS_MM
from ..model import Stock
from ..units import MM
from ..yamlfile import YamlFile, read_yaml
from .options import Boolean, Choice, Integer, Length, NamedEntries, Paper, Size, Text, TextList


STOCK_SCHEMA = {
    "description": Text(),
    "also": TextList(),
    "paper": Paper(),
    "orientation": Choice("portrait", "landscape"),
    "card": Size(),
    "columns": Integer(1, 12),
    "rows": Integer(1, 20),
    "centred": Boolean(),
    "left": Length(),
    "top": Length(),
    "pitch": Size(),
    "corner_radius": Length(at_most=f"{LARGEST_CORNER_RADIUS_MM}mm"),
    "perforated": Boolean(),
}
REQUIRED = ("paper", "card", "columns", "rows")
POSITIONED = ("left", "top", "pitch")


def build_stock(name: str, tree: dict, source: YamlFile, node: Node) -> Optional[Stock]:
    """A Stock from its settings, or None after reporting what is missing, conflicts or does not fit."""
    item = f"stocks.{name}"
    if not isinstance(node, MappingNode):
        return None  # reported by read_settings
    # A key written with a wrong value is already reported as such; "needs card" would send
    # the teacher looking for a key that is there.
    written = {key.value for key, _ in node.value if isinstance(key, ScalarNode)}
    wrong = [key for key in STOCK_SCHEMA if key in written and key not in tree]
    centred = tree["centred"].value if "centred" in tree else False
    missing = [key for key in REQUIRED if key not in written]
    if not centred and "centred" not in wrong:
        missing += [key for key in POSITIONED if key not in written]
    if missing:
        source.report(node, item, f"needs {', '.join(missing)}"
                      + ("" if centred else " (or 'centred: true' for plain paper)"))
    if missing or wrong:
        return None
    placed = [key for key in POSITIONED if key in tree]
    if centred and placed:
        source.problems.append(tree["centred"].problem(
            f"centred: true places the cards in the middle of the sheet, so {_and(placed)} would be ignored; "
            f"give either centred: true or {_and(POSITIONED)}, not both"))
        return None
    value = {key: setting.value for key, setting in tree.items()}
    page_width, page_height = value["paper"]
    if "orientation" in value:
        short, long = sorted((page_width, page_height))
        page_width, page_height = (long, short) if value["orientation"] == "landscape" else (short, long)
    card_width, card_height = value["card"]
    columns, rows = value["columns"], value["rows"]
    if centred:
        pitch_x, pitch_y = card_width, card_height
        left = (page_width - columns * card_width) / 2
        top = (page_height - rows * card_height) / 2
    else:
        pitch_x, pitch_y = value["pitch"]
        left, top = value["left"], value["top"]
        # One column (row) has no next card, so its pitch across (down) does not matter.
        if (columns > 1 and pitch_x < card_width - 0.01) or (rows > 1 and pitch_y < card_height - 0.01):
            source.problems.append(tree["pitch"].problem(
                f"pitch {_mm(pitch_x)} x {_mm(pitch_y)} mm is smaller than the card "
                f"({_mm(card_width)} x {_mm(card_height)} mm), so the cards overlap; the pitch is from one "
                "card's left (top) edge to the next one's, so at least the card's size"))
            return None
    right = left + (columns - 1) * pitch_x + card_width
    bottom = top + (rows - 1) * pitch_y + card_height
    if left < 0 or top < 0 or right > page_width + 0.01 or bottom > page_height + 0.01:
        source.report(node, item,
                      f"{columns} x {rows} cards do not fit on {tree['paper'].written}"
                      f"{' ' + value['orientation'] if 'orientation' in value else ''}; "
                      "check the card size, pitch and margins")
        return None
    return Stock(
        name=name,
        description=value.get("description", ""),
        paper_name=tree["paper"].written,
        page_width=page_width,
        page_height=page_height,
        card_width=card_width,
        card_height=card_height,
        columns=columns,
        rows=rows,
        left=left,
        top=top,
        pitch_x=pitch_x,
        pitch_y=pitch_y,
        corner_radius=value.get("corner_radius", 0.0),
        perforated=value.get("perforated", False),
        aliases=value.get("also", ()),
    )


STOCK_ENTRIES = NamedEntries(STOCK_SCHEMA, build_stock)

# Text is kept a safe margin inside each card's edge; what is left must hold some text.
TEXT_ROOM = 10 * MM
# Text also stops above the card number and below a tag band (render/cards/sheets.py), about
# 10.2 mm of a card's height whatever the safe margin: below a 1 mm margin they, not the margin,
# decide, so no card may be smaller than this.
SMALLEST_CARD = 12 * MM


def text_room_problem(stock: Stock, safe_margin: float, on_command_line: bool = False) -> Optional[str]:
    """What is wrong if the stock's cards leave no room for text inside the safe margin, else None."""
    needed = max(2 * safe_margin + TEXT_ROOM, SMALLEST_CARD)
    if min(stock.card_width, stock.card_height) >= needed - 0.01:
        return None
    card = f"a card of {_mm(stock.card_width)} x {_mm(stock.card_height)} mm"
    larger = f"{'a stock with cards' if on_command_line else 'a card'} of at least {_mm(needed)} mm each way"
    if 2 * safe_margin + TEXT_ROOM < SMALLEST_CARD:
        return f"{card} leaves no room for text beside the card number and tag band; use {larger}"
    smaller = "a smaller safe_margin" + (" in the layout's 'flashcards:'" if on_command_line else "")
    return (f"{card} leaves no room for text inside a {_mm(safe_margin)} mm safe margin on each side; "
            f"use {larger}, or {smaller}")


def _mm(points: float) -> str:
    return f"{round(points / MM, 1):g}"


def _and(words) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


@lru_cache(maxsize=1)
def builtin_stocks() -> dict[str, Stock]:
    path = DATA_FOLDER / "stocks.yaml"
    source = read_yaml(str(path), "revisionprint/data/stocks.yaml")
    entries = STOCK_ENTRIES.read_entries(source, source.root, "stocks") if source.root is not None else {}
    if source.problems:
        raise InvalidFiles(source.problems)
    return {name: setting.value for name, setting in entries.items()}


def stock_names(stocks: dict[str, Stock]) -> dict[str, Stock]:
    """Every name a stock answers to, its aliases included (Avery 5376 is 5371's twin)."""
    names = {}
    for stock in stocks.values():
        names[stock.name] = stock
        for alias in stock.aliases:
            names.setdefault(alias, stock)
    return names


def find_stock(name: str, names: dict[str, Stock]) -> Optional[Stock]:
    """The stock a user means: 'Avery C32011', 'C32011' and 'avery-c32011' are one stock,
    since people type the number printed on the packet."""
    if name in names:
        return names[name]
    wanted = _stock_key(name)
    return next((stock for known, stock in names.items() if _stock_key(known) == wanted), None)


def _stock_key(name: str) -> str:
    return re.sub(r"[\s_-]+", "-", name.strip().lower()).removeprefix("avery-")
