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
