"""Layouts: find, read, merge (`extends`) and turn into the model's Layout."""

from .loader import LayoutInfo, available_layouts, load_layout, merged_layout_yaml, with_card_settings

__all__ = ["LayoutInfo", "available_layouts", "load_layout", "merged_layout_yaml", "with_card_settings"]
