"""Timeline worksheets and their answer keys, in five modes (modes.py).

A page is the title and the mode's instruction, the factor legend, the axis rows (rows.py: every
event's marker at its place, its number above), then the numbered answer area (entries.py)
and, for some modes, a word bank or strips to cut out. Every mode's key is the same page with
the answers and details written in.
"""

from __future__ import annotations

from typing import Optional

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from ...model import Layout, RenderedPdf, TimelineMode, TimelineOptions, Topic
from ..document import build_flowing_document, content_frame, paper_description
from ..summary import counted
from ..question import question_heading
from ..fitting import TextBlock
from ..fonts import Faces, register_family
from ..furniture import SheetKind
from ..problems import RenderProblems
from .axis_row import AxisRowFlowable
from .entries import (DATE_BOX, LETTER_BOX, LINES, NONE, STRIP, Entry, EntryRow, Grid, StripRow, grid,
                      strip_height)
from .legend import FactorLegend
from .modes import (INSTRUCTIONS, KEY_INSTRUCTIONS, PRODUCT_NAMES, STRIPS_HEADING, WORD_BANK_HEADING,
                    NumberedEvent, date_label, numbered, range_heading, reaches_before_ad, shuffled)
from .rows import AxisRow, Point, RowSettings, plan_rows

SPACE = {TimelineMode.BLANK_EVENTS: LINES, TimelineMode.BLANK_DATES: DATE_BOX, TimelineMode.MATCH: LETTER_BOX,
         TimelineMode.CUT_OUT: STRIP, TimelineMode.COMPLETE: NONE}
HEADING_GAP = 0.5  # below the title and instruction, as a share of the body size


def sheet_kind(options: TimelineOptions) -> SheetKind:
    name = PRODUCT_NAMES[options.mode]
    if options.answers and options.mode != TimelineMode.COMPLETE:
        return SheetKind(f"{name}, answers", answer_key=True)
    return SheetKind(name, student_sheet=options.mode != TimelineMode.COMPLETE)


class TimelineSheet:
    """One worksheet or key: the topic's events, numbered, with the layout's faces and marks."""

    def __init__(self, topic: Topic, layout: Layout, options: TimelineOptions):
        self.topic, self.layout, self.options = topic, layout, options
        self.faces: Faces = register_family(layout.font_family)
        self.problems = RenderProblems.for_topic(topic, self.faces)
        self.events = numbered(topic, options.seed)
        self.marked = reaches_before_ad(topic)
        self.marks = layout.factor_key.marks(tuple(factor.name for factor in topic.factors))
        self.kind = sheet_kind(options)
        _, _, self.width, _ = content_frame(topic, layout, self.kind, layout.timeline.orientation)
        mode = options.mode
        self.shows_events = options.answers or mode != TimelineMode.BLANK_EVENTS
        self.shows_dates = options.answers or mode != TimelineMode.BLANK_DATES
        self.shows_details = options.answers or mode == TimelineMode.COMPLETE

    def text(self, texts: list[str], size: float, colour: Optional[str] = None, bold: bool = False) -> list[Flowable]:
        texts = [text for text in texts if text]
        return TextBlock(texts, bullets=False, bold=bold).flowables(self.layout.font_family, size,
                                                                   colour or self.layout.colours.text)

    def date(self, item: NumberedEvent) -> str:
        return date_label(item.event, self.layout.timeline.era, self.marked)

    # ------------------------------------------------------------ the parts of the page

    def flowables(self) -> list[Flowable]:
        settings = self.layout.timeline
        parts: list[Flowable] = self.heading()
        used = {item.event.factor for item in self.events}
        legend = [(factor.name, self.marks[factor.name]) for factor in self.topic.factors if factor.name in used]
        if legend:  # in the order the factors are written, as in the factor table
            parts.append(FactorLegend(legend, self.layout, self.faces))
        for row in self.rows():
            parts.append(AxisRowFlowable(row, self.layout, self.faces, self.marks, show_events=self.shows_dates))
            parts.append(Spacer(0, settings.row_gap))
        parts += self.answer_area()
        if self.options.mode == TimelineMode.MATCH:
            parts += self.word_bank()
        if self.options.mode == TimelineMode.CUT_OUT and not self.options.answers:
            parts += self.strips()
        return parts

    def heading(self) -> list[Flowable]:
        layout = self.layout
        instructions = KEY_INSTRUCTIONS if self.options.answers else INSTRUCTIONS
        parts = self.text([self.topic.title], layout.title_size, bold=True)
        # The exam question for the layout's board, if the topic has one for the timeline.
        parts += question_heading(self.topic, layout, "timeline", self.width, self.problems, self.faces)
        parts += self.text([instructions[self.options.mode]], layout.body_size)
        parts.append(Spacer(0, layout.body_size * HEADING_GAP))
        return parts

    def rows(self) -> list[AxisRow]:
        settings = self.layout.timeline
        points = [Point(item.number, item.event.date.midpoint_in_years(), item.event.date.start_position(),
                        (item.event.until or item.event.date).end_position(), item.event.date.end_position(),
                        item.event.date,
                        item.event.until or item.event.date, item.event.until is not None,
                        item.event.factor) for item in self.events]
        row_settings = RowSettings(self.width, settings.lanes, settings.end_space, settings.break_width,
                                   settings.axis_breaks, settings.era, self.marked)
        rows = plan_rows(points, row_settings,
                         lambda text: stringWidth(text, self.faces.bold, settings.number_size),
                         lambda text: stringWidth(text, self.faces.regular, settings.tick_size),
                         lambda first, last: range_heading(first, last, settings.era, self.marked))
        if not self.shows_dates:
            return rows[:1]  # the blank axis to mark on: enlarged rows would give the dates away
        return rows

    def answer_area(self) -> list[Flowable]:
        settings = self.layout.timeline
        space = SPACE[self.options.mode]
        least = settings.date_box_width if space == DATE_BOX else settings.writing_line_length
        cells = grid(self.width, self.layout, least)
        entries = [self.entry(item, space) for item in self.events]
        tallest_strip = 0.0
        if space == STRIP:
            tallest_strip = max(strip_height(self.strip_text(item), cells.text_width, self.layout)
                                for item in self.events)
        return self.in_rows(entries, cells, tallest_strip)

    def in_rows(self, entries: list[Entry], cells: Grid, same_space: float = 0.0) -> list[Flowable]:
        return [EntryRow(entries[i:i + cells.columns], cells, self.layout, self.faces, same_space)
                for i in range(0, len(entries), cells.columns)]

    def entry(self, item: NumberedEvent, space: str) -> Entry:
        settings, colours = self.layout.timeline, self.layout.colours
        event = item.event
        answers = self.options.answers
        mark = self.marks.get(event.factor) if event.factor else None
        detail = self.text([event.detail], settings.detail_size, colours.muted) if self.shows_details else []
        if self.shows_events:  # (the details are printed only where the events are)
            for field, text in event.texts(with_detail=self.shows_details):
                self.problems.check_glyphs(event.origin, field, text, self.faces)
        date = self.text([self.date(item)], settings.date_size, bold=True)
        event_text = self.text([event.event], settings.text_size)
        answer_text = self.text([event.event], settings.text_size, colours.accent)
        label = str(item.number)
        if space == LINES:
            return Entry(label, mark, date, LINES, filled=answer_text + detail if answers else [])
        if space == DATE_BOX:
            answer_date = self.text([self.date(item)], settings.date_size, colours.accent, bold=True)
            return Entry(label, mark, event_text, DATE_BOX, filled=answer_date if answers else [],
                         under=detail)
        if space == LETTER_BOX:
            return Entry(label, mark, date, LETTER_BOX, letter=item.letter if answers else "",
                         under=answer_text + detail if answers else [])
        if space == STRIP:
            return Entry(label, mark, date, STRIP, filled=self.strip_text(item) if answers else [], under=detail)
        return Entry(label, mark, date, NONE, under=event_text + detail)

    def strip_text(self, item: NumberedEvent) -> list[Flowable]:
        return self.text([item.event.event], self.layout.timeline.text_size)

    def word_bank(self) -> list[Flowable]:
        settings = self.layout.timeline
        cells = grid(self.width, self.layout, settings.writing_line_length)
        by_letter = sorted(self.events, key=lambda item: in_letter_order(item.letter))
        entries = [Entry(item.letter, None, self.text([item.event.event], settings.text_size), NONE)
                   for item in by_letter]
        heading = self.text([WORD_BANK_HEADING], settings.heading_size, bold=True)
        rows = self.in_rows(entries, cells)
        return [Spacer(0, settings.row_gap), KeepTogether(heading + rows[:1])] + rows[1:]

    def strips(self) -> list[Flowable]:
        settings = self.layout.timeline
        cells = grid(self.width, self.layout, settings.writing_line_length)
        order = shuffled(len(self.events), self.options.seed)
        texts = [self.strip_text(self.events[index]) for index in order]
        height = max(strip_height(text, cells.text_width, self.layout) for text in texts)
        heading = self.text([STRIPS_HEADING], settings.heading_size, bold=True)
        rows: list[Flowable] = [StripRow(texts[i:i + cells.columns], cells, height, self.layout)
                                for i in range(0, len(texts), cells.columns)]
        return [PageBreak(), *heading, Spacer(0, settings.entry_gap), *rows]


def in_letter_order(letter: str) -> tuple[int, str]:
    """A ... Z before AA, AB ..."""
    return len(letter), letter


def render(topic: Topic, layout: Layout, options: TimelineOptions) -> RenderedPdf:
    sheet = TimelineSheet(topic, layout, options)
    orientation = layout.timeline.orientation
    data, pages = build_flowing_document(topic, layout, sheet.kind, orientation, sheet.flowables(), options.page)
    return RenderedPdf(
        data=data,
        pages=pages,
        contents=f"{counted(len(sheet.events), 'event')} on {counted(pages, 'page')}",
        printing=f"{paper_description(layout, orientation)}, single-sided, at 100% / actual size",
        problems=tuple(sheet.problems.messages),
    )
