"""The font families a layout may name, and where their TTF files are.

Kept apart from ReportLab so that validating a layout stays cheap; the
renderer registers the files when it first draws.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FontFamily:
    name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


def _open_sans() -> FontFamily:
    # Open Sans is static TTF (which ReportLab needs) and covers Latin, Greek and Cyrillic.
    spec = importlib.util.find_spec("ttf_opensans")
    folder = Path(spec.origin).parent / "ttf"
    return FontFamily(
        "Open Sans",
        folder / "OpenSans-Regular.ttf",
        folder / "OpenSans-Bold.ttf",
        folder / "OpenSans-Italic.ttf",
        folder / "OpenSans-BoldItalic.ttf",
    )


FAMILY_NAMES = ("Open Sans",)


def font_family(name: str) -> FontFamily:
    if name == "Open Sans":
        return _open_sans()
    raise KeyError(name)
