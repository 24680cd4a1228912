"""Card stocks: the built-in ones (data/stocks.yaml) and a layout's own `stocks:`."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from yaml.nodes import Node

from ..errors import InvalidFiles
from ..model import Stock
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
    "corner_radius": Length(),
    "perforated": Boolean(),
}
REQUIRED = ("paper", "card", "columns", "rows")
POSITIONED = ("left", "top", "pitch")


def build_stock(name: str, tree: dict, source: YamlFile, node: Node) -> Optional[Stock]:
    """A Stock from its settings, or None after reporting what is missing or does not fit."""
    missing = [key for key in REQUIRED if key not in tree]
    centred = tree["centred"].value if "centred" in tree else False
    if not centred:
        missing += [key for key in POSITIONED if key not in tree]
    if missing:
        source.report(node, f"stocks.{name}", f"needs {', '.join(missing)}"
                      + ("" if centred else " (or 'centred: true' for plain paper)"))
        return None
    value = {key: setting.value for key, setting in tree.items()}
    short, long = value["paper"]
    landscape = value.get("orientation") == "landscape"
    page_width, page_height = (long, short) if landscape else (short, long)
    card_width, card_height = value["card"]
    columns, rows = value["columns"], value["rows"]
    if centred:
        pitch_x, pitch_y = card_width, card_height
        left = (page_width - columns * card_width) / 2
        top = (page_height - rows * card_height) / 2
    else:
        pitch_x, pitch_y = value["pitch"]
        left, top = value["left"], value["top"]
    right = left + (columns - 1) * pitch_x + card_width
    bottom = top + (rows - 1) * pitch_y + card_height
    if left < 0 or top < 0 or right > page_width + 0.01 or bottom > page_height + 0.01:
        source.report(node, f"stocks.{name}",
                      f"{columns} x {rows} cards do not fit on {tree['paper'].written}"
                      f"{' landscape' if landscape else ''}; check the card size, pitch and margins")
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


@lru_cache(maxsize=1)
def builtin_stocks() -> dict[str, Stock]:
    path = resources.files("revisionprint") / "data" / "stocks.yaml"
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
