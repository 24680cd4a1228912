"""A topic and its items, as loading fills them in: flashcards, factors, timeline events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from .dates import PartialDate

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


class Board:
    """The exam boards a layout can follow, and a question written for any of them."""

    NONE = "none"  # no board: products print no exam question
    ANY = "any"  # a topic's question for whichever board the layout follows
    ALL = ("aqa", "edexcel", "ocr", "cambridge", "ib")


BOARDS = (Board.NONE, *Board.ALL)
QUESTION_PRODUCTS = ("factors", "timeline", "cardsort", "all")  # which product a question heads


@dataclass(frozen=True)
class QuestionPart:
    text: str
    marks: Optional[int]


@dataclass(frozen=True)
class Question:
    """An exam-style question a product prints at its head, in the board's style."""

    text: str
    marks: Optional[int]
    board: str  # one of Board.ALL, or Board.ANY
    product: str  # one of QUESTION_PRODUCTS
    extended: bool  # an extended-response question (OCR marks them with an asterisk)
    parts: tuple[QuestionPart, ...]
    origin: Origin

    def texts(self) -> Iterator[tuple[str, str]]:
        if self.text:
            yield "text", self.text
        for index, part in enumerate(self.parts):
            yield f"parts[{index}].text", part.text


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
    questions: tuple[Question, ...] = ()

    @property
    def file(self) -> str:
        return self.origin.file

    def question_for(self, board: str, product: str) -> Optional[Question]:
        """The question a product prints for this board: the board's own, else one for any board,
        each first written for this product, then for all; None with no board, or when the topic
        has none (the product prints as it always has)."""
        if board == Board.NONE:
            return None
        for wanted_board in (board, Board.ANY):
            for wanted_product in (product, "all"):
                for question in self.questions:
                    if question.board == wanted_board and question.product == wanted_product:
                        return question
        return None

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
        for question in self.questions:
            for name, text in question.texts():
                yield question.origin, name, text


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
