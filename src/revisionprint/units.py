"""Lengths written with units ("12mm", "0.5in", "10pt") to points.

The only place units are parsed, so every file spells lengths the same way.
"""

from __future__ import annotations

import math
import re

from .limits import MAX_LENGTH_MM

POINTS_PER_UNIT = {
    "pt": 1.0,
    "in": 72.0,
    "mm": 72.0 / 25.4,
    "cm": 72.0 / 2.54,
}

MM = POINTS_PER_UNIT["mm"]  # the one points-per-millimetre: geometry in code is written in mm

_LENGTH = re.compile(r"^\s*([-+]?[0-9]*\.?[0-9]+)\s*([a-z]+)\s*$")


class LengthError(ValueError):
    pass


class LengthTooLarge(LengthError):
    """A length past any paper (or not finite): a slipped key or decimal point."""


def parse_length(text: str) -> float:
    """'12mm' -> 34.0157...; a bare number is refused: units are never guessed."""
    match = _LENGTH.match(str(text).lower())
    if not match:
        raise LengthError(
            f"'{text}' is not a length: write a number and a unit, like 12mm, 1.5cm, 0.5in or 10pt"
        )
    number, unit = match.groups()
    if unit not in POINTS_PER_UNIT:
        known = ", ".join(POINTS_PER_UNIT)
        raise LengthError(f"'{text}' has an unknown unit '{unit}': use one of {known}")
    points = float(number) * POINTS_PER_UNIT[unit]
    if not math.isfinite(points) or abs(points) > MAX_LENGTH_MM * POINTS_PER_UNIT["mm"]:
        raise LengthTooLarge(f"'{text}' is longer than any paper; a length can be at most {MAX_LENGTH_MM}mm "
                          "(see docs/limits.md)")
    return points
