"""What a layout file may say: a tree of sections whose leaves are options.

The built-in `default` layout sets every value; other layouts extend it and
say only what they change.
"""

from __future__ import annotations

from ..fontfiles import FAMILY_NAMES
from ..model import (FACTOR_COLUMNS, WRITTEN_COLUMNS, CutGuides, Duplex, Era, MarkerShape, TimelineMode,
                     VerticalAlign)
from .options import (Boolean, Choice, ChoiceList, Colour, ColourList, Dash, FontFile, FontFileList, Integer, Length,
                      NumberList, Offset, Paper, Template, Text)
from .stocks import STOCK_ENTRIES

ORIENTATION = Choice("portrait", "landscape")
TEXT_SIZES = {"largest": Length(at_least=4), "smallest": Length(at_least=4)}
FURNITURE = {"left": Template(), "centre": Template(), "right": Template()}
STROKE = {"colour": Colour(), "width": Length(), "dash": Dash()}
LINE_KINDS = ("header_rule", "name_field", "cut", "crop", "fold", "scale_bar", "calibration", "ruler")
FACTOR_COLUMN_KEYS = tuple(column.key for column in FACTOR_COLUMNS)

LAYOUT_SCHEMA = {
    "description": Text(),
    "extends": Text(),
    "paper": Paper(),
    "margins": {side: Length() for side in ("top", "right", "bottom", "left")},
    "font": {
        "family": Choice(*FAMILY_NAMES),
        "size": Length(at_least=4),
        "title_size": Length(at_least=4),
        # Your own font instead of the family (any script it has); a style left out prints in
        # the regular file.
        "files": {style: FontFile() for style in ("regular", "bold", "italic", "bold_italic")},
        "fallbacks": FontFileList(),
    },
    "colours": {name: Colour() for name in ("text", "muted", "rule", "accent", "heading_band", "paper")},
    "lines": {kind: STROKE for kind in LINE_KINDS},
    "furniture": {
        "text": TEXT_SIZES,
        "banner_size": Length(at_least=4),
        "name_field": {"size": Length(at_least=4), "name": Length(), "class": Length(), "date": Length()},
    },
    "calibration": {"text_size": Length(at_least=4), "ruler_label_size": Length(at_least=4)},
    "header": FURNITURE,
    "footer": FURNITURE,
    "stocks": STOCK_ENTRIES,
    "flashcards": {
        "stock": Text(),
        "safe_margin": Length(),
        "front_text": TEXT_SIZES,
        "back_text": TEXT_SIZES,
        "grow": {"from_side": Length(at_least=10), "front_to": Length(at_least=4), "back_to": Length(at_least=4)},
        "vertical_align": Choice(*VerticalAlign.ALL),
        "cut": Choice(*CutGuides.ALL),
        "duplex": Choice(*Duplex.ALL),
        "back_offset": {"x": Offset(), "y": Offset()},
        "tag_colours": ColourList(),
        "number_size": Length(at_least=4),
        "band_height": Length(),
        "band_inset": Length(),
        "band_bleed": Length(),
        "band_text": TEXT_SIZES,
        "margin_text": TEXT_SIZES,
        "scale_label_size": Length(at_least=4),
        "images": {"gap": Length(), "largest_file_mb": Integer(1, 200)},
    },
    "factors": {
        "orientation": ORIENTATION,
        "columns": ChoiceList(*FACTOR_COLUMN_KEYS),
        "widths": NumberList(),
        "text": TEXT_SIZES,
        "heading_size": Length(at_least=4),
        "writing_line_spacing": Length(at_least=8),
        "writing_lines": {key: Integer(0, 30) for key in WRITTEN_COLUMNS},
        "equal_rows": Boolean(),
        "instruction": Text(),
        "explain": Text(),
        "grid_width": Length(),
        "cell_padding": Length(),
        "writing_line": STROKE,
        "marker_size": Length(at_least=2),
        "rank_box": Length(at_least=8),
        "continuum": {"show": Boolean(), "low": Text(), "high": Text(), "height": Length(at_least=10)},
    },
    "cardsort": {
        "orientation": ORIENTATION,
        "columns": Integer(1, 4),
        "strip_height": Length(at_least=8),
        "text": TEXT_SIZES,
        "number_size": Length(at_least=4),
        "padding": Length(),
        "mat_title_size": Length(at_least=4),
    },
    "factor_key": {
        "colours": ColourList(),
        "shapes": ChoiceList(*MarkerShape.ALL, noun="shape"),
    },
    "timeline": {
        "orientation": ORIENTATION,
        "modes": ChoiceList(*TimelineMode.ALL, noun="mode"),
        "era": Choice(*Era.ALL),
        "text_size": Length(at_least=4),
        "date_size": Length(at_least=4),
        "number_size": Length(at_least=4),
        "detail_size": Length(at_least=4),
        "tick_size": Length(at_least=4),
        "heading_size": Length(at_least=4),
        "writing_line_length": Length(at_least=20),
        "writing_lines": Integer(1, 10),
        "writing_line_spacing": Length(at_least=12),
        "writing_line": STROKE,
        "number_width": Length(at_least=10),
        "column_gap": Length(),
        "entry_gap": Length(),
        "date_box_width": Length(at_least=20),
        "letter_box": Length(at_least=10),
        "strip_height": Length(at_least=10),
        "cut_line": STROKE,
        "axis_line": STROKE,
        "tick_length": Length(),
        "marker_radius": Length(at_least=1),
        "span_width": Length(),
        "leader_line": STROKE,
        "lane_height": Length(at_least=6),
        "lanes": Integer(1, 12),
        "end_space": Length(),
        "axis_breaks": Boolean(),
        "break_width": Length(at_least=4),
        "row_gap": Length(),
    },
}
