"""What a layout file may say: a tree of sections whose leaves are options.

The built-in `default` layout sets every value; other layouts extend it and
say only what they change.
"""

from __future__ import annotations

from ..fontfiles import FAMILY_NAMES
from ..limits import (LARGEST_BAND_HEIGHT_MM, LARGEST_GAP_MM, LARGEST_LINE_WIDTH_MM, LARGEST_NAME_FIELD_MM,
                      LARGEST_PAGE_PART_MM, LARGEST_SAFE_MARGIN_MM, LARGEST_TEXT_PT, LARGEST_WRITING_LINE_SPACING_MM,
                      SMALLEST_TEXT_PT)
from ..model import (BOARDS, FACTOR_COLUMNS, WRITTEN_COLUMNS, CutGuides, Duplex, Emphasis, Era, FontWeight, MarkerShape,
                     Overflow, TimelineMode, VerticalAlign)
from .options import (Boolean, Choice, ChoiceList, Colour, ColourList, Dash, FontFile, FontFileList, ImageFile,
                      Integer, Length, MarksTemplate, Number, NumberList, Offset, OptionalColour, Paper, Template,
                      Text, TextSize)
from .stocks import STOCK_ENTRIES

ORIENTATION = Choice("portrait", "landscape")
# Every length has a documented largest value (docs/limits.md), far above real use.
# A TextSize: font.minimum_size (large print) is checked against every one.
TEXT_SIZE = TextSize(at_least=SMALLEST_TEXT_PT, at_most=f"{LARGEST_TEXT_PT}pt")
TEXT_SIZES = {"largest": TEXT_SIZE, "smallest": TEXT_SIZE}


def gap(at_least: float = 0.0) -> Length:
    """A padding, gap, box or mark: at most LARGEST_GAP_MM."""
    return Length(at_least=at_least, at_most=f"{LARGEST_GAP_MM}mm")


def page_part(at_least: float = 0.0) -> Length:
    """A width or height of a part of the page (a label, a strip, a lane): at most LARGEST_PAGE_PART_MM."""
    return Length(at_least=at_least, at_most=f"{LARGEST_PAGE_PART_MM}mm")


WRITING_LINE_SPACING = f"{LARGEST_WRITING_LINE_SPACING_MM}mm"
NAME_FIELD = Length(at_most=f"{LARGEST_NAME_FIELD_MM}mm")
FURNITURE = {"left": Template(), "centre": Template(), "right": Template()}
STROKE = {"colour": Colour(), "width": Length(at_most=f"{LARGEST_LINE_WIDTH_MM}mm"), "dash": Dash()}
LINE_KINDS = ("header_rule", "name_field", "cut", "crop", "fold", "scale_bar", "calibration", "ruler")
FACTOR_COLUMN_KEYS = tuple(column.key for column in FACTOR_COLUMNS)

LAYOUT_SCHEMA = {
    "description": Text(),
    "author": Text(),
    "extends": Text(),
    "paper": Paper(),
    "margins": {side: Length() for side in ("top", "right", "bottom", "left")},
    "font": {
        "family": Choice(*FAMILY_NAMES),
        "size": TEXT_SIZE,
        "title_size": TEXT_SIZE,
        # Your own font instead of the family (any script it has); a style left out prints in
        # the regular file.
        "files": {style: FontFile() for style in ("regular", "bold", "italic", "bold_italic")},
        "fallbacks": FontFileList(),
        "weight": Choice(*FontWeight.ALL),  # bold: every text in the bold face (large print)
        "emphasis": Choice(*Emphasis.ALL),  # what *italic* prints as: bold for large print and dyslexia
        "leading": Number(1.0, 3.0),  # line spacing, as a multiple of the text size
        "letter_spacing": Number(0.0, 1.0),  # added between letters: a share of the average letter's width
        "word_spacing": Number(0.0, 3.0),  # added to each space: a share of its width
        # No text size in the layout may be smaller (checked once the layouts are merged).
        "minimum_size": TEXT_SIZE,
    },
    "colours": {**{name: Colour() for name in ("text", "muted", "rule", "accent", "heading_band", "paper")},
                "page_tint": OptionalColour()},
    "lines": {kind: STROKE for kind in LINE_KINDS},
    "furniture": {
        "text": TEXT_SIZES,
        "banner_size": TEXT_SIZE,
        "name_field": {"size": TEXT_SIZE, "name": NAME_FIELD, "class": NAME_FIELD, "date": NAME_FIELD},
    },
    "calibration": {"text_size": TEXT_SIZE, "ruler_label_size": TEXT_SIZE},
    "school": {"name": Text(), "logo": ImageFile(), "logo_height": gap()},
    "board": {
        "name": Choice(*BOARDS),
        "marks": MarksTemplate(),
        "extended": Text(),  # the mark before an extended-response question (OCR's asterisk)
        "label": Text(),
    },
    "header": FURNITURE,
    "footer": FURNITURE,
    "stocks": STOCK_ENTRIES,
    "flashcards": {
        "stock": Text(),
        "safe_margin": Length(at_most=f"{LARGEST_SAFE_MARGIN_MM}mm"),
        "front_text": TEXT_SIZES,
        "front_align": Choice("centre", "left"),
        "back_text": TEXT_SIZES,
        "grow": {"from_side": page_part(10), "front_to": TEXT_SIZE, "back_to": TEXT_SIZE},
        "vertical_align": Choice(*VerticalAlign.ALL),
        "cut": Choice(*CutGuides.ALL),
        "duplex": Choice(*Duplex.ALL),
        "overflow": Choice(*Overflow.ALL),
        "back_offset": {"x": Offset(), "y": Offset()},
        "tag_colours": ColourList(),
        "number_size": TEXT_SIZE,
        "band_height": Length(at_most=f"{LARGEST_BAND_HEIGHT_MM}mm"),
        "band_inset": gap(),
        "band_bleed": gap(),
        "band_text": TEXT_SIZES,
        "margin_text": TEXT_SIZES,
        "scale_label_size": TEXT_SIZE,
        "images": {"gap": gap(), "largest_file_mb": Integer(1, 200)},
    },
    "factors": {
        "orientation": ORIENTATION,
        "columns": ChoiceList(*FACTOR_COLUMN_KEYS),
        "widths": NumberList(),
        "text": TEXT_SIZES,
        "heading_size": TEXT_SIZE,
        "writing_line_spacing": Length(at_least=8, at_most=WRITING_LINE_SPACING),
        "writing_lines": {key: Integer(0, 30) for key in WRITTEN_COLUMNS},
        "equal_rows": Boolean(),
        "instruction": Text(),
        "explain": Text(),
        "grid_width": Length(at_most=f"{LARGEST_LINE_WIDTH_MM}mm"),
        "cell_padding": gap(),
        "writing_line": STROKE,
        "marker_size": gap(2),
        "rank_box": gap(8),
        "continuum": {"show": Boolean(), "low": Text(), "high": Text(), "height": page_part(10)},
    },
    "cardsort": {
        "orientation": ORIENTATION,
        "columns": Integer(1, 4),
        "strip_height": page_part(8),
        "text": TEXT_SIZES,
        "number_size": TEXT_SIZE,
        "padding": gap(),
        "mat_title_size": TEXT_SIZE,
    },
    "factor_key": {
        "colours": ColourList(),
        "shapes": ChoiceList(*MarkerShape.ALL, noun="shape"),
    },
    "timeline": {
        "orientation": ORIENTATION,
        "modes": ChoiceList(*TimelineMode.ALL, noun="mode"),
        "era": Choice(*Era.ALL),
        "text_size": TEXT_SIZE,
        "date_size": TEXT_SIZE,
        "number_size": TEXT_SIZE,
        "detail_size": TEXT_SIZE,
        "tick_size": TEXT_SIZE,
        "heading_size": TEXT_SIZE,
        "writing_line_length": page_part(20),
        "writing_lines": Integer(1, 10),
        "writing_line_spacing": Length(at_least=12, at_most=WRITING_LINE_SPACING),
        "writing_line": STROKE,
        "number_width": page_part(10),
        "column_gap": gap(),
        "entry_gap": gap(),
        "date_box_width": page_part(20),
        "letter_box": gap(10),
        "strip_height": page_part(10),
        "cut_line": STROKE,
        "axis_line": STROKE,
        "tick_length": gap(),
        "marker_radius": gap(1),
        "span_width": gap(),
        "leader_line": STROKE,
        "lane_height": page_part(6),
        "lanes": Integer(1, 12),
        "end_space": gap(),
        "axis_breaks": Boolean(),
        "break_width": gap(4),
        "row_gap": gap(),
    },
}
