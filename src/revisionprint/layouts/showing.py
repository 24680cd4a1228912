"""Showing layouts to people: a merged layout with where each value came from, and an
annotated copy to start a layout of one's own from."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Optional, Sequence

import yaml

from ..errors import UsageProblem
from ..yamlfile import did_you_mean
from .loader import (USER_LAYOUT_FOLDER, CommandLineSetting, SettingsTree, _display, _merged_tree,
                     builtin_layout_folder, find_layout, layout_names)
from .options import Setting


class _ShowDumper(yaml.SafeDumper):
    """Lists on one line, as a person writes them: columns: [factor, summary]."""


def _flow_list(dumper: yaml.SafeDumper, data) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_ShowDumper.add_representer(list, _flow_list)
_ShowDumper.add_representer(tuple, _flow_list)


def merged_layout_yaml(name: str, settings: Sequence[CommandLineSetting] = ()) -> str:
    """The fully merged layout, as a user would write it, each value with the file and line it
    came from (or the option that set it), to see what `extends` and --set gave."""
    merged, files = _merged_tree(name, settings)
    chain = " <- ".join(_file_name(path) for path in reversed(files))
    rows = _shown_rows({key: value for key, value in merged.items() if key != "extends"}, 0)
    width = min(max(len(text) for text, _ in rows if _ is not None) + 2, 64)
    body = "".join(f"{text}{' ' * max(2, width - len(text))}# {where}\n" if where else f"{text}\n"
                   for text, where in rows)
    return f"# {name}: merged from {chain}\n# Each value with where it was set.\n{body}"


def _shown_rows(tree: SettingsTree, depth: int) -> list[tuple[str, Optional[str]]]:
    """(YAML line, where its value was set) for each key of a merged settings tree."""
    pad = "  " * depth
    rows: list[tuple[str, Optional[str]]] = []
    for key, value in tree.items():
        if isinstance(value, dict):
            rows.append((f"{pad}{key}:", None))
            rows += _shown_rows(value, depth + 1)
        elif isinstance(value.written, dict):  # a named entry (a stock of the layout's own)
            rows.append((f"{pad}{key}:", _where(value)))
            dumped = yaml.dump(value.written, Dumper=_ShowDumper, sort_keys=False, allow_unicode=True, width=1000)
            rows += [(f"{pad}  {line}", None) for line in dumped.splitlines()]
        else:
            rows.append((f"{pad}{key}: {_shown_value(value.written)}", _where(value)))
    return rows


def _shown_value(written) -> str:
    dumped = yaml.dump(written, Dumper=_ShowDumper, allow_unicode=True, width=1000, default_flow_style=True)
    return dumped.removesuffix("\n...\n").strip()


def _where(setting: Setting) -> str:
    if setting.line == 0:
        return f"from {setting.file}"
    return f"{_file_name(Path(setting.file))}:{setting.line}"


def _file_name(path: Path) -> str:
    """A user's layout file as found; a built-in one by its name alone."""
    if path.resolve().is_relative_to(builtin_layout_folder().resolve()):
        return f"built-in {path.name}"
    return _display(path)


# One line for each section of an annotated copy: what it decides (docs/layout-format.md has every key).
SECTION_NOTES = {
    "paper": "The paper for tables and worksheets: A3, A4, A5, Letter, Legal or a size such as \"210mm x 297mm\".",
    "margins": "From the paper's edges to the content; the header and footer sit in the top and bottom margins.",
    "font": "family: Open Sans or Atkinson Hyperlegible; weight: regular or bold (every text); emphasis: italic "
            "or bold (what *italic* prints as); leading: line spacing; minimum_size: no size below it.",
    "colours": "Colours as \"#RRGGBB\", in quotes. page_tint: a colour over every page, or none.",
    "lines": "Each kind of line: colour, width, and dash (lengths on and off, or solid).",
    "furniture": "The header and footer text sizes, the answer-key banner and the Name / Class / Date line.",
    "calibration": "The calibration sheet's text sizes.",
    "school": "Your school's name and logo (a PNG or JPEG file, found from this file's folder) in the header.",
    "board": "The exam board whose questions the products print (none, aqa, edexcel, ocr, cambridge, ib), and "
             "how it writes marks.",
    "header": "Text at the top of every table and worksheet page: {title}, {subject}, {course}, {source}, "
              "{product}, {page}, {pages}.",
    "footer": "Text at the foot of every table and worksheet page, with the same placeholders.",
    "stocks": "Card stocks of this layout's own (see docs/layout-format.md).",
    "flashcards": "The card stock, text sizes, cut guides, duplex, the printer's back_offset and tag colours.",
    "factors": "The factor tables: orientation, columns and their widths, text sizes and writing lines.",
    "factor_key": "Each factor's colour and shape, given out in the order the factors are written.",
    "timeline": "The timeline worksheets: orientation, text sizes and label widths.",
}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def new_layout_text(name: str, start_from: str) -> str:
    """An annotated copy of `start_from` for a layout called `name`: extends it, with every
    value it may change below, commented out, as it is now."""
    if not _NAME.fullmatch(name):
        raise UsageProblem("NAME", f"'{name}' should be a plain name of letters, digits and hyphens, such as "
                                   "our-school")
    if find_layout(start_from) is None:
        raise UsageProblem("--from", f"there is no layout '{start_from}'{did_you_mean(start_from, layout_names())} "
                                     "(run 'revisionprint layouts' to see them all)")
    merged, _ = _merged_tree(start_from)
    description = merged["description"].value if "description" in merged else ""
    lines = [f"# {name}: a layout of your own, starting from {start_from} ({description}).",
             "# Every value it may change is below, commented out, as it is now. To change one, delete the '# '",
             "# in front of it and in front of its section's name (such as 'margins:'), and write the new value.",
             f"# Then check it with: revisionprint layouts show {name}",
             f"description: {_shown_value(f'Our layout, from {start_from}')}",
             f"extends: {start_from}"]
    for key, value in merged.items():
        if key in ("description", "extends", "stocks"):
            continue
        lines.append("")
        if key in SECTION_NOTES:
            lines += [f"# {line}" for line in textwrap.wrap(SECTION_NOTES[key], 96)]
        shown = _shown_rows({key: value}, 0)
        lines += [f"# {text}" for text, _ in shown]
    return "\n".join(lines) + "\n"


def write_new_layout(name: str, start_from: str, force: bool) -> Path:
    target = USER_LAYOUT_FOLDER / f"{name}.yaml"
    if target.exists() and not force:
        raise UsageProblem("NAME", f"{target} exists; choose another name, or --force to replace it")
    text = new_layout_text(name, start_from)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
