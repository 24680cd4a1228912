"""What every import format shares: the card record, the options, reading text, reporting.

An import is plain data (cards, notes and any images) until `topic_yaml` writes it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ...errors import InvalidFiles, Problem
from ...yamlfile import INVISIBLE


@dataclass(frozen=True)
class ImportedCard:
    front: str
    back: tuple[str, ...]  # one text, or several lines printed as a list
    tags: tuple[str, ...] = ()
    line: int = 1  # where the card starts in the file it came from
    front_image: Optional[str] = None  # a picture's file name in ImportedDeck.media (Anki)
    back_image: Optional[str] = None


@dataclass(frozen=True)
class ImportOptions:
    format: Optional[str] = None  # a FORMATS name; None detects it
    term_sep: Optional[str] = None  # Quizlet: between term and definition
    card_sep: Optional[str] = None  # Quizlet: between cards
    front_column: Optional[str] = None  # CSV/TSV header names
    back_column: Optional[str] = None
    tags_column: Optional[str] = None


@dataclass(frozen=True)
class ImportedDeck:
    """Everything read from one file, before it is written as a topic."""

    cards: tuple[ImportedCard, ...]
    format: str  # a FORMATS name
    how: str  # how the file was read, in a teacher's words
    notes: tuple[str, ...] = ()
    title: str = ""  # the deck's own name, when the file has one
    media: dict[str, bytes] = field(default_factory=dict)  # file name -> contents


class Reading:
    """The problems and notes of one file as it is read; every problem is reported at the end."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self.notes: list[str] = []

    def problem(self, line: int, message: str, item: str = "") -> None:
        self.problems.append(Problem(self.name, line, 1, item, message))

    def fail(self, message: str, line: int = 1) -> InvalidFiles:
        self.problem(line, message)
        return InvalidFiles(self.problems)

    def stop_if_problems(self) -> None:
        if self.problems:
            raise InvalidFiles(self.problems)

    def finish(self, cards: list[ImportedCard], fmt: str, how: str, **extra) -> ImportedDeck:
        self.stop_if_problems()
        if not cards:
            raise self.fail(f"has no cards that revisionprint can read as {how}; "
                            "check the file, or choose its format with --format")
        return ImportedDeck(tuple(cards), fmt, how, tuple(self.notes), **extra)


def deck_title(decks: set[str]) -> str:
    """The title a deck gives its topic: 'Biology::Cells' (Anki's subdeck) reads 'Biology: Cells'.
    Cards from several decks leave the title to --title or the file's name."""
    return next(iter(decks)).replace("::", ": ") if len(decks) == 1 else ""


def decode(raw: bytes, reading: Reading) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark), UTF-16 with one, or Windows-1252,
    which Excel on Windows writes; newlines made plain '\\n'."""
    if not raw.strip():
        raise reading.fail("is empty; export the cards again and import the file that export writes")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                line = raw[: error.start].count(b"\n") + 1
                raise reading.fail(f"is not UTF-8 text (byte 0x{raw[error.start]:02x}); save or export it "
                                   "as UTF-8 and import it again", line) from None
            reading.notes.append("The file is not UTF-8; it was read as Windows-1252 (as Excel on Windows "
                                 "saves CSV files): check accented letters and quotes on the cards.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# Line breaks of every kind, and the characters that print as nothing but break a YAML line.
_LINE_BREAKS = re.compile(r"[\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0]+")


def lines_of(text: str) -> list[str]:
    """The non-empty lines of a text, each without spaces at its ends (YAML drops those anyway)."""
    return [line for line in (_SPACES.sub(" ", part).strip() for part in _LINE_BREAKS.split(text)) if line]


def one_line(text: str) -> str:
    """A text that prints on one line: a card's front is one paragraph, so its line breaks are spaces."""
    return " ".join(lines_of(text))


def literal(text: str) -> str:
    """Text that prints exactly as written in the imported file: a star there is a star, never the
    start of **bold** or *italic*, and '~' and '^' never start a sub- or superscript (render/markup.py
    reads '\\*', '\\~' and '\\^' as the plain characters). A backslash needs nothing: only these
    three follow one in markup, and each of them here has its own."""
    return text.replace("*", "\\*").replace("~", "\\~").replace("^", "\\^")


_BULLET = re.compile(r"^[-*•·‣◦▪–>]\s+")
_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")


def without_bullets(lines: list[str]) -> list[str]:
    """Lines as typed or copied ('- point', '• point', '> point', and '1. point' in a list of
    several) without their bullets: the printed list draws its own."""
    patterns = (_BULLET, _NUMBER) if len(lines) > 1 else (_BULLET,)
    stripped = []
    for line in lines:
        for pattern in patterns:
            line = pattern.sub("", line, count=1) or line
        stripped.append(line)
    return stripped


def card_from_text(front: str, back: str, tags: tuple[str, ...], line: int, reading: Reading,
                   what: str = "line") -> Optional[ImportedCard]:
    """A card from plain text (no markup in it): the front on one line, the back as its lines."""
    back_lines = tuple(literal(part) for part in without_bullets(lines_of(back)))
    return checked_card(literal(one_line(front)), back_lines, tags, line, reading, what)


def checked_card(front: str, back: tuple[str, ...], tags: tuple[str, ...], line: int, reading: Reading,
                 what: str = "line", images: tuple[Optional[str], Optional[str]] = (None, None),
                 item: str = "") -> Optional[ImportedCard]:
    """The card, or None with a problem reported when its front or back is empty."""
    # A side of characters that print nothing (zero-width spaces from a web page) is as empty as no side.
    back = tuple(line for line in back if line.strip(INVISIBLE))
    front = front if front.strip(INVISIBLE) else ""
    missing = [side for side, text in (("front (the question or term)", front), ("back (the answer)", back))
               if not text]
    if missing:
        shown = one_line(front or " ".join(back))[:60]
        about = f" ('{shown}')" if shown else ""
        reading.problem(line, f"this card{about} has no {' and no '.join(missing)}; "
                              f"write it in the file, or delete the {what}", item)
        return None
    return ImportedCard(front, back, clean_tags(tags, reading, line), line, *images)


def clean_tags(tags: tuple[str, ...], reading: Reading, line: int) -> tuple[str, ...]:
    """Tags as the topic format takes them: no empty ones, no commas (--tags separates with commas)."""
    kept: list[str] = []
    for tag in tags:
        tag = one_line(tag)
        if "," in tag:
            tag = " ".join(tag.replace(",", " ").split())
            reading.notes.append(f"Line {line}: a tag had a comma, which --tags cannot select; it was "
                                 f"written as '{tag}'.")
        if tag and tag.casefold() not in (k.casefold() for k in kept):
            kept.append(tag)
    return tuple(kept)
