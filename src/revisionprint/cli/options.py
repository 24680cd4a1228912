"""The options the commands share, and what they become: layout settings, file names, loaded topics."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from .. import DATA_FOLDER
from ..model import CutGuides, Duplex, Overflow, Sides

DEFAULT_CONTENT_FOLDER = Path("content")
DEFAULT_OUTPUT_FOLDER = Path("output")
EXAMPLE_TOPIC = "sino-soviet-relations.yaml"


layout_option = click.option("--layout", "layout_name", default="default", show_default=True,
                             metavar="NAME|FILE", help="Layout: a name from 'revisionprint layouts' or a YAML file.")
keep_going_option = click.option("--keep-going", is_flag=True,
                                 help="Write the PDFs even if some text does not fit or cannot be drawn (still reported).")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="Print only problems.")
overflow_option = click.option("--overflow", type=click.Choice(Overflow.ALL),
                               help="A flashcard back too long for its card: fail, or continue it on an extra card. "
                               "Default: the layout's (fail in the built-in ones, continue in large print).")
set_option = click.option("--set", "set_values", multiple=True, metavar="KEY=VALUE",
                          help="Change one layout value for this run, as the layout file would: --set margins.top=20mm "
                          "--set font.size=12pt (repeatable; 'revisionprint layouts show NAME' lists the keys).")


def card_options(command):
    """--stock, --duplex, --sides and --cut, for every command that prints flashcards."""
    for option in reversed((
        click.option("--stock", metavar="NAME", help="Card stock or plain-paper grid (see 'revisionprint stocks')."),
        click.option("--duplex", type=click.Choice(Duplex.ALL), help="How backs meet fronts: long-edge, short-edge, "
                     "fold (no duplex printer) or none (print backs by hand). Default: the layout's (long-edge in the "
                     "built-in ones)."),
        click.option("--sides", type=click.Choice(Sides.ALL), default=Sides.BOTH, show_default=True,
                     help="Print fronts, backs or both."),
        click.option("--cut", type=click.Choice(CutGuides.ALL), help="Cut guides: lines, crop marks outside the "
                     "cards, none, or auto (lines on plain paper, crop marks on perforated stock)."),
    )):
        command = option(command)
    return command
content_argument = click.argument("content", type=click.Path(exists=True, dir_okay=False))


def file_to_write(kind: str, suffixes: tuple[str, ...], example: str):
    """A click callback: the path of the file to write, with the first of `suffixes` added when it
    has none of them ('-o cards' means cards.pdf: a file without the extension does not open)."""

    def callback(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[Path]:
        if value is None:
            return None
        if not value.strip():
            raise click.BadParameter(f"give the name of the {kind} to write, such as {example}")
        path = Path(value)
        return path if path.suffix.lower() in suffixes else path.with_name(path.name + suffixes[0])

    return callback


file_name = file_to_write("PDF file", (".pdf",), "cards.pdf")


output_file_option = click.option("-o", "--output", type=click.Path(dir_okay=False), callback=file_name,
                                  help="PDF file to write (default: output/<title>-<product>.pdf).")


def comma_list(value: Optional[str]) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def card_settings(stock: Optional[str], duplex: Optional[str] = None, cut: Optional[str] = None,
                  overflow: Optional[str] = None) -> tuple:
    """The card options as layout settings: one more layer on the layout, checked like the file."""
    from ..layouts import CommandLineSetting

    given = (("--stock", "flashcards.stock", stock), ("--duplex", "flashcards.duplex", duplex),
             ("--cut", "flashcards.cut", cut), ("--overflow", "flashcards.overflow", overflow))
    return tuple(CommandLineSetting(option, path, value) for option, path, value in given if value is not None)


def set_settings(values: tuple[str, ...]) -> tuple:
    """Each --set KEY=VALUE as a layout setting, reported as coming from '--set KEY'."""
    from ..layouts import CommandLineSetting

    settings = []
    for given in values:
        key, equals, value = given.partition("=")
        key = key.strip()
        if not equals or not key or not value.strip():
            raise click.BadParameter(f"'{given}' should be KEY=VALUE, such as --set margins.top=20mm",
                                     param_hint="--set")
        settings.append(CommandLineSetting(f"--set {key}", key, value.strip()))
    return tuple(settings)


def load(paths: list[str], layout_name: str, settings: tuple = ()):
    """The topics and the layout (with the command line's settings on top), or every problem of both at once."""
    from ..content import load_topics
    from ..errors import InvalidFiles
    from ..layouts import load_layout

    problems = []
    topics = layout = None
    try:
        topics = load_topics(paths)
    except InvalidFiles as error:
        problems += error.problems
    try:
        layout = load_layout(layout_name, settings)
    except InvalidFiles as error:
        problems += error.problems
    if problems:
        raise InvalidFiles(problems)
    return topics, layout


def default_content() -> list[str]:
    found = sorted(str(path) for path in DEFAULT_CONTENT_FOLDER.glob("*.yaml"))
    if found:
        return found
    return [str(DATA_FOLDER / "content" / EXAMPLE_TOPIC)]
