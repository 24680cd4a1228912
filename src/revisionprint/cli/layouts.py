"""The layouts: the list of them, one merged and explained, and a new one of your own."""

from __future__ import annotations

import click

from .options import set_option, set_settings


@click.group(invoke_without_command=True)
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

    click.echo(merged_layout_yaml(name, set_settings(set_values)), nl=False)


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
