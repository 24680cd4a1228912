"""Every colour and text size a reader sees comes from the layout: a theme that makes every
colour one grey and moves every size must leave nothing else in any product's PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import EXAMPLE
from revisionprint.layouts.loader import builtin_layout_folder

GREY = "#777777"
COLOUR_OPERATOR = re.compile(rb"((?:[-\d.]+\s+){1,4})(rg|RG|g|G|k|K)\b")
FONT_OPERATOR = re.compile(rb"/[\w+]+\s+([-\d.]+)\s+Tf\b")


def greyed(tree):
    """Every colour in the layout tree the same grey; every length a little bigger."""
    if isinstance(tree, dict):
        return {key: greyed(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [greyed(value) for value in tree]
    if isinstance(tree, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", tree):
        return GREY
    return tree


def themed_layout(tmp_path: Path) -> Path:
    default = yaml.safe_load((builtin_layout_folder() / "default.yaml").read_text(encoding="utf-8"))
    tree = greyed({key: value for key, value in default.items() if key not in ("description", "paper", "header",
                                                                               "footer", "stocks")})
    # Sizes the theme names, off the default's half points so a literal left in code shows.
    sizes = {"font": {"size": "11.3pt", "title_size": "16.3pt"},
             "furniture": {"text": {"largest": "7.3pt", "smallest": "5.3pt"}, "banner_size": "9.3pt",
                           "name_field": {"size": "10.3pt"}},
             "calibration": {"text_size": "7.3pt", "ruler_label_size": "4.8pt"},
             "flashcards": {"number_size": "6.3pt", "band_text": {"largest": "6.3pt", "smallest": "4.3pt"},
                            "margin_text": {"largest": "6.3pt", "smallest": "4.3pt"}, "scale_label_size": "5.3pt",
                            "front_text": {"largest": "15.3pt", "smallest": "8.3pt"},
                            "back_text": {"largest": "10.3pt", "smallest": "8.3pt"}}}
    for section, values in sizes.items():
        for key, value in values.items():
            if isinstance(value, dict):
                tree[section][key].update(value)
            else:
                tree[section][key] = value
    path = tmp_path / "grey.yaml"
    path.write_text(yaml.safe_dump(tree, sort_keys=False), encoding="utf-8")
    return path


def fitted_ranges(layout: dict) -> list[tuple[float, float]]:
    """Every size the theme names (as a one-point range) and every range text may be fitted in."""
    ranges = []

    def walk(tree):
        if isinstance(tree, dict):
            if set(tree) >= {"largest", "smallest"}:
                ranges.append((_points(tree["smallest"]), _points(tree["largest"])))
            for value in tree.values():
                walk(value)
        elif isinstance(tree, str) and re.fullmatch(r"[\d.]+pt", tree):
            ranges.append((_points(tree), _points(tree)))

    walk(layout)
    return ranges


def _points(text: str) -> float:
    from revisionprint.units import parse_length

    return parse_length(text)


def drawn(pdf: Path) -> tuple[set[tuple[float, ...]], set[float]]:
    colours, sizes = set(), set()
    for page in PdfReader(pdf).pages:
        if page.get_contents() is None:  # a pack's blank back
            continue
        content = page.get_contents().get_data()
        for numbers, _ in COLOUR_OPERATOR.findall(content):
            colours.add(tuple(round(float(n), 3) for n in numbers.split()))
        sizes.update(round(float(size), 3) for size in FONT_OPERATOR.findall(content))
    return colours, sizes


GREY_LEVEL = round(0x77 / 255, 3)


@pytest.mark.parametrize("command", [
    ("flashcards", EXAMPLE),
    ("flashcards", EXAMPLE, "--stock", "avery-5371"),
    ("factors", EXAMPLE),
    ("factors", EXAMPLE, "--blank"),
    ("factors", EXAMPLE, "--blank-columns", "evidence,for"),
    ("cardsort", EXAMPLE),
    ("cardsort", EXAMPLE, "--answers"),
    ("timeline", EXAMPLE),
    ("timeline", EXAMPLE, "--answers"),
    ("timeline", EXAMPLE, "--mode", "match", "--answers"),
    ("timeline", EXAMPLE, "--mode", "cut-out"),
    ("timeline", EXAMPLE, "--mode", "blank-dates", "--answers"),
    ("calibrate",),
    ("pack", EXAMPLE, "--products", "flashcards,timeline-answers", "--contents", "--title", "Revision"),
])
def test_a_grey_theme_leaves_no_other_colour_or_size(tmp_path, run, command):
    layout = themed_layout(tmp_path)
    target = tmp_path / "out.pdf"
    keep_going = ("--keep-going",) if command[0] != "calibrate" else ()
    result = run(*command, "--layout", layout, "-o", target, *keep_going)
    assert result.exit_code == 0, result.output
    colours, sizes = drawn(target)
    others = {colour for colour in colours if set(colour) != {GREY_LEVEL}}
    assert not others, f"colours not from the theme: {sorted(others)}"
    ranges = fitted_ranges(yaml.safe_load(layout.read_text(encoding="utf-8")))
    stray = {size for size in sizes if not any(low - 0.01 <= size <= high + 0.01 for low, high in ranges)}
    assert not stray, f"text sizes the theme does not name: {sorted(stray)}"
