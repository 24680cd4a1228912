"""Layouts: find, read, merge (`extends`, then the command line's settings) and turn into the model's Layout."""

from .loader import CommandLineSetting, LayoutInfo, available_layouts, load_layout

__all__ = ["CommandLineSetting", "LayoutInfo", "available_layouts", "load_layout", "merged_layout_yaml",
           "new_layout_text", "write_new_layout"]

_SHOWING = ("merged_layout_yaml", "new_layout_text", "write_new_layout")


def __getattr__(name: str):
    # Showing and writing layouts is for `revisionprint layouts`: every other command is spared
    # compiling and loading it (and textwrap).
    if name in _SHOWING:
        from . import showing

        return getattr(showing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
