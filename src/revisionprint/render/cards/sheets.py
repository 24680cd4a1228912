"""The plan of a run of flashcards: every card fitted (largest size that fits,
measured), with where it goes, as data; flashcards.py draws it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Optional, Union


from ...cardsets import class_sets, select_by_tags
from ...model import CardPrinting, CutGuides, Duplex, Flashcard, Layout, Overflow, SizeRange, Stock, Topic
from . import marks
from .pictures import Picture, place_picture, read_picture
from ...model.card_grid import BandBox, CardSlot, back_slot, band_box, card_slots, folded_pairs, mirrors_left_to_right
from ..lines import SOFT_HYPHEN, breaking_words
from ..fitting import Fitted, TextBlock, fit_block, split_into_boxes
from ..fonts import Faces, covers, register_family
from ..problems import RenderProblems, printable
from ...units import MM


def topic_code(title: str, drawable: Callable[[str], bool] = lambda char: True) -> str:
    """Initials of the title ('Sino-Soviet relations' -> 'SSR'), printed by each card number:
    only letters the card number's font can draw (a title in another script may give none)."""
    initials = "".join(word[0] for word in re.findall(r"[^\W\d_]+", title))
    return "".join(char for char in initials.upper() if drawable(char))[:4] or "T"


@dataclass(frozen=True)
class PrintedCard:
    """One physical card: a card of the topic, or one part of a back that runs on."""

    front: Fitted
    back: Fitted
    label: str
    tags: tuple[str, ...]
    front_picture: Optional[Picture] = None
    back_picture: Optional[Picture] = None
    # Kept to fit the card again at a sheet's common sizes: the card (None for the parts of a
    # back carried on, which keep their size) and the fronts' and backs' text boxes.
    card: Optional[Flashcard] = None
    boxes: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Placement:
    front: CardSlot
    back: CardSlot


Sheet = list  # of Optional[PrintedCard], one per placement; None leaves a slot empty


class CardSheets:
    """Fits the cards of one run and knows where each goes; drawing is in render_flashcards."""

    def __init__(self, topic: Topic, layout: Layout, problems: RenderProblems, printing: CardPrinting):
        self.topic, self.layout, self.problems, self.printing = topic, layout, problems, printing
        self.cards = layout.flashcards
        self.stock: Stock = self.cards.stock
        self.faces: Faces = register_family(layout.font_family)
        self.style = marks.SheetStyle.of(layout, self.faces.regular)
        self.code = topic_code(topic.title, lambda char: covers(self.faces.regular, char))
        self.fold_direction: Optional[str] = None
        self.placements = self._placements()
        self.front_size, self.back_size = self.cards.face_sizes()
        self.bands = self._bands()
        # How far below a card's top edge the lowest band reaches, beyond its own height.
        self.band_drop = max((slot.top - band.bottom - self.style.marks.band_height
                              for slot, band in self.bands.items()), default=0.0)
        self.tag_colours = self._tag_colours()
        # Colours stay those of the whole topic, so a tag looks the same in every class set;
        # the legend names only the tags on the cards printed.
        printed = {tag for card in select_by_tags(topic.flashcards, printing.tags) for tag in card.tags}
        self.legend_colours = {tag: colour for tag, colour in self.tag_colours.items() if tag in printed}
        self._fitted: dict[int, list[PrintedCard]] = {}
        self._refits: dict[tuple[int, float, float], tuple[Fitted, Fitted]] = {}
        self._pixels: dict[str, Union[tuple[int, int], str]] = {}  # each picture read once; str: its problem
        self.scale_bar_place = self._scale_bar_place()

    def _placements(self) -> list[Placement]:
        cards = self.cards
        if cards.duplex == Duplex.FOLD:
            pairs, self.fold_direction = folded_pairs(self.stock)
            return [Placement(pair.front, pair.back) for pair in pairs]
        return [Placement(slot, back_slot(slot, self.stock, cards.duplex, cards.back_offset_x, cards.back_offset_y))
                for slot in card_slots(self.stock)]

    def _bands(self) -> dict[CardSlot, BandBox]:
        """Each front's tag band, clear of the cards it shares a cut with (in fold mode, the backs
        printed beside the fronts are neighbours too)."""
        on_page = [p.front for p in self.placements]
        if self.cards.duplex == Duplex.FOLD:
            on_page += [p.back for p in self.placements]
        marks_ = self.style.marks
        return {slot: band_box(slot, on_page, marks_.band_height, self.cards.band_inset, self.cards.band_bleed)
                for slot in on_page}

    def _tag_colours(self) -> dict[str, str]:
        palette = self.cards.tag_colours
        tags = list(dict.fromkeys(tag for card in self.topic.flashcards for tag in card.tags))
        return {tag: palette[index % len(palette)] for index, tag in enumerate(tags)}

    @property
    def has_scale_bar(self) -> bool:
        return self.scale_bar_place is not None

    def _scale_bar_place(self) -> Optional[str]:
        """Upright in the left margin where there is room, so the top is free for the legend;
        else across the top margin; else nowhere (the build output then says so)."""
        slots = [p.front for p in self.placements] + [p.back for p in self.placements]
        crop = self.cards.cut_guides == CutGuides.CROP
        if marks.left_zone(self.stock, slots, crop) is not None:
            return "left"
        top, _ = marks.margin_zones(self.stock, slots, crop)
        if top is not None and top.height >= marks.SCALE_HEIGHT and self.stock.page_width >= marks.SCALE_LENGTH + 30 * MM:
            return "top"
        return None

    def sheets(self) -> Iterator[Sheet]:
        """Sheets in print order, fitted as they are reached so a large deck is never all in memory.

        Every copy starts on a fresh sheet; the first starts at --start-position.
        """
        per_sheet = len(self.placements)
        skip = (self.printing.start_position - 1) % per_sheet
        copies = self.printing.copies
        for number, copy in enumerate(class_sets(self.topic.flashcards, self.printing.tags,
                                                 self.printing.shuffle_seed, copies), start=1):
            sheet: Sheet = [None] * skip
            skip = 0
            for card in copy:
                for part in self.printed(card):
                    if copies > 1:  # class sets mixed up on a desk can be sorted back by the set on each card
                        part = replace(part, label=f"{part.label} \u00b7 Set {number} of {copies}")
                    sheet.append(part)
                    if len(sheet) == per_sheet:
                        yield self._even_sizes(sheet)
                        sheet = []
            if sheet:
                yield self._even_sizes(sheet)

    def _even_sizes(self, sheet: Sheet) -> Sheet:
        """Every front of a sheet at the smallest size a front of it needed, and every back likewise:
        11 pt beside 8 pt looks unfinished. A card that does not fit even at the smallest size, and
        the parts of a back carried on, keep theirs (and are reported as before)."""
        cards = [card for card in sheet if card is not None and card.card is not None]
        fronts = {card.front.size for card in cards if card.front.fits}
        backs = {card.back.size for card in cards if card.back.fits}
        if len(fronts) <= 1 and len(backs) <= 1:
            return sheet  # the usual deck, every card at the largest size: nothing to do
        front, back = min(fronts, default=0.0), min(backs, default=0.0)
        return [card if card is None or card.card is None else self._at_sizes(card, front, back) for card in sheet]

    def _at_sizes(self, printed: PrintedCard, front_size: float, back_size: float) -> PrintedCard:
        card = printed.card
        key = (card.number, front_size, back_size)
        if key in self._refits:  # the same card at the same sizes in another class set
            front, back = self._refits[key]
        else:
            front_width, front_height, back_width, back_height = printed.boxes
            front = self._refitted(_front_block(card.front, self.cards.front_align), printed.front, front_size,
                                   front_width, front_height)
            back = self._refitted(_back_block(card), printed.back, back_size, back_width, back_height)
            if self.printing.copies > 1:
                self._refits[key] = front, back
        if front is printed.front and back is printed.back:
            return printed
        return replace(printed, front=front, back=back)

    def _refitted(self, block: TextBlock, fitted: Fitted, size: float, width: float, height: float) -> Fitted:
        if not fitted.fits or fitted.size <= size:
            return fitted
        smaller = fit_block(block, self.layout.font_family, self.layout.colours.text, width, height,
                            SizeRange(size, size))
        return smaller if smaller.fits else fitted

    def printed(self, card: Flashcard) -> list[PrintedCard]:
        # Copies print the same cards again: fit each once. A single set needs no memory of them.
        if card.number in self._fitted:
            return self._fitted[card.number]
        parts = self._fit(card)
        if self.printing.copies > 1:
            self._fitted[card.number] = parts
        return parts

    @property
    def back_number_corner(self) -> str:
        """The corner behind the front's bottom-right number once the sheet is turned over.

        A folded back is drawn upside down, so its own bottom left is already behind it."""
        if self.cards.duplex == Duplex.FOLD or mirrors_left_to_right(self.stock, self.cards.duplex):
            return "bottom left"
        return "top right"

    @property
    def text_bottom(self) -> float:
        """Text stops above the card number, which sits in the bottom corner."""
        return max(self.cards.safe_margin, self.style.number_clearance)

    def inner_box(self, with_band: bool) -> tuple[float, float]:
        margin = self.cards.safe_margin
        height = self.stock.card_height - margin - self.text_bottom
        if with_band:
            height -= max(0.0, self.style.marks.band_height + self.band_drop + 1 * MM - margin)
        return self.stock.card_width - 2 * margin, height

    def _picture(self, card: Flashcard, field_name: str, width: float, height: float) -> Optional[Picture]:
        path = getattr(card, field_name)
        if path is None:
            return None
        if path not in self._pixels:
            self._pixels[path] = read_picture(path, self.cards.largest_image_mb)
        pixels = self._pixels[path]
        if isinstance(pixels, str):
            self.problems.add(card.origin, field_name, pixels)
            return None
        return place_picture(path, pixels, width, height, self.cards.image_gap)

    def _fit(self, card: Flashcard) -> list[PrintedCard]:
        family, colour = self.layout.font_family, self.layout.colours.text
        front_width, front_height = self.inner_box(with_band=bool(card.tags))
        back_width, back_height = self.inner_box(with_band=False)
        front_picture = self._picture(card, "front_image", front_width, front_height)
        back_picture = self._picture(card, "back_image", back_width, back_height)
        if front_picture is not None:
            front_width, front_height = front_picture.text[2:]
        if back_picture is not None:
            back_width, back_height = back_picture.text[2:]
        front = fit_block(_front_block(card.front, self.cards.front_align), family, colour, front_width,
                          front_height, self.front_size)
        back = fit_block(_back_block(card), family, colour, back_width, back_height, self.back_size)
        self._check(card, front, back, back_height)
        label = f"{self.code} {card.number}"
        overflow = self.printing.overflow or self.cards.overflow
        if back.fits or overflow != Overflow.CONTINUE:
            return [PrintedCard(front, back, label, card.tags, front_picture, back_picture, card,
                                (front_width, front_height, back_width, back_height))]
        parts = split_into_boxes(back, back_width, back_height)
        continued = fit_block(_front_block(f"{card.front} (continued)", self.cards.front_align), family, colour,
                              front_width, front_height, self.front_size)
        return [PrintedCard(front if index == 0 else continued, part, f"{label} ({index + 1}/{len(parts)})",
                            card.tags, front_picture, back_picture) for index, part in enumerate(parts)]

    def _check(self, card: Flashcard, front: Fitted, back: Fitted, back_height: float) -> None:
        stock = self.stock
        size = f"{stock.card_width / MM:.0f} x {stock.card_height / MM:.0f} mm"
        if not front.fits:
            self.problems.add(card.origin, "front", _too_big(front, [card.front], f"the front of a {size} card",
                                                             self.front_size.smallest, "shorten the question"))
        overflow = self.printing.overflow or self.cards.overflow
        if not back.fits and (overflow != Overflow.CONTINUE or not back.words_fit):
            self.problems.add(card.origin, "back", _too_big(
                back, card.back, f"a {size} card", self.back_size.smallest,
                f"it needs {back.height / MM:.0f} mm of {back_height / MM:.0f} mm: shorten it, split it into "
                "two cards, or use --overflow continue"))
        if printable("".join((card.front, *card.back, *card.tags)), self.faces):
            return  # the usual case: no need to look at each text
        for field_name, text in card.texts():
            self.problems.check_glyphs(card.origin, field_name, text, self.faces)


def _front_block(question: str, align: str) -> TextBlock:
    return TextBlock([question], bullets=False, align=align, bold=True)


def _back_block(card: Flashcard) -> TextBlock:
    return TextBlock(card.back, bullets=card.back_is_list)


def _too_big(fitted: Fitted, texts, where: str, smallest: float, advice: str) -> str:
    if not fitted.words_fit:
        longest = max((word for text in texts for word in breaking_words(text)), key=len).replace(SOFT_HYPHEN, "")
        shown = longest if len(longest) <= 40 else longest[:37] + "..."
        return (f"has a word too wide for {where} even at {smallest:g}pt ('{shown}'); "
                "break it with spaces or shorten it")
    return f"is too long for {where} even at {smallest:g}pt; {advice}"
