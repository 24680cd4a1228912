"""A layout, merged and checked: paper, margins, fonts, the theme every page is drawn in,
and each product's own settings. Lengths are points."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..fontfiles import FontChoice
from .topic import Board

@dataclass(frozen=True)
class Box:
    top: float
    right: float
    bottom: float
    left: float


@dataclass(frozen=True)
class SizeRange:
    """Text starts at `largest` and shrinks no further than `smallest`."""

    largest: float
    smallest: float


@dataclass(frozen=True)
class Stroke:
    """How a line looks: colour, weight, and its dash pattern (on, off, ... lengths; () is solid)."""

    colour: str
    width: float
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Lines:
    """Every kind of line the pages draw outside tables and timelines."""

    header_rule: Stroke
    name_field: Stroke  # the lines to write a name, class and date on
    cut: Stroke  # cut lines round cards on plain paper
    crop: Stroke  # crop marks outside card stock
    fold: Stroke  # where a folded sheet is folded
    scale_bar: Stroke
    calibration: Stroke  # the calibration sheet's crosses
    ruler: Stroke  # and its rulers


@dataclass(frozen=True)
class NameField:
    """The Name / Class / Date line on student sheets: students write larger than type."""

    size: float
    name: float  # line lengths
    class_: float
    date: float


@dataclass(frozen=True)
class FurnitureStyle:
    text: SizeRange  # header and footer: shrunk from largest to smallest to fit their slot
    banner_size: float  # "ANSWERS - teacher copy"
    name_field: NameField


@dataclass(frozen=True)
class CardMarks:
    """The small print on a card sheet: card numbers, tag bands, the note and legend in the margin."""

    number_size: float
    band_height: float
    band_text: SizeRange
    margin_text: SizeRange  # the printing note and the tag legend
    scale_label_size: float


@dataclass(frozen=True)
class CalibrationStyle:
    text_size: float  # the note on the back
    ruler_label_size: float


@dataclass(frozen=True)
class PageFurniture:
    """Header and footer text with {placeholders}, each split in three slots."""

    left: str = ""
    centre: str = ""
    right: str = ""


@dataclass(frozen=True)
class Stock:
    """A sheet of cards: plain paper to cut, or a maker's perforated card stock.

    Positions are those of the maker's published template, measured from the
    sheet's top-left corner as the templates give them.
    """

    name: str
    description: str
    paper_name: str
    page_width: float  # as the sheet is printed (landscape stocks are wider than tall)
    page_height: float
    card_width: float
    card_height: float
    columns: int
    rows: int
    left: float  # sheet's left edge to the first card's left edge
    top: float  # sheet's top edge to the first card's top edge
    pitch_x: float  # one card's left edge to the next one's
    pitch_y: float
    corner_radius: float = 0.0
    perforated: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def cards_per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def orientation(self) -> str:
        return "landscape" if self.page_width > self.page_height else "portrait"


class Duplex:
    LONG_EDGE = "long-edge"
    SHORT_EDGE = "short-edge"
    FOLD = "fold"
    NONE = "none"
    ALL = (LONG_EDGE, SHORT_EDGE, FOLD, NONE)


class CutGuides:
    AUTO = "auto"  # lines on plain paper, crop marks on perforated stock
    LINES = "lines"
    CROP = "crop"
    NONE = "none"
    ALL = (AUTO, LINES, CROP, NONE)


class VerticalAlign:
    MIDDLE = "middle"
    TOP = "top"
    ALL = (MIDDLE, TOP)


@dataclass(frozen=True)
class TextGrowth:
    """On cards whose shorter side is longer than `from_side` (a business card's 55 mm), the
    largest text sizes grow in proportion, up to `front` and `back`."""

    from_side: float = 55 * 72 / 25.4
    front: float = 16.0
    back: float = 11.0

    def grown(self, sizes: SizeRange, limit: float, stock: "Stock") -> SizeRange:
        ratio = min(stock.card_width, stock.card_height) / self.from_side
        if ratio <= 1 or limit <= sizes.largest:
            return sizes
        # Half points, as sizes are tried: a card a little bigger does not print at 16.37 pt.
        return SizeRange(round(min(limit, sizes.largest * ratio) * 2) / 2, sizes.smallest)


@dataclass(frozen=True)
class FlashcardLayout:
    stock: Stock
    safe_margin: float
    front_size: SizeRange
    back_size: SizeRange
    cut: str  # CutGuides
    duplex: str  # Duplex
    back_offset_x: float  # corrects a printer that shifts the back side
    back_offset_y: float
    tag_colours: tuple[str, ...]
    marks: CardMarks
    image_gap: float = 2 * 72 / 25.4  # between a card's picture and its text
    largest_image_mb: int = 10  # a picture file larger than this is refused (it would bloat the PDF)
    vertical_align: str = "middle"  # VerticalAlign: where a face's text (and picture) sits up and down
    growth: TextGrowth = TextGrowth()
    band_inset: float = 1.5 * 72 / 25.4  # the tag band stops this short of a cut shared with another card
    band_bleed: float = 2 * 72 / 25.4  # and runs up to this far past a card edge with a gutter beyond
    overflow: str = "fail"  # Overflow: a back too long for its card fails, or continues on another card
    front_align: str = "centre"  # or "left"

    def face_sizes(self) -> tuple[SizeRange, SizeRange]:
        """The front's and the back's sizes on this stock's cards: bigger cards let text grow."""
        return (self.growth.grown(self.front_size, self.growth.front, self.stock),
                self.growth.grown(self.back_size, self.growth.back, self.stock))

    @property
    def cut_guides(self) -> str:
        """What `cut` draws on this stock: lines on perforations would show on the cards
        whenever the printer shifts the page a little."""
        if self.cut != CutGuides.AUTO:
            return self.cut
        return CutGuides.CROP if self.stock.perforated else CutGuides.LINES


@dataclass(frozen=True)
class FactorTableLayout:
    orientation: str
    columns: tuple[str, ...]
    widths: tuple[float, ...]  # relative: shares of the table's width
    text_size: SizeRange
    heading_size: float
    writing_line_spacing: float
    writing_lines: dict  # column key -> lines to write on in a blank cell of that column
    equal_rows: bool  # every row of a table with blanks as tall as its tallest
    instruction: str  # printed under the question on tables with blanks ("" for none)
    explain: str  # on tables with blanks, heads lines filling the rest of the last page ("" for none)
    grid_width: float
    cell_padding: float
    writing_line: "Stroke"  # the ruled lines students write on
    marker_size: float  # the factor's shape beside its name
    rank_box: float  # the side of the empty box to write a rank in
    continuum: "Continuum"


@dataclass(frozen=True)
class Continuum:
    """The "how far" line under a factor table, on which each factor is placed."""

    show: bool
    low: str  # the left end: "not at all"
    high: str  # the right end: "entirely"
    height: float  # the space the line and its labels take under the table


@dataclass(frozen=True)
class CardSortLayout:
    orientation: str
    columns: int  # strips across a page
    strip_height: float
    text_size: SizeRange
    number_size: float
    padding: float
    mat_title_size: float

    @property
    def number_width(self) -> float:
        return strip_number_width(self.number_size)

    def mat_top_height(self, body_size: float) -> float:
        return mat_top_height(self.mat_title_size, body_size, self.padding)

    def text_box(self, content_width: float) -> tuple[float, float]:
        """(width, height) of the text on a strip, in a page `content_width` wide."""
        return strip_text_box(content_width, self.columns, self.strip_height, self.padding, self.number_size)


def mat_top_height(mat_title_size: float, body_size: float, padding: float) -> float:
    """The band at the top of a sorting mat: the factor's name, two lines of the question, padding."""
    return mat_title_size * 1.3 + body_size * 2.6 + 2 * padding


def strip_number_width(number_size: float) -> float:
    """The column a card-sort strip's number stands in: four digits at its size."""
    return number_size * 2.6


def strip_text_box(content_width: float, columns: int, strip_height: float, padding: float,
                   number_size: float) -> tuple[float, float]:
    """(width, height) of a card-sort strip's text: padding, the number, padding, the text,
    padding across; padding above and below. The layout check and the renderer both use it."""
    strip_width = content_width / columns
    return strip_width - strip_number_width(number_size) - 3 * padding, strip_height - 2 * padding


@dataclass(frozen=True)
class TimelineLayout:
    orientation: str
    modes: tuple[str, ...]  # the worksheets (each with its key) that `build` makes
    era: str  # Era: how years before 1 AD (and after, on a timeline reaching back) are labelled
    text_size: float  # event text
    date_size: float
    number_size: float  # event numbers, on the axis and beside each space
    detail_size: float
    tick_size: float  # the axis's dates
    heading_size: float  # enlarged rows, word bank, strips
    writing_line_length: float  # the shortest line a student writes an event on
    writing_lines: int
    writing_line_spacing: float
    writing_line: Stroke  # the lines to write on, and the boxes for dates and letters
    number_width: float  # the column the numbers stand in, beside each space
    column_gap: float
    entry_gap: float
    date_box_width: float
    letter_box: float
    strip_height: float  # the least height of a cut-out strip (and of the space it is stuck in)
    cut_line: Stroke  # round cut-out strips and the spaces they are stuck in
    axis_line: Stroke  # the axis, its ticks and breaks
    tick_length: float
    marker_radius: float
    span_width: float  # the bar of an event that lasts (`until`)
    leader_line: Stroke  # from a marker to its number, brackets, and the outline of markers
    lane_height: float  # one level of numbers above the axis
    lanes: int  # levels of numbers before a crowded stretch is enlarged in a further row
    end_space: float  # between the axis's ends and its first and last event
    axis_breaks: bool  # a long empty stretch is cut out of the axis, and a break drawn
    break_width: float
    row_gap: float


@dataclass(frozen=True)
class Colours:
    text: str
    muted: str
    rule: str
    accent: str
    heading_band: str
    paper: str  # the sheet's own colour: text on a dark band is printed in it
    page_tint: Optional[str] = None  # printed over the whole of every page, under everything (dyslexia)


class FontWeight:
    REGULAR = "regular"
    BOLD = "bold"  # every text in the bold face: large print
    ALL = (REGULAR, BOLD)


class Emphasis:
    ITALIC = "italic"
    BOLD = "bold"  # *text* prints bold: large print and dyslexia-friendly pages have no italics
    ALL = (ITALIC, BOLD)


@dataclass(frozen=True)
class School:
    """A school's name and logo for the header of tables and worksheets."""

    name: str = ""
    logo: str = ""  # a PNG or JPEG file; "" for none
    logo_height: float = 0.0


@dataclass(frozen=True)
class BoardStyle:
    """How the exam board the layout follows writes a question."""

    name: str = Board.NONE
    marks: str = "[{marks} marks]"  # with {marks}
    extended: str = ""  # before an extended-response question: OCR's asterisk
    label: str = ""  # printed above the question, such as "Exam-style question"

    def marks_text(self, marks: Optional[int]) -> str:
        return self.marks.replace("{marks}", str(marks)) if marks is not None and self.marks else ""


class MarkerShape:
    """Shapes that tell factors apart on a greyscale copy, beside their colour."""

    CIRCLE = "circle"
    SQUARE = "square"
    TRIANGLE = "triangle"
    DIAMOND = "diamond"
    CROSS = "cross"
    STAR = "star"
    ALL = (CIRCLE, SQUARE, TRIANGLE, DIAMOND, CROSS, STAR)


@dataclass(frozen=True)
class FactorMark:
    """How one factor is shown wherever it appears: table row, card band, timeline marker."""

    colour: str
    shape: str


@dataclass(frozen=True)
class FactorKey:
    """The layout's colours and shapes for factors, given out in the order factors are written."""

    colours: tuple[str, ...]
    shapes: tuple[str, ...]

    def marks(self, factor_names: tuple[str, ...]) -> dict[str, FactorMark]:
        """Each factor's mark: the n-th factor takes the n-th colour and shape (cycling if there
        are more factors than either), so a factor looks the same in every product of a topic."""
        return {name: FactorMark(self.colours[index % len(self.colours)], self.shapes[index % len(self.shapes)])
                for index, name in enumerate(factor_names)}


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    file: str
    page_width: float  # portrait: each product turns the page as its section says
    page_height: float
    paper_name: str
    margins: Box
    font_family: FontChoice  # the fonts text is printed in (and how: leading, spacing); str() is its name
    body_size: float
    title_size: float
    colours: Colours
    lines: Lines
    furniture: FurnitureStyle
    calibration: CalibrationStyle
    header: PageFurniture
    footer: PageFurniture
    flashcards: FlashcardLayout
    factors: FactorTableLayout
    cardsort: CardSortLayout
    timeline: TimelineLayout
    factor_key: FactorKey
    school: School = School()
    board: BoardStyle = BoardStyle()
    minimum_size: float = 0.0  # no text is drawn smaller: a size derived from another never goes below it
    extends: tuple[str, ...] = field(default=())
    stocks: tuple[Stock, ...] = field(default=())  # every stock the layout can use, by name or alias
    author: str = ""  # who a pack's PDF says made it: a school or department
