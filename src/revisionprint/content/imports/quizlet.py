"""Quizlet's export text: term and definition split by a tab, a comma or a custom string; cards
split by a new line, a semicolon or a custom string. Quizlet writes no header and escapes nothing,
so the first term separator in a card ends its term."""

from __future__ import annotations

from typing import Optional

from .cards import ImportedDeck, ImportOptions, Reading, card_from_text, line_at

# The choices of Quizlet's export dialog, by the words our options take.
TERM_SEPARATORS = {"tab": "\t", "comma": ","}
CARD_SEPARATORS = {"newline": "\n", "semicolon": ";"}
_NAMES = {"\t": "a tab", ",": "a comma", "\n": "a new line", ";": "a semicolon"}


def separator(value: Optional[str], named: dict[str, str]) -> Optional[str]:
    """A separator from the command line: a name (tab, comma, newline, semicolon) or the text itself,
    where \\t and \\n stand for a tab and a new line."""
    if value is None:
        return None
    return named.get(value.lower(), value.replace("\\t", "\t").replace("\\n", "\n"))


def looks_like_quizlet(text: str) -> bool:
    """A tab in the first line and most others, or semicolons that split the text into cards that
    each have a term separator; a comma in every line counts only without blank lines (answers have
    commas too, and line pairs put blank lines between cards)."""
    lines = text.strip("\n").split("\n")
    with_tabs = [line for line in lines if "\t" in line]
    # A definition over several lines leaves a few lines without a tab: they are reported, by line.
    if "\t" in lines[0] and len(with_tabs) * 2 > len([line for line in lines if line.strip()]):
        return True
    if all("," in line for line in lines):
        return True
    return _card_separator(text) == ";"


def read_quizlet(text: str, reading: Reading, options: ImportOptions) -> ImportedDeck:
    card_sep = separator(options.card_sep, CARD_SEPARATORS) or _card_separator(text)
    pieces = _split(text, card_sep)
    term_sep = separator(options.term_sep, TERM_SEPARATORS) or _term_separator(pieces)
    term_name = _NAMES.get(term_sep, f"'{term_sep}'")
    cards = []
    for offset, piece in pieces:
        line = line_at(text, offset + len(piece) - len(piece.lstrip()))
        if term_sep not in piece:
            shown = " ".join(piece.split())[:60]
            reading.problem(line, f"'{shown}' has no {term_name.removeprefix('a ')} between term and definition; "
                                  "add one, or give the separator Quizlet used with --term-sep (and --card-sep). "
                                  "A definition over several lines needs a custom 'between rows' separator in "
                                  "Quizlet's export, such as ===, and --card-sep ===")
            continue
        term, definition = piece.split(term_sep, 1)
        card = card_from_text(term, definition, (), line, reading, what="card")
        if card:
            cards.append(card)
    card_name = _NAMES.get(card_sep, repr(card_sep))
    how = f"Quizlet export, {term_name} between term and definition, {card_name} between cards"
    return reading.finish(cards, "quizlet", how)


def _split(text: str, card_sep: str) -> list[tuple[int, str]]:
    """Each card's text with its offset in the file; blank cards (an empty line, a trailing
    separator) are not cards."""
    pieces, start = [], 0
    while start <= len(text):
        end = text.find(card_sep, start)
        end = len(text) if end == -1 else end
        if text[start:end].strip():
            pieces.append((start, text[start:end]))
        start = end + len(card_sep)
    return pieces


def _card_separator(text: str) -> str:
    """Semicolons when they split the file into more cards than new lines do, each with a term
    separator (Quizlet's semicolon choice puts the whole export on one line); else new lines."""
    by_semicolon = _cards_with_terms(text, ";")
    return ";" if by_semicolon > max(1, _cards_with_terms(text, "\n")) else "\n"


def _cards_with_terms(text: str, card_sep: str) -> int:
    """How many cards the separator gives, or 0 when one of them has no term separator."""
    cards = [card for card in text.split(card_sep) if card.strip()]
    return len(cards) if all("\t" in card or "," in card for card in cards) else 0


def _term_separator(pieces: list[tuple[int, str]]) -> str:
    with_tab = sum("\t" in piece for _, piece in pieces)
    return "\t" if with_tab * 2 >= len(pieces) else ","
