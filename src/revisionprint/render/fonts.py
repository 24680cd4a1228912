"""Registering a layout's fonts with ReportLab, falling back per character, and finding
characters no font can draw.

ReportLab draws each string in one font and has no fallback of its own: text is
split into runs, each in the first font of its style's chain that has the
character (font_runs). Paragraph fragments, the quick card paragraphs, the page
furniture, every width measured and the glyph check all go through it, so they
agree on which font prints what.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFError

from ..errors import RevisionprintError
from ..fontfiles import FontChoice, FontFamily, font_choice, font_file_problem
from .subset_font import SubsetFont

STYLES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class Faces:
    regular: str
    bold: str
    italic: str
    bold_italic: str

    def face(self, bold: bool, italic: bool) -> str:
        return (self.bold_italic if italic else self.bold) if bold else (self.italic if italic else self.regular)


_CHAINS: dict[str, tuple[str, ...]] = {}  # a main face -> the faces tried, in order, for each character
_COVERAGE: dict[str, dict[int, int]] = {}  # a face read so far -> its character map
_FILES: dict[str, tuple[Path, str]] = {}  # a face -> its file and family name, read when first needed
ASCII_FACES: set[str] = set()  # faces that have every printable ASCII character: no splitting needed
_PRINTABLE_ASCII = range(0x20, 0x7F)
_names = itertools.count(1)
_FACE_OF_FILE: dict[tuple, str] = {}  # (family's base name, file) -> the face registered for it
_SPACING: dict[str, tuple[float, float]] = {}  # a face -> the letter and word spacing it is set with


@lru_cache(maxsize=None)
def register_family(family: Union[str, FontChoice]) -> Faces:
    """The faces text is printed in: a built-in family by name, or a layout's choice of fonts.

    Every face gets a chain: itself, the same style of each fallback, then the regular
    faces (an upright character beats an empty box in italic). A fallback's file is read
    only when a character needs it: an all-Latin deck never pays for DejaVu Sans."""
    choice = font_choice(family)
    base = choice.main.name.replace(" ", "")
    if choice != _default_choice(choice.main.name):
        base = f"{base}~{next(_names)}"  # the user's fonts, or fallbacks of their own: a chain of its own
    main = _register(choice.main, base)
    spacing = (choice.letter_spacing, choice.word_spacing)
    # A fallback's faces are shared by every layout that spaces its letters alike: spaced
    # ones are faces of their own, so Greek in a dyslexia-friendly layout is spaced out too,
    # and nowhere else.
    spaced = f"~Spaced{round(spacing[0] * 100)}x{round(spacing[1] * 100)}" if any(spacing) else ""
    fallbacks = [_register(fallback, fallback.name.replace(" ", "") + spaced) for fallback in choice.fallbacks]
    families = [main, *fallbacks]
    if spaced:
        for faces in families:
            for style in STYLES:
                _SPACING[getattr(faces, style)] = spacing
    for style in STYLES:
        _coverage(getattr(main, style))
    for style in STYLES:
        chain = [getattr(faces, style) for faces in families] + [faces.regular for faces in families]
        _CHAINS[getattr(main, style)] = tuple(dict.fromkeys(chain))
    # Lets Paragraph's <b> and <i> find the right face.
    addMapping(base, 0, 0, main.regular)
    addMapping(base, 1, 0, main.bold)
    addMapping(base, 0, 1, main.italic)
    addMapping(base, 1, 1, main.bold_italic)
    pdfmetrics.registerFontFamily(base, normal=main.regular, bold=main.bold, italic=main.italic,
                                  boldItalic=main.bold_italic)
    return main


def _default_choice(name: str) -> Optional[FontChoice]:
    try:
        return font_choice(name)
    except KeyError:  # not a built-in family
        return None


def _register(family: FontFamily, base: str) -> Faces:
    names = []
    for face, path in zip((base, f"{base}-Bold", f"{base}-Italic", f"{base}-BoldItalic"),
                          (family.regular, family.bold, family.italic, family.bold_italic)):
        # A file that serves several styles (a user's font with no bold) is registered, and
        # so embedded, once.
        face = _FACE_OF_FILE.setdefault((base, path), face)
        names.append(face)
        _FILES.setdefault(face, (path, family.name))
    return Faces(*names)


def _coverage(face: str) -> dict[int, int]:
    """The face's character map, reading (and registering) its file the first time."""
    coverage = _COVERAGE.get(face)
    if coverage is not None:
        return coverage
    path, _ = _FILES[face]
    problem = font_file_problem(path)
    try:
        if problem is None:
            font = SubsetFont(face, str(path))
            _space_out(font, *_SPACING.get(face, (0.0, 0.0)))
            pdfmetrics.registerFont(font)
    except (TTFError, OSError) as error:
        problem = f"cannot be used ({error})"
    if problem is not None:
        raise RevisionprintError(f"{path}: the font {problem}.")
    coverage = _COVERAGE[face] = pdfmetrics.getFont(face).face.charToGlyph
    if all(code in coverage for code in _PRINTABLE_ASCII):
        ASCII_FACES.add(face)
    return coverage


def font_runs(text: str, face: str) -> list[tuple[str, str]]:
    """The text as (characters, face) runs: each character in the first face of `face`'s chain
    that has it; a space stays with the run it is in. A character no face has stays in
    `face` (it prints as a box, and the glyph check reports it)."""
    if face in ASCII_FACES and text.isascii():
        return [(text, face)]  # the usual case, at the speed of one C call
    return _font_runs(text, face)


@lru_cache(maxsize=4096)  # a text is measured at several sizes while it is fitted
def _font_runs(text: str, face: str) -> list[tuple[str, str]]:
    chain = _CHAINS.get(face)
    if chain is None:
        return [(text, face)]
    main = _coverage(face)
    runs: list[tuple[str, str]] = []
    current, current_has = face, main
    start = 0
    for index, char in enumerate(text):
        if char == "\u200b":  # paragraph.BREAK_HERE: never printed, so it stays in the run it is in
            continue
        code = ord(char)
        if code in current_has and (current == face or code not in main or char.isspace()):
            continue
        chosen = next((candidate for candidate in chain if code in _coverage(candidate)), face)
        if chosen != current:
            if index > start:
                runs.append((text[start:index], current))
            current, current_has, start = chosen, _coverage(chosen), index
    if len(text) > start or not runs:
        runs.append((text[start:], current))
    return runs


def string_width(text: str, face: str, size: float) -> float:
    """The width of the text as draw_string prints it."""
    return sum(stringWidth(piece, name, size) for piece, name in font_runs(text, face))


def shortened(text: str, face: str, size: float, room: float) -> str:
    """The text, shortened with an ellipsis if it is wider than the room (a factor's long name
    in a one-line key, at large-print sizes)."""
    while string_width(text, face, size) > room and len(text) > 1:
        text = text[:-2].rstrip() + "\u2026"
    return text


def draw_string(canvas, x: float, y: float, text: str, face: str, size: float, align: str = "left") -> None:
    """canvas.drawString (or drawRightString, drawCentredString) with the fallback fonts."""
    runs = font_runs(text, face)
    if align != "left":
        width = sum(stringWidth(piece, name, size) for piece, name in runs)
        x -= width if align == "right" else width / 2
    canvas.setFont(face, size)  # and so it stays, as after canvas.setFont and drawString
    if len(runs) == 1 and runs[0][1] == face:
        canvas.drawString(x, y, text)
        return
    writing = canvas.beginText(x, y)
    for piece, name in runs:
        writing.setFont(name, size)
        writing.textOut(piece)
    canvas.drawText(writing)


def _space_out(font: SubsetFont, letter_spacing: float, word_spacing: float) -> None:
    """Wider letter and word spacing (dyslexia-friendly pages) made part of the face: each
    character's advance grows by `letter_spacing` x the average width of a-z, and a space's by
    `word_spacing` x its own width more. The PDF's widths come from the same table, so every
    measurement, line break and viewer agrees, and nothing that draws text needs to know."""
    if not letter_spacing and not word_spacing:
        return
    # ReportLab shares one font among all registered with the same face name: a spaced-out face
    # is a face of its own, or it would space out (or lose its spacing to) the plain one.
    font.face.name += f"-Spaced{round(letter_spacing * 100)}x{round(word_spacing * 100)}".encode("ascii")
    plain = font.face.charWidths
    letters = [plain[code] for code in range(ord("a"), ord("z") + 1) if code in plain]
    extra = letter_spacing * sum(letters) / max(1, len(letters))
    widths = {code: width + extra for code, width in plain.items()}  # a table of its own: never the file's
    for space in (0x20, 0xA0):
        if space in widths:
            widths[space] += word_spacing * plain[space]
    font.face.charWidths = widths
    font.face.defaultWidth += extra


@lru_cache(maxsize=None)
def _drawable(faces: Faces, main_only: bool = False) -> frozenset[int]:
    """The characters every style can print in some face of its chain (or in the main faces)."""
    styles = [set().union(*(_coverage(name) for name in _CHAINS[getattr(faces, style)][:1 if main_only else None]))
              for style in STYLES]
    return frozenset(set.intersection(*styles))


def missing_glyphs(text: str, faces: Faces) -> list[str]:
    """Characters no font of the layout can draw (they would print as empty boxes)."""
    if faces.regular in ASCII_FACES and text.isascii():
        return []
    main = _drawable(faces, main_only=True)
    others = {char for char in text if ord(char) not in main and not char.isspace()}
    if not others:
        return []  # the fallbacks' files need not be read
    drawable = _drawable(faces)
    return sorted(char for char in others if ord(char) not in drawable)


def right_to_left(text: str) -> list[str]:
    """Letters of a right-to-left script (Arabic, Hebrew...): ReportLab would draw them in
    the order they are stored, which reads backwards."""
    if text.isascii():
        return []
    return sorted({char for char in text if unicodedata.bidirectional(char) in ("R", "AL")})


def covers(face: str, char: str) -> bool:
    """Whether this face itself (not a fallback) has the character."""
    return ord(char) in _coverage(face)


# What `revisionprint fonts` checks each font for: a kind of text is covered when the font
# has every character of its sample.
KINDS_OF_TEXT = {
    "Latin": "AZaz\u00c0\u00e9\u00f1\u00df\u00f8",
    "Latin Extended": "\u0141\u0151\u0160\u017e\u0101\u011f",
    "Greek": "\u0391\u03a9\u03b1\u03c9",
    "Cyrillic": "\u0410\u042f\u0430\u044f",
    "sub- and superscript digits": "\u2080\u2089\u2070\u2079\u207a\u207b",
    "arrows": "\u2192\u2190\u2191\u2193\u2194\u21cc\u27f6",
    "maths": "\u2264\u2265\u2260\u2248\u221d\u221a\u03c0\u2211\u222b\u0394\u00b0\u00b1\u00d7\u00f7\u2212\u221e",
    "ticks and boxes": "\u2713\u2717\u2610",
    "fractions": "\u00bd\u00bc\u00be",
    "Hebrew": "\u05d0\u05ea",
    "Arabic": "\u0627\u0639",
    "Devanagari (Hindi)": "\u0915\u0939",
    "Thai": "\u0e01\u0e2e",
    "Chinese": "\u4e2d\u6587\u5b57",
    "Japanese kana": "\u3042\u30a2",
    "Korean": "\ud55c\uae00",
}


@dataclass(frozen=True)
class FontInUse:
    family: str
    name: str  # the font file's own (PostScript) name
    characters: int
    kinds: tuple[str, ...]  # of KINDS_OF_TEXT


def fonts_in_use(faces: Faces) -> tuple[list[FontInUse], list[str]]:
    """Each font text may be printed in, in the order they are tried (the regular faces), and
    the kinds of text none of them covers."""
    fonts = []
    for name in _CHAINS[faces.regular]:
        coverage = _coverage(name)
        own = pdfmetrics.getFont(name).face.name
        kinds = tuple(kind for kind, sample in KINDS_OF_TEXT.items() if all(ord(c) in coverage for c in sample))
        fonts.append(FontInUse(_FILES[name][1], own.decode("latin-1") if isinstance(own, bytes) else str(own),
                               len(coverage), kinds))
    covered = {kind for font in fonts for kind in font.kinds}
    return fonts, [kind for kind in KINDS_OF_TEXT if kind not in covered]


# A text in a script the font lacks could list thousands; the first few say what to replace.
MOST_CHARACTERS_NAMED = 10


def describe_characters(chars: list[str]) -> str:
    named = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in chars[:MOST_CHARACTERS_NAMED])
    more = len(chars) - MOST_CHARACTERS_NAMED
    return f"{named} and {more} more" if more > 0 else named
