"""Cards from other tools (Quizlet, spreadsheets, Anki, plain text) as a topic file.

`import_deck` reads a file into plain data (ImportedDeck); `topic_files` gives the bytes of the
topic YAML and of any pictures, by path relative to the topic's folder, for the caller to write.
Nothing here imports ReportLab or click. The formats are described in docs/import.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ...errors import InvalidFiles
from ...limits import MAX_FILE_BYTES
from .anki_text import looks_like_anki_text, read_anki_text
from .apkg import is_package, read_apkg
from .cards import ImportedCard, ImportedDeck, ImportOptions, Reading, decode
from .line_pairs import read_line_pairs
from .quizlet import looks_like_quizlet, read_quizlet
from .spreadsheet import has_known_header, read_spreadsheet
from .topic_file import topic_yaml

FORMATS = ("quizlet", "csv", "tsv", "anki-text", "apkg", "line-pairs")

__all__ = ["FORMATS", "ImportOptions", "ImportedCard", "ImportedDeck", "import_deck", "media_folder",
           "topic_files"]


def import_deck(path: str, options: ImportOptions = ImportOptions()) -> ImportedDeck:
    """Every card of the file, or InvalidFiles naming each row that could not be read."""
    reading = Reading(path)
    try:
        with open(path, "rb") as handle:
            # One byte past the limit tells a file too big to be text cards without reading it
            # all (/dev/zero); an Anki package is read by the zip module, whatever its size.
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise reading.fail(f"cannot be read: {error.strerror}") from None
    fmt = options.format or _detected(path, raw, options)
    if fmt == "apkg":
        return read_apkg(path, reading)
    if len(raw) > MAX_FILE_BYTES:
        raise reading.fail(f"is larger than {MAX_FILE_BYTES // 1_000_000} MB, more than any set of cards as text "
                           "(see docs/limits.md); is it the right file?")
    if is_package(raw):
        raise reading.fail(f"is a zip file (an Anki package?), not {fmt} text; import it with --format apkg")
    text = decode(raw, reading)
    if fmt == "quizlet":
        return read_quizlet(text, reading, options)
    if fmt in ("csv", "tsv"):
        return read_spreadsheet(text, reading, options, fmt)
    if fmt == "anki-text":
        return read_anki_text(text, reading, options)
    return read_line_pairs(text, reading)


def _detected(path: str, raw: bytes, options: ImportOptions) -> str:
    """The format a file's name and first lines show; --format overrides it."""
    suffix = Path(path).suffix.lower()
    if suffix in (".apkg", ".colpkg") or is_package(raw):
        return "apkg"
    if options.term_sep is not None or options.card_sep is not None:
        return "quizlet"
    if suffix in (".csv", ".tsv") or any((options.front_column, options.back_column, options.tags_column)):
        return "tsv" if suffix == ".tsv" else "csv"
    try:
        text = decode(raw, Reading(path))
    except InvalidFiles:
        return "line-pairs"  # reading it again reports why it cannot be read
    first_line = text.lstrip("\n").split("\n", 1)[0]
    if looks_like_anki_text(text):
        return "anki-text"
    if has_known_header(first_line, "\t"):
        return "tsv"
    if has_known_header(first_line, ",") or has_known_header(first_line, ";"):
        return "csv"
    if looks_like_quizlet(text):
        return "quizlet"
    return "line-pairs"


def media_folder(topic_file: Path) -> str:
    """The folder beside a topic that holds its imported pictures: content/NAME-media."""
    return f"{topic_file.stem}-media"


def topic_files(deck: ImportedDeck, topic_file: Path, source: str, title: Optional[str] = None) -> dict[str, bytes]:
    """The files to write, by path relative to the topic's folder: the pictures, then the topic.
    The title is the one given, else the deck's own name, else the imported file's name."""
    title = (title or "").strip() or deck.title or Path(source).stem.replace("_", " ").strip() or "Imported cards"
    files = {f"{media_folder(topic_file)}/{name}": data for name, data in sorted(deck.media.items())}
    count = f"{len(deck.cards)} card{'s' if len(deck.cards) != 1 else ''}"
    heading = (f"Imported by revisionprint from {Path(source).name} ({deck.how}): {count}.\n"
               "Edit it freely: docs/content-format.md describes every field.")
    files[topic_file.name] = topic_yaml(title, deck.cards, heading, media_folder(topic_file)).encode("utf-8")
    return files
