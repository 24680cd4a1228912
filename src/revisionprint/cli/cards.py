"""Flashcards and the card stocks they print on: the cards, the printer's calibration sheet, the stocks."""

from __future__ import annotations

import sys

import click

from ..model import CardPrinting, Duplex
from ..units import MM
from .options import (DEFAULT_OUTPUT_FOLDER, card_options, card_settings, comma_list, content_argument, file_name,
                      keep_going_option, layout_option, load, output_file_option, overflow_option, quiet_option,
                      set_option, set_settings)
from .reports import CountingBar, finish


@click.command()
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
    if tags is not None and not comma_list(tags):
        raise click.BadParameter("give at least one tag, such as --tags ideology", param_hint="--tags")
    settings = card_settings(stock, duplex, cut, overflow) + set_settings(set_values)
    topics, layout = load([content], layout_name, settings)
    printing = CardPrinting(sides=sides, start_position=start_position, tags=comma_list(tags),
                            shuffle_seed=(seed if seed is not None else 0) if shuffle else None, copies=copies)
    item = product("flashcards").with_options([printing])
    target = output or DEFAULT_OUTPUT_FOLDER / item.file_name(topics[0])
    if quiet or not sys.stderr.isatty():
        report = build_one(topics[0], layout, item, target, keep_going)
    else:
        with CountingBar("Cards") as bar:
            report = build_one(topics[0], layout, item, target, keep_going, progress=bar.update)
    finish(report, quiet)


@click.command()
@click.option("--stock", metavar="NAME", help="The stock to calibrate (default: the layout's).")
@click.option("--duplex", type=click.Choice([Duplex.LONG_EDGE, Duplex.SHORT_EDGE, Duplex.NONE]),
              help="How you will print the cards (default: the layout's).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), callback=file_name, required=True,
              help="PDF file to write.")
@layout_option
@set_option
def calibrate(stock, duplex, output, layout_name, set_values):
    """A two-sided test sheet that measures how far your printer moves the backs."""
    from ..build import CALIBRATION, build_one
    from ..layouts import load_layout

    layout = load_layout(layout_name, card_settings(stock, duplex) + set_settings(set_values))
    report = build_one(None, layout, CALIBRATION, output, keep_going=False)
    finish(report, quiet=False)
    click.echo("  Then read the rulers as the sheet says (details in the README, 'Lining up fronts and backs').")


@click.command()
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
