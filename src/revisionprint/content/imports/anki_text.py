"""Anki's "Notes in Plain Text" export: `#key:value` header lines, then a note a row, its fields
split by the separator (a tab unless `#separator:` says otherwise), quoted like CSV where a field
holds the separator, a quote or a new line."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Optional

from .cards import ImportedDeck, ImportOptions, Reading, deck_title
from .html_text import FieldCards
from .pictures import CardPictures

HEADER_KEYS = ("separator", "html", "tags column", "deck column", "notetype column", "guid column",
               "deck", "notetype", "tags", "columns", "if matches")
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
_LOOKS_LIKE_HTML = re.compile(r"<(?:b|i|u|em|strong|br|div|p|span|sub|sup|img|font|li)\b[^>]*>"
                              r"|&(?:nbsp|amp|lt|gt);", re.I)


def looks_like_anki_text(text: str) -> bool:
    match = _HEADER.match(text.split("\n", 1)[0].strip())
    return bool(match) and match.group(1) in HEADER_KEYS


def read_anki_text(text: str, reading: Reading, options: ImportOptions) -> ImportedDeck:
    lines = text.split("\n")
    headers, first_row = {}, 0
    while first_row < len(lines) and lines[first_row].startswith("#"):
        match = _HEADER.match(lines[first_row].strip())
        if match and match.group(1) in HEADER_KEYS:
            headers[match.group(1)] = match.group(2).strip()
        first_row += 1
    separator = _SEPARATORS.get(headers.get("separator", "tab").lower(), headers.get("separator", "\t")[:1] or "\t")
    body = "\n".join(lines[first_row:])
    html = headers["html"].lower() == "true" if "html" in headers else bool(_LOOKS_LIKE_HTML.search(body))
    special = {name: _column_number(headers, f"{name} column", reading)
               for name in ("tags", "deck", "notetype", "guid")}
    pictures = CardPictures(reading, _beside(Path(reading.name).parent), f"beside {Path(reading.name).name}",
                            "copy them there from Anki's collection.media folder and import again, or export "
                            "the deck as an Anki package (.apkg), which holds its pictures")
    fields = FieldCards(reading, html, pictures)
    cards, decks = [], []
    rows = csv.reader(io.StringIO(body), delimiter=separator, strict=True)
    line = first_row
    try:
        for row in rows:
            start, line = line + 1, first_row + rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            named = {name: row[number - 1] for name, number in special.items() if number and number <= len(row)}
            values = [cell for index, cell in enumerate(row, start=1) if index not in special.values()]
            tags = tuple(named.get("tags", headers.get("tags", "")).split())
            deck = named.get("deck", headers.get("deck", "")).strip()
            if deck:
                decks.append(deck)
            card = fields.card(values, ((deck,) if deck else ()) + tags, start, "row")
            if card:
                cards.append(card)
    except csv.Error as error:
        reading.problem(line + 1, f"cannot be read ({error}); a field that starts with a double quote must "
                                  "end with one")
    fields.note()
    how = "Anki notes in plain text" + (", HTML" if html else "")
    return reading.finish(cards, "anki-text", how, title=deck_title(set(decks)), media=pictures.files)


def _beside(folder: Path):
    """A text export holds no pictures, but a teacher may copy them from Anki's media folder beside it."""
    def find(name: str) -> Optional[bytes]:
        try:
            return (folder / name).read_bytes()
        except OSError:
            return None
    return find


def _column_number(headers: dict[str, str], key: str, reading: Reading) -> int:
    value = headers.get(key, "")
    if not value:
        return 0
    if not value.isdigit() or int(value) < 1:
        reading.problem(1, f"its header '#{key}:{value}' should give a column number, 1 for the first")
        return 0
    return int(value)
