"""Building many products at once: every product of each topic (build), a pack of them for each student
(pack), and every pack of a course file (course)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from ..errors import RevisionprintError, shown
from ..limits import MAX_COPIES, MAX_PACK_TOPICS
from ..model import CardPrinting
from .options import (DEFAULT_OUTPUT_FOLDER, card_options, card_settings, comma_list, default_content, file_name,
                      keep_going_option, layout_option, load, overflow_option, quiet_option, set_option,
                      set_settings)
from .reports import CountingBar, finish


@click.command()
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

    products = select_products(comma_list(only)) if only else list(PRODUCTS)
    settings = card_settings(stock, duplex, cut, overflow) + set_settings(set_values)
    topics, layout = load(list(content) or default_content(), layout_name, settings)
    report = build_topics(topics, layout, output, products, keep_going, _progress(quiet),
                          options=[CardPrinting(sides=sides)])
    finish(report, quiet)


def _progress(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None

    def bar(jobs):
        with click.progressbar(jobs, label="Building", file=sys.stderr,
                               item_show_func=lambda job: job[1].label if job else "") as items:
            yield from items

    return bar


jobs_option = click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
                           help="Draw in this many processes at once (the PDF is the same).")


@click.command()
@click.argument("content", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), callback=file_name,
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
    chosen = named_products(comma_list(products), "--products") if products else list(PRODUCTS)
    chosen = ordered(chosen, shuffle, seed)
    if vary and not seeded(tuple(chosen)):
        raise click.BadParameter("none of the products has an order to vary; add --shuffle, or choose a product "
                                 "that is matched or sorted", param_hint="--vary")
    topics, layout, class_list = _load_with_class_list(list(content) or default_content(), layout_name, students)
    if not products:  # every product, as build makes them: each timeline mode the layout asks for
        chosen = with_layout_modes(chosen, layout)
    request = PackRequest(tuple(topics), layout, tuple(chosen), class_list, copies, vary, contents_page, title or "")
    target = output or DEFAULT_OUTPUT_FOLDER / f"{slugify(request.pack_title)}-pack.pdf"
    printing = _write_pack(request, target, jobs, keep_going, quiet)
    if not quiet:
        _print_notes(printing)


@click.command()
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
        topics, layout = load(paths, layout_name)
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
        with CountingBar(f"Drawing {target.name}") as bar:
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
