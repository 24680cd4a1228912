"""Everything on a card sheet that is not a card's text: cut guides, the fold
line, the 100 mm scale bar, the printing note, tag bands and their legend,
and card numbers.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas

from ...model import Stock
from .geometry import CardSlot
from ..paragraph import TextWriter
from ...units import MM

CUT_GREY = "#999999"  # about 60 % grey: clear to the scissors, faint if a card is cut just inside it
UNPRINTABLE = 5 * MM  # office lasers cannot print nearer the paper's edge than this
CROP_GAP, CROP_LENGTH = 2 * MM, 3 * MM  # crop marks start 2 mm outside the trim
NUMBER_SIZE = 6.5
NUMBER_INSET = 2.2 * MM
NUMBER_CLEARANCE = NUMBER_INSET + NUMBER_SIZE * 0.75 + 0.8 * MM  # the number's cap height and a gap
BAND_HEIGHT = 4.5 * MM
BAND_TEXT_SIZE = 6.5
LINE_STRIP = 2.6 * MM  # the narrowest margin strip a line of small print needs
SMALLEST_BAND_TEXT_SIZE = 4.5
SCALE_LENGTH = 100 * MM
SCALE_HEIGHT = 2.2 * MM  # the tallest tick: the bar fits a 13.5 mm margin beside crop marks
NOTE_SIZE = 6.5


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
                        font: str, size: float) -> None:
    with _standing_up(canvas, zone[1], bottom):  # reads up the page, like the note beside it
        draw_legend(canvas, colours, 0, MarginZone(0, zone[1] - zone[0]), font, size)


def draw_upright_note(canvas: Canvas, text: str, zone: tuple[float, float], bottom: float, top: float, font: str,
                      colour: str) -> None:
    """The printing note standing in the right margin, for stocks with no room above or below the cards."""
    with _standing_up(canvas, zone[1], bottom):
        draw_note(canvas, text, MarginZone(0, zone[1] - zone[0]), 0, top - bottom, font, colour)


def draw_upright_scale_bar(canvas: Canvas, zone: tuple[float, float], centre_y: float, font: str) -> None:
    """The 100 mm bar standing in the left margin, beside the cards."""
    with _standing_up(canvas, zone[1] - (zone[1] - zone[0] - SCALE_HEIGHT) / 2, centre_y - SCALE_LENGTH / 2):
        draw_scale_bar(canvas, 0, MarginZone(0, SCALE_HEIGHT), font)


def draw_cut_lines(canvas: Canvas, slots: list[CardSlot], corner_radius: float = 0.0) -> None:
    canvas.saveState()
    canvas.setStrokeColor(HexColor(CUT_GREY))
    canvas.setLineWidth(0.4)
    canvas.setDash(3, 2)
    for slot in slots:
        if corner_radius > 0:
            canvas.roundRect(slot.x, slot.y, slot.width, slot.height, corner_radius, stroke=1, fill=0)
        else:
            canvas.rect(slot.x, slot.y, slot.width, slot.height, stroke=1, fill=0)
    canvas.restoreState()


def draw_crop_marks(canvas: Canvas, slots: list[CardSlot], stock: Stock) -> None:
    """Short marks outside the grid, in line with every cut: for card stock, nothing on the cards."""
    xs = sorted({round(x, 2) for slot in slots for x in (slot.x, slot.right)})
    ys = sorted({round(y, 2) for slot in slots for y in (slot.y, slot.top)})
    left, right = min(xs), max(xs)
    bottom, top = min(ys), max(ys)
    canvas.saveState()
    canvas.setStrokeColor(HexColor("#000000"))
    canvas.setLineWidth(0.3)
    for x in xs:
        canvas.line(x, top + CROP_GAP, x, min(top + CROP_GAP + CROP_LENGTH, stock.page_height))
        canvas.line(x, bottom - CROP_GAP, x, max(bottom - CROP_GAP - CROP_LENGTH, 0))
    for y in ys:
        canvas.line(left - CROP_GAP, y, max(left - CROP_GAP - CROP_LENGTH, 0), y)
        canvas.line(right + CROP_GAP, y, min(right + CROP_GAP + CROP_LENGTH, stock.page_width), y)
    canvas.restoreState()


def draw_fold_line(canvas: Canvas, stock: Stock, slots: list[CardSlot], direction: str) -> None:
    """Down the middle of the sheet, along the cards only: the margins hold the legend and the note."""
    canvas.saveState()
    canvas.setStrokeColor(HexColor("#555555"))
    canvas.setLineWidth(0.5)
    canvas.setDash(1, 2)
    if direction == "vertical":
        canvas.line(stock.page_width / 2, min(s.y for s in slots), stock.page_width / 2, max(s.top for s in slots))
    else:
        canvas.line(min(s.x for s in slots), stock.page_height / 2, max(s.right for s in slots), stock.page_height / 2)
    canvas.restoreState()


def draw_scale_bar(canvas: Canvas, x: float, zone: MarginZone, font: str) -> float:
    """A 100 mm bar with centimetre ticks: if it does not measure 100 mm, the printer scaled the page.

    Returns where the bar's label ends, for whatever shares the margin.
    """
    y = zone.bottom + (zone.height - SCALE_HEIGHT) / 2
    canvas.saveState()
    canvas.setStrokeColor(HexColor("#000000"))
    canvas.setFillColor(HexColor("#000000"))
    canvas.setLineWidth(0.5)
    ticks = [(x + step * 10 * MM, SCALE_HEIGHT if step in (0, 5, 10) else SCALE_HEIGHT * 0.55) for step in range(11)]
    canvas.lines([(x, y, x + SCALE_LENGTH, y)] + [(at, y, at, y + tick) for at, tick in ticks])
    label = "100 mm"
    canvas.setFont(font, 5.5)
    canvas.drawString(x + SCALE_LENGTH + 1.5 * MM, y, label)
    canvas.restoreState()
    return x + SCALE_LENGTH + 1.5 * MM + stringWidth(label, font, 5.5)


SMALLEST_NOTE_SIZE = 4.5


def note_fits(text: str, font: str, room: float) -> bool:
    return stringWidth(text, font, SMALLEST_NOTE_SIZE) <= room


def draw_note(canvas: Canvas, text: str, zone: MarginZone, left: float, right: float, font: str,
              colour: str, centred: bool = True) -> None:
    """The printing note, shrunk to its room, on two lines if even the smallest size is too wide;
    centred, or against the right end when sharing."""
    room = right - left
    natural = stringWidth(text, font, NOTE_SIZE)
    size = min(NOTE_SIZE, max(SMALLEST_NOTE_SIZE, NOTE_SIZE * room / natural))
    lines = [text] if natural * size / NOTE_SIZE <= room else simpleSplit(text, font, size, room)
    if len(lines) > 1:
        # Lines of even length read better than a full one and a stray word.
        even = stringWidth(text, font, size) / len(lines)
        lines = next((split for split in (simpleSplit(text, font, size, even * slack) for slack in (1.03, 1.1, 1.2))
                      if len(split) == len(lines)), lines)
    leading = size * 1.2
    y = zone.bottom + (zone.height - size * 0.7 - leading * (len(lines) - 1)) / 2 + leading * (len(lines) - 1)
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.setFillColor(HexColor(colour))
    for line in lines:
        if centred:
            canvas.drawCentredString((left + right) / 2, y, line)
        else:
            canvas.drawRightString(right, y, line)
        y -= leading
    canvas.restoreState()


# Names a teacher can match to the printed bands: the default palette's own, else the nearest plain colour.
_PALETTE_NAMES = {"#E69F00": "orange", "#56B4E9": "sky blue", "#009E73": "green", "#F0E442": "yellow",
                  "#0072B2": "blue", "#D55E00": "red-orange", "#CC79A7": "pink"}
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


def band_text_colour(background: str) -> str:
    """Black or white, whichever reads better on the band (WCAG contrast)."""
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lum = luminance(background)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def draw_tag_band(canvas: Canvas, slot: CardSlot, colour: str, tags: tuple[str, ...], font: str,
                  safe_margin: float, corner_radius: float = 0.0) -> None:
    """A coloured strip across the top of a front, naming its tags: the words read in greyscale too."""
    canvas.saveState()
    if corner_radius > 0:
        # The band follows the card's rounded corners instead of poking out of them.
        outline = canvas.beginPath()
        outline.roundRect(slot.x, slot.y, slot.width, slot.height, corner_radius)
        canvas.clipPath(outline, stroke=0, fill=0)
    canvas.setFillColor(HexColor(colour))
    canvas.rect(slot.x, slot.top - BAND_HEIGHT, slot.width, BAND_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(HexColor(band_text_colour(colour)))
    text, size = band_label(tags, font, slot.width - 2 * safe_margin)
    canvas.setFont(font, size)
    canvas.drawString(slot.x + safe_margin, slot.top - BAND_HEIGHT + 1.4 * MM, text)
    canvas.restoreState()


def band_label(tags: tuple[str, ...], font: str, room: float) -> tuple[str, float]:
    """The tags as they fit the band: smaller down to 4.5 pt, then as many as fit and '+N more'."""
    text = " \u00b7 ".join(tags)
    size = BAND_TEXT_SIZE
    while size > SMALLEST_BAND_TEXT_SIZE and stringWidth(text, font, size) > room:
        size -= 0.5
    shown = len(tags)
    while shown > 1 and stringWidth(text, font, size) > room:
        shown -= 1
        text = " \u00b7 ".join(tags[:shown]) + f" +{len(tags) - shown} more"
    return text, size


LEGEND_SWATCH = 3 * MM


def legend_width(colours: dict[str, str], font: str, size: float) -> float:
    label = stringWidth("Tags:", font, size) + 2 * MM
    return label + sum(LEGEND_SWATCH + 1 * MM + stringWidth(tag, font, size) + 3 * MM for tag in colours)


def legend_size(colours: dict[str, str], font: str, room: float) -> Optional[float]:
    """The largest size from 6.5 pt down to 4.5 pt at which the legend fits the room, if any."""
    size = 6.5
    while size >= 4.5:
        if legend_width(colours, font, size) <= room:
            return size
        size -= 0.5
    return None


def draw_legend(canvas: Canvas, colours: dict[str, str], x: float, zone: MarginZone, font: str, size: float) -> float:
    """Tag swatches with their names; returns where the legend ends."""
    y = zone.bottom + (zone.height - LEGEND_SWATCH) / 2
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.setFillColor(HexColor("#000000"))
    canvas.drawString(x, y + 0.8 * MM, "Tags:")
    x += stringWidth("Tags:", font, size) + 2 * MM
    for tag, colour in colours.items():
        canvas.setFillColor(HexColor(colour))
        canvas.rect(x, y, LEGEND_SWATCH, LEGEND_SWATCH, stroke=0, fill=1)
        canvas.setFillColor(HexColor("#000000"))
        canvas.drawString(x + LEGEND_SWATCH + 1 * MM, y + 0.8 * MM, tag)
        x += LEGEND_SWATCH + 1 * MM + stringWidth(tag, font, size) + 3 * MM
    canvas.restoreState()
    return x


def write_card_number(writer: TextWriter, label: str, slot: CardSlot, font: str, colour: str, corner: str) -> None:
    """In the card's 'bottom right', 'bottom left' or 'top right' corner: fronts have it bottom
    right, and each back in whichever corner lies behind that once the sheet is turned over."""
    writer.font(font, NUMBER_SIZE)
    writer.colour(_colour(colour))
    right = corner.endswith("right")
    x = slot.right - NUMBER_INSET - stringWidth(label, font, NUMBER_SIZE) if right else slot.x + NUMBER_INSET
    if corner.startswith("top"):
        # The bottom number's box turned upside down: baseline as far below the top edge
        # as the box's top is above the bottom one's baseline, and the box below it.
        ascent, descent = getAscentDescent(font, NUMBER_SIZE)
        y = slot.top - NUMBER_INSET - ascent - descent
    else:
        y = slot.y + NUMBER_INSET
    writer.write(x, y, label)


_colour = lru_cache(maxsize=64)(HexColor)
