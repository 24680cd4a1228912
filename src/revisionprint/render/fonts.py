"""Registering a layout's font family with ReportLab, and finding glyphs it lacks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..fontfiles import font_family


@dataclass(frozen=True)
class Faces:
    regular: str
    bold: str
    italic: str
    bold_italic: str


@lru_cache(maxsize=None)
def register_family(name: str) -> Faces:
    family = font_family(name)
    base = name.replace(" ", "")
    faces = Faces(base, f"{base}-Bold", f"{base}-Italic", f"{base}-BoldItalic")
    for face, path in ((faces.regular, family.regular), (faces.bold, family.bold),
                       (faces.italic, family.italic), (faces.bold_italic, family.bold_italic)):
        pdfmetrics.registerFont(TTFont(face, str(path)))
    # Lets Paragraph's <b> and <i> find the right face.
    addMapping(base, 0, 0, faces.regular)
    addMapping(base, 1, 0, faces.bold)
    addMapping(base, 0, 1, faces.italic)
    addMapping(base, 1, 1, faces.bold_italic)
    pdfmetrics.registerFontFamily(base, normal=faces.regular, bold=faces.bold,
                                  italic=faces.italic, boldItalic=faces.bold_italic)
    return faces


@lru_cache(maxsize=None)
def _drawable(faces: Faces) -> frozenset[str]:
    regular = pdfmetrics.getFont(faces.regular).face.charToGlyph
    bold = pdfmetrics.getFont(faces.bold).face.charToGlyph
    return frozenset(chr(code) for code in regular if code in bold)


def missing_glyphs(text: str, faces: Faces) -> list[str]:
    """Characters no face of the family can draw (they would print as empty boxes)."""
    missing = set(text) - _drawable(faces)
    return sorted(char for char in missing if not char.isspace())


def describe_characters(chars: list[str]) -> str:
    return ", ".join(f"'{c}' (U+{ord(c):04X})" for c in chars)
