"""The `revisionprint` command: parse options, call one function, report.

Heavy modules (ReportLab, the renderers) are imported inside commands so
that `revisionprint --help` starts instantly.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional, Sequence

import click

from .. import DATA_FOLDER
from ..errors import ExitCode, RevisionprintError, UsageProblem, shown, terminal_safe
from ..limits import MAX_COPIES, MAX_PACK_TOPICS
from ..model import CardPrinting, CardSortOptions, CutGuides, Duplex, FactorTableOptions, Overflow, Sides, TimelineMode
from ..units import MM

DEFAULT_CONTENT_FOLDER = Path("content")
DEFAULT_OUTPUT_FOLDER = Path("output")
EXAMPLE_TOPIC = "sino-soviet-relations.yaml"


class Reported(click.ClickException):
    """One of our errors, printed as it is (no 'Error:'), with its own exit code."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(terminal_safe(self.format_message()), err=True)


class RevisionprintGroup(click.Group):
    """Shows a clean line instead of a traceback, unless --traceback was given."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except UsageProblem as error:
            raise click.BadParameter(error.message, param_hint=error.option) from None
        except RevisionprintError as error:
            raise Reported(error.message, error.exit_code) from None
        except BrokenPipeError:  # output piped into `head`, which stopped reading: not an error
            sys.stderr.close()
            raise click.exceptions.Exit(0)
        except Exception as error:  # a bug of ours, never the user's mistake
            if ctx.params.get("traceback"):
                raise
            raise Reported(
                f"revisionprint failed unexpectedly ({type(error).__name__}: {error}). "
                "Run the same command with --traceback and send us what it prints.", ExitCode.INTERNAL
            ) from error


@click.group(cls=RevisionprintGroup)
@click.version_option(package_name="revisionprint")
@click.option("--traceback", is_flag=True, help="Show the Python traceback of an unexpected error (for bug reports).")
def cli(traceback: bool) -> None:
    """Turn revision notes (YAML) into print-ready flashcards, factor tables and timeline worksheets."""


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


def _load(paths: list[str], layout_name: str, settings: tuple = ()):
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


def _default_content() -> list[str]:
    found = sorted(str(path) for path in DEFAULT_CONTENT_FOLDER.glob("*.yaml"))
    if found:
        return found
    return [str(DATA_FOLDER / "content" / EXAMPLE_TOPIC)]


def _progress(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None

    def bar(jobs):
        with click.progressbar(jobs, label="Building", file=sys.stderr,
                               item_show_func=lambda job: job[1].label if job else "") as items:
            yield from items

    return bar


def _finish(report, quiet: bool) -> None:
    for message in shown(report.problems):
        click.echo(terminal_safe(message), err=True)
    if not quiet:
        for note in report.skipped:
            click.echo(f"Skipped: {note}")
        for written in report.written:
            click.echo(f"Wrote {written.path}: {written.contents}.")
            click.echo(f"  Print: {written.printing}.")
    if report.failed:
        names = ", ".join(str(path) for path in report.not_written)
        raise RevisionprintError(
            f"Not written, because of the problems above: {names} (any earlier copy is untouched). "
            "Shorten or fix the text named, or use --keep-going to print what fits."
        )
    if report.problems and not quiet:
        click.echo(f"{len(report.problems)} problem(s) reported above; the PDFs were written anyway (--keep-going).")


@cli.command()
@click.argument("content", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@layout_option
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT_FOLDER,
              show_default=True, help="Folder to write the PDFs into.")
@click.option("--only", metavar="PRODUCT,...", help="Build only these: flashcards, factors (the completed and "
              "the blank table), factors-blank, cardsort (strips and answer key), cardsort-answers, timeline "
              "(worksheet and answers), timeline-answers.")
@card_options
@overflow_option
@set_option
@keep_going_option
@quiet_option
def build(content: tuple[str, ...], layout_name: str, output: Path, only: Optional[str], stock: Optional[str],
          duplex: Optional[str], sides: str, cut: Optional[str], overflow: Optional[str], set_values: tuple[str, ...],
          keep_going: bool, quiet: bool) -> None:
    """Build every product of each topic into the output folder.

    With no CONTENT, builds every content/*.yaml (or the bundled example).
    """
    from ..build import PRODUCTS, build_topics, select_products

    products = select_products(_comma_list(only)) if only else list(PRODUCTS)
    settings = _card_settings(stock, duplex, cut, overflow) + _set_settings(set_values)
    topics, layout = _load(list(content) or _default_content(), layout_name, settings)
    report = build_topics(topics, layout, output, products, keep_going, _progress(quiet),
                          options=[CardPrinting(sides=sides)])
    _finish(report, quiet)


def _single_product(content: str, key: str, output: Optional[Path], layout_name: str, set_values: tuple[str, ...],
                    keep_going: bool, quiet: bool, options: Sequence[Any] = ()) -> None:
    from ..build import build_one, product

    topics, layout = _load([content], layout_name, _set_settings(set_values))
    item = product(key).with_options(options)
    target = output or DEFAULT_OUTPUT_FOLDER / item.file_name(topics[0])
    _finish(build_one(topics[0], layout, item, target, keep_going), quiet)


def _file_name(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[Path]:
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter("give the name of the PDF file to write, such as cards.pdf")
    path = Path(value)
    # '-o cards' means cards.pdf: a file without the extension does not open as a PDF.
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


output_file_option = click.option("-o", "--output", type=click.Path(dir_okay=False), callback=_file_name,
                                  help="PDF file to write (default: output/<title>-<product>.pdf).")


def _comma_list(value: Optional[str]) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


@cli.command()
@content_argument
@output_file_option
@layout_option
@card_options
@click.option("--tags", metavar="TAG,...", help="Only cards with any of these tags.")
@click.option("--shuffle", is_flag=True, help="Shuffle the cards: the same order every time for the same --seed N (0 if not given).")
@click.option("--seed", type=int, help="Seed for --shuffle: the same seed gives the same order.")
@click.option("--copies", type=click.IntRange(1, 500), default=1, show_default=True,
              help="Number of sets; each starts on a fresh sheet.")
@click.option("--start-position", type=click.IntRange(1, None), default=1, show_default=True,
              help="Start on this card of a partly used sheet (the backs follow).")
@overflow_option
@set_option
@keep_going_option
@quiet_option
def flashcards(content, output, layout_name, stock, duplex, sides, cut, tags, shuffle, seed, copies,
               start_position, overflow, set_values, keep_going, quiet):
    """Cut-out flashcard sheets: fronts and backs that print behind each other."""
    from ..build import build_one, product

    if seed is not None and not shuffle:
        raise click.BadParameter("--seed only makes sense with --shuffle", param_hint="--seed")
    if tags is not None and not _comma_list(tags):
        raise click.BadParameter("give at least one tag, such as --tags ideology", param_hint="--tags")
    settings = _card_settings(stock, duplex, cut, overflow) + _set_settings(set_values)
    topics, layout = _load([content], layout_name, settings)
    printing = CardPrinting(sides=sides, start_position=start_position, tags=_comma_list(tags),
                            shuffle_seed=(seed if seed is not None else 0) if shuffle else None, copies=copies)
    item = product("flashcards").with_options([printing])
    target = output or DEFAULT_OUTPUT_FOLDER / item.file_name(topics[0])
    if quiet or not sys.stderr.isatty():
        report = build_one(topics[0], layout, item, target, keep_going)
    else:
        with _CountingBar("Cards") as bar:
            report = build_one(topics[0], layout, item, target, keep_going, progress=bar.update)
    _finish(report, quiet)


class _CountingBar:
    """A progress bar that learns its length from the first report (the renderer knows it)."""

    def __init__(self, label: str):
        self.label = label
        self.bar = None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done)

    def __enter__(self) -> "_CountingBar":
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _card_settings(stock: Optional[str], duplex: Optional[str] = None, cut: Optional[str] = None,
                   overflow: Optional[str] = None) -> tuple:
    """The card options as layout settings: one more layer on the layout, checked like the file."""
    from ..layouts import CommandLineSetting

    given = (("--stock", "flashcards.stock", stock), ("--duplex", "flashcards.duplex", duplex),
             ("--cut", "flashcards.cut", cut), ("--overflow", "flashcards.overflow", overflow))
    return tuple(CommandLineSetting(option, path, value) for option, path, value in given if value is not None)


def _set_settings(values: tuple[str, ...]) -> tuple:
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


@cli.command()
@content_argument
@output_file_option
@click.option("--blank", is_flag=True, help="The blank table for students to fill in (every column but the "
              "factor names).")
@click.option("--blank-columns", metavar="COLUMN,...", help="Leave only these columns blank, printing the others: "
              "any of summary, evidence, for, against, links, rank, judgement.")
@layout_option
@set_option
@keep_going_option
@quiet_option
def factors(content, output, blank, blank_columns, layout_name, set_values, keep_going, quiet):
    """The factor summary table (completed, --blank, or partly blank with --blank-columns)."""
    if blank_columns is not None:
        if blank:
            raise click.BadParameter("give --blank (every column) or --blank-columns (some), not both",
                                     param_hint="--blank-columns")
        if not _comma_list(blank_columns):
            raise click.BadParameter("name at least one column, such as --blank-columns evidence,for",
                                     param_hint="--blank-columns")
        options = [FactorTableOptions(blank_columns=_comma_list(blank_columns))]
    else:
        options = []
    _single_product(content, "factors-blank" if blank or blank_columns else "factors", output, layout_name,
                    set_values, keep_going, quiet, options)


@cli.command()
@content_argument
@output_file_option
@click.option("--seed", type=int, default=0, show_default=True,
              help="Shuffles the strips: the same seed gives the same order (and the same answer key).")
@click.option("--answers", is_flag=True, help="The answer key: each strip's number under its factor.")
@layout_option
@set_option
@keep_going_option
@quiet_option
def cardsort(content, output, seed, answers, layout_name, set_values, keep_going, quiet):
    """A card sort: every evidence point and argument on a numbered strip to cut out, with a mat per factor."""
    _single_product(content, "cardsort-answers" if answers else "cardsort", output, layout_name, set_values,
                    keep_going, quiet, [CardSortOptions(seed=seed, answers=answers)])


@cli.command()
@content_argument
@output_file_option
@click.option("--mode", type=click.Choice(TimelineMode.ALL), default=TimelineMode.BLANK_EVENTS, show_default=True,
              help="blank-events (dates, a space for each event), blank-dates (events, a box for each date), "
                   "match (a lettered word bank), cut-out (strips to stick beside the dates) or complete (notes).")
@click.option("--seed", type=int, help="The order of the match word bank or the cut-out strips: the same seed "
              "gives the same sheet and key (default 0).")
@click.option("--answers", is_flag=True, help="The answer key of the mode, with the same numbers and letters.")
@layout_option
@set_option
@keep_going_option
@quiet_option
def timeline(content, output, mode, seed, answers, layout_name, set_values, keep_going, quiet):
    """A timeline worksheet in one of five modes, or its --answers."""
    from ..build import build_one, timeline_product

    if seed is not None and mode not in TimelineMode.SEEDED:
        raise click.BadParameter(f"--seed sets the order of the match word bank and the cut-out strips; "
                                 f"the {mode} worksheet has no such order", param_hint="--seed")
    topics, layout = _load([content], layout_name, _set_settings(set_values))
    item = timeline_product(mode, answers, seed or 0)
    target = output or DEFAULT_OUTPUT_FOLDER / item.file_name(topics[0])
    _finish(build_one(topics[0], layout, item, target, keep_going), quiet)


@cli.command()
@click.option("--stock", metavar="NAME", help="The stock to calibrate (default: the layout's).")
@click.option("--duplex", type=click.Choice([Duplex.LONG_EDGE, Duplex.SHORT_EDGE, Duplex.NONE]),
              help="How you will print the cards (default: the layout's).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), callback=_file_name, required=True,
              help="PDF file to write.")
@layout_option
@set_option
def calibrate(stock, duplex, output, layout_name, set_values):
    """A two-sided test sheet that measures how far your printer moves the backs."""
    from ..build import CALIBRATION, build_one
    from ..layouts import load_layout

    layout = load_layout(layout_name, _card_settings(stock, duplex) + _set_settings(set_values))
    report = build_one(None, layout, CALIBRATION, output, keep_going=False)
    _finish(report, quiet=False)
    click.echo("  Then read the rulers as the sheet says (details in the README, 'Lining up fronts and backs').")


@cli.command()
@layout_option
def stocks(layout_name):
    """List the card stocks with their geometry (in mm)."""
    from ..layouts import load_layout

    for stock in load_layout(layout_name).stocks:
        def size(width, height):
            return f"{round(width / MM, 2):g} x {round(height / MM, 2):g}"

        also = f" (also {', '.join(stock.aliases)})" if stock.aliases else ""
        click.echo(f"{stock.name}{also}: {stock.description}")
        click.echo(f"    {stock.paper_name} {stock.orientation}, {stock.columns} x {stock.rows} cards of "
                   f"{size(stock.card_width, stock.card_height)} mm, first card {stock.left / MM:.1f} mm from the "
                   f"left and {stock.top / MM:.1f} mm from the top, pitch {size(stock.pitch_x, stock.pitch_y)} mm"
                   + (f", corners rounded {stock.corner_radius / MM:g} mm" if stock.corner_radius else "")
                   + (", perforated" if stock.perforated else ", plain paper to cut"))


@cli.command()
@click.argument("content", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@layout_option
@set_option
@quiet_option
def validate(content: tuple[str, ...], layout_name: str, set_values: tuple[str, ...], quiet: bool) -> None:
    """Check topic files and report every problem, with its file and line; a line for each file."""
    from ..build import check_printable, printing_problems
    from ..content import read_topic
    from ..errors import InvalidFiles
    from ..layouts import load_layout

    layout_problems, layout = [], None
    try:
        layout = load_layout(layout_name, _set_settings(set_values))
    except InvalidFiles as error:
        layout_problems = error.problems
    invalid, topics = [], []
    for path in content:
        topic, found = read_topic(path)
        invalid += found
        count = len(set(found)) or (len(printing_problems([topic], layout)) if topic and layout else 0)
        if not quiet and count:
            click.echo(f"{path}: {count} problem{'s' if count != 1 else ''} (listed below)")
        elif not quiet and topic is not None:
            click.echo(f"{topic.file}: OK ({len(topic.flashcards)} flashcards, {len(topic.factors)} factors, "
                       f"{len(topic.timeline)} timeline events)")
        if topic is not None:
            topics.append(topic)
    if invalid or layout_problems:
        raise InvalidFiles(invalid + layout_problems)
    check_printable(topics, layout)


@cli.command()
@layout_option
def fonts(layout_name: str) -> None:
    """List the fonts text is printed in, and what each covers."""
    from ..build import font_report
    from ..layouts import load_layout

    for line in font_report(load_layout(layout_name)):
        click.echo(line)


IMPORT_FORMATS = ("quizlet", "csv", "tsv", "anki-text", "apkg", "line-pairs")  # content.imports.FORMATS


def _topic_file_name(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[Path]:
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter("give the name of the topic file to write, such as content/cells.yaml")
    path = Path(value)
    return path if path.suffix.lower() in (".yaml", ".yml") else path.with_name(path.name + ".yaml")


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), callback=_topic_file_name,
              help="Topic file to write (default: content/<file name>.yaml).")
@click.option("--format", "file_format", type=click.Choice(IMPORT_FORMATS),
              help="The file's format, when it is not the one detected.")
@click.option("--title", help="The topic's title (default: the deck's name, else the file's name).")
@click.option("--term-sep", metavar="tab|comma|TEXT", help="Quizlet: what separates a term from its definition.")
@click.option("--card-sep", metavar="newline|semicolon|TEXT",
              help="Quizlet: what separates cards (\\n for a new line).")
@click.option("--front-column", metavar="NAME", help="CSV/TSV: the header of the fronts' column (default: front).")
@click.option("--back-column", metavar="NAME", help="CSV/TSV: the header of the backs' column (default: back).")
@click.option("--tags-column", metavar="NAME", help="CSV/TSV: the header of the tags' column (default: tags).")
@click.option("--force", is_flag=True, help="Replace the topic file if it exists.")
def import_command(file, output, file_format, title, term_sep, card_sep, front_column, back_column, tags_column,
                   force):
    """Cards from Quizlet, a spreadsheet (CSV/TSV), Anki or a text file, as a topic file."""
    from ..build import slugify, write_atomically
    from ..content.imports import ImportOptions, import_deck, media_folder, topic_files

    target = output or DEFAULT_CONTENT_FOLDER / f"{slugify(Path(file).stem)}.yaml"
    if target.exists() and not force:
        raise click.BadParameter(f"{target} exists; give another name, or --force to replace it", param_hint="-o")
    deck = import_deck(file, ImportOptions(format=file_format, term_sep=term_sep, card_sep=card_sep,
                                           front_column=front_column, back_column=back_column,
                                           tags_column=tags_column))
    files = topic_files(deck, target, file, title)
    for relative, data in files.items():  # the pictures first, so the topic never names a missing file
        write_atomically(target.parent / relative, data)
    count = len(deck.cards)
    click.echo(f"Read {count} card{'s' if count != 1 else ''} from {file} ({deck.how}); wrote {target}")
    for note in deck.notes:
        click.echo(f"  Note: {note}")
    if deck.media:
        count = len(deck.media)
        folder = target.parent / media_folder(target)
        click.echo(f"  {count} picture{'s' if count != 1 else ''} written into {folder}, named on the cards "
                   "as front_image: and back_image:.")


jobs_option = click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
                           help="Draw in this many processes at once (the PDF is the same).")


@cli.command()
@click.argument("content", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), callback=_file_name,
              help="PDF file to write (default: output/<title>-pack.pdf).")
@click.option("--products", metavar="PRODUCT,...", help="What each topic gives the pack (default: every product, as "
              "build makes them): flashcards, factors, factors-blank, cardsort, timeline, timeline-answers, "
              "timeline-match ... each name one product.")
@layout_option
@click.option("--students", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="A class list (CSV with a 'name' column, or one name a line): a copy for each, named.")
@click.option("--copies", type=click.IntRange(1, MAX_COPIES), default=1, show_default=True,
              help="Unnamed copies (without --students).")
@click.option("--vary", is_flag=True, help="Each copy in its own order where a product has one (shuffled cards, "
              "matching, card sorts): copy n uses the seed + n - 1.")
@click.option("--shuffle", is_flag=True, help="Shuffle the flashcards.")
@click.option("--seed", type=int, help="The seed of every shuffled or matched order (the same seed, the same order).")
@click.option("--contents", "contents_page", is_flag=True, help="Start each copy with a contents page.")
@click.option("--title", help="The pack's title (default: the topics' titles).")
@jobs_option
@keep_going_option
@quiet_option
def pack(content, output, products, layout_name, students, copies, vary, shuffle, seed, contents_page, title, jobs,
         keep_going, quiet):
    """One PDF of several topics' products, for each student or copy, ready to print double-sided."""
    from ..build import PRODUCTS, named_products, slugify, with_layout_modes
    from ..pack import PackRequest, ordered, seeded

    if students and copies != 1:
        raise click.BadParameter("give --students (a copy for each) or --copies, not both", param_hint="--copies")
    if len(content) > MAX_PACK_TOPICS:
        raise click.BadParameter(f"{len(content)} topic files is more than a pack can hold ({MAX_PACK_TOPICS}); "
                                 "make several packs", param_hint="CONTENT")
    chosen = named_products(_comma_list(products), "--products") if products else list(PRODUCTS)
    chosen = ordered(chosen, shuffle, seed)
    if vary and not seeded(tuple(chosen)):
        raise click.BadParameter("none of the products has an order to vary; add --shuffle, or choose a product "
                                 "that is matched or sorted", param_hint="--vary")
    topics, layout, class_list = _load_with_class_list(list(content) or _default_content(), layout_name, students)
    if not products:  # every product, as build makes them: each timeline mode the layout asks for
        chosen = with_layout_modes(chosen, layout)
    request = PackRequest(tuple(topics), layout, tuple(chosen), class_list, copies, vary, contents_page, title or "")
    target = output or DEFAULT_OUTPUT_FOLDER / f"{slugify(request.pack_title)}-pack.pdf"
    printing = _write_pack(request, target, jobs, keep_going, quiet)
    if not quiet:
        _print_notes(printing)


@cli.command()
@click.argument("course_file", metavar="COURSE", type=click.Path(exists=True, dir_okay=False))
@jobs_option
@keep_going_option
@quiet_option
def course(course_file, jobs, keep_going, quiet):
    """Every pack of a course file (topics, products, layout, class lists): a PDF per class."""
    from ..pack.course import load_course

    printing = {}
    for planned in load_course(course_file):
        printing.update(_write_pack(planned.request, planned.target, jobs, keep_going, quiet))
    if not quiet:
        _print_notes(printing)


def _load_with_class_list(paths: list[str], layout_name: str, students: Optional[str]):
    """The topics, the layout and the class list, or every problem of all three at once."""
    from ..errors import InvalidFiles
    from ..pack import read_class_list

    problems = []
    topics = layout = None
    class_list: tuple = ()
    try:
        topics, layout = _load(paths, layout_name)
    except InvalidFiles as error:
        problems += error.problems
    try:
        class_list = read_class_list(students) if students else ()
    except InvalidFiles as error:
        problems += error.problems
    if problems:
        raise InvalidFiles(problems)
    return topics, layout, class_list


def _write_pack(request, target: Path, jobs: int, keep_going: bool, quiet: bool) -> dict[str, str]:
    """Build and write one pack; how each of its products prints, by label, for the notes."""
    from ..build import write_atomically
    from ..pack import build_pack

    if quiet or not sys.stderr.isatty():
        result = build_pack(request, jobs)
    else:
        with _CountingBar(f"Drawing {target.name}") as bar:
            result = build_pack(request, jobs, bar.update)
    for message in shown(result.problems):
        click.echo(message, err=True)
    if not quiet:
        for note in result.skipped:
            click.echo(f"Skipped: {note}")
    if not result.data or (result.problems and not keep_going):
        raise RevisionprintError(f"Not written, because of the problems above: {target} (any earlier copy is "
                                 "untouched). Fix the text named, or use --keep-going to print what fits.")
    try:
        write_atomically(target, result.data)
    except OSError as error:
        raise RevisionprintError(f"cannot write {target}: {error.strerror}; choose another -o") from None
    if not quiet:
        click.echo(f"Wrote {target}: {result.contents}.")
    return result.printing


def _print_notes(printing: dict[str, str]) -> None:
    click.echo("Print double-sided, at 100% / actual size: every product starts on a front side. Each product:")
    for label, note in printing.items():
        click.echo(f"  {label}: {note}.")


@cli.group(invoke_without_command=True)
@click.pass_context
def layouts(ctx: click.Context) -> None:
    """List the layouts (built in, and yours in layouts/)."""
    if ctx.invoked_subcommand is not None:
        return
    from ..layouts import available_layouts

    infos = available_layouts()
    width = max((len(info.name) for info in infos), default=0) + 1
    for info in infos:
        click.echo(f"{info.name:<{width}} {info.paper:<8} {info.description}  [{info.where}]")


@layouts.command("show")
@click.argument("name")
@set_option
def layouts_show(name: str, set_values: tuple[str, ...]) -> None:
    """Print a layout with everything it extends merged in, as YAML, each value with its file and line."""
    from ..layouts import merged_layout_yaml

    click.echo(merged_layout_yaml(name, _set_settings(set_values)), nl=False)


@layouts.command("new")
@click.argument("name")
@click.option("--from", "start_from", default="default", show_default=True, metavar="LAYOUT",
              help="The layout to start from, such as aqa or large-print.")
@click.option("--force", is_flag=True, help="Replace layouts/NAME.yaml if it exists.")
def layouts_new(name: str, start_from: str, force: bool) -> None:
    """Write layouts/NAME.yaml: a layout of your own extending another, every value it may change commented."""
    from ..layouts import write_new_layout

    target = write_new_layout(name, start_from, force)
    click.echo(f"Wrote {target}: it extends {start_from}. Change the values you want (each is commented out), "
               f"then build with --layout {name}.")


def main() -> None:
    from ..memory import spare_the_last_collection

    try:
        cli(prog_name="revisionprint")
    finally:
        spare_the_last_collection()

