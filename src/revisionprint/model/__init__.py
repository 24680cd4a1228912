"""The plain data every stage shares: topics and their items (topic.py, dates.py), layouts
with their theme (layout.py), where cards sit on a stock's sheet (card_grid.py), and what
one run asks of a product (options.py).

Loading fills these in; renderers only read them. Nothing here knows about YAML or ReportLab.
Lengths are points (1/72 in).
"""

from .dates import (Era, MONTH_NAMES, PartialDate, astronomical, days_in_month, historical, is_leap, year_label, year_position)
from .topic import (BLANKABLE_COLUMNS, BOARDS, FACTOR_COLUMNS, QUESTION_PRODUCTS, Board, Factor, FactorColumn, Flashcard, Origin, Question, QuestionPart, TimelineEvent, Topic, WRITTEN_COLUMNS, factor_column)
from .layout import (BoardStyle, Box, CalibrationStyle, CardMarks, CardSortLayout, Colours, Continuum, CutGuides, Duplex, Emphasis, FactorKey, FactorMark, FactorTableLayout, FlashcardLayout, FontWeight, FurnitureStyle, Layout, Lines, MarkerShape, NameField, PageFurniture, School, SizeRange, Stock, Stroke, TextGrowth, TimelineLayout, VerticalAlign, mat_top_height, strip_text_box)
from .card_grid import (BandBox, CannotFold, CardSlot, FoldedPair, back_slot, band_box, can_fold, card_slots, cards_per_sheet, folded_pairs, mirrors_left_to_right)
from .options import (BLANK_FACTOR_TABLE, CalibrationOptions, CardPrinting, CardSortOptions, FactorTableOptions, Overflow, PageOptions, RenderedPdf, Sides, TimelineMode, TimelineOptions)

__all__ = ["BLANKABLE_COLUMNS", "BLANK_FACTOR_TABLE", "BOARDS", "Board", "BoardStyle", "BandBox", "Box", "CalibrationOptions", "CalibrationStyle", "CannotFold", "CardMarks", "CardPrinting", "CardSlot", "CardSortLayout", "CardSortOptions", "Colours", "Continuum", "CutGuides", "Duplex", "Emphasis", "Era", "FACTOR_COLUMNS", "Factor", "FactorColumn", "FactorKey", "FactorMark", "FactorTableLayout", "FactorTableOptions", "Flashcard", "FlashcardLayout", "FoldedPair", "FurnitureStyle", "Layout", "Lines", "MONTH_NAMES", "MarkerShape", "NameField", "Origin", "Overflow", "PageFurniture", "PageOptions", "PartialDate", "QUESTION_PRODUCTS", "Question", "QuestionPart", "School", "RenderedPdf", "Sides", "SizeRange", "Stock", "Stroke", "TextGrowth", "TimelineEvent", "TimelineLayout", "TimelineMode", "TimelineOptions", "Topic", "VerticalAlign", "WRITTEN_COLUMNS", "astronomical", "back_slot", "band_box", "can_fold", "card_slots", "cards_per_sheet", "days_in_month", "factor_column", "folded_pairs", "historical", "is_leap", "mat_top_height", "mirrors_left_to_right", "strip_text_box", "year_label", "year_position"]
