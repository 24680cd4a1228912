from __future__ import annotations

import pytest

from revisionprint.units import LengthError, parse_length


@pytest.mark.parametrize("text, points", [("12mm", 34.0157), ("0.5in", 36.0), ("10pt", 10.0), ("1.5cm", 42.5197),
                                          ("-0.8mm", -2.2677), (" 3 MM ", 8.5039)])
def test_lengths_with_units(text, points):
    assert parse_length(text) == pytest.approx(points, abs=1e-3)


@pytest.mark.parametrize("text, words", [("12", "write a number and a unit"), ("12furlongs", "unknown unit"),
                                         ("mm", "is not a length")])
def test_lengths_without_a_known_unit_are_refused(text, words):
    with pytest.raises(LengthError, match=words):
        parse_length(text)
