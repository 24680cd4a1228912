"""Finding layouts by name or file, following `extends`, and merging them.

Lookup order for a name: the user's `layouts/NAME.yaml` (in the current
folder), then the layouts built into the package. A layout that extends
nothing extends `default`, so every merged layout is complete.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional, Sequence

from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import DATA_FOLDER
from ..errors import InvalidFiles, Problem, UsageProblem, excerpt
from ..fontfiles import FontChoice, FontFamily, font_choice, font_family, styled
from ..limits import SMALLEST_COLUMN_MM, SMALLEST_CONTENT_MM, SMALLEST_MAT_ZONE_MM, SMALLEST_STRIP_TEXT_MM
from ..units import POINTS_PER_UNIT
from ..model import (BoardStyle, Box, CalibrationStyle, CardMarks, CardSortLayout, Colours, Continuum, Duplex, Emphasis,
                     FactorKey, FactorTableLayout, FlashcardLayout, FontWeight, FurnitureStyle, Layout, Lines,
                     NameField, PageFurniture, School, SizeRange, Stock, Stroke, TextGrowth, TimelineLayout, can_fold,
                     mat_top_height, strip_text_box)
from ..model.card_grid import FOLD_ADVICE
from ..yamlfile import STR_TAG, YamlFile, did_you_mean, read_yaml
from .options import Setting, TextSize, read_settings
from .stocks import builtin_stocks, find_stock, stock_names, text_room_problem
from .schema import LAYOUT_SCHEMA

USER_LAYOUT_FOLDER = Path("layouts")
BASE_LAYOUT = "default"

SettingsTree = dict  # nested dict of section name -> SettingsTree | Setting


def builtin_layout_folder() -> Path:
    return DATA_FOLDER / "layouts"


@dataclass(frozen=True)
class CommandLineSetting:
    """A layout value given for one run (`--stock avery-5371`): the last layer merged into the
    layout, read by the same options as the files, and reported as coming from the option."""

    option: str  # "--stock", or "--set margins.top"
    path: str  # "flashcards.stock"
    value: str


@dataclass(frozen=True)
class LayoutInfo:
    name: str
    description: str
    paper: str
    where: str  # "built in" or the user's file


def _is_path(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name


def _is_next_to_layout(name: str) -> bool:
    """What `extends` may name (docs/layout-format.md): a layout name, or a file in the
    layout's own folder; never a path that leads elsewhere (/etc/passwd, ../../x.yaml)."""
    return not any(mark in name for mark in ("/", "\\", ":", "\0")) and name not in (".", "..")


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
        raise UsageProblem("--layout", f"there is no layout '{name}'{did_you_mean(name, layout_names())} "
                                       "(run 'revisionprint layouts' to see them all)")
    chain: list[tuple[Path, SettingsTree]] = []
    problems: list[Problem] = []
    seen: list[Path] = []
    while path is not None:
        source = read_yaml(str(path), _display(path))
        tree = read_settings(source, source.root, LAYOUT_SCHEMA, "") if source.root is not None else {}
        problems.extend(source.problems)
        chain.insert(0, (path, tree))
        seen.append(path.resolve())
        parent = tree.get("extends")
        if parent is None:
            is_base = path.resolve() == (builtin_layout_folder() / f"{BASE_LAYOUT}.yaml").resolve()
            path = None if is_base else find_layout(BASE_LAYOUT, skip=path)
            continue
        if not _is_next_to_layout(parent.value):
            problems.append(parent.problem(
                f"'{excerpt(parent.value)}' is a path; extends takes a layout name (default, letter, or one of "
                "yours in layouts/) or the name of a file next to this layout, such as school.yaml"))
            break
        path = find_layout(parent.value, relative_to=path.parent, skip=path)
        if path is None:
            problems.append(Problem(parent.file, parent.line, parent.column, "extends",
                                    f"there is no layout '{excerpt(parent.value)}'"
                                    f"{did_you_mean(parent.value, layout_names())}"))
        elif path.resolve() in seen:
            problems.append(Problem(parent.file, parent.line, parent.column, "extends",
                                    f"'{excerpt(parent.value)}' leads back to this layout (a cycle); "
                                    "a layout cannot extend itself"))
            path = None
    base = (builtin_layout_folder() / f"{BASE_LAYOUT}.yaml").resolve()
    if chain[0][0].resolve() != base:
        # A broken `extends` ended the chain early: the built-in default still gives every value
        # a layout may leave out, so the checks between values can run.
        source = read_yaml(str(base), _display(base))
        chain.insert(0, (base, read_settings(source, source.root, LAYOUT_SCHEMA, "")))
    return chain, problems


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _command_line_tree(setting: CommandLineSetting) -> tuple[SettingsTree, list[Problem]]:
    """One option's value as a settings tree, as if written in a file named after the option."""
    # Line -1: a Problem from here has line 0, which prints as the option alone, with no line.
    mark = Mark(setting.option, 0, -1, -1, None, None)
    value = setting.value.strip()
    node: Node = ScalarNode(STR_TAG, setting.value, mark, mark, style='"')
    if value.startswith("[") and value.endswith("]"):  # a list: --set factors.widths=[1,2,2]
        items = [item.strip().strip("'\"") for item in value[1:-1].split(",") if item.strip()]
        node = SequenceNode("tag:yaml.org,2002:seq", [ScalarNode(STR_TAG, item, mark, mark) for item in items],
                            mark, mark, flow_style=True)
    for key in reversed(setting.path.split(".")):
        node = MappingNode("tag:yaml.org,2002:map", [(ScalarNode(STR_TAG, key, mark, mark), node)], mark, mark)
    source = YamlFile(setting.option, node)
    tree = read_settings(source, node, LAYOUT_SCHEMA, "")
    return tree, source.problems


def _merged_tree(name: str, settings: Sequence[CommandLineSetting] = ()) -> tuple[SettingsTree, list[Path]]:
    chain, problems = _chain(name)
    merged: SettingsTree = {}
    for _, tree in chain:
        merged = _merge(merged, tree)
    for setting in settings:
        tree, option_problems = _command_line_tree(setting)
        merged = _merge(merged, tree)
        problems += option_problems
    # A value that could not be read is left to the layout it extends (the built-in default
    # sets every value), so the checks between values still run: every mistake in one go.
    checks = _cross_check(merged)
    if problems:
        # A stock already reported as wrong is not also 'no such stock'.
        broken = {problem.item.split(".")[1] for problem in problems if problem.item.startswith("stocks.")}
        chosen = merged["flashcards"]["stock"]
        checks = [check for check in checks if not (check.item == chosen.item and chosen.value in broken)]
    problems += checks
    from_options = [problem for problem in problems if problem.line == 0]
    if from_options:
        raise UsageProblem(from_options[0].file, from_options[0].message)
    if problems:
        raise InvalidFiles(problems)
    return merged, [path for path, _ in chain]


def load_layout(name: str, settings: Sequence[CommandLineSetting] = ()) -> Layout:
    """The layout called `name` (or in that file), with the command line's settings on top."""
    merged, files = _merged_tree(name, settings)
    return _build_layout(name if not _is_path(name) else Path(name).stem, merged, files)


def _values(tree: SettingsTree) -> dict:
    return {key: _values(value) if isinstance(value, dict) else value.value for key, value in tree.items()}


def _build_layout(name: str, tree: SettingsTree, files: list[Path]) -> Layout:
    v = _values(tree)
    cards, factors, timeline, cardsort = v["flashcards"], v["factors"], v["timeline"], v["cardsort"]
    # Kept portrait: each product turns the page as its own section says.
    width, height = sorted(v["paper"])
    return Layout(
        name=name,
        description=v.get("description", ""),
        author=v.get("author", ""),
        file=_display(files[-1]),
        page_width=width,
        page_height=height,
        paper_name=tree["paper"].written,
        margins=Box(**v["margins"]),
        font_family=_font_choice(v["font"]),
        body_size=v["font"]["size"],
        title_size=v["font"]["title_size"],
        colours=Colours(**v["colours"]),
        lines=Lines(**{kind: Stroke(**stroke) for kind, stroke in v["lines"].items()}),
        furniture=FurnitureStyle(
            text=SizeRange(**v["furniture"]["text"]),
            banner_size=v["furniture"]["banner_size"],
            name_field=NameField(**{("class_" if key == "class" else key): value
                                    for key, value in v["furniture"]["name_field"].items()}),
        ),
        calibration=CalibrationStyle(**v["calibration"]),
        header=PageFurniture(**v["header"]),
        footer=PageFurniture(**v["footer"]),
        flashcards=FlashcardLayout(
            stock=find_stock(cards["stock"], _stocks(v)),
            safe_margin=cards["safe_margin"],
            front_size=SizeRange(**cards["front_text"]),
            back_size=SizeRange(**cards["back_text"]),
            cut=cards["cut"],
            duplex=cards["duplex"],
            overflow=cards["overflow"],
            front_align=cards["front_align"],
            back_offset_x=cards["back_offset"]["x"],
            back_offset_y=cards["back_offset"]["y"],
            tag_colours=cards["tag_colours"],
            marks=CardMarks(number_size=cards["number_size"], band_height=cards["band_height"],
                            band_text=SizeRange(**cards["band_text"]), margin_text=SizeRange(**cards["margin_text"]),
                            scale_label_size=cards["scale_label_size"]),
            image_gap=cards["images"]["gap"],
            largest_image_mb=cards["images"]["largest_file_mb"],
            vertical_align=cards["vertical_align"],
            growth=TextGrowth(from_side=cards["grow"]["from_side"], front=cards["grow"]["front_to"],
                              back=cards["grow"]["back_to"]),
            band_inset=cards["band_inset"],
            band_bleed=cards["band_bleed"],
        ),
        factors=FactorTableLayout(
            orientation=factors["orientation"],
            columns=factors["columns"],
            widths=factors["widths"],
            text_size=SizeRange(**factors["text"]),
            heading_size=factors["heading_size"],
            writing_line_spacing=factors["writing_line_spacing"],
            writing_lines=factors["writing_lines"],
            equal_rows=factors["equal_rows"],
            instruction=factors["instruction"],
            explain=factors["explain"],
            grid_width=factors["grid_width"],
            cell_padding=factors["cell_padding"],
            writing_line=Stroke(**factors["writing_line"]),
            marker_size=factors["marker_size"],
            rank_box=factors["rank_box"],
            continuum=Continuum(**factors["continuum"]),
        ),
        cardsort=CardSortLayout(
            orientation=cardsort["orientation"],
            columns=cardsort["columns"],
            strip_height=cardsort["strip_height"],
            text_size=SizeRange(**cardsort["text"]),
            number_size=cardsort["number_size"],
            padding=cardsort["padding"],
            mat_title_size=cardsort["mat_title_size"],
        ),
        timeline=TimelineLayout(**{key: Stroke(**value) if isinstance(value, dict) else value
                                   for key, value in timeline.items()}),
        factor_key=FactorKey(colours=v["factor_key"]["colours"], shapes=v["factor_key"]["shapes"]),
        school=School(**v["school"]),
        minimum_size=v["font"]["minimum_size"],
        board=BoardStyle(**v["board"]),
        extends=tuple(_display(path) for path in files[:-1]),
        stocks=tuple({id(stock): stock for stock in _stocks(v).values()}.values()),
    )


def _font_choice(font: dict) -> FontChoice:
    """The layout's own font files if it names them, else its family; then its fallbacks; each
    with the faces the weight and emphasis allow (large print: bold only), set with the layout's
    leading and spacing."""
    files = font.get("files", {})
    family = FontFamily.from_files(**files) if "regular" in files else font_family(font["family"])
    choice = font_choice(family, font.get("fallbacks", ()))
    all_bold, italic_as_bold = font["weight"] == FontWeight.BOLD, font["emphasis"] == Emphasis.BOLD
    return replace(choice, main=styled(choice.main, all_bold, italic_as_bold),
                   fallbacks=tuple(styled(fallback, all_bold, italic_as_bold) for fallback in choice.fallbacks),
                   leading=font["leading"], letter_spacing=font["letter_spacing"], word_spacing=font["word_spacing"])


def _stocks(values: dict) -> dict:
    """Built-in stocks and the layout's own (which win), by every name they answer to."""
    return stock_names({**builtin_stocks(), **values.get("stocks", {})})


def _cross_check(tree: SettingsTree) -> list[Problem]:
    """Checks between values, made after merging, reported where the deciding value was written."""
    problems = []

    def report(setting: Setting, message: str) -> None:
        problems.append(setting.problem(message))

    for section, sizes in (("flashcards", "front_text"), ("flashcards", "back_text"), ("factors", "text"),
                           ("flashcards", "band_text"), ("flashcards", "margin_text"), ("furniture", "text"),
                           ("cardsort", "text")):
        largest, smallest = tree[section][sizes]["largest"], tree[section][sizes]["smallest"]
        if smallest.value > largest.value:
            report(smallest, f"the smallest text size ({smallest.written}) is larger than the largest ({largest.written})")
    files = tree["font"].get("files", {})
    if files and "regular" not in files:
        first = next(iter(files.values()))
        report(first, "the font's files need a 'regular' one: the file text is printed in")
    problems += _margin_problems(tree["paper"], tree["margins"])
    problems += _below_minimum(tree)
    columns, widths = tree["factors"]["columns"], tree["factors"]["widths"]
    if len(columns.value) != len(widths.value):
        report(widths, f"gives {len(widths.value)} widths for {len(columns.value)} columns "
                       f"({', '.join(columns.value)}); give one width per column")
    else:
        problems += _column_problems(tree)
    problems += _timeline_width_problems(tree)
    problems += _strip_problems(tree)
    own_stocks = tree.get("stocks", {})
    # A built-in stock keeps its names (stock_names), so the same name in `also` would never
    # reach this stock; a stock named like a built-in one replaces it, and takes its names.
    builtin_names = stock_names({name: stock for name, stock in builtin_stocks().items() if name not in own_stocks})
    for entry in own_stocks.values():
        also = entry.parts.get("also") if entry.parts else None
        for alias in also.value if also else ():
            builtin = find_stock(alias, builtin_names)
            if builtin is not None:
                report(also, f"'{alias}' already names the built-in stock {builtin.name}, so --stock {alias} "
                             f"would still print on that one; take '{alias}' out of 'also'")
    stock = tree["flashcards"]["stock"]
    known = _stocks(_values(tree))
    chosen = find_stock(stock.value, known)
    if chosen is None:
        report(stock, f"there is no stock '{stock.value}'{did_you_mean(stock.value, sorted(known))} "
                      "(run 'revisionprint stocks' to see them all, or add it under 'stocks:')")
        return problems
    problems += _fold_problems(tree, chosen)
    safe_margin = tree["flashcards"]["safe_margin"]
    on_command_line = stock.line == 0
    room = text_room_problem(chosen, safe_margin.value, on_command_line)
    if room is not None and on_command_line:
        report(stock, f"{chosen.name}: {room}")
    elif room is not None:
        report(_deciding_size(chosen, safe_margin, own_stocks), room)
    return problems


def _margin_problems(paper: Setting, margins: dict) -> list[Problem]:
    """Margins must leave room to print: each product may turn the paper, so both pairs are
    measured against its short side."""
    short_side = min(paper.value)
    problems = []
    for first, second in (("left", "right"), ("top", "bottom")):
        room = short_side - margins[first].value - margins[second].value
        if room < SMALLEST_CONTENT_MM * POINTS_PER_UNIT["mm"] - 1e-6:
            problems.append(_teachers(margins[second], margins[first], paper).problem(
                f"the {first} and {second} margins ({margins[first].written} and {margins[second].written}) leave "
                f"less than {SMALLEST_CONTENT_MM}mm of the paper ({paper.written}) to print on; make them smaller "
                "(see docs/limits.md)"))
    return problems


def _page_width(tree: SettingsTree, section: str) -> float:
    """The width inside the margins of the page a product prints on, turned as its section says."""
    short, long = sorted(tree["paper"].value)
    page_width = long if tree[section]["orientation"].value == "landscape" else short
    return page_width - tree["margins"]["left"].value - tree["margins"]["right"].value


def _page_height(tree: SettingsTree, section: str) -> float:
    """The height inside the margins of the page a product prints on, turned as its section says."""
    short, long = sorted(tree["paper"].value)
    page_height = short if tree[section]["orientation"].value == "landscape" else long
    return page_height - tree["margins"]["top"].value - tree["margins"]["bottom"].value


def _timeline_width_problems(tree: SettingsTree) -> list[Problem]:
    """A timeline's numbered writing line must fit across its page: said where the length is written,
    when the layout is read, rather than when a worksheet is printed."""
    timeline = tree["timeline"]
    length, number = timeline["writing_line_length"], timeline["number_width"]
    room = _page_width(tree, "timeline")
    if number.value + length.value <= room + 0.01:
        return []
    mm = POINTS_PER_UNIT["mm"]
    needed = (number.value + length.value) / mm
    deciding = _teachers(length, number, *_page_settings(tree, "timeline"))
    if deciding not in (length, number):
        return [deciding.problem(f"leaves the timeline page {room / mm:.0f}mm inside its margins, but its numbered "
                                 f"writing lines need {needed:.0f}mm (timeline.writing_line_length {length.written} "
                                 f"and number_width {number.written}): use larger paper or smaller margins, or set "
                                 "timeline.writing_line_length shorter in your layout")]
    return [deciding.problem(f"with number_width ({number.written}) it needs {needed:.0f}mm, "
                             f"but the timeline page has {room / mm:.0f}mm inside its margins; make it shorter")]


def _fold_problems(tree: SettingsTree, chosen: Stock) -> list[Problem]:
    """Duplex fold prints each front beside its back, so the stock's grid must face itself across
    the middle of the sheet: said where the choice was made (the option, or the teacher's line)."""
    stock, duplex = tree["flashcards"]["stock"], tree["flashcards"]["duplex"]
    if duplex.value != Duplex.FOLD or can_fold(chosen):
        return []
    deciding = stock if stock.line == 0 or (duplex.line != 0 and _is_builtin(duplex)) else duplex
    return [deciding.problem(f"duplex fold prints each card's front beside its back, so every card on one half of "
                             f"the sheet must face a card on the other half, and the cards of {chosen.name} do not; "
                             f"{FOLD_ADVICE}")]


def _strip_problems(tree: SettingsTree) -> list[Problem]:
    """A card-sort strip must hold its text inside its padding, beside its number: at least
    SMALLEST_STRIP_TEXT_MM across and one line of its smallest text down."""
    sort = tree["cardsort"]
    columns, strip_height, padding, number_size = (sort[key] for key in ("columns", "strip_height", "padding",
                                                                         "number_size"))
    content_width = _page_width(tree, "cardsort")
    width, height = strip_text_box(content_width, columns.value, strip_height.value, padding.value,
                                   number_size.value)
    unpadded_width, unpadded_height = strip_text_box(content_width, columns.value, strip_height.value, 0.0,
                                                     number_size.value)
    mm = POINTS_PER_UNIT["mm"]
    smallest = sort["text"]["smallest"]
    problems = []
    if width < SMALLEST_STRIP_TEXT_MM * mm:
        strip = content_width / columns.value / mm
        room = f"leaves {max(0.0, width / mm):.1f}mm across a strip ({strip:.0f}mm wide) for its text"
        if unpadded_width >= SMALLEST_STRIP_TEXT_MM * mm and not _is_builtin(padding):
            problems.append(padding.problem(f"{room}, beside its number and inside this padding on each side; "
                                            f"a strip needs at least {SMALLEST_STRIP_TEXT_MM}mm, so make the padding "
                                            "smaller"))
        else:
            deciding = _teachers(columns, number_size, padding, tree["margins"]["right"], tree["margins"]["left"],
                                 tree["paper"])
            problems.append(deciding.problem(f"with {columns.value} columns, padding {padding.written} and "
                                             f"number_size {number_size.written}, {room}; a strip needs at least "
                                             f"{SMALLEST_STRIP_TEXT_MM}mm, so use fewer columns, a smaller padding "
                                             "or a smaller number_size"))
    line = smallest.value * 1.25  # one line of the smallest text, with its leading
    if height < line:
        room = (f"leaves {max(0.0, height / mm):.1f}mm down a strip ({strip_height.written} tall) for its text, "
                f"less than one line of its smallest text ({smallest.written})")
        if unpadded_height >= line and not _is_builtin(padding):
            problems.append(padding.problem(f"{room} inside this padding above and below; make the padding smaller"))
        else:
            problems.append(_teachers(strip_height, smallest, padding).problem(
                f"{room}; make the strips taller, or the padding or the smallest text smaller"))
    page_height = _page_height(tree, "cardsort")
    if strip_height.value > page_height / 2:
        problems.append(strip_height.problem(f"is more than half the {page_height / mm:.0f}mm down the card sort's "
                                             "page inside its margins; a sheet of strips holds at least two "
                                             "down, below the instructions, so make the strips shorter"))
    return problems + _mat_problems(tree)


def _mat_problems(tree: SettingsTree) -> list[Problem]:
    """A sorting mat's title band must leave its three spaces for strips room on the page."""
    sort, body = tree["cardsort"], tree["font"]["size"]
    title, padding = sort["mat_title_size"], sort["padding"]
    height = _page_height(tree, "cardsort")
    mm = POINTS_PER_UNIT["mm"]
    needed = 3 * SMALLEST_MAT_ZONE_MM * mm
    top = mat_top_height(title.value, body.value, padding.value)
    if height - top >= needed:
        return []
    # Point at what the teacher wrote: the padding if that alone is to blame, else the sizes, else the page.
    padding_to_blame = height - mat_top_height(title.value, body.value, 0.0) >= needed
    margins = tree["margins"]
    deciding = _teachers(*((padding,) if padding_to_blame else ()), title, body, padding, margins["bottom"],
                         margins["top"], tree["paper"])
    return [deciding.problem(f"a sorting mat's title ({title.written} with the question at {body.written}, inside "
                             f"padding {padding.written}) takes {top / mm:.0f}mm of the {height / mm:.0f}mm down "
                             f"the page inside its margins, leaving less than {SMALLEST_MAT_ZONE_MM}mm for each of "
                             "its three spaces for strips; make the mat_title_size, the font size, the padding or "
                             "the margins smaller")]


def _teachers(*settings: Setting) -> Setting:
    """The first of the settings not written in a built-in layout (else the first): the one a
    message about values that do not fit together should point at."""
    return next((setting for setting in settings if not _is_builtin(setting)), settings[0])


def _is_builtin(setting: Setting) -> bool:
    """Written in a layout built into revisionprint, which the teacher cannot change."""
    return setting.line != 0 and Path(setting.file).resolve().is_relative_to(builtin_layout_folder().resolve())


def _column_problems(tree: SettingsTree) -> list[Problem]:
    """Each column of the factor table must hold a word inside its cell_padding: at least
    SMALLEST_COLUMN_MM of text on the paper and orientation the table is printed on."""
    widths, padding = tree["factors"]["widths"], tree["factors"].get("cell_padding")
    mm = POINTS_PER_UNIT["mm"]
    table_width = _page_width(tree, "factors")
    narrowest = min(widths.value) / sum(widths.value) * table_width / mm
    padded = 2 * padding.value / mm if padding is not None else 0.0
    if narrowest - padded >= SMALLEST_COLUMN_MM:
        return []
    if narrowest >= SMALLEST_COLUMN_MM + 1 and padded and not _is_builtin(padding):
        return [padding.problem(f"leaves {max(0.0, narrowest - padded):.1f}mm for text in the narrowest column "
                                f"({narrowest:.1f}mm wide); each column needs at least {SMALLEST_COLUMN_MM}mm of "
                                "text inside its padding, so make the padding smaller")]
    need = f"each column needs at least {SMALLEST_COLUMN_MM}mm of text inside its cell_padding"
    columns = len(widths.value)
    if table_width / columns / mm - padded < SMALLEST_COLUMN_MM:
        # Even equal shares are too narrow: the page, not the widths, is what must change.
        turn = "" if tree["factors"]["orientation"].value == "landscape" else \
            ", print the table landscape (factors.orientation)"
        return [_teachers(*_page_settings(tree, "factors"), widths).problem(
            f"leaves the factor table {table_width / mm:.0f}mm across inside the margins, too narrow for its "
            f"{columns} columns whatever their widths; {need}: use larger paper or smaller margins{turn}, "
            "or leave columns out (factors.columns)")]
    deciding = _teachers(widths, *_page_settings(tree, "factors"))
    if deciding is not widths:
        shares = ", ".join(f"{share:g}" for share in widths.value)
        return [deciding.problem(f"leaves the factor table's narrowest column {narrowest:.1f}mm wide (factors.widths "
                                 f"[{shares}]), too narrow for a word; {need}: use larger paper or smaller margins, "
                                 "or set factors.widths in your layout to give that column a larger share")]
    return [widths.problem(f"makes a column {narrowest:.1f}mm wide on this paper, too narrow for a word; {need}, "
                           "so make the smallest width larger (the widths are shares of the table's width)")]


def _page_settings(tree: SettingsTree, section: str) -> tuple[Setting, ...]:
    """What decides the room on a product's page: the paper, how it is turned, and the margins."""
    margins = tree["margins"]
    return (tree["paper"], tree[section]["orientation"], margins["left"], margins["right"], margins["top"],
            margins["bottom"])


def _below_minimum(tree: SettingsTree) -> list[Problem]:
    """Every text size at least the layout's minimum (large print: 18pt), wherever it was set.
    The calibration sheet is the teacher's tool, not a student's page, so it is left out."""
    minimum = tree["font"]["minimum_size"]
    problems = []

    def walk(section: SettingsTree, schema: dict) -> None:
        for key, value in section.items():
            option = schema.get(key)
            if isinstance(value, dict) and isinstance(option, dict):
                walk(value, option)
            elif isinstance(option, TextSize) and value is not minimum and value.value < minimum.value - 1e-6:
                problems.append(value.problem(
                    f"{value.written} is smaller than this layout's minimum text size ({minimum.written}, "
                    f"font.minimum_size, {minimum.file}:{minimum.line}); make it at least {minimum.written}"))

    walk({key: value for key, value in tree.items() if key != "calibration"}, LAYOUT_SCHEMA)
    return problems


def _deciding_size(stock: Stock, safe_margin: Setting, own_stocks: dict) -> Setting:
    """Which to point at when a card leaves no room for text: the layout's own stock's card,
    unless the teacher chose the safe margin and the card would do with no margin at all."""
    entry = next((entry for entry in own_stocks.values() if entry.value is stock), None)
    if entry is None or entry.parts is None or "card" not in entry.parts:
        return safe_margin  # a built-in stock: only the margin can change
    if _is_builtin(safe_margin) or text_room_problem(stock, 0.0) is not None:
        return entry.parts["card"]
    return safe_margin


def available_layouts() -> list[LayoutInfo]:
    infos = []
    for name in layout_names():
        path = find_layout(name)
        source = read_yaml(str(path), _display(path))
        tree = read_settings(source, source.root, LAYOUT_SCHEMA, "") if source.root is not None else {}
        try:
            merged, _ = _merged_tree(name)
            paper = merged["paper"].written
        except (InvalidFiles, UsageProblem):
            paper = "(has problems: run 'revisionprint layouts show " + name + "')"
        where = "built in" if path.resolve().is_relative_to(builtin_layout_folder().resolve()) else _display(path)
        description = tree["description"].value if "description" in tree else ""
        infos.append(LayoutInfo(name, description, paper, where))
    return infos
