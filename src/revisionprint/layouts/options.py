"""Small option classes, each validating one layout value and saying what was wrong.

A layout file is read against a tree of these (see schema.py); each leaf
becomes a Setting that remembers where it was written, so that checks made
after merging still name the right file and line.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any, Optional

from yaml.nodes import Node, ScalarNode, SequenceNode

from ..units import LengthError, parse_length
from ..yamlfile import YamlFile, did_you_mean, kind_of


@dataclass(frozen=True)
class Setting:
    """One layout value, as parsed and as written, with where it was written."""

    value: Any
    written: Any
    file: str
    line: int
    column: int
    item: str


class Option:
    help = ""

    def read(self, source: YamlFile, node: Node, item: str) -> Optional[Setting]:
        raw = self.raw(source, node, item)
        if raw is None:
            return None
        try:
            value = self.convert(raw)
        except ValueError as error:
            source.report(node, item, str(error))
            return None
        return Setting(value, raw, source.name, node.start_mark.line + 1, node.start_mark.column + 1, item)

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
    def __init__(self, at_least: float = 0.0):
        self.at_least = at_least

    def convert(self, raw):
        try:
            points = parse_length(raw)
        except LengthError as error:
            raise ValueError(str(error)) from None
        if points < self.at_least:
            raise ValueError(f"'{raw}' is too small here")
        return points


class Integer(Option):
    def __init__(self, smallest: int, largest: int):
        self.smallest, self.largest = smallest, largest

    def convert(self, raw):
        if not re.fullmatch(r"\d+", raw):
            raise ValueError(f"'{raw}' should be a whole number from {self.smallest} to {self.largest}")
        value = int(raw)
        if not self.smallest <= value <= self.largest:
            raise ValueError(f"{value} should be from {self.smallest} to {self.largest}")
        return value


class Boolean(Option):
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


class Paper(Option):
    SIZES = {"A3": ("297mm", "420mm"), "A4": ("210mm", "297mm"), "A5": ("148mm", "210mm"),
             "Letter": ("8.5in", "11in"), "Legal": ("8.5in", "14in")}

    def convert(self, raw):
        for name, (width, height) in self.SIZES.items():
            if raw.casefold() == name.casefold():
                return (parse_length(width), parse_length(height))
        parts = re.split(r"\s*[x×]\s*", raw.strip())
        if len(parts) == 2:
            try:
                return tuple(sorted((parse_length(parts[0]), parse_length(parts[1]))))
            except LengthError as error:
                raise ValueError(str(error)) from None
        raise ValueError(
            f"'{raw}' is not a paper size; use {', '.join(self.SIZES)} or a size such as '210mm x 297mm'"
        )


class Template(Text):
    """Header or footer text; only the placeholders we can fill are allowed."""

    PLACEHOLDERS = ("title", "subject", "course", "source", "product", "page", "pages")

    def convert(self, raw):
        try:
            fields = [name for _, name, _, _ in string.Formatter().parse(raw) if name is not None]
        except ValueError:
            raise ValueError(f"'{raw}' has an unmatched {{ or }}; write {{{{ or }}}} for a brace itself") from None
        for name in fields:
            if name not in self.PLACEHOLDERS:
                names = ", ".join("{" + p + "}" for p in self.PLACEHOLDERS)
                raise ValueError(f"'{{{name}}}' is not a placeholder{did_you_mean(name, self.PLACEHOLDERS)} "
                                 f"(placeholders: {names})")
        return raw


class ChoiceList(Option):
    def __init__(self, *choices: str):
        self.item_option = Choice(*choices)

    def raw(self, source, node, item):
        if not isinstance(node, SequenceNode):
            source.report(node, item, f"should be a list, not {kind_of(node)}")
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
            raise ValueError("names a column twice")
        if not raw:
            raise ValueError("needs at least one column")
        return tuple(raw)


class NumberList(Option):
    def raw(self, source, node, item):
        if not isinstance(node, SequenceNode):
            source.report(node, item, f"should be a list of numbers, not {kind_of(node)}")
            return None
        values = []
        for index, entry in enumerate(node.value):
            text = source.text(entry, f"{item}[{index}]")
            if text is None:
                return None
            try:
                number = float(text)
            except ValueError:
                source.report(entry, f"{item}[{index}]", f"'{text}' should be a number, like 2 or 1.5")
                return None
            if number <= 0:
                source.report(entry, f"{item}[{index}]", f"{text} should be more than 0")
                return None
            values.append(number)
        return values

    def convert(self, raw):
        return tuple(raw)
