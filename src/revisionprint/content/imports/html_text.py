"""An Anki field's HTML as our text: bold, italic, sub- and superscript kept as markup, line
breaks as lines, entities decoded, images collected, every other tag dropped (its text kept) and
counted so the import can say so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Optional

from .cards import ImportedCard, Reading, checked_card, literal
from .pictures import PICTURE_ONLY, CardPictures, media_name

_STYLE_OF_TAG = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "sub": "sub", "sup": "sup"}
# Tags that end a line: Anki's editor writes a line as <div>...</div> or ends it with <br>.
_LINE_TAGS = {"br", "div", "p", "li", "ul", "ol", "tr", "table", "blockquote", "hr",
              "h1", "h2", "h3", "h4", "h5", "h6"}
# Kept as text structure (a list back), so not reported as dropped.
_UNREPORTED = {"br", "div", "p", "li", "ul", "ol", "img"}
_HIDDEN = {"script", "style"}
_WHITESPACE = re.compile(r"[ \t\n\r\f\u00a0]+")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
# Anki's cloze deletion: {{c1::answer}} or {{c1::answer::hint}}.
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


@dataclass
class FieldText:
    lines: list[str]  # each in our markup, without empty ones
    images: list[str] = field(default_factory=list)  # the src of each <img>, as written
    dropped: Counter = field(default_factory=Counter)  # tag name -> times its formatting was dropped
    sounds: int = 0


def html_field(html: str) -> FieldText:
    parser = _FieldParser()
    parser.feed(html)
    parser.close()
    return parser.result()


def plain_field(text: str) -> FieldText:
    """A field that is plain text (`#html:false`): its lines as they are, stars kept as stars."""
    sounds = len(_SOUND.findall(text))
    lines = [" ".join(line.split()) for line in _SOUND.sub("", text).split("\n")]
    return FieldText([literal(line) for line in lines if line], sounds=sounds)


class _FieldParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[tuple[str, frozenset]]] = [[]]
        self.styles: Counter = Counter()
        self.hidden = 0
        self.text = FieldText([])

    def handle_starttag(self, tag: str, attrs) -> None:
        self._tag(tag, opening=True)
        if tag == "img":
            source = dict(attrs).get("src")
            if source:
                self.text.images.append(source)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "img", "hr"):
            self._tag(tag, opening=False)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, opening=False)

    def _tag(self, tag: str, opening: bool) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden + (1 if opening else -1))
        elif tag in _STYLE_OF_TAG:
            style = _STYLE_OF_TAG[tag]
            self.styles[style] = max(0, self.styles[style] + (1 if opening else -1))
        elif tag in ("td", "th"):
            self._add(" ")
        if tag in _LINE_TAGS:
            self.lines.append([])
        if opening and tag not in _UNREPORTED and tag not in _STYLE_OF_TAG:
            self.text.dropped[tag] += 1

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        self.text.sounds += len(_SOUND.findall(data))
        self._add(_WHITESPACE.sub(" ", _SOUND.sub("", data)))

    def _add(self, text: str) -> None:
        styles = frozenset(style for style, depth in self.styles.items() if depth)
        self.lines[-1].append((text, styles))

    def result(self) -> FieldText:
        self.text.lines = [line for line in (_marked_up(runs) for runs in self.lines) if line]
        return self.text


def _merged(runs: list[tuple[str, frozenset]]) -> list[tuple[str, frozenset]]:
    merged: list[tuple[str, frozenset]] = []
    for text, styles in runs:
        if not text:
            continue
        if not text.strip():
            styles = merged[-1][1] if merged else frozenset()  # a space takes its neighbour's style
        if merged and merged[-1][1] == styles:
            merged[-1] = (merged[-1][0] + text, styles)
        else:
            merged.append((text, styles))
    return merged


def _marked_up(runs: list[tuple[str, frozenset]]) -> str:
    """One line in our markup: each styled stretch wrapped with the spaces at its ends kept outside,
    since `** word**` would print its stars rather than bold."""
    pieces: list[str] = []
    runs = _merged(runs)
    for index, (text, styles) in enumerate(runs):
        stripped = text.strip()
        if not stripped:
            pieces.append(text)
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        inner = literal(stripped)
        if "sub" in styles:
            inner = f"~{inner}~"
        if "sup" in styles:
            inner = f"^{inner}^"
        before = ("".join(pieces) + lead)[-1:]
        after = (trail or (runs[index + 1][0][:1] if index + 1 < len(runs) else ""))[:1]
        # *italic* must not touch a letter or another star on either side (render/markup.py).
        if "italic" in styles and not _touches_word(before) and not _touches_word(after):
            inner = f"*{inner}*"
        if "bold" in styles:
            inner = f"**{inner}**"
        pieces.append(lead + inner + trail)
    return " ".join("".join(pieces).split())


def _touches_word(char: str) -> bool:
    return bool(char) and (char.isalnum() or char in "_*")


class FieldCards:
    """Cards from Anki fields (HTML or plain), counting what the fields held that a card cannot."""

    def __init__(self, reading: Reading, html: bool, pictures: CardPictures):
        self.reading, self.html, self.pictures = reading, html, pictures
        self.dropped: Counter = Counter()
        self.sounds = 0
        self.clozes = 0
        self.extra_fields = 0

    def card(self, fields: list[str], tags: tuple[str, ...], line: int, what: str,
             item: str = "") -> Optional[ImportedCard]:
        """A card from a note's fields: the first is the front, the second the back."""
        front, back = (fields + ["", ""])[:2]
        self.extra_fields += sum(1 for extra in fields[2:] if extra.strip())
        if _CLOZE.search(front):
            front, back = self._cloze(front, back)
        read = html_field if self.html else plain_field
        (front_lines, front_image), (back_lines, back_image) = (self._side(read(side)) for side in (front, back))
        return checked_card(" ".join(front_lines), tuple(back_lines), tags, line, self.reading, what,
                            (front_image, back_image), item)

    def _side(self, side: FieldText) -> tuple[list[str], Optional[str]]:
        """A side's lines and the picture it shows. A side that was only a picture still needs a
        text; one whose pictures cannot be printed says which they were."""
        self.dropped.update(side.dropped)
        self.sounds += side.sounds
        picture = self.pictures.side(side.images)
        if side.lines:
            return side.lines, picture
        if picture:
            return [PICTURE_ONLY], picture
        return [f"(picture: {literal(media_name(source))})" for source in side.images], None

    def _cloze(self, text: str, extra: str) -> tuple[str, str]:
        """A cloze note as one card: the gaps on the front, the whole text with its answers in
        bold on the back, then the note's second field (Anki's 'Back Extra')."""
        self.clozes += 1
        front = _CLOZE.sub(lambda gap: f"[{gap.group(2) or '...'}]", text)
        answer = (lambda gap: f"<b>{gap.group(1)}</b>") if self.html else (lambda gap: gap.group(1))
        line_break = "<br>" if self.html else "\n"
        return front, _CLOZE.sub(answer, text) + (line_break + extra if extra.strip() else "")

    def note(self) -> None:
        self.pictures.note()
        if self.clozes:
            self.reading.notes.append(f"{self.clozes} cloze note{'s' if self.clozes != 1 else ''}: each is one card, "
                                      "its gaps shown as [...] on the front and filled in bold on the back.")
        if self.dropped:
            total = sum(self.dropped.values())
            kinds = ", ".join(f"<{tag}> x{count}" for tag, count in sorted(self.dropped.items()))
            self.reading.notes.append(f"{total} HTML tag{'s' if total != 1 else ''} dropped, their text kept: {kinds}.")
        if self.extra_fields:
            self.reading.notes.append(f"{self.extra_fields} field(s) after the first two of a note were not "
                                      "imported (a card has a front and a back).")
        if self.sounds:
            self.reading.notes.append(f"{self.sounds} sound{'s' if self.sounds != 1 else ''} left out: "
                                      "a printed card cannot play them.")
