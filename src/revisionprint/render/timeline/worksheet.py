"""Timeline worksheets and their answer keys: a proportional time axis with labelled events.

The worksheet prints each date with an empty line to write its event on; the answer key
prints the events. Both come from one plan (timeline_layout), made with the taller of each
label's two versions, so the key lies over the sheet label for label.
"""

from __future__ import annotations

import calendar
import copy
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from ...model import Layout, TimelineEvent, TimelineOptions, Topic
from ..fitting import TextBlock
from ..fonts import Faces, register_family
from ..furniture import SheetKind
from ..problems import RenderProblems
from ..document import RenderedPdf, build_flowing_document, content_frame, counted, paper_description
from .placement import (ABOVE, RIGHT, ROW_GAP, PlacedLabel, Space, TimelinePlan, TimelineRow, event_mark,
                              plan_timeline)
from ...units import MM

WORKSHEET = SheetKind("Timeline worksheet", student_sheet=True)
ANSWER_KEY = SheetKind("Timeline answers", answer_key=True)
WORKSHEET_INSTRUCTION = "Write the event that happened on each date on its line."
ANSWER_KEY_INSTRUCTION = "Answer key: the event that happened on each date."

TEXT_INSET = 1.4 * MM  # label text starts this far from its leader
TEXT_END = 0.3 * MM  # slack at the far edge, so re-measured lines never break differently
DATE_TO_TEXT = 0.4 * MM
# Handwriting needs about 8 mm of height (UK feint ruling); the line sits at the label's foot.
WRITING_SPACE = 8 * MM
WRITING_LINE_GREY = "#BBBBBB"
WRITING_LINE_WIDTH = 0.5
HANDWRITING = 1.5  # handwriting takes about half as much room again as type
SHORTEST_WRITING_LINE = 25 * MM
LEADER_WIDTH = 0.5
MARKER_RADIUS = 0.85 * MM
TICK_LENGTH = {"year": 1.2 * MM, "month": 0.8 * MM}  # from the band's edges, clear of its text
AXIS_HEIGHT = 1.95  # the band, as a multiple of the date size: its years fit inside with room
# A label whose text runs past this height is tried wider, so it reads as a note, not a column.
TALL_LABEL = 30 * MM
WIDER_LABELS = (1.5, 2.0)


@dataclass
class LabelText:
    """One event's label: its date and event text, wrapped, and the box both versions need."""

    date: list[Flowable]
    event: list[Flowable]
    width: float  # the whole box, leader to the far edge
    height: float = 0.0  # the taller of the worksheet's and the answer key's label
    writing_line: float = 0.0  # its length, on the worksheet

    @property
    def text_width(self) -> float:
        return self.width - TEXT_INSET


def date_label(event: TimelineEvent) -> str:
    """'2 Mar 1969', or '2 Mar 1969 - Aug 1969' for an event that lasts."""
    if event.until is None:
        return event.date.label()
    return f"{event.date.label()} \u2013 {event.until.label()}"


def sorted_events(topic: Topic) -> list[TimelineEvent]:
    """In order along the axis; events on the same date keep the order they were written in."""
    return sorted(topic.timeline, key=lambda event: event.date.midpoint_in_years())


def render(topic: Topic, layout: Layout, options: TimelineOptions) -> RenderedPdf:
    faces = register_family(layout.font_family)
    problems = RenderProblems.for_topic(topic, faces)
    answers = options.answers
    orientation = layout.timeline.orientation
    events = sorted_events(topic)
    if answers:
        for event in events:
            problems.check_glyphs(event.origin, "event", event.event, faces)

    heading = _heading(topic, layout, answers)
    texts, plan = _plan(topic, layout, events, problems, heading)
    flowables: list[Flowable] = list(heading)
    for number, page in enumerate(plan.pages):
        if number:
            flowables.append(PageBreak())
        for index, row in enumerate(page.rows):
            if index:
                flowables.append(Spacer(0, ROW_GAP))
            flowables.append(TimelineRowFlowable(row, texts, layout, faces, answers))

    data, pages = build_flowing_document(topic, layout, ANSWER_KEY if answers else WORKSHEET, orientation, flowables)
    count = len(events)
    return RenderedPdf(
        data=data,
        pages=pages,
        contents=f"{counted(count, 'event')} on {counted(pages, 'page')}",
        printing=f"{paper_description(layout, orientation)}, single-sided, at 100% / actual size",
        problems=tuple(problems.messages),
    )


def timeline_plan(topic: Topic, layout: Layout, problems: RenderProblems | None = None) -> TimelinePlan:
    """The geometry both versions share: rows, levels and label boxes, events sorted by date."""
    events = sorted_events(topic)
    return _plan(topic, layout, events, problems or RenderProblems(), _heading(topic, layout, answers=False))[1]


def _plan(topic: Topic, layout: Layout, events: list[TimelineEvent], problems: RenderProblems,
          heading: list[Flowable]) -> tuple[list[LabelText], TimelinePlan]:
    faces = register_family(layout.font_family)
    space = _space(topic, layout, faces, heading)
    texts = [_label_text(event, layout, space, problems) for event in events]
    marks = [event_mark(event.date, event.until, text.width, text.height) for event, text in zip(events, texts)]
    return texts, plan_timeline(marks, space)


def _space(topic: Topic, layout: Layout, faces: Faces, heading: list[Flowable]) -> Space:
    """The frame of the worksheet (the smaller one: it has the name line), for both versions,
    so the answer key breaks its rows and pages exactly where the worksheet does."""
    orientation = layout.timeline.orientation
    _, _, frame_width, frame_height = content_frame(topic, layout, WORKSHEET, orientation)
    heading_height = sum(flowable.wrap(frame_width, frame_height)[1] for flowable in heading)
    return Space(
        width=frame_width,
        first_page_height=frame_height - heading_height,
        page_height=frame_height,
        year_label_width=stringWidth("0000", faces.bold, layout.timeline.date_size),
        month_label_width=max(stringWidth(name, faces.regular, layout.timeline.date_size)
                              for name in calendar.month_abbr[1:]),
        axis_height=AXIS_HEIGHT * layout.timeline.date_size,
    )


def _heading(topic: Topic, layout: Layout, answers: bool) -> list[Flowable]:
    """Title, then one line saying what to do; the same height on both versions."""
    register_family(layout.font_family)  # Paragraph styles find the faces by name
    colours = layout.colours
    flowables = TextBlock([topic.title], bullets=False, bold=True).flowables(layout.font_family, layout.title_size,
                                                                            colours.text)
    flowables.append(Spacer(0, 1.5 * MM))
    instruction = ANSWER_KEY_INSTRUCTION if answers else WORKSHEET_INSTRUCTION
    flowables += TextBlock([instruction], bullets=False).flowables(layout.font_family, layout.body_size, colours.text)
    flowables.append(Spacer(0, 5 * MM))
    return flowables


def _label_text(event: TimelineEvent, layout: Layout, space: Space, problems: RenderProblems) -> LabelText:
    """The label as narrow as its text allows, up to the layout's label width (wider only for a
    text that would otherwise run very tall), and tall enough for both versions."""
    settings = layout.timeline
    text = _wrapped(event, layout, settings.label_width)
    for factor in WIDER_LABELS:
        if _answer_height(text) <= TALL_LABEL:
            break
        wider = min(settings.label_width * factor, space.width / 2)
        if wider > text.width:
            text = _wrapped(event, layout, wider)
    worksheet_height = _height(text.date) + WRITING_SPACE
    limit = space.label_height_limit
    if max(_answer_height(text), worksheet_height) > limit:
        text.event = _cut_to_height(text.event, text.text_width, limit - _height(text.date) - DATE_TO_TEXT)
        problems.add(event.origin, "event",
                     "is too long for a timeline label: only its beginning is printed on the answer key. "
                     "Shorten it, and move the rest to 'detail:'")
    text.height = max(_answer_height(text), worksheet_height)
    # Students write larger than type: the line is half as long again as the event typed on one line.
    typed = _line_widths(TextBlock([event.event], bullets=False).flowables(
        layout.font_family, settings.label_size, layout.colours.text), 1e6)
    text.writing_line = min(settings.writing_line_length, text.text_width,
                            max(SHORTEST_WRITING_LINE, HANDWRITING * max(typed)))
    printed = _line_widths(text.date, text.text_width) + _line_widths(text.event, text.text_width)
    # A word wider than the label sticks out of it: the box takes it in, within the frame.
    text.width = min(TEXT_INSET + max(printed + [text.writing_line]) + TEXT_END, space.width)
    return text


def _wrapped(event: TimelineEvent, layout: Layout, width: float) -> LabelText:
    colour = layout.colours.text
    date = TextBlock([date_label(event)], bullets=False, bold=True).flowables(layout.font_family,
                                                                             layout.timeline.date_size, colour)
    text = TextBlock([event.event], bullets=False).flowables(layout.font_family, layout.timeline.label_size, colour)
    label = LabelText(date, text, width)
    for flowable in date + text:
        flowable.wrap(label.text_width, 1e6)
    return label


def _line_widths(flowables: list[Flowable], width: float) -> list[float]:
    widths = []
    for flowable in flowables:
        flowable.wrap(width, 1e6)
        widths += flowable.getActualLineWidths0()
    return widths


def _height(flowables: list[Flowable]) -> float:
    return sum(flowable.height for flowable in flowables)


def _answer_height(text: LabelText) -> float:
    return _height(text.date) + DATE_TO_TEXT + _height(text.event)


def _cut_to_height(flowables: list[Flowable], width: float, height: float) -> list[Flowable]:
    """As many whole lines as fit: a label cannot grow past what a row can hold."""
    kept = []
    for flowable in flowables:
        if flowable.height <= height:
            kept.append(flowable)
            height -= flowable.height
            continue
        parts = flowable.split(width, height)
        if parts:
            parts[0].wrap(width, 1e6)
            kept.append(parts[0])
        break
    return kept


class TimelineRowFlowable(Flowable):
    """One row of the plan: the axis with its ticks, span bars, leaders, markers and labels."""

    def __init__(self, row: TimelineRow, texts: list[LabelText], layout: Layout, faces: Faces, answers: bool):
        super().__init__()
        self.row = row
        self.texts = texts
        self.layout = layout
        self.faces = faces
        self.answers = answers
        self.width, self.height = row.width, row.height

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        self._draw_axis()
        self._draw_spans()
        self._draw_leaders()
        for label in self.row.labels:
            self._draw_label(label)
        canvas.restoreState()

    def _draw_axis(self) -> None:
        canvas, axis, colours = self.canv, self.row.axis, self.layout.colours
        canvas.setFillColor(HexColor(colours.heading_band))
        canvas.setStrokeColor(HexColor(colours.muted))
        canvas.rect(axis.left, axis.bottom, axis.right - axis.left, axis.top - axis.bottom, stroke=0, fill=1)
        # Edges along the band only: the first and last years are centred on its ends.
        canvas.setLineWidth(0.6)
        canvas.line(axis.left, axis.bottom, axis.right, axis.bottom)
        canvas.line(axis.left, axis.top, axis.right, axis.top)
        canvas.setLineWidth(0.5)
        for tick in self.row.ticks:
            length = TICK_LENGTH[tick.kind]
            canvas.line(tick.x, axis.bottom, tick.x, axis.bottom + length)
            canvas.line(tick.x, axis.top - length, tick.x, axis.top)
        middle = (axis.bottom + axis.top) / 2
        size = self.layout.timeline.date_size  # the axis's dates are read like the labels' dates
        for label in self.row.tick_labels:
            year = label.kind == "year"
            canvas.setFillColor(HexColor(colours.text if year else colours.muted))
            canvas.setFont(self.faces.bold if year else self.faces.regular, size)
            canvas.drawCentredString(label.x, middle - size * 0.35, label.text)

    def _draw_spans(self) -> None:
        canvas = self.canv
        canvas.setFillColor(HexColor(self.layout.colours.accent))
        for span in self.row.spans:
            rect = span.rect
            canvas.roundRect(rect.left, rect.bottom, rect.right - rect.left, rect.top - rect.bottom,
                             radius=(rect.top - rect.bottom) / 2, stroke=0, fill=1)

    def _draw_leaders(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(HexColor(self.layout.colours.muted))
        canvas.setLineWidth(LEADER_WIDTH)
        canvas.setLineJoin(1)
        for label in self.row.labels:
            path = canvas.beginPath()
            path.moveTo(*label.leader[0])
            for point in label.leader[1:]:
                path.lineTo(*point)
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.setFillColor(HexColor(self.layout.colours.text))
        for label in self.row.labels:
            edge = self.row.axis.top if label.side == ABOVE else self.row.axis.bottom
            canvas.circle(label.marker_x, edge, MARKER_RADIUS, stroke=0, fill=1)

    def _draw_label(self, label: PlacedLabel) -> None:
        """Text from the top of the box, against the leader: ragged right of a leader on the
        label's left, ragged left of one on its right."""
        text = self.texts[label.event]
        reads_right = label.facing == RIGHT
        x = label.rect.left + TEXT_INSET if reads_right else label.rect.left
        y = label.rect.top
        lines = text.date + (([Spacer(0, DATE_TO_TEXT)] + text.event) if self.answers else [])
        for flowable in lines:
            y -= flowable.height
            if not reads_right and isinstance(flowable, Paragraph):
                flowable = _aligned_right(flowable, text.text_width)
            flowable.drawOn(self.canv, x, y)
        if not self.answers:
            length = text.writing_line
            start = x if reads_right else label.rect.right - TEXT_INSET - length
            self.canv.setStrokeColor(HexColor(WRITING_LINE_GREY))
            self.canv.setLineWidth(WRITING_LINE_WIDTH)
            # Under its date, not at the foot of a box made tall for a long answer: a line far
            # below its date could be read as belonging to the label beneath.
            line_y = label.rect.top - _height(text.date) - WRITING_SPACE
            self.canv.line(start, line_y, start + length, line_y)


def _aligned_right(paragraph: Paragraph, width: float) -> Paragraph:
    """The same lines, set flush right (the lines break where they did flush left)."""
    flush_right = copy.copy(paragraph)
    flush_right.style = ParagraphStyle(f"{paragraph.style.name}-right", parent=paragraph.style, alignment=TA_RIGHT)
    flush_right.wrap(width, 1e6)
    return flush_right
