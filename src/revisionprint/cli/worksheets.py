"""The worksheets of one topic: the factor table, the card sort and the timeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Sequence

import click

from ..model import CardSortOptions, FactorTableOptions, TimelineMode
from .options import (DEFAULT_OUTPUT_FOLDER, comma_list, content_argument, keep_going_option, layout_option, load,
                      output_file_option, quiet_option, set_option, set_settings)
from .reports import finish


@click.command()
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
        if not comma_list(blank_columns):
            raise click.BadParameter("name at least one column, such as --blank-columns evidence,for",
                                     param_hint="--blank-columns")
        options = [FactorTableOptions(blank_columns=comma_list(blank_columns))]
    else:
        options = []
    _single_product(content, "factors-blank" if blank or blank_columns else "factors", output, layout_name,
                    set_values, keep_going, quiet, options)


@click.command()
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


@click.command()
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
    topics, layout = load([content], layout_name, set_settings(set_values))
    item = timeline_product(mode, answers, seed or 0)
    target = output or DEFAULT_OUTPUT_FOLDER / item.file_name(topics[0])
    finish(build_one(topics[0], layout, item, target, keep_going), quiet)


def _single_product(content: str, key: str, output: Optional[Path], layout_name: str, set_values: tuple[str, ...],
                    keep_going: bool, quiet: bool, options: Sequence[Any] = ()) -> None:
    from ..build import build_one, product

    topics, layout = load([content], layout_name, set_settings(set_values))
    item = product(key).with_options(options)
    target = output or DEFAULT_OUTPUT_FOLDER / item.file_name(topics[0])
    finish(build_one(topics[0], layout, item, target, keep_going), quiet)
