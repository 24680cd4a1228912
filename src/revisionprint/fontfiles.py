"""The fonts a layout may use, and where their files are.

Kept apart from ReportLab so that validating a layout stays cheap; the
renderer registers the files when it first draws. Text is printed in the main
family; a character it lacks comes from the first fallback that has it, and
DejaVu Sans (shipped in the package) is always the last fallback.
"""

from __future__ import annotations

import importlib.util
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from . import DATA_FOLDER


LEADING = 1.22  # line spacing as a multiple of the size: 1.2-1.35 reads well in print


@dataclass(frozen=True)
class FontFamily:
    name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    @classmethod
    def in_folder(cls, name: str, folder: Path, pattern: str, styles: tuple[str, str, str, str]) -> "FontFamily":
        """A family whose four files differ only by their style's word: pattern 'X-{}.ttf' and
        styles (regular, bold, italic, bold italic) as the maker spells them."""
        return cls(name, *(folder / pattern.format(style) for style in styles))

    @classmethod
    def from_files(cls, regular: Path, bold: Optional[Path] = None, italic: Optional[Path] = None,
                   bold_italic: Optional[Path] = None) -> "FontFamily":
        """A user's font files; a style without a file of its own prints in the nearest one given."""
        bold = bold or regular
        italic = italic or regular
        return cls(regular.stem, regular, bold, italic, bold_italic or (bold if bold != regular else italic))


@dataclass(frozen=True)
class FontChoice:
    """The fonts text is printed in: the main family, then each fallback, tried in order for a
    character the families before it lack."""

    main: FontFamily
    fallbacks: tuple[FontFamily, ...] = ()
    # How the text is set: line spacing as a multiple of the size; space added after each
    # character (a share of the average letter's width) and to each space (a share of its width).
    leading: float = LEADING
    letter_spacing: float = 0.0
    word_spacing: float = 0.0

    @property
    def families(self) -> tuple[FontFamily, ...]:
        return (self.main, *self.fallbacks)

    def __str__(self) -> str:
        return self.main.name


def _open_sans() -> FontFamily:
    # Open Sans is static TTF (which ReportLab needs) and covers Latin, Greek and Cyrillic.
    spec = importlib.util.find_spec("ttf_opensans")
    folder = Path(spec.origin).parent / "ttf"
    return FontFamily.in_folder("Open Sans", folder, "OpenSans-{}.ttf", ("Regular", "Bold", "Italic", "BoldItalic"))


def _dejavu_sans() -> FontFamily:
    # DejaVu Sans (shipped with its licence in data/fonts/dejavu) has arrows, sub- and
    # superscript digits, maths, ticks and boxes in every style: the last fallback.
    folder = DATA_FOLDER / "fonts" / "dejavu"
    return FontFamily.in_folder("DejaVu Sans", folder, "DejaVuSans{}.ttf", ("", "-Bold", "-Oblique", "-BoldOblique"))


def _atkinson_hyperlegible() -> FontFamily:
    # Atkinson Hyperlegible (Braille Institute) is drawn so that easily confused letters differ
    # (I l 1, O 0, b d p q): the dyslexia-friendly layout's face. Static TTF, OFL.
    spec = importlib.util.find_spec("fontpkg_atkinson_hyperlegible")
    folder = Path(spec.origin).parent / "files"
    return FontFamily.in_folder("Atkinson Hyperlegible", folder, "AtkinsonHyperlegible-{}.ttf",
                                ("Regular", "Bold", "Italic", "BoldItalic"))


_BUILT_IN = {"Open Sans": _open_sans, "Atkinson Hyperlegible": _atkinson_hyperlegible, "DejaVu Sans": _dejavu_sans}
FAMILY_NAMES = tuple(_BUILT_IN)
LAST_FALLBACK = "DejaVu Sans"


@lru_cache(maxsize=None)  # finding a package's folder costs milliseconds
def font_family(name: str) -> FontFamily:
    if name in _BUILT_IN:
        return _BUILT_IN[name]()
    raise KeyError(name)


def font_choice(family: Union[str, FontFamily, FontChoice], fallback_files: tuple[Path, ...] = ()) -> FontChoice:
    """A built-in family by name (or a choice already made), with the user's fallback files and
    then DejaVu Sans for anything none of them has."""
    if isinstance(family, FontChoice):
        return family
    main = family if isinstance(family, FontFamily) else font_family(family)
    fallbacks = [FontFamily.from_files(path) for path in fallback_files]
    if main.name != LAST_FALLBACK:
        fallbacks.append(font_family(LAST_FALLBACK))
    return FontChoice(main, tuple(fallbacks))


def styled(family: FontFamily, all_bold: bool, italic_as_bold: bool) -> FontFamily:
    """A family printed with fewer of its faces: large print sets every text in bold, and large
    print and dyslexia-friendly pages print emphasis in bold, never italic."""
    if all_bold:
        return FontFamily(f"{family.name} Bold", family.bold, family.bold, family.bold, family.bold)
    if italic_as_bold:
        return FontFamily(f"{family.name} Upright", family.regular, family.bold, family.bold, family.bold)
    return family


def font_file_problem(path: Path) -> Optional[str]:
    """Why ReportLab could not embed this font file, in a teacher's words, or None.

    Read from the file's table directory, without ReportLab: a layout is checked
    before anything is drawn."""
    try:
        with open(path, "rb") as stream:
            return _sfnt_problem(stream)
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"


_CFF = ("has PostScript (CFF) outlines, which cannot be embedded in the PDF; use a TrueType "
        "version of the font (a .ttf file, or an .otf with TrueType outlines)")


def _sfnt_problem(stream) -> Optional[str]:
    head = stream.read(16)
    tag = head[:4]
    if tag in (b"wOFF", b"wOF2"):
        return "is a web font (WOFF); use the TrueType (.ttf) file of the same font"
    offset = 0
    if tag == b"ttcf":  # a collection: its first font is the one used
        if len(head) < 16:
            return "is not a complete font file"
        offset = struct.unpack(">I", head[12:16])[0]
        stream.seek(offset)
        head = stream.read(12)
        tag = head[:4]
    if tag == b"OTTO":
        return _CFF
    if tag not in (b"\x00\x01\x00\x00", b"true") or len(head) < 12:
        return "is not a TrueType or OpenType font file"
    count = struct.unpack(">H", head[4:6])[0]
    stream.seek(offset + 12)
    directory = stream.read(16 * count)
    if len(directory) < 16 * count:
        return "is not a complete font file"
    tables = {directory[start:start + 4].decode("latin-1"): struct.unpack(">I", directory[start + 8:start + 12])[0]
              for start in range(0, 16 * count, 16)}
    if "CFF " in tables or "CFF2" in tables or "glyf" not in tables:
        return _CFF
    if "fvar" in tables:
        return ("is a variable font, which prints only in its default style; use the static .ttf files "
                "(fonts downloaded as a family usually have them in a folder called 'static')")
    if "OS/2" in tables:
        stream.seek(tables["OS/2"] + 8)
        fs_type = stream.read(2)
        if len(fs_type) == 2 and struct.unpack(">H", fs_type)[0] == 0x0002:
            return "does not allow embedding (its licence forbids it); choose another font"
    return None
