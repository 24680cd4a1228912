"""Checking before printing: the topic files (validate) and the fonts text is printed in."""

from __future__ import annotations

import click

from .options import layout_option, quiet_option, set_option, set_settings


@click.command()
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
        layout = load_layout(layout_name, set_settings(set_values))
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
            click.echo(f"{topic.file}: OK ({len(topic.flashcards):,} flashcards, {len(topic.factors):,} factors, "
                       f"{len(topic.timeline):,} timeline events)")
        if topic is not None:
            topics.append(topic)
    if invalid or layout_problems:
        raise InvalidFiles(invalid + layout_problems)
    check_printable(topics, layout)


@click.command()
@layout_option
def fonts(layout_name: str) -> None:
    """List the fonts text is printed in, and what each covers."""
    from ..build import font_report
    from ..layouts import load_layout

    for line in font_report(load_layout(layout_name)):
        click.echo(line)
