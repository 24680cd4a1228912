"""The shape of the code that the design depends on: which layer may import what."""

from __future__ import annotations

import subprocess
import sys

import pytest


def imported_after(statement: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running the statement."""
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


RENDER_MODULES = """
import pkgutil, importlib, revisionprint.render as render
for info in pkgutil.walk_packages(render.__path__, 'revisionprint.render.'):
    importlib.import_module(info.name)
"""


def test_the_cli_never_imports_the_renderers_or_reportlab():
    loaded = imported_after("import revisionprint.cli")
    assert not {name for name in loaded if name.startswith("revisionprint.render")}
    assert "reportlab" not in loaded  # --help starts at once


def running(*args: str) -> str:
    """A statement that runs the command with these arguments, its output kept out of imported_after's."""
    return ("import contextlib, io\nfrom revisionprint.cli import cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    try:\n        cli({list(args)!r})\n    except SystemExit:\n        pass")


def cli_modules(loaded: set[str]) -> set[str]:
    return {name for name in loaded if name.startswith("revisionprint.cli.")}


def test_the_cli_loads_a_command_only_when_it_is_named():
    assert not cli_modules(imported_after("import revisionprint.cli"))
    assert cli_modules(imported_after(running("flashcards", "--help"))) == {
        "revisionprint.cli.cards", "revisionprint.cli.options", "revisionprint.cli.reports"}


def test_help_loads_every_command_but_never_the_renderers_or_reportlab():
    from revisionprint.cli import COMMANDS

    loaded = imported_after(running("--help"))
    assert {f"revisionprint.cli.{where.split(':')[0]}" for where in COMMANDS.values()} <= cli_modules(loaded)
    assert not {name for name in loaded if name.startswith("revisionprint.render")}
    assert "reportlab" not in loaded


def test_each_command_is_where_the_table_says():
    import click

    from revisionprint.cli import COMMANDS, cli

    context = click.Context(cli)
    assert [cli.get_command(context, name).name for name in COMMANDS] == list(COMMANDS)


@pytest.mark.parametrize("statement", [
    "import revisionprint.content, revisionprint.layouts, revisionprint.model, revisionprint.build",
    "import revisionprint.option_checks, revisionprint.errors, revisionprint.cardsets",
    "import revisionprint.content.imports",
    "import revisionprint.pack, revisionprint.pack.course",
    RENDER_MODULES,
])
def test_nothing_but_the_cli_imports_click(statement):
    assert "click" not in imported_after(statement)


@pytest.mark.parametrize("statement", ["import revisionprint.model", RENDER_MODULES])
def test_the_model_and_the_renderers_never_import_yaml(statement):
    loaded = imported_after(statement)
    assert "yaml" not in loaded
    if statement == "import revisionprint.model":
        assert "reportlab" not in loaded


def test_packs_draw_only_through_the_products():
    """pack/ plans and merges; ReportLab is loaded only when a part is drawn, by its product."""
    loaded = imported_after("import revisionprint.pack, revisionprint.pack.course")
    assert "reportlab" not in loaded
    assert not {name for name in loaded if name.startswith("revisionprint.render")}


def test_showing_layouts_is_loaded_only_by_the_layouts_command():
    assert "revisionprint.layouts.showing" not in imported_after("import revisionprint.layouts")
    assert "revisionprint.layouts.showing" in imported_after("from revisionprint.layouts import merged_layout_yaml")


SMALL_DECK = """title: Small deck
flashcards:
  - front: What is H~2~O?
    back:
      - Water, with **bold** and *italic* words
      - "Σ and Ж in the fallback font, x^2^"
    tags: [chemistry]
  - front: A second card
    back: A plain back
"""


def test_flashcards_never_import_platypus(tmp_path):
    """Card text is wrapped and written by our own code: reportlab.platypus (Paragraph, tables,
    frames, document templates: a tenth of a run of 1,000 cards) is never loaded for it."""
    deck = tmp_path / "deck.yaml"
    deck.write_text(SMALL_DECK, encoding="utf-8")
    loaded = imported_after(running("flashcards", str(deck), "-o", str(tmp_path / "cards.pdf"), "-q"))
    assert (tmp_path / "cards.pdf").stat().st_size > 1000
    assert "revisionprint.render.cards.flashcards" in loaded
    assert not {name for name in loaded if name.startswith("reportlab.platypus")}


def test_a_back_carried_on_to_more_cards_still_splits_with_reportlab(tmp_path):
    """--overflow continue splits an overlong back between lines with Paragraph's own split,
    loaded only then."""
    long_back = " ".join(f"point{n} **bold{n}** and more words" for n in range(60))
    deck = tmp_path / "deck.yaml"
    deck.write_text(f"title: Long\nflashcards:\n  - front: Long back\n    back: \"{long_back}\"\n", encoding="utf-8")
    loaded = imported_after(running("flashcards", str(deck), "-o", str(tmp_path / "cards.pdf"), "--overflow",
                                    "continue", "-q"))
    assert "reportlab.platypus.paragraph" in loaded
    import pdfplumber

    with pdfplumber.open(tmp_path / "cards.pdf") as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "(continued)" in text and "point59" in text and "(2/" in text
