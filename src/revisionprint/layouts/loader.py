"""Finding layouts by name or file, following `extends`, and merging them.

Lookup order for a name: the user's `layouts/NAME.yaml` (in the current
folder), then the layouts built into the package. A layout that extends
nothing extends `default`, so every merged layout is complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional

import click
import yaml
from yaml.nodes import Node

from ..errors import InvalidFiles, Problem
from ..model import Box, Colours, FactorTableLayout, FlashcardLayout, Layout, PageFurniture, SizeRange, TimelineLayout
from ..yamlfile import YamlFile, did_you_mean, read_yaml
from .options import Option, Setting
from .schema import LAYOUT_SCHEMA

USER_LAYOUT_FOLDER = Path("layouts")
BASE_LAYOUT = "default"

SettingsTree = dict  # nested dict of section name -> SettingsTree | Setting


def builtin_layout_folder() -> Path:
    return Path(str(resources.files("revisionprint") / "data" / "layouts"))


@dataclass(frozen=True)
class LayoutInfo:
    name: str
    description: str
    paper: str
    where: str  # "built in" or the user's file


def _is_path(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name


def find_layout(name: str, relative_to: Optional[Path] = None, skip: Optional[Path] = None) -> Optional[Path]:
    """The file a layout name or path refers to, or None."""
    if _is_path(name):
        path = Path(name) if relative_to is None else relative_to / name
        return path if path.is_file() else None
    for folder in (USER_LAYOUT_FOLDER, builtin_layout_folder()):
        for suffix in (".yaml", ".yml"):
            path = folder / f"{name}{suffix}"
            # A user's layouts/default.yaml may extend the built-in default.
            if path.is_file() and (skip is None or path.resolve() != skip.resolve()):
                return path
    return None


def layout_names() -> list[str]:
    names = set()
    for folder in (USER_LAYOUT_FOLDER, builtin_layout_folder()):
        if folder.is_dir():
            names.update(path.stem for path in folder.glob("*.y*ml"))
    return sorted(names)


def _read_tree(source: YamlFile, node: Node, schema: dict, item: str) -> SettingsTree:
    values = source.mapping(node, item, list(schema), what="a layout section of key: value lines")
    tree: SettingsTree = {}
    for key, value_node in values.items():
        option = schema[key]
        child_item = f"{item}.{key}" if item else key
        if isinstance(option, dict):
            tree[key] = _read_tree(source, value_node, option, child_item)
        else:
            setting = option.read(source, value_node, child_item)
            if setting is not None:
                tree[key] = setting
    return tree


def _merge(base: SettingsTree, override: SettingsTree) -> SettingsTree:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _chain(name: str) -> tuple[list[tuple[Path, SettingsTree]], list[Problem]]:
    """The layout and everything it extends, base first, with every problem found."""
    path = find_layout(name)
    if path is None:
        raise click.BadParameter(
            f"there is no layout '{name}'{did_you_mean(name, layout_names())} "
            "(run 'revisionprint layouts' to see them all)",
            param_hint="--layout",
        )
    chain: list[tuple[Path, SettingsTree]] = []
    problems: list[Problem] = []
    seen: list[Path] = []
    while path is not None:
        source = read_yaml(str(path), _display(path))
        tree = _read_tree(source, source.root, LAYOUT_SCHEMA, "") if source.root is not None else {}
        problems.extend(source.problems)
        chain.insert(0, (path, tree))
        seen.append(path.resolve())
        parent = tree.get("extends")
        if parent is None:
            is_base = path.resolve() == (builtin_layout_folder() / f"{BASE_LAYOUT}.yaml").resolve()
            path = None if is_base else find_layout(BASE_LAYOUT, skip=path)
            continue
        path = find_layout(parent.value, relative_to=path.parent, skip=path)
        if path is None:
            problems.append(Problem(parent.file, parent.line, parent.column, "extends",
                                    f"there is no layout '{parent.value}'{did_you_mean(parent.value, layout_names())}"))
        elif path.resolve() in seen:
            problems.append(Problem(parent.file, parent.line, parent.column, "extends",
                                    f"'{parent.value}' leads back to this layout (a cycle); "
                                    "a layout cannot extend itself"))
            path = None
    return chain, problems


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _merged_tree(name: str) -> tuple[SettingsTree, list[Path]]:
    chain, problems = _chain(name)
    if problems:
        raise InvalidFiles(problems)
    merged: SettingsTree = {}
    for _, tree in chain:
        merged = _merge(merged, tree)
    return merged, [path for path, _ in chain]


def load_layout(name: str) -> Layout:
    merged, files = _merged_tree(name)
    layout = _build_layout(name if not _is_path(name) else Path(name).stem, merged, files)
    return layout


def _values(tree: SettingsTree) -> dict:
    return {key: _values(value) if isinstance(value, dict) else value.value for key, value in tree.items()}


def _build_layout(name: str, tree: SettingsTree, files: list[Path]) -> Layout:
    problems = _cross_check(tree)
    if problems:
        raise InvalidFiles(problems)
    v = _values(tree)
    cards, factors, timeline = v["flashcards"], v["factors"], v["timeline"]
    width, height = v["paper"]
    return Layout(
        name=name,
        description=v.get("description", ""),
        file=_display(files[-1]),
        page_width=width,
        page_height=height,
        paper_name=tree["paper"].written,
        margins=Box(**v["margins"]),
        font_family=v["font"]["family"],
        body_size=v["font"]["size"],
        title_size=v["font"]["title_size"],
        colours=Colours(**v["colours"]),
        header=PageFurniture(**v["header"]),
        footer=PageFurniture(**v["footer"]),
        flashcards=FlashcardLayout(
            orientation=cards["orientation"],
            card_width=cards["card_width"],
            card_height=cards["card_height"],
            columns=cards["columns"],
            rows=cards["rows"],
            column_gap=cards["column_gap"],
            row_gap=cards["row_gap"],
            safe_margin=cards["safe_margin"],
            front_size=SizeRange(**cards["front_text"]),
            back_size=SizeRange(**cards["back_text"]),
            cut_lines=cards["cut_lines"],
        ),
        factors=FactorTableLayout(
            orientation=factors["orientation"],
            columns=factors["columns"],
            widths=factors["widths"],
            text_size=SizeRange(**factors["text"]),
            heading_size=factors["heading_size"],
            writing_line_spacing=factors["writing_line_spacing"],
            min_writing_lines=factors["min_writing_lines"],
        ),
        timeline=TimelineLayout(**timeline),
        extends=tuple(_display(path) for path in files[:-1]),
    )


def _cross_check(tree: SettingsTree) -> list[Problem]:
    """Checks between values, made after merging, reported where the deciding value was written."""
    problems = []

    def report(setting: Setting, message: str) -> None:
        problems.append(Problem(setting.file, setting.line, setting.column, setting.item, message))

    for section, sizes in (("flashcards", "front_text"), ("flashcards", "back_text"), ("factors", "text")):
        largest, smallest = tree[section][sizes]["largest"], tree[section][sizes]["smallest"]
        if smallest.value > largest.value:
            report(smallest, f"the smallest text size ({smallest.written}) is larger than the largest ({largest.written})")
    columns, widths = tree["factors"]["columns"], tree["factors"]["widths"]
    if len(columns.value) != len(widths.value):
        report(widths, f"gives {len(widths.value)} widths for {len(columns.value)} columns "
                       f"({', '.join(columns.value)}); give one width per column")
    cards = tree["flashcards"]
    width, height = tree["paper"].value
    if cards["orientation"].value == "landscape":
        width, height = height, width
    needed_width = cards["columns"].value * cards["card_width"].value + (cards["columns"].value - 1) * cards["column_gap"].value
    needed_height = cards["rows"].value * cards["card_height"].value + (cards["rows"].value - 1) * cards["row_gap"].value
    if needed_width > width or needed_height > height:
        report(cards["columns"] if needed_width > width else cards["rows"],
               f"{cards['columns'].value} x {cards['rows'].value} cards of {cards['card_width'].written} x "
               f"{cards['card_height'].written} do not fit on {tree['paper'].written} "
               f"{cards['orientation'].value}; use fewer columns or rows, or smaller cards")
    return problems


def available_layouts() -> list[LayoutInfo]:
    infos = []
    for name in layout_names():
        path = find_layout(name)
        source = read_yaml(str(path), _display(path))
        tree = _read_tree(source, source.root, LAYOUT_SCHEMA, "") if source.root is not None else {}
        try:
            merged, _ = _merged_tree(name)
            paper = merged["paper"].written
        except (InvalidFiles, click.BadParameter):
            paper = "(has problems: run 'revisionprint layouts show " + name + "')"
        where = "built in" if path.resolve().is_relative_to(builtin_layout_folder().resolve()) else _display(path)
        description = tree["description"].value if "description" in tree else ""
        infos.append(LayoutInfo(name, description, paper, where))
    return infos


def merged_layout_yaml(name: str) -> str:
    """The fully merged layout, as a user would write it, to see what `extends` gave."""
    merged, files = _merged_tree(name)
    _build_layout(name, merged, files)  # report cross-field problems too

    def written(tree: SettingsTree) -> dict:
        return {key: written(value) if isinstance(value, dict) else value.written
                for key, value in tree.items() if key != "extends"}

    chain = " <- ".join(_display(path) for path in reversed(files))
    body = yaml.safe_dump(written(merged), sort_keys=False, allow_unicode=True, width=100)
    return f"# {name}: merged from {chain}\n{body}"
