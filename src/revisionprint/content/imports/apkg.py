"""Anki packages (.apkg, .colpkg): a zip holding the collection, an SQLite database, and its media.

- `collection.anki2` / `collection.anki21` (schema 11): decks are JSON in `col.decks`, and the
  zip's `media` file is JSON, {"0": "heart.png"}, naming the zip members.
- `collection.anki21b` (schema 18, Anki 2.1.50 and later): the database and every media file are
  zstd-compressed, decks are the `decks` table (levels split by \\x1f), and `media` is a protobuf
  MediaEntries list whose n-th entry is the zip member "n".

Such a package also holds a stub `collection.anki2` that only says to update Anki, so the newest
collection is read first. Each note's first two fields are the front and back; a note's deck
(from its first card) becomes a tag.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import Optional

from .cards import ImportedDeck, Reading, deck_title
from .html_text import FieldCards
from .pictures import CardPictures

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
OLDER_EXPORT = ("in Anki, choose File > Export, 'Anki Deck Package (.apkg)', tick 'Support older Anki versions', "
                "and import the file it writes")
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
# A deck of a few thousand cards with pictures is tens of megabytes; a zip bomb is far more.
MAX_UNPACKED = 2 << 30


class UnreadablePackage(Exception):
    pass


def is_package(raw: bytes) -> bool:
    return raw.startswith(b"PK\x03\x04")


def read_apkg(raw_path: str, reading: Reading) -> ImportedDeck:
    try:
        with zipfile.ZipFile(raw_path) as package:
            collection_name, notes, decks = _collection(package)
            pictures = CardPictures(reading, _finder(package, _media_map(package)), "in the package",
                                    "they were left out")
            fields = FieldCards(reading, html=True, pictures=pictures)
            cards = []
            for number, (note_id, flds, tags, deck_id) in enumerate(notes, start=1):
                deck = decks.get(deck_id, "")
                card = fields.card(flds.split("\x1f"), ((deck,) if deck else ()) + tuple(tags.split()), 1,
                                   "note in Anki", item=f"note {number} (id {note_id})")
                if card:
                    cards.append(card)
            fields.note()
    except (zipfile.BadZipFile, sqlite3.DatabaseError, UnreadablePackage, OSError, ValueError, KeyError) as error:
        raise reading.fail(f"cannot be read as an Anki package ({error}); {OLDER_EXPORT}") from None
    used_decks = {deck for deck in (decks.get(deck_id, "") for *_, deck_id in notes) if deck}
    how = f"Anki package, schema {18 if collection_name.endswith('b') else 11}: {collection_name}"
    return reading.finish(cards, "apkg", how, title=deck_title(used_decks), media=pictures.files)


def _collection(package: zipfile.ZipFile):
    """The name of the collection read, its notes (id, fields, tags, deck id) and deck names by id."""
    collection_name = next((name for name in COLLECTIONS if name in package.namelist()), None)
    if collection_name is None:
        raise UnreadablePackage("it holds no Anki collection")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.sqlite"
        path.write_bytes(_member(package, collection_name))
        return (collection_name, *_notes_and_decks(path))


def _member(package: zipfile.ZipFile, name: str) -> bytes:
    if package.getinfo(name).file_size > MAX_UNPACKED:
        raise UnreadablePackage(f"its {name} is too large")
    data = package.read(name)
    return _zstd_decompressed(data) if data.startswith(_ZSTD_MAGIC) else data


def _zstd_decompressed(data: bytes) -> bytes:
    try:
        from compression import zstd  # the standard library from Python 3.14
    except ImportError:
        try:
            import zstandard
        except ImportError:
            raise UnreadablePackage("it is compressed with zstd, and the 'zstandard' package is not "
                                    "installed") from None
        return zstandard.ZstdDecompressor().stream_reader(data).read(MAX_UNPACKED)
    return zstd.decompress(data)


def _media_map(package: zipfile.ZipFile) -> dict[str, str]:
    """File name -> zip member."""
    if "media" not in package.namelist():
        return {}
    data = _member(package, "media")
    if data.lstrip().startswith(b"{"):
        return {name: member for member, name in json.loads(data.decode("utf-8")).items()}
    return {name: member for member, name in _media_entries(data)}


def _media_entries(data: bytes) -> list[tuple[str, str]]:
    """(zip member, file name) of each MediaEntry: name is field 1, legacy_zip_filename field 255."""
    entries = []
    for index, (_, entry) in enumerate(item for item in _protobuf_fields(data) if item[0] == 1):
        fields = dict(_protobuf_fields(entry))
        member = str(fields[255]) if 255 in fields else str(index)
        entries.append((member, fields.get(1, b"").decode("utf-8")))
    return entries


def _protobuf_fields(data: bytes):
    """(field number, value) pairs of a protobuf message: ints for varints, bytes for the rest."""
    position = 0
    while position < len(data):
        key, position = _varint(data, position)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, position = _varint(data, position)
        elif wire_type == 2:
            length, position = _varint(data, position)
            value, position = data[position: position + length], position + length
        elif wire_type in (1, 5):
            size = 8 if wire_type == 1 else 4
            value, position = data[position: position + size], position + size
        else:
            raise UnreadablePackage("its media list is not a list Anki writes")
        yield number, value


def _varint(data: bytes, position: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if position >= len(data):
            raise UnreadablePackage("its media list is cut short")
        byte = data[position]
        result |= (byte & 0x7F) << shift
        position, shift = position + 1, shift + 7
        if not byte & 0x80:
            return result, position


def _notes_and_decks(path: Path) -> tuple[list[tuple[int, str, str, int]], dict[int, str]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    # Anki's own collation, named in the schema 18 tables and their indexes.
    connection.create_collation("unicase", lambda a, b: (a.casefold() > b.casefold()) - (a.casefold() < b.casefold()))
    try:
        notes = connection.execute(
            "SELECT notes.id, notes.flds, notes.tags, "
            "(SELECT did FROM cards WHERE cards.nid = notes.id ORDER BY ord, id LIMIT 1) "
            "FROM notes ORDER BY notes.id").fetchall()
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "decks" in tables:
            decks = {deck_id: name.replace("\x1f", "::") for deck_id, name in
                     connection.execute("SELECT id, name FROM decks")}
        else:
            (decks_json,) = connection.execute("SELECT decks FROM col").fetchone()
            decks = {int(deck_id): deck["name"] for deck_id, deck in json.loads(decks_json or "{}").items()}
    finally:
        connection.close()
    return notes, decks


def _finder(package: zipfile.ZipFile, members: dict[str, str]):
    """The contents of a media file by its name, or None when the package lacks it."""
    def find(name: str) -> Optional[bytes]:
        member = members.get(name)
        return _member(package, member) if member in package.NameToInfo else None
    return find
