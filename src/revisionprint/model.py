"""The plain data every stage shares: topics, their items, and layouts.

Loading fills these in; renderers only read them. Nothing here knows about
YAML or ReportLab. Lengths are points (1/72 in).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from .fontfiles import FontChoice


@dataclass(frozen=True)
class Origin:
    """Where an item was written, so any stage can name it in a message."""

    file: str
    line: int
    column: int
    path: str
    # (field, line, column) of each value inside the item, e.g. ("back[1]", 7, 9),
    # so a message about one field points at that field's line.
    fields: tuple[tuple[str, int, int], ...] = ()

    def position_of(self, field_name: str) -> tuple[int, int]:
        for name, line, column in self.fields:
            if name == field_name:
                return line, column
        return self.line, self.column


class Era:
    """How years before and after 1 AD are labelled: a layout's choice."""

    BC_AD = "BC/AD"
    BCE_CE = "BCE/CE"
    ALL = (BC_AD, BCE_CE)


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def year_label(year: int, era: str = Era.BC_AD, marked: bool = False) -> str:
    """'490 BC', '1969'; with `marked` (a timeline that reaches back before 1 AD) 'AD 30' or '30 CE'."""
    before, after = era.split("/")
    if year < 0:
        return f"{-year} {before}"
    if not marked:
        return str(year)
    return f"AD {year}" if after == "AD" else f"{year} {after}"


def astronomical(year: int) -> int:
    """Historians have no year 0 (1 BC is followed by AD 1); counting needs one: 1 BC is 0."""
    return year + 1 if year < 0 else year


def historical(astronomical_year: int) -> int:
    return astronomical_year if astronomical_year >= 1 else astronomical_year - 1


def is_leap(astronomical_year: int) -> bool:
    """The proleptic Gregorian calendar, as dates are written today, in any year."""
    return astronomical_year % 4 == 0 and (astronomical_year % 100 != 0 or astronomical_year % 400 == 0)


def days_in_month(astronomical_year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(astronomical_year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def year_position(astronomical_year: int, month: int = 1, day: int = 1) -> float:
    """The start of a day on a continuous scale of years: 1969.0 is the start of 1 January 1969."""
    year_days = 366 if is_leap(astronomical_year) else 365
    before = sum(days_in_month(astronomical_year, m) for m in range(1, month)) + day - 1
    return astronomical_year + before / year_days


@dataclass(frozen=True)
class PartialDate:
    """A year, a month or a day: history notes are rarely more precise than needed.

    `year` is written as historians write it: -490 is 490 BC, and there is no year 0.
    Positions are in years on a continuous scale (see year_position), so any year from
    9999 BC to AD 9999 is placed without the limits of Python's datetime.
    """

    year: int
    month: Optional[int] = None
    day: Optional[int] = None

    def __str__(self) -> str:
        text = str(self.year)
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def label(self, era: str = Era.BC_AD, marked: bool = False) -> str:
        """How a teacher writes the date: '1969', 'Mar 1969', '2 Mar 1969', '44 BC'."""
        year = year_label(self.year, era, marked)
        if self.month is None:
            return year
        month = MONTH_NAMES[self.month - 1][:3]
        if self.day is None:
            return f"{month} {year}"
        return f"{self.day} {month} {year}"

    def long_label(self, era: str = Era.BC_AD, marked: bool = False, with_year: bool = True) -> str:
        """'28 June 1914', 'June 1914', or without the year: '28 June'."""
        year = year_label(self.year, era, marked) if with_year else ""
        parts = [str(self.day)] if self.day is not None else []
        if self.month is not None:
            parts.append(MONTH_NAMES[self.month - 1])
        return " ".join(parts + ([year] if year else []))

    @property
    def astronomical_year(self) -> int:
        return astronomical(self.year)

    def start_position(self) -> float:
        return year_position(self.astronomical_year, self.month or 1, self.day or 1)

    def end_position(self) -> float:
        """Where the date ends: 1969 runs to the start of 1970, Dec 1969 too."""
        year = self.astronomical_year
        if self.month is None or (self.month == 12 and self.day is None):
            return float(year + 1)
        if self.day is None:
            return year_position(year, self.month + 1)
        year_days = 366 if is_leap(year) else 365
        return self.start_position() + 1 / year_days

    def midpoint_in_years(self) -> float:
        """Position on a proportional axis: the middle of the year, month or day."""
        return (self.start_position() + self.end_position()) / 2


@dataclass(frozen=True)
class Flashcard:
    number: int  # 1-based, in content order: printed on the card to sort a dropped pile
    front: str
    back: tuple[str, ...]
    back_is_list: bool  # written as a YAML list: print as bullets
    tags: tuple[str, ...]
    origin: Origin
    front_image: Optional[str] = None  # a PNG or JPEG file, found relative to the topic file
    back_image: Optional[str] = None

    def texts(self) -> Iterator[tuple[str, str]]:
        """(field, text) for everything the card prints: the one list glyph checks go through."""
        yield "front", self.front
        for index, text in enumerate(self.back):
            yield (f"back[{index}]" if self.back_is_list else "back"), text
        for index, tag in enumerate(self.tags):
            yield f"tags[{index}]", tag


@dataclass(frozen=True)
class Factor:
    name: str
    summary: str
    evidence: tuple[str, ...]
    arguments_for: tuple[str, ...]
    arguments_against: tuple[str, ...]
    origin: Origin
    links: tuple[str, ...] = ()  # names of other factors of the topic this one connects to
    rank: Optional[int] = None  # the teacher's significance rank: 1 is the most important
    events: tuple["TimelineEvent", ...] = ()  # timeline events that are evidence for it

    def texts(self, columns: Iterable["FactorColumn"]) -> Iterator[tuple[str, str]]:
        """(field, text) for what these columns print of the factor."""
        for column in columns:
            if not column.field:
                continue  # a column students write in (judgement)
            value = getattr(self, column.field)
            if column.is_list:
                for index, text in enumerate(value):
                    yield f"{column.key}[{index}]", text
            elif isinstance(value, str) and value:  # a rank is a number, always printable
                yield column.field, value


@dataclass(frozen=True)
class TimelineEvent:
    date: PartialDate
    until: Optional[PartialDate]
    event: str
    detail: str
    factor: Optional[str]
    origin: Origin

    def texts(self, with_detail: bool) -> Iterator[tuple[str, str]]:
        yield "event", self.event
        if with_detail and self.detail:
            yield "detail", self.detail


@dataclass(frozen=True)
class Topic:
    title: str
    subject: str
    course: str
    source: str
    question: str
    flashcards: tuple[Flashcard, ...]
    factors: tuple[Factor, ...]
    timeline: tuple[TimelineEvent, ...]
    origin: Origin

    @property
    def file(self) -> str:
        return self.origin.file

    def heading_texts(self) -> Iterator[tuple[str, str]]:
        """What headers, footers and headings may print of the topic itself."""
        for name in ("title", "subject", "course", "source", "question"):
            yield name, getattr(self, name)

    def texts(self) -> Iterator[tuple[Origin, str, str]]:
        """(where, field, text) for every text in the topic, as `validate` checks them."""
        for name, text in self.heading_texts():
            yield self.origin, name, text
        for card in self.flashcards:
            for name, text in card.texts():
                yield card.origin, name, text
        for factor in self.factors:
            for name, text in factor.texts(FACTOR_COLUMNS):
                yield factor.origin, name, text
        for event in self.timeline:
            for name, text in event.texts(with_detail=True):
                yield event.origin, name, text


# ---------------------------------------------------------------- layouts


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
    font_family: FontChoice  # the fonts text is printed in; str() is the main family's name
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
    extends: tuple[str, ...] = field(default=())
    stocks: tuple[Stock, ...] = field(default=())  # every stock the layout can use, by name or alias


class Sides:
    FRONT = "front"
    BACK = "back"
    BOTH = "both"
    ALL = (FRONT, BACK, BOTH)


class Overflow:
    FAIL = "fail"  # report the card and stop (or print shrunk with --keep-going)
    CONTINUE = "continue"  # carry the rest of the back onto an extra card marked (continued)
    ALL = (FAIL, CONTINUE)


@dataclass(frozen=True)
class PageOptions:
    """What the page furniture says that changes from copy to copy, not from layout to layout."""

    student_name: str = ""  # printed in the Name field of student sheets
    set_label: str = ""  # "Set 2 of 3", for class sets


@dataclass(frozen=True)
class CardPrinting:
    """Choices for one run of flashcards that are not the layout's (stock, duplex and cut are)."""

    sides: str = Sides.BOTH
    overflow: str = Overflow.FAIL
    start_position: int = 1  # first free slot on a partly used sheet of card stock
    tags: tuple[str, ...] = ()
    shuffle_seed: Optional[int] = None
    copies: int = 1
    page: PageOptions = PageOptions()


@dataclass(frozen=True)
class FactorColumn:
    """One column a factor table can have: the registry below is the only list of them."""

    key: str  # as written in a layout's `factors.columns`, and in --blank-columns
    heading: str
    field: str  # the Factor attribute it prints ("" for a column that is always written on)
    is_list: bool  # a list of points (bullets), or one text
    # How a blank cell is left for students: "lines" to write on, or a "box" for a number.
    blank: str = "lines"


FACTOR_COLUMNS = (
    FactorColumn("factor", "Factor", "name", is_list=False),
    FactorColumn("summary", "Key point", "summary", is_list=False),
    FactorColumn("evidence", "Evidence", "evidence", is_list=True),
    FactorColumn("for", "For (main factor)", "arguments_for", is_list=True),
    FactorColumn("against", "Against", "arguments_against", is_list=True),
    FactorColumn("links", "Links to", "links", is_list=True),
    FactorColumn("rank", "Rank", "rank", is_list=False, blank="box"),
    FactorColumn("judgement", "Judgement", "", is_list=False),
)
# Columns a table can leave blank: every one but the factor names.
BLANKABLE_COLUMNS = tuple(column.key for column in FACTOR_COLUMNS if column.key != "factor")
# Those left with lines to write on (the layout says how many); the others get a box.
WRITTEN_COLUMNS = tuple(column.key for column in FACTOR_COLUMNS if column.key in BLANKABLE_COLUMNS
                        and column.blank == "lines")


def factor_column(key: str) -> FactorColumn:
    return next(column for column in FACTOR_COLUMNS if column.key == key)


@dataclass(frozen=True)
class FactorTableOptions:
    """`blank_columns` are printed empty, with lines to write on; the factor names always print."""

    blank_columns: tuple[str, ...] = ()
    page: PageOptions = PageOptions()

    @property
    def has_blanks(self) -> bool:
        return bool(self.blank_columns)


BLANK_FACTOR_TABLE = FactorTableOptions(blank_columns=BLANKABLE_COLUMNS)


@dataclass(frozen=True)
class CardSortOptions:
    """A card sort: strips shuffled by `seed`, or (`answers`) the key to the same numbers."""

    seed: int = 0
    answers: bool = False
    page: PageOptions = PageOptions()


class TimelineMode:
    BLANK_EVENTS = "blank-events"  # dates printed, a numbered space for each event
    BLANK_DATES = "blank-dates"  # events printed, a box for each date
    MATCH = "match"  # dates printed, events in a lettered word bank in a seeded order
    CUT_OUT = "cut-out"  # dates printed, events on strips to cut out and stick beside them
    COMPLETE = "complete"  # every date and event: notes, not an exercise
    ALL = (BLANK_EVENTS, BLANK_DATES, MATCH, CUT_OUT, COMPLETE)
    SEEDED = (MATCH, CUT_OUT)  # the modes whose order --seed sets


@dataclass(frozen=True)
class TimelineOptions:
    mode: str = TimelineMode.BLANK_EVENTS
    answers: bool = False  # the answer key of the mode, with the same numbers, letters and seed
    seed: int = 0
    page: PageOptions = PageOptions()


@dataclass(frozen=True)
class CalibrationOptions:
    """The calibration sheet takes everything from the layout (its stock, duplex and offset)."""


@dataclass(frozen=True)
class RenderedPdf:
    """What every product's render(topic, layout, options) returns."""

    data: bytes
    pages: int
    contents: str  # what is in it, for the build summary: "24 cards on 6 pages"
    printing: str  # how to print it: "A4 landscape, single-sided, at 100% / actual size"
    problems: tuple[str, ...] = ()  # text that could not be printed as written, as FILE:LINE:COL messages
