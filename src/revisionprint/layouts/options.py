"""Small option classes, each validating one layout value and saying what was wrong.

A layout file is read against a tree of these (see schema.py); each leaf
becomes a Setting that remembers where it was written, so that checks made
after merging still name the right file and line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Optional

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem, excerpt
from ..fontfiles import font_file_problem
from ..limits import (LARGEST_PAPER_MM, LARGEST_WIDTH_SHARE, MAX_LIST_ITEMS, MAX_NUMBER_CHARACTERS, SMALLEST_PAPER_MM,
                      SMALLEST_WIDTH_SHARE)
from ..placeholders import PLACEHOLDERS, unknown_pieces
from ..units import POINTS_PER_UNIT, LengthError, LengthTooLarge, parse_length
from ..yamlfile import YamlFile, did_you_mean, kind_of, shortened


@dataclass(frozen=True)
class Setting:
    """One layout value, as parsed and as written, with where it was written."""

    value: Any
    written: Any
    file: str
    line: int
    column: int
    item: str
    # A named entry's own settings (a stock's card, pitch...), so that a check made after
    # merging can point at the one value that is wrong.
    parts: Optional[dict] = None

    def problem(self, message: str) -> Problem:
        """A problem with this value, reported where it was written."""
        return Problem(self.file, self.line, self.column, self.item, message)


def read_settings(source: YamlFile, node: Node, schema: dict, item: str) -> dict:
    """A mapping read against a schema tree: sections become dicts, options Settings."""
    values = source.mapping(node, item, list(schema), what="a layout section of key: value lines")
    tree: dict = {}
    for key, value_node in values.items():
        option = schema[key]
        child_item = f"{item}.{key}" if item else key
        if isinstance(option, dict):
            tree[key] = read_settings(source, value_node, option, child_item)
        elif isinstance(option, NamedEntries):
            tree[key] = option.read_entries(source, value_node, child_item)
        else:
            setting = option.read(source, value_node, child_item)
            if setting is not None:
                tree[key] = setting
    return tree


def written_values(tree: dict) -> dict:
    """The values of a settings tree as the user wrote them (for showing a merged layout)."""
    return {key: written_values(value) if isinstance(value, dict) else value.written for key, value in tree.items()}


class NamedEntries:
    """A mapping of names the user chooses (their own stocks), each read against one schema."""

    def __init__(self, schema: dict, build: Callable[[str, dict, YamlFile, Node], Any]):
        self.schema = schema
        self.build = build

    def read_entries(self, source: YamlFile, node: Node, item: str) -> dict:
        if not isinstance(node, MappingNode):
            source.report(node, item, f"should be named entries (name: followed by its settings), not {kind_of(node)}")
            return {}
        entries = {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else None
            if not name:
                source.report(key_node, item, "each entry needs a plain name")
                continue
            entry_item = f"{item}.{name}"
            tree = read_settings(source, value_node, self.schema, entry_item)
            value = self.build(name, tree, source, value_node)
            if value is not None:
                entries[name] = Setting(value, written_values(tree), source.name, key_node.start_mark.line + 1,
                                        key_node.start_mark.column + 1, entry_item, parts=tree)
        return entries


class Option:
    # Lengths and sizes are shown as written ("12mm"); numbers and lists as values.
    show_value = False

    def read(self, source: YamlFile, node: Node, item: str) -> Optional[Setting]:
        raw = self.raw(source, node, item)
        if raw is None:
            return None
        try:
            value = self.convert(raw)
        except ValueError as error:
            source.report(node, item, shortened(str(error), raw) if isinstance(raw, str) else str(error))
            return None
        written = value if self.show_value else raw
        return Setting(value, written, source.name, node.start_mark.line + 1, node.start_mark.column + 1, item)

    def raw(self, source: YamlFile, node: Node, item: str):
        return source.text(node, item)

    def convert(self, raw):
        return raw


class Text(Option):
    def raw(self, source, node, item):
        # An empty header slot is a real choice, not a mistake.
        if isinstance(node, ScalarNode) and not node.value.strip():
            return ""
        return source.text(node, item, required=False) or ""


class Length(Option):
    def __init__(self, at_least: Optional[float] = 0.0, at_most: Optional[str] = None):
        self.at_least = at_least  # None: negative lengths allowed (an offset)
        self.at_most = at_most  # the largest, as written in docs/limits.md: "72pt", "30mm"

    def convert(self, raw):
        try:
            points = parse_length(raw)
        except LengthTooLarge as error:
            raise ValueError(self._too_large(raw) if self.at_most else str(error)) from None
        except LengthError as error:
            raise ValueError(str(error)) from None
        if self.at_least is not None and points < self.at_least:
            raise ValueError(f"'{raw}' is too small here" if points >= 0 else f"'{raw}' cannot be negative")
        if self.at_most is not None and points > parse_length(self.at_most) + 1e-6:
            raise ValueError(self._too_large(raw))
        return points

    def _too_large(self, raw: str) -> str:
        return f"'{raw}' is too large here; it can be at most {self.at_most} (see docs/limits.md)"


class TextSize(Length):
    """A text size, no smaller than the layout's `font.minimum_size` either (checked after merging)."""


class Number(Option):
    show_value = True

    def __init__(self, smallest: float, largest: float):
        self.smallest, self.largest = smallest, largest

    def convert(self, raw):
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(f"'{raw}' should be a number from {self.smallest:g} to {self.largest:g}, "
                             "like 1.5") from None
        if not self.smallest <= value <= self.largest:
            raise ValueError(f"{raw} should be from {self.smallest:g} to {self.largest:g}")
        return value


class ImageFile(Text):
    """A PNG or JPEG file, written relative to the layout that names it; "" for none."""

    KINDS = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}

    def read(self, source, node, item):
        setting = super().read(source, node, item)
        if setting is None or not setting.value:
            return setting
        path = Path(source.name).parent / Path(setting.value).expanduser()
        try:
            with open(path, "rb") as stream:
                head = stream.read(8)
        except FileNotFoundError:
            source.report(node, item, f"there is no file '{setting.value}' (looked for {path}); a path is "
                                      "relative to the layout file")
            return None
        except OSError as error:
            source.report(node, item, f"'{setting.value}' cannot be read ({error.strerror or error})")
            return None
        if not any(head.startswith(magic) for magic in self.KINDS):
            source.report(node, item, f"'{setting.value}' is not a PNG or JPEG image; save it as PNG or JPEG")
            return None
        problem = _unreadable_image(path)
        if problem is not None:
            source.report(node, item, f"'{setting.value}' {problem}; save it again as PNG or JPEG")
            return None
        return replace(setting, value=str(path))


def _unreadable_image(path: Path) -> Optional[str]:
    """Why an image file that starts like a PNG or JPEG cannot be printed, or None. Read with
    Pillow (which ReportLab itself draws images with), only when a layout names a logo."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        return f"cannot be read as an image ({error})"
    return None


class OptionalColour(Option):
    """A colour, or `none`."""

    def convert(self, raw):
        if raw.strip().lower() == "none":
            return None
        return Colour().convert(raw)


class Offset(Length):
    """How far a printer shifts the second side: a few millimetres either way, never more than LIMIT_MM."""

    LIMIT_MM = 10
    _NUMBER = re.compile(r"[-+]?[0-9]*\.?[0-9]+")

    def __init__(self):
        super().__init__(at_least=None)

    def convert(self, raw):
        points = super().convert(raw)
        if abs(points) > self.LIMIT_MM * POINTS_PER_UNIT["mm"] + 1e-6:
            raise ValueError(f"{raw} is more than a printer drifts (a few mm){self._guess(raw)} "
                             f"`revisionprint calibrate` measures it; back_offset can be at most "
                             f"{self.LIMIT_MM}mm either way")
        return points

    def _guess(self, raw: str) -> str:
        """The offset meant, if the unit or the decimal point slipped: 2cm for 2mm, 500mm for 5mm."""
        number = float(self._NUMBER.search(raw).group())
        if not math.isfinite(number) or number == 0:
            return ""
        # As many places as the point slipped: 500mm -> 5mm, 2cm -> 2mm.
        number /= 10 ** max(0, math.ceil(math.log10(abs(number) / self.LIMIT_MM)))
        return f"; did you mean {round(number, 2):g}mm?"


class Dash(Option):
    """A dash pattern as lengths, on then off: '3pt 2pt'; 'solid' for an unbroken line."""

    def convert(self, raw):
        if raw.strip().lower() in ("solid", "none"):
            return ()
        try:
            lengths = tuple(parse_length(part) for part in raw.split())
        except LengthError as error:
            raise ValueError(f"{error}; a dash is written as lengths on and off, like '3pt 2pt', or 'solid'") from None
        if not lengths or any(length <= 0 for length in lengths):
            raise ValueError(f"'{raw}' should be lengths of more than 0, like '3pt 2pt', or 'solid'")
        return lengths


class Integer(Option):
    show_value = True

    def __init__(self, smallest: int, largest: int):
        self.smallest, self.largest = smallest, largest

    def convert(self, raw):
        if not re.fullmatch(r"\d{1,9}", raw):
            raise ValueError(f"'{raw}' should be a whole number from {self.smallest} to {self.largest}")
        value = int(raw)
        if not self.smallest <= value <= self.largest:
            raise ValueError(f"{value} should be from {self.smallest} to {self.largest}")
        return value


class Boolean(Option):
    show_value = True

    WORDS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}

    def convert(self, raw):
        try:
            return self.WORDS[raw.lower()]
        except KeyError:
            raise ValueError(f"'{raw}' should be true or false") from None


class Choice(Option):
    def __init__(self, *choices: str):
        self.choices = choices

    def convert(self, raw):
        for choice in self.choices:
            if raw.casefold() == choice.casefold():
                return choice
        raise ValueError(f"'{raw}' is not one of the choices{did_you_mean(raw, self.choices)}")


class Colour(Option):
    def convert(self, raw):
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", raw):
            raise ValueError(f"'{raw}' is not a colour; write it as #RRGGBB, for example \"#0072B2\" (in quotes)")
        return raw.upper()


class ColourList(Option):
    show_value = True

    def raw(self, source, node, item):
        if not isinstance(node, SequenceNode) or not node.value:
            source.report(node, item, "should be a list of colours, like [\"#E69F00\", \"#56B4E9\"]")
            return None
        if source.too_many(node, item, MAX_LIST_ITEMS, "colours"):
            return None
        colours = [Colour().read(source, entry, f"{item}[{index}]") for index, entry in enumerate(node.value)]
        return None if None in colours else [setting.value for setting in colours]

    def convert(self, raw):
        return tuple(raw)


def _width_and_height(raw: str) -> Optional[tuple[float, float]]:
    """'85mm x 55mm' as (width, height) in points; None if it is not two lengths joined by x."""
    parts = re.split(r"\s*[x×]\s*", raw.strip())
    if len(parts) != 2:
        return None
    try:
        width, height = parse_length(parts[0]), parse_length(parts[1])
    except LengthError as error:
        raise ValueError(str(error)) from None
    if width <= 0 or height <= 0:
        raise ValueError(f"'{raw}' needs a width and a height of more than 0, like '85mm x 55mm'")
    return width, height


def _paper_sized(raw: str, size: tuple[float, float]) -> tuple[float, float]:
    mm = POINTS_PER_UNIT["mm"]
    if not all(SMALLEST_PAPER_MM * mm - 1e-6 <= side <= LARGEST_PAPER_MM * mm + 1e-6 for side in size):
        raise ValueError(f"'{raw}' is not a paper a printer takes: each side must be from {SMALLEST_PAPER_MM}mm "
                         f"to {LARGEST_PAPER_MM}mm (see docs/limits.md)")
    return size


class Paper(Option):
    """A paper by name (portrait) or a size, as written: width x height."""

    SIZES = {"A3": ("297mm", "420mm"), "A4": ("210mm", "297mm"), "A5": ("148mm", "210mm"),
             "Letter": ("8.5in", "11in"), "Legal": ("8.5in", "14in")}

    def convert(self, raw):
        for name, (width, height) in self.SIZES.items():
            if raw.casefold() == name.casefold():
                return (parse_length(width), parse_length(height))
        size = _width_and_height(raw)
        if size is None:
            raise ValueError(
                f"'{raw}' is not a paper size; use {', '.join(self.SIZES)} or a size such as '210mm x 297mm'"
            )
        return _paper_sized(raw, size)


class Size(Option):
    """Width x height, as written: '85mm x 55mm', '3.5in x 2in'."""

    def convert(self, raw):
        size = _width_and_height(raw)
        if size is None:
            raise ValueError(f"'{raw}' is not a size; write width x height, like '85mm x 55mm'")
        return size


class Template(Text):
    """Header or footer text; only the placeholders we can fill are allowed, each alone in its braces."""

    PLACEHOLDERS = PLACEHOLDERS

    def convert(self, raw):
        for piece in unknown_pieces(raw):
            if piece in ("{", "}"):
                raise ValueError(f"'{raw}' has an unmatched {piece}; write {piece}{piece} for a brace itself")
            name = piece[1:-1]
            names = ", ".join("{" + p + "}" for p in self.PLACEHOLDERS)
            meant = next((p for p in self.PLACEHOLDERS if name.startswith(p) and name[len(p):len(p) + 1] in ":!"),
                         None)
            hint = f"; write {{{meant}}} alone, with nothing after its name" if meant else \
                did_you_mean(name, self.PLACEHOLDERS)
            raise ValueError(f"'{excerpt(piece)}' is not a placeholder{hint} (placeholders: {names})")
        return raw


class MarksTemplate(Text):
    """How a board writes a question's marks: "[{marks} marks]", "({marks})"."""

    def convert(self, raw):
        # Filled by plain replacement, as headers are: {marks} is the only placeholder.
        if raw and ("{marks}" not in raw or "{" in raw.replace("{marks}", "") or "}" in raw.replace("{marks}", "")):
            raise ValueError(f"'{raw}' should say where the marks go with {{marks}}, like \"[{{marks}} marks]\"")
        return raw


class TextList(Option):
    show_value = True

    def raw(self, source, node, item):
        return list(source.text_list(node, item))

    def convert(self, raw):
        return tuple(raw)


class ChoiceList(Option):
    show_value = True

    def __init__(self, *choices: str, noun: str = "column"):
        self.item_option = Choice(*choices)
        self.noun = noun

    def raw(self, source, node, item):
        if not isinstance(node, SequenceNode):
            source.report(node, item, f"should be a list, not {kind_of(node)}")
            return None
        if source.too_many(node, item, MAX_LIST_ITEMS, "items"):
            return None
        values = []
        for index, entry in enumerate(node.value):
            setting = self.item_option.read(source, entry, f"{item}[{index}]")
            if setting is None:
                return None
            values.append(setting.value)
        return values

    def convert(self, raw):
        if len(set(raw)) != len(raw):
            raise ValueError(f"names a {self.noun} twice")
        if not raw:
            raise ValueError(f"needs at least one {self.noun}")
        return tuple(raw)


class NumberList(Option):
    show_value = True

    def raw(self, source, node, item):
        if not isinstance(node, SequenceNode):
            source.report(node, item, f"should be a list of numbers, not {kind_of(node)}")
            return None
        if source.too_many(node, item, MAX_LIST_ITEMS, "numbers"):
            return None
        values = []
        for index, entry in enumerate(node.value):
            text = source.text(entry, f"{item}[{index}]")
            if text is None:
                return None
            number = _number(text)
            if number is None:
                source.report(entry, f"{item}[{index}]", f"'{excerpt(text)}' should be a number, like 2 or 1.5")
                return None
            if not SMALLEST_WIDTH_SHARE <= number <= LARGEST_WIDTH_SHARE:
                source.report(entry, f"{item}[{index}]", f"{excerpt(text)} should be from {SMALLEST_WIDTH_SHARE:g} "
                                                         f"to {LARGEST_WIDTH_SHARE:g} (see docs/limits.md)")
                return None
            values.append(number)
        return values

    def convert(self, raw):
        return tuple(raw)


class FontFile(Option):
    """A TrueType font file, relative to the layout file, that ReportLab can embed."""

    def read(self, source, node, item):
        setting = super().read(source, node, item)
        if setting is None:
            return None
        path = Path(source.name).parent / Path(setting.value).expanduser()
        problem = font_file_problem(path) if path.is_file() else "there is no such file"
        if problem is not None:
            source.report(node, item, f"'{setting.value}': {problem}")
            return None
        return replace(setting, value=path)


class FontFileList(Option):
    """Font files tried in order for the characters the fonts before them lack."""

    show_value = True

    def raw(self, source, node, item):
        if not isinstance(node, SequenceNode):
            source.report(node, item, f"should be a list of font files, not {kind_of(node)}")
            return None
        paths = [FontFile().read(source, entry, f"{item}[{index}]") for index, entry in enumerate(node.value)]
        return None if None in paths else [setting.value for setting in paths]

    def convert(self, raw):
        return tuple(raw)


_DECIMAL = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")


def _number(text: str) -> Optional[float]:
    """A number written in decimals ('2', '1.5'); not inf, nan, 1e400 or 1_000."""
    return float(text) if _DECIMAL.fullmatch(text.strip()) and len(text.strip()) <= MAX_NUMBER_CHARACTERS else None
