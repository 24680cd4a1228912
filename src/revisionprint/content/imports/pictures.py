"""The pictures on imported cards: each side shows its first PNG or JPEG as `front_image:` /
`back_image:`, the one kind of picture a topic prints (content/topic.py); the rest is counted so the
import can say what it left out.

Where the files come from is the format's business: a package holds them, a text export may have
them beside it. Either way a reader gives a `find(name) -> bytes or None` for a media file name.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from typing import Callable, Optional
from urllib.parse import unquote

from ..topic import IMAGE_KINDS, OTHER_IMAGE_KINDS
from .cards import Reading

# The text of a side that was only a picture: a card's front and back must have text (content/topic.py).
PICTURE_ONLY = "(picture)"
_NAMES_SHOWN = 3


def media_name(src: str) -> str:
    """The file an <img src> names inside the deck's media: Anki keeps media in one flat folder."""
    return posixpath.basename(src.replace("\\", "/"))


def plain_file_name(name: str) -> bool:
    """A name that stays inside the media folder on any system: no folders, no drive, nothing hidden."""
    return (bool(name.strip()) and name.isprintable() and not name.startswith(".")
            and not any(character in name for character in '/\\:'))


def kind_of_picture(data: bytes) -> Optional[str]:
    """'PNG' or 'JPEG' for a picture a card can print, else None."""
    return next((kind for magic, kind in IMAGE_KINDS.items() if data.startswith(magic)), None)


class CardPictures:
    """The pictures of one deck, found by the names its cards give them."""

    def __init__(self, reading: Reading, find: Callable[[str], Optional[bytes]], where: str, advice: str):
        """`where` the files should be ('in the package') and the `advice` when some are not."""
        self.reading, self.find, self.where, self.advice = reading, find, where, advice
        self.files: dict[str, bytes] = {}  # file name -> contents, the pictures the cards show
        self.printable: dict[str, bytes] = {}  # every PNG or JPEG found, shown or not
        self.seen: dict[str, Optional[str]] = {}  # src -> the printable file it names, or None
        self.missing: list[str] = []
        self.other_kinds: Counter = Counter()  # 'a GIF' -> how many files of that kind were left out
        self.further = 0  # pictures after the first of a side

    def side(self, sources: list[str]) -> Optional[str]:
        """The picture a side shows: the first of its pictures a card can print."""
        shown = None
        for source in sources:
            name = self._picture(source)
            if name and shown is None:
                shown = name
            elif name and name != shown:
                self.further += 1
        if shown:
            self.files[shown] = self.printable[shown]
        return shown

    def _picture(self, source: str) -> Optional[str]:
        if source not in self.seen:
            self.seen[source] = self._read(media_name(source))
        return self.seen[source]

    def _read(self, name: str) -> Optional[str]:
        for found in dict.fromkeys((name, unquote(name))):  # Anki writes 'my%20heart.png' for spaces
            data = self.find(found) if plain_file_name(found) else None
            if data is not None:
                break
        else:
            if name not in self.missing:
                self.missing.append(name)
            return None
        if kind_of_picture(data) is None:
            self.other_kinds[next((kind for magic, kind in OTHER_IMAGE_KINDS.items() if data.startswith(magic)),
                                  "a file of another kind")] += 1
            return None
        self.printable[found] = data
        return found

    def note(self) -> None:
        if self.further:
            self.reading.notes.append(
                f"{_count(self.further, 'picture')} left out because a side of a card shows one picture, "
                "the first it had; give the others cards of their own with front_image: or back_image:.")
        if self.other_kinds:
            kinds = ", ".join(sorted(self.other_kinds))
            self.reading.notes.append(
                f"{_count(sum(self.other_kinds.values()), 'picture')} left out, not PNG or JPEG ({kinds}): "
                "save them as PNG or JPEG and name them with front_image: or back_image:.")
        if self.missing:
            shown = ", ".join(f"'{name}'" for name in self.missing[:_NAMES_SHOWN])
            more = f" and {len(self.missing) - _NAMES_SHOWN} more" if len(self.missing) > _NAMES_SHOWN else ""
            self.reading.notes.append(
                f"{_count(len(self.missing), 'picture')} named on the cards not found {self.where} "
                f"({shown}{more}); {self.advice}.")


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'s' if number != 1 else ''}"
