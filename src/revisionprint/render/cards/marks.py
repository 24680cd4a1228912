"""Everything on a card sheet that is not a card's text: cut guides, the fold
line, the 100 mm scale bar, the printing note, tag bands and their legend,
and card numbers.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas

from ...model import CardMarks, Layout, Lines, Stock, Stroke
from ...model.card_grid import BandBox, CardSlot
from ..fonts import draw_string, string_width
from ..textwriter import TextWriter
from ..theme import colour, set_stroke
from ...units import MM

UNPRINTABLE = 5 * MM  # office lasers cannot print nearer the paper's edge than this
CROP_GAP, CROP_LENGTH = 2 * MM, 3 * MM  # crop marks start 2 mm outside the trim
NUMBER_INSET = 2.2 * MM
LINE_STRIP = 2.6 * MM  # the narrowest margin strip a line of small print needs
SCALE_LENGTH = 100 * MM
SCALE_HEIGHT = 2.2 * MM  # the tallest tick: the bar fits a 13.5 mm margin beside crop marks
SIZE_STEP = 0.5  # small print is tried in half points
BAND_BASELINE = 1.4 / 4.5  # the tag text's baseline, as a share of the band's height up from its foot


@dataclass(frozen=True)
class SheetStyle:
    """The layout's look of a card sheet's small print and lines, with the font they use."""

    marks: CardMarks
    lines: Lines
    text: str  # colours
    muted: str
    paper: str
    font: str

    @classmethod
    def of(cls, layout: Layout, font: str) -> "SheetStyle":
        colours = layout.colours
        return cls(layout.flashcards.marks, layout.lines, colours.text, colours.muted, colours.paper, font)

    @property
    def number_clearance(self) -> float:
        """How far card text keeps from the bottom edge: the number's cap height and a gap."""
        return NUMBER_INSET + self.marks.number_size * 0.75 + 0.8 * MM


@dataclass(frozen=True)
class MarginZone:
    """A strip of printable paper beside the cards: (bottom, top) in points from the sheet's bottom."""

    bottom: float
    top: float

    @property
    def height(self) -> float:
        return self.top - self.bottom


def margin_zones(stock: Stock, slots: list[CardSlot], crop_marks: bool) -> tuple[Optional[MarginZone], Optional[MarginZone]]:
    """The free strips above and below the cards, or None where the stock leaves no room."""
    clearance = _clearance(crop_marks)
    grid_top = max(slot.top for slot in slots)
    grid_bottom = min(slot.y for slot in slots)
    top = MarginZone(grid_top + clearance, stock.page_height - UNPRINTABLE)
    bottom = MarginZone(UNPRINTABLE, grid_bottom - clearance)
    return (top if top.height >= LINE_STRIP else None), (bottom if bottom.height >= LINE_STRIP else None)


def left_zone(stock: Stock, slots: list[CardSlot], crop_marks: bool) -> Optional[tuple[float, float]]:
    """The free strip left of the cards, as (left x, right x), if it can hold an upright scale bar."""
    right = min(slot.x for slot in slots) - _clearance(crop_marks)
    grid_height = max(slot.top for slot in slots) - min(slot.y for slot in slots)
    if right - UNPRINTABLE >= SCALE_HEIGHT + 1 * MM and grid_height >= SCALE_LENGTH + 10 * MM:
        return UNPRINTABLE, right
    return None


def right_zone(stock: Stock, slots: list[CardSlot], crop_marks: bool) -> Optional[tuple[float, float]]:
    """The free strip right of the cards, as (left x, right x), if it can hold an upright note."""
    left = max(slot.right for slot in slots) + _clearance(crop_marks)
    right = stock.page_width - UNPRINTABLE
    return (left, right) if right - left >= LINE_STRIP else None


def _clearance(crop_marks: bool) -> float:
    """How far margin text keeps from the cards: clear of the crop marks when there are some."""
    return CROP_GAP + CROP_LENGTH + 0.5 * MM if crop_marks else 1.5 * MM


def halves_for_legend_and_note(zone: tuple[float, float]) -> Optional[tuple[tuple[float, float], tuple[float, float]]]:
    """The right margin split for two upright lines, the legend outside and the note beside the
    cards, if it is wide enough for both."""
    left, right = zone
    legend_width = LEGEND_SWATCH + 0.5 * MM
    if right - left < legend_width + 1 * MM + LINE_STRIP:
        return None
    return (right - legend_width, right), (left, right - legend_width - 1 * MM)


@contextmanager
def _standing_up(canvas: Canvas, x: float, y: float) -> Iterator[None]:
    """Drawing turned a quarter left about (x, y): text then reads up the page, and what
    is 'above' a line lies to its left."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.rotate(90)
    try:
        yield
    finally:
        canvas.restoreState()


def draw_upright_legend(canvas: Canvas, colours: dict[str, str], zone: tuple[float, float], bottom: float,
                        style: SheetStyle, size: float) -> None:
    with _standing_up(canvas, zone[1], bottom):  # reads up the page, like the note beside it
        draw_legend(canvas, colours, 0, MarginZone(0, zone[1] - zone[0]), style, size)


def draw_upright_note(canvas: Canvas, text: str, zone: tuple[float, float], bottom: float, top: float,
                      style: SheetStyle) -> None:
    """The printing note standing in the right margin, for stocks with no room above or below the cards."""
    with _standing_up(canvas, zone[1], bottom):
        draw_note(canvas, text, MarginZone(0, zone[1] - zone[0]), 0, top - bottom, style, style.muted)


def draw_upright_scale_bar(canvas: Canvas, zone: tuple[float, float], centre_y: float, style: SheetStyle) -> None:
    """The 100 mm bar standing in the left margin, beside the cards."""
    with _standing_up(canvas, zone[1] - (zone[1] - zone[0] - SCALE_HEIGHT) / 2, centre_y - SCALE_LENGTH / 2):
        draw_scale_bar(canvas, 0, MarginZone(0, SCALE_HEIGHT), style)


def draw_cut_lines(canvas: Canvas, slots: list[CardSlot], stroke: Stroke, corner_radius: float = 0.0) -> None:
    canvas.saveState()
    set_stroke(canvas, stroke)
    for slot in slots:
        if corner_radius > 0:
            canvas.roundRect(slot.x, slot.y, slot.width, slot.height, corner_radius, stroke=1, fill=0)
        else:
            canvas.rect(slot.x, slot.y, slot.width, slot.height, stroke=1, fill=0)
    canvas.restoreState()


def draw_crop_marks(canvas: Canvas, slots: list[CardSlot], stock: Stock, stroke: Stroke) -> None:
    """Short marks outside the grid, in line with every cut: for card stock, nothing on the cards."""
    xs = sorted({round(x, 2) for slot in slots for x in (slot.x, slot.right)})
    ys = sorted({round(y, 2) for slot in slots for y in (slot.y, slot.top)})
    left, right = min(xs), max(xs)
    bottom, top = min(ys), max(ys)
    canvas.saveState()
    set_stroke(canvas, stroke)
    for x in xs:
        canvas.line(x, top + CROP_GAP, x, min(top + CROP_GAP + CROP_LENGTH, stock.page_height))
        canvas.line(x, bottom - CROP_GAP, x, max(bottom - CROP_GAP - CROP_LENGTH, 0))
    for y in ys:
        canvas.line(left - CROP_GAP, y, max(left - CROP_GAP - CROP_LENGTH, 0), y)
        canvas.line(right + CROP_GAP, y, min(right + CROP_GAP + CROP_LENGTH, stock.page_width), y)
    canvas.restoreState()


def draw_fold_line(canvas: Canvas, stock: Stock, slots: list[CardSlot], direction: str, stroke: Stroke) -> None:
    """Down the middle of the sheet, along the cards only: the margins hold the legend and the note."""
    canvas.saveState()
    set_stroke(canvas, stroke)
    if direction == "vertical":
        canvas.line(stock.page_width / 2, min(s.y for s in slots), stock.page_width / 2, max(s.top for s in slots))
    else:
        canvas.line(min(s.x for s in slots), stock.page_height / 2, max(s.right for s in slots), stock.page_height / 2)
    canvas.restoreState()


SCALE_LABEL = "100 mm"


def scale_bar_end(x: float, style: SheetStyle) -> float:
    """Where the bar's label ends, for whatever shares the margin."""
    return x + SCALE_LENGTH + 1.5 * MM + stringWidth(SCALE_LABEL, style.font, style.marks.scale_label_size)


def draw_scale_bar(canvas: Canvas, x: float, zone: MarginZone, style: SheetStyle) -> None:
    """A 100 mm bar with centimetre ticks: if it does not measure 100 mm, the printer scaled the page."""
    y = zone.bottom + (zone.height - SCALE_HEIGHT) / 2
    font, size = style.font, style.marks.scale_label_size
    bar = style.lines.scale_bar
    canvas.saveState()
    canvas.setStrokeColor(colour(bar.colour))
    canvas.setFillColor(colour(bar.colour))  # the label matches the bar
    canvas.setLineWidth(bar.width)
    if bar.dash:
        canvas.setDash(list(bar.dash))
    ticks = [(x + step * 10 * MM, SCALE_HEIGHT if step in (0, 5, 10) else SCALE_HEIGHT * 0.55) for step in range(11)]
    canvas.lines([(x, y, x + SCALE_LENGTH, y)] + [(at, y, at, y + tick) for at, tick in ticks])
    canvas.setFont(font, size)
    canvas.drawString(x + SCALE_LENGTH + 1.5 * MM, y, SCALE_LABEL)
    canvas.restoreState()


def note_fits(text: str, style: SheetStyle, room: float) -> bool:
    return stringWidth(text, style.font, style.marks.margin_text.smallest) <= room


def draw_note(canvas: Canvas, text: str, zone: MarginZone, left: float, right: float, style: SheetStyle,
              text_colour: str, centred: bool = True) -> None:
    """The printing note, shrunk to its room, on two lines if even the smallest size is too wide;
    centred, or against the right end when sharing."""
    room = right - left
    font, largest, smallest = style.font, style.marks.margin_text.largest, style.marks.margin_text.smallest
    natural = stringWidth(text, font, largest)
    size = min(largest, max(smallest, largest * room / natural))
    lines = [text] if natural * size / largest <= room else simpleSplit(text, font, size, room)
    if len(lines) > 1:
        # Lines of even length read better than a full one and a stray word.
        even = stringWidth(text, font, size) / len(lines)
        lines = next((split for split in (simpleSplit(text, font, size, even * slack) for slack in (1.03, 1.1, 1.2))
                      if len(split) == len(lines)), lines)
    leading = size * 1.2
    y = zone.bottom + (zone.height - size * 0.7 - leading * (len(lines) - 1)) / 2 + leading * (len(lines) - 1)
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.setFillColor(colour(text_colour))
    for line in lines:
        if centred:
            canvas.drawCentredString((left + right) / 2, y, line)
        else:
            canvas.drawRightString(right, y, line)
        y -= leading
    canvas.restoreState()


# Names a teacher can match to the printed bands: the default palette's own, else the nearest plain colour.
_PALETTE_NAMES = {"#E69F00": "orange", "#56B4E9": "sky blue", "#009E73": "green", "#F0E442": "yellow",
                  "#0072B2": "blue", "#D55E00": "red-orange", "#CC79A7": "pink", "#332288": "indigo",
                  "#882255": "wine"}
_PLAIN_COLOURS = {"black": (0, 0, 0), "grey": (128, 128, 128), "white": (255, 255, 255), "red": (220, 30, 30),
                  "orange": (240, 150, 0), "yellow": (240, 225, 50), "green": (30, 160, 60),
                  "blue": (30, 90, 200), "sky blue": (100, 180, 240), "purple": (130, 50, 160),
                  "pink": (230, 130, 180), "brown": (130, 80, 30), "dark grey": (64, 64, 64),
                  "light grey": (200, 200, 200)}


def colour_name(hex_colour: str) -> str:
    """'#0072B2' -> 'blue'."""
    if hex_colour.upper() in _PALETTE_NAMES:
        return _PALETTE_NAMES[hex_colour.upper()]
    rgb = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    return min(_PLAIN_COLOURS, key=lambda name: sum((a - b) ** 2 for a, b in zip(rgb, _PLAIN_COLOURS[name])))


def band_text_colour(backgrounds: list[str], style: SheetStyle) -> str:
    """The text colour or the paper's, whichever reads better on every part of the band (WCAG contrast)."""
    return _reads_better(tuple(backgrounds), style.text, style.paper)


@lru_cache(maxsize=256)  # a few colours, asked for on every card
def _reads_better(backgrounds: tuple[str, ...], text: str, paper: str) -> str:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(foreground: str) -> float:
        def against(background: str) -> float:
            lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
            return (lighter + 0.05) / (darker + 0.05)
        return min(map(against, backgrounds))

    return text if contrast(text) >= contrast(paper) else paper


def draw_tag_band(canvas: Canvas, writer: TextWriter, slot: CardSlot, band: BandBox, colours: list[str],
                  tags: tuple[str, ...], style: SheetStyle, safe_margin: float, corner_radius: float = 0.0) -> None:
    """A strip across the top of a front naming its tags, split in equal parts, one per tag's colour,
    each part naming its tag where the words fit: the words read in greyscale too. The words go
    into the face's text, which card_outline clips as it clips the strip."""
    if corner_radius > 0:
        # The band follows the card's rounded corners instead of poking out of them.
        canvas.saveState()
        canvas.clipPath(card_outline(canvas, slot, corner_radius), stroke=0, fill=0)
    part = (band.right - band.left) / len(colours)
    for index, band_colour in enumerate(colours):
        canvas.setFillColor(colour(band_colour))  # the canvas knows its fill colour: nothing to restore
        canvas.rect(band.left + index * part, band.bottom, part, band.top - band.bottom, stroke=0, fill=1)
    if corner_radius > 0:
        canvas.restoreState()
    y = band.bottom + BAND_BASELINE * style.marks.band_height
    size = style.marks.band_text.largest
    if len(tags) > 1 and all(string_width(tag, style.font, size) <= part - 2 * safe_margin for tag in tags):
        # Each part names its own tag, in the middle of it: the band is its own legend.
        for index, (tag, part_colour) in enumerate(zip(tags, colours)):
            writer.colour(colour(band_text_colour([part_colour], style)))
            writer.write_string(band.left + (index + 0.5) * part, y, tag, style.font, size, align="centre")
        return
    text, size = band_label(tags, style, slot.width - 2 * safe_margin)
    x = slot.x + safe_margin
    for run, run_colour in _runs_over_parts(text, style.font, size, x, band.left, part, colours):
        # Each stretch of the words in whichever of text or paper colour reads on the part under it.
        writer.colour(colour(band_text_colour([run_colour], style)))
        writer.write_string(x, y, run, style.font, size)
        x += string_width(run, style.font, size)


def card_outline(canvas: Canvas, slot: CardSlot, corner_radius: float):
    outline = canvas.beginPath()
    outline.roundRect(slot.x, slot.y, slot.width, slot.height, corner_radius)
    return outline


def _runs_over_parts(text: str, font: str, size: float, x: float, left: float, part: float,
                     colours: list[str]) -> Iterator[tuple[str, str]]:
    """The text cut where it passes from one part of a split band to the next, with each piece's part colour."""
    def part_at(at: float) -> int:
        return min(len(colours) - 1, max(0, int((at - left) // part)))

    if len(colours) == 1:
        yield text, colours[0]
        return
    start, current = 0, part_at(x)
    for index, char in enumerate(text):
        middle = x + string_width(char, font, size) / 2
        if part_at(middle) != current:
            yield text[start:index], colours[current]
            start, current = index, part_at(middle)
        x += string_width(char, font, size)
    yield text[start:], colours[current]


def band_label(tags: tuple[str, ...], style: SheetStyle, room: float) -> tuple[str, float]:
    """The tags as they fit the band: smaller down to the smallest size, then as many as fit and '+N more'."""
    text = " \u00b7 ".join(tags)
    font, size, smallest = style.font, style.marks.band_text.largest, style.marks.band_text.smallest
    while size > smallest and string_width(text, font, size) > room:
        size -= SIZE_STEP
    shown = len(tags)
    while shown > 1 and string_width(text, font, size) > room:
        shown -= 1
        text = " \u00b7 ".join(tags[:shown]) + f" +{len(tags) - shown} more"
    return text, size


LEGEND_SWATCH = 3 * MM


def legend_width(colours: dict[str, str], style: SheetStyle, size: float) -> float:
    font = style.font
    label = stringWidth("Tags:", font, size) + 2 * MM
    return label + sum(LEGEND_SWATCH + 1 * MM + string_width(tag, font, size) + 3 * MM for tag in colours)


def legend_size(colours: dict[str, str], style: SheetStyle, room: float) -> Optional[float]:
    """The largest margin text size, down to the smallest, at which the legend fits the room, if any."""
    size = style.marks.margin_text.largest
    while size >= style.marks.margin_text.smallest:
        if legend_width(colours, style, size) <= room:
            return size
        size -= SIZE_STEP
    return None


def draw_legend(canvas: Canvas, colours: dict[str, str], x: float, zone: MarginZone, style: SheetStyle,
                size: float) -> None:
    """Tag swatches with their names, legend_width() long."""
    font = style.font
    y = zone.bottom + (zone.height - LEGEND_SWATCH) / 2
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.setFillColor(colour(style.text))
    canvas.drawString(x, y + 0.8 * MM, "Tags:")
    x += stringWidth("Tags:", font, size) + 2 * MM
    for tag, swatch in colours.items():
        canvas.setFillColor(colour(swatch))
        canvas.rect(x, y, LEGEND_SWATCH, LEGEND_SWATCH, stroke=0, fill=1)
        canvas.setFillColor(colour(style.text))
        draw_string(canvas, x + LEGEND_SWATCH + 1 * MM, y + 0.8 * MM, tag, font, size)
        x += LEGEND_SWATCH + 1 * MM + string_width(tag, font, size) + 3 * MM
    canvas.restoreState()


def write_card_number(writer: TextWriter, label: str, slot: CardSlot, style: SheetStyle, corner: str) -> None:
    """In the card's 'bottom right', 'bottom left' or 'top right' corner: fronts have it bottom
    right, and each back in whichever corner lies behind that once the sheet is turned over."""
    font, size = style.font, style.marks.number_size
    writer.font(font, size)
    writer.colour(colour(style.muted))
    right = corner.endswith("right")
    x = slot.right - NUMBER_INSET - stringWidth(label, font, size) if right else slot.x + NUMBER_INSET
    if corner.startswith("top"):
        # The bottom number's box turned upside down: baseline as far below the top edge
        # as the box's top is above the bottom one's baseline, and the box below it.
        ascent, descent = getAscentDescent(font, size)
        y = slot.top - NUMBER_INSET - ascent - descent
    else:
        y = slot.y + NUMBER_INSET
    writer.write(x, y, label)

