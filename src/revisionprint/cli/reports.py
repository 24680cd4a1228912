"""What a command says while and after it draws: a progress bar, the files written, the problems found."""

from __future__ import annotations

import sys

import click

from ..errors import RevisionprintError, shown, terminal_safe


def finish(report, quiet: bool) -> None:
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


class CountingBar:
    """A progress bar that learns its length from the first report (the renderer knows it)."""

    def __init__(self, label: str):
        self.label = label
        self.bar = None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done)

    def __enter__(self) -> "CountingBar":
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
