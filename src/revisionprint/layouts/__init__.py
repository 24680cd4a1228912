"""Layouts: find, read, merge (`extends`, then the command line's settings) and turn into the model's Layout."""

from .loader import CommandLineSetting, LayoutInfo, available_layouts, load_layout
from .showing import merged_layout_yaml, new_layout_text, write_new_layout

__all__ = ["CommandLineSetting", "LayoutInfo", "available_layouts", "load_layout", "merged_layout_yaml",
           "new_layout_text", "write_new_layout"]
