"""The `revisionprint` command: parse options, call one function, report.

Each command lives in the module of what it is for (building, cards, worksheets, checking, importing,
layouts) and is imported only when it is named: a run compiles and loads the code of its own command,
not of all of them. Heavy modules (ReportLab, the renderers) are imported inside commands, so that
`revisionprint --help`, which loads every command to show its help, still starts instantly.
"""

from __future__ import annotations

import sys
from importlib import import_module

import click

from ..errors import ExitCode, RevisionprintError, UsageProblem, terminal_safe

COMMANDS = {  # name: "module:function", the module in this package
    "build": "building:build",
    "calibrate": "cards:calibrate",
    "cardsort": "worksheets:cardsort",
    "course": "building:course",
    "factors": "worksheets:factors",
    "flashcards": "cards:flashcards",
    "fonts": "checking:fonts",
    "import": "importing:import_command",
    "layouts": "layouts:layouts",
    "pack": "building:pack",
    "stocks": "cards:stocks",
    "timeline": "worksheets:timeline",
    "validate": "checking:validate",
}


class Reported(click.ClickException):
    """One of our errors, printed as it is (no 'Error:'), with its own exit code."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(terminal_safe(self.format_message()), err=True)


class RevisionprintGroup(click.Group):
    """Shows a clean line instead of a traceback, unless --traceback was given; finds each command in COMMANDS."""

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

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str):
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module, function = COMMANDS[cmd_name].split(":")
        return getattr(import_module(f".{module}", __name__), function)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:
            # click (8.4 on) offers the close names among self.commands, where a command not yet loaded is not
            if not hasattr(error, "command_name"):
                raise
            raise type(error)(error.command_name, possibilities=self.list_commands(ctx), ctx=ctx) from None


@click.group(cls=RevisionprintGroup)
@click.version_option(package_name="revisionprint")
@click.option("--traceback", is_flag=True, help="Show the Python traceback of an unexpected error (for bug reports).")
def cli(traceback: bool) -> None:
    """Turn revision notes (YAML) into print-ready flashcards, factor tables and timeline worksheets."""


def main() -> None:
    from ..memory import spare_the_last_collection

    try:
        cli(prog_name="revisionprint")
    finally:
        spare_the_last_collection()
