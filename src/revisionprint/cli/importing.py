"""Cards made elsewhere (Quizlet, a spreadsheet, Anki, a text file) written as a topic file."""

from __future__ import annotations

from pathlib import Path

import click

from .options import DEFAULT_CONTENT_FOLDER, file_to_write

IMPORT_FORMATS = ("quizlet", "csv", "tsv", "anki-text", "apkg", "line-pairs")  # content.imports.FORMATS


_topic_file_name = file_to_write("topic file", (".yaml", ".yml"), "content/cells.yaml")


@click.command("import")
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
