"""The topic format (docs/content-format.md) read from YAML nodes into a Topic.

Every problem in a file is collected, so a teacher sees them all in one run.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Optional, Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..cardsets import tag_key
from ..errors import InvalidFiles, Problem, excerpt
from ..limits import MAX_CARDS, MAX_EVENTS, MAX_FACTORS, MAX_LIST_ITEMS
from ..memory import cycle_collector_paused
from ..model import (QUESTION_PRODUCTS, Board, Factor, Flashcard, Origin, PartialDate, Question, QuestionPart,
                     TimelineEvent, Topic, astronomical, days_in_month)
from ..yamlfile import YamlFile, did_you_mean, read_yaml

TOPIC_KEYS = ("title", "subject", "course", "source", "question", "questions", "flashcards", "factors", "timeline")
SECTIONS = ("flashcards", "factors", "timeline")
FLASHCARD_KEYS = ("front", "back", "tags", "front_image", "back_image")
IMAGE_KINDS = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
OTHER_IMAGE_KINDS = {b"GIF8": "a GIF", b"RIFF": "a WebP image", b"BM": "a BMP image", b"II*\x00": "a TIFF",
                     b"MM\x00*": "a TIFF", b"<svg": "an SVG drawing", b"<?xm": "an SVG drawing", b"%PDF": "a PDF"}
FACTOR_KEYS = ("name", "summary", "evidence", "for", "against", "links", "rank", "events")
EVENT_KEYS = ("date", "until", "event", "detail", "factor")
QUESTION_KEYS = ("text", "marks", "board", "product", "extended", "parts")
PART_KEYS = ("text", "marks")
BOARD_CHOICES = (*Board.ALL, Board.ANY)
MOST_MARKS = 100

_DATE = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_ERA_DATE = re.compile(r"^(?:(AD)\s*(\d{1,4})|(\d{1,4})\s*(BC|BCE|AD|CE))$", re.IGNORECASE)
DATE_HELP = ("write a year (1969), a month (1969-03) or a day (1969-03-02); years before 1 AD as -490 or "
             "490 BC (also -44-03-15 for a day)")


def parse_date(text: str) -> PartialDate:
    """'1969', '1969-03', '1969-03-02', '-490', '490 BC', '490 BCE', 'AD 30', '30 CE', '-44-03-15'."""
    text = text.strip()
    era = _ERA_DATE.match(text)
    if era:
        prefix_ad, prefix_year, year_text, suffix = era.groups()
        year = int(prefix_year or year_text)
        if year == 0:
            raise ValueError(f"'{text}': there is no year 0 (1 BC is followed by AD 1)")
        return PartialDate(-year if (suffix or "").upper() in ("BC", "BCE") else year)
    match = _DATE.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date; {DATE_HELP}")
    year, month, day = (int(part) if part else None for part in match.groups())
    if year == 0:
        raise ValueError(f"'{text}': there is no year 0 (1 BC is followed by AD 1); write -1 for 1 BC or 1 for AD 1")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}; months run from 01 to 12")
    if day is not None and not 1 <= day <= days_in_month(astronomical(year), month):
        raise ValueError(f"'{text}' is not a day of the calendar; {DATE_HELP}")
    return PartialDate(year, month, day)


def find_event(name: str, timeline: tuple[TimelineEvent, ...]) -> Optional[TimelineEvent]:
    """The event a factor's `events:` entry names: by its text (ignoring capitals), or by its
    date when one event has that date (written 1969-03 or as printed, Mar 1969)."""
    wanted = " ".join(name.split()).casefold()
    for event in timeline:
        if " ".join(event.event.split()).casefold() == wanted:
            return event
    dated = events_dated(wanted, timeline)
    return dated[0] if len(dated) == 1 else None


def events_dated(name: str, timeline: tuple[TimelineEvent, ...]) -> list[TimelineEvent]:
    wanted = " ".join(name.split()).casefold()
    return [event for event in timeline if wanted in (str(event.date).casefold(), event.date.label().casefold())]


def _marks(text: str) -> int:
    if not re.fullmatch(r"\d+", text) or not 1 <= int(text) <= MOST_MARKS:
        raise ValueError(f"'{text}' should be a whole number of marks from 1 to {MOST_MARKS}")
    return int(text)


def _yes_no(text: str) -> bool:
    words = {"true": True, "yes": True, "false": False, "no": False}
    if text.lower() not in words:
        raise ValueError(f"'{text}' should be true or false")
    return words[text.lower()]


def read_topic(path: str) -> tuple[Optional[Topic], list[Problem]]:
    """The topic and every problem found in it (the topic is None if there are any)."""
    # The collector resumes only once _read_source has returned and its YAML nodes (about a
    # million for 10,000 cards) are freed: resumed while they were alive, its first pass
    # walked them all (0.18 s, measured).
    with cycle_collector_paused():
        return _read_source(path)


def _read_source(path: str) -> tuple[Optional[Topic], list[Problem]]:
    source = read_yaml(path)
    if source.root is None:
        return None, source.problems
    topic = _TopicReader(source).topic()
    return (topic if not source.problems else None), source.problems


def load_topic(path: str) -> Topic:
    return load_topics([path])[0]


def load_topics(paths: Iterable[str]) -> list[Topic]:
    """All topics, or InvalidFiles listing the problems of every file at once."""
    topics, problems = [], []
    for path in paths:
        topic, found = read_topic(path)
        problems.extend(found)
        if topic is not None:
            topics.append(topic)
    if problems:
        raise InvalidFiles(problems)
    return topics


class _TopicReader:
    def __init__(self, source: YamlFile):
        self.source = source
        # Each factor's links: and events: nodes, checked once the timeline is read.
        self.factor_nodes: dict[str, tuple[Optional[Node], Optional[Node]]] = {}
        # Each tag as first written in the file, by tag_key: 'july crisis' on a later card
        # prints as 'July Crisis', so the tag selects, and is coloured, as one.
        self.tag_spellings: dict[str, str] = {}

    def origin(self, node: Node, item: str, tag_nodes: Sequence[Node] = ()) -> Origin:
        """`tag_nodes`: the tags kept, so that tags[n] is at the nth tag kept, not the nth written:
        a repeated tag is dropped, and a message about a tag (a letter the font lacks) must
        still show that tag's line."""
        fields = []
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                key = key_node.value
                mark = value_node.start_mark
                fields.append((key, mark.line + 1, mark.column + 1))
                if isinstance(value_node, SequenceNode) and not (tag_nodes and key == "tags"):
                    for index, entry in enumerate(value_node.value):
                        mark = entry.start_mark
                        fields.append((f"{key}[{index}]", mark.line + 1, mark.column + 1))
        for index, tag_node in enumerate(tag_nodes):
            mark = tag_node.start_mark
            fields.append((f"tags[{index}]", mark.line + 1, mark.column + 1))
        mark = node.start_mark
        return Origin(self.source.name, mark.line + 1, mark.column + 1, item, tuple(fields))

    def topic(self) -> Optional[Topic]:
        src, root = self.source, self.source.root
        problems_before = len(src.problems)
        fields = src.mapping(root, "", TOPIC_KEYS, required=("title",), what="a topic: key: value lines such as 'title: ...'")
        if not fields and src.problems:
            return None
        # A misspelt section ('flashcard:') is already reported once, with a suggestion.
        if len(src.problems) == problems_before and not any(section in fields for section in SECTIONS):
            src.report(root, "", "has no flashcards, factors or timeline; add at least one of these sections")
        factors = self.factors(fields.get("factors"))
        factor_names = {factor.name for factor in factors}
        timeline = self.timeline(fields.get("timeline"), factor_names)
        factors = tuple(self.with_links_and_events(factor, factor_names, timeline) for factor in factors)
        topic = Topic(
            title=src.text(fields.get("title"), "title", required="title" in fields) or "",
            subject=src.text(fields.get("subject"), "subject", required=False) or "",
            course=src.text(fields.get("course"), "course", required=False) or "",
            source=src.text(fields.get("source"), "source", required=False) or "",
            question=src.text(fields.get("question"), "question", required=False) or "",
            flashcards=self.flashcards(fields.get("flashcards")),
            factors=factors,
            timeline=timeline,
            origin=self.origin(root, ""),
            questions=self.questions(fields.get("questions")),
        )
        return topic

    def questions(self, node: Optional[Node]) -> tuple[Question, ...]:
        """Exam-style questions, each for one board (or any) and the product it heads."""
        questions = []
        for index, question_node in enumerate(self.source.sequence(node, "questions", "questions")):
            item = f"questions[{index}]"
            fields = self.source.mapping(question_node, item, QUESTION_KEYS, required=("board",),
                                         what="a question with 'text:', 'marks:' and 'board:'")
            if not fields:
                continue
            text = self.source.text(fields.get("text"), f"{item}.text", required=False) or ""
            parts = self.parts(fields.get("parts"), f"{item}.parts")
            if not text and not parts and "board" in fields:
                self.source.report(question_node, item, "has no text; write the question in 'text:' "
                                                        "(or its parts (a), (b)... in 'parts:')")
                continue
            marks = self.marks(fields.get("marks"), f"{item}.marks")
            board = self.choice(fields.get("board"), f"{item}.board", BOARD_CHOICES, "board")
            product = self.choice(fields.get("product"), f"{item}.product", QUESTION_PRODUCTS, "product") or "all"
            extended = self.source.converted(fields["extended"], f"{item}.extended", _yes_no) \
                if "extended" in fields else False
            if board is not None and extended is not None:
                questions.append(Question(text, marks, board, product, extended, parts,
                                          self.origin(question_node, item)))
        return tuple(questions)

    def parts(self, node: Optional[Node], item: str) -> tuple[QuestionPart, ...]:
        parts = []
        for index, part_node in enumerate(self.source.sequence(node, item, "parts")):
            part_item = f"{item}[{index}]"
            fields = self.source.mapping(part_node, part_item, PART_KEYS, required=("text",),
                                         what="a part with 'text:' and 'marks:'")
            text = self.source.text(fields.get("text"), f"{part_item}.text") if "text" in fields else None
            marks = self.marks(fields.get("marks"), f"{part_item}.marks")
            if text:
                parts.append(QuestionPart(text, marks))
        return tuple(parts)

    def marks(self, node: Optional[Node], item: str) -> Optional[int]:
        if node is None:
            return None
        return self.source.converted(node, item, _marks)

    def choice(self, node: Optional[Node], item: str, choices: tuple[str, ...], noun: str) -> Optional[str]:
        if node is None:
            return None
        written = self.source.text(node, item)
        if written is None:
            return None
        if written.casefold() in choices:
            return written.casefold()
        self.source.report(node, item, f"'{written}' is not a {noun}{did_you_mean(written.casefold(), choices)} "
                                       f"(choose from {', '.join(choices)})")
        return None

    def flashcards(self, node: Optional[Node]) -> tuple[Flashcard, ...]:
        cards = []
        for index, card_node in enumerate(self.source.sequence(node, "flashcards", "cards", MAX_CARDS)):
            item = f"flashcards[{index}]"
            fields = self.source.mapping(card_node, item, FLASHCARD_KEYS, required=("front", "back"),
                                         what="a card with 'front:' and 'back:'")
            if not fields:
                continue
            front = self.source.text(fields.get("front"), f"{item}.front") if "front" in fields else None
            back_node = fields.get("back")
            back_is_list = back_node is not None and back_node.id == "sequence"
            if back_is_list:
                back = self.source.text_list(back_node, f"{item}.back")
                # Items that are not text are reported one by one: the list itself is not empty.
                if not back_node.value:
                    self.source.report(back_node, f"{item}.back", "is an empty list; write the answer")
            elif back_node is not None:
                text = self.source.text(back_node, f"{item}.back")
                back = (text,) if text else ()
            else:
                back = ()
            tags, tag_nodes = self.tags(fields.get("tags"), f"{item}.tags")
            front_image, back_image = (self.image(fields.get(key), f"{item}.{key}")
                                       for key in ("front_image", "back_image"))
            if front and back:
                origin = self.origin(card_node, item, tag_nodes)
                cards.append(Flashcard(len(cards) + 1, front, back, back_is_list, tags, origin,
                                       front_image, back_image))
        return tuple(cards)

    def image(self, node: Optional[Node], item: str) -> Optional[str]:
        """A card's picture: a PNG or JPEG file, written relative to the topic file."""
        if node is None:
            return None
        written = self.source.text(node, item)
        if not written:
            return None
        path = Path(self.source.name).parent / Path(written).expanduser()
        try:
            with open(path, "rb") as stream:
                head = stream.read(8)
        except IsADirectoryError:
            self.source.report(node, item, f"'{written}' is a folder; name the image file in it")
            return None
        except FileNotFoundError:
            self.source.report(node, item, f"there is no file '{written}' (looked for {path}); paths are "
                                           "relative to the topic file")
            return None
        except OSError as error:
            self.source.report(node, item, f"'{written}' cannot be read ({error.strerror or error})")
            return None
        if not any(head.startswith(magic) for magic in IMAGE_KINDS):
            kind = next((name for magic, name in OTHER_IMAGE_KINDS.items() if head.startswith(magic)),
                        "not an image revisionprint can print")
            self.source.report(node, item, f"'{written}' is {kind}; save it as PNG or JPEG")
            return None
        return str(path)

    def tags(self, node: Optional[Node], item: str) -> tuple[tuple[str, ...], list[Node]]:
        """A card's tags, each spelt as first written in the file and given once, with the node of each."""
        if isinstance(node, SequenceNode) and self.source.too_many(node, item, MAX_LIST_ITEMS, "tags"):
            return (), []
        if isinstance(node, SequenceNode):
            entries = [(entry, f"{item}[{index}]", True) for index, entry in enumerate(node.value)]
        elif isinstance(node, ScalarNode):
            entries = [(node, item, False)]
        else:
            # Nothing written, or not text at all: text_list reports the latter.
            self.source.text_list(node, item)
            return (), []
        tags: dict[str, str] = {}
        nodes = []
        for entry, entry_item, in_list in entries:
            tag = self.source.text(entry, entry_item, required=in_list)
            if not tag:
                continue
            if "," in tag:
                self.report_comma_in_tag(entry, entry_item, tag, in_list)
                continue
            key = tag_key(tag)
            if key not in tags:
                tags[key] = self.tag_spellings.setdefault(key, tag)
                nodes.append(entry)
        return tuple(tags.values()), nodes

    def report_comma_in_tag(self, node: Node, item: str, tag: str, in_list: bool) -> None:
        without_commas = excerpt(" ".join(tag.replace(",", " ").split()))
        message = (f"has a comma, but --tags uses commas to separate tags; "
                   f"write it without one, such as '{without_commas}'")
        if not in_list:
            # 'tags: Cold War, 1950s' is one text to YAML, but may have been meant as two tags.
            parts = excerpt(", ".join(part.strip() for part in tag.split(",") if part.strip()))
            message += f", or write several tags as a list: tags: [{parts}]"
        self.source.report(node, item, message)

    def factors(self, node: Optional[Node]) -> tuple[Factor, ...]:
        factors: list[Factor] = []
        seen: dict[str, str] = {}
        for index, factor_node in enumerate(self.source.sequence(node, "factors", "factors", MAX_FACTORS)):
            item = f"factors[{index}]"
            fields = self.source.mapping(factor_node, item, FACTOR_KEYS, required=("name",),
                                         what="a factor with 'name:'")
            if not fields:
                continue
            name = self.source.text(fields.get("name"), f"{item}.name") if "name" in fields else None
            if name is None:
                continue
            if name.casefold() in seen:
                self.source.report(fields["name"], f"{item}.name",
                                   f"two factors are called '{excerpt(name)}' (the other is {seen[name.casefold()]}); "
                                   "give each factor its own name")
                continue
            seen[name.casefold()] = item
            factors.append(Factor(
                name=name,
                summary=self.source.text(fields.get("summary"), f"{item}.summary", required=False) or "",
                evidence=self.source.text_list(fields.get("evidence"), f"{item}.evidence"),
                arguments_for=self.source.text_list(fields.get("for"), f"{item}.for"),
                arguments_against=self.source.text_list(fields.get("against"), f"{item}.against"),
                origin=self.origin(factor_node, item),
                rank=self.rank(fields.get("rank"), f"{item}.rank"),
            ))
            self.factor_nodes[name] = (fields.get("links"), fields.get("events"))
        return tuple(factors)

    def rank(self, node: Optional[Node], item: str) -> Optional[int]:
        if node is None:
            return None

        def whole_number(text: str) -> int:
            if not re.fullmatch(r"\d{1,3}", text) or int(text) < 1:
                raise ValueError(f"'{text}' is not a rank; write a whole number, 1 for the most important factor")
            return int(text)

        return self.source.converted(node, item, whole_number)

    def with_links_and_events(self, factor: Factor, factor_names: set[str],
                              timeline: tuple[TimelineEvent, ...]) -> Factor:
        """The factor's links and events, each checked against the topic's factors and timeline
        (known only once the whole file is read)."""
        links_node, events_node = self.factor_nodes.get(factor.name, (None, None))
        item = factor.origin.path
        links = []
        for index, (node, name) in enumerate(self.listed(links_node, f"{item}.links")):
            if name == factor.name:
                self.source.report(node, f"{item}.links[{index}]", "links the factor to itself; name another factor")
            elif name not in factor_names:
                self.report_unknown_factor(node, f"{item}.links[{index}]", name, factor_names - {factor.name})
            elif name not in links:
                links.append(name)
        events = []
        for index, (node, name) in enumerate(self.listed(events_node, f"{item}.events")):
            event = find_event(name, timeline)
            if event is None:
                self.report_unknown_event(node, f"{item}.events[{index}]", name, timeline)
            elif event not in events:
                events.append(event)
        return replace(factor, links=tuple(links), events=tuple(events))

    def listed(self, node: Optional[Node], item: str) -> list[tuple[Node, str]]:
        """Each text of a list (or of a single text) with its own node, for messages at its line."""
        texts = self.source.text_list(node, item)
        if isinstance(node, SequenceNode):
            nodes = [entry for entry in node.value if isinstance(entry, ScalarNode) and entry.value.strip()]
        else:
            nodes = [node] * len(texts)
        return list(zip(nodes, texts))

    def report_unknown_event(self, node: Node, item: str, name: str, timeline: tuple[TimelineEvent, ...]) -> None:
        if not timeline:
            self.source.report(node, item, f"names the event '{excerpt(name)}', but the topic has no timeline section")
            return
        dated = events_dated(name, timeline)
        if len(dated) > 1:
            texts = " and ".join(f"'{excerpt(event.event)}'" for event in dated[:2])
            self.source.report(node, item, f"{len(dated)} events have the date {excerpt(name)} ({texts}); "
                                           "name the one you mean by its text")
            return
        choices = [event.event for event in timeline]
        self.source.report(node, item, f"names no event of this topic's timeline: '{excerpt(name)}'"
                                       f"{did_you_mean(name, choices)}; write an event's date (such as "
                                       f"{timeline[0].date}) or its text as it is in the timeline")

    def timeline(self, node: Optional[Node], factor_names: set[str]) -> tuple[TimelineEvent, ...]:
        events = []
        for index, event_node in enumerate(self.source.sequence(node, "timeline", "events", MAX_EVENTS)):
            item = f"timeline[{index}]"
            fields = self.source.mapping(event_node, item, EVENT_KEYS, required=("date", "event"),
                                         what="an event with 'date:' and 'event:'")
            if not fields:
                continue
            date = self.source.converted(fields["date"], f"{item}.date", parse_date) if "date" in fields else None
            until = None
            if fields.get("until") is not None:
                until = self.source.converted(fields["until"], f"{item}.until", parse_date)
                if date and until and until.end_position() <= date.start_position():
                    self.source.report(fields["until"], f"{item}.until",
                                       f"ends ({until}) before the event starts ({date}); "
                                       "'until' must not be before 'date'")
                    until = None
            event = self.source.text(fields.get("event"), f"{item}.event") if "event" in fields else None
            factor = self.source.text(fields.get("factor"), f"{item}.factor", required=False)
            if factor is not None and factor not in factor_names:
                self.report_unknown_factor(fields["factor"], f"{item}.factor", factor, factor_names)
                factor = None
            if date and event:
                events.append(TimelineEvent(
                    date=date,
                    until=until,
                    event=event,
                    detail=self.source.text(fields.get("detail"), f"{item}.detail", required=False) or "",
                    factor=factor,
                    origin=self.origin(event_node, item),
                ))
        return tuple(events)

    def report_unknown_factor(self, node: Node, item: str, factor: str, names: set[str]) -> None:
        if not names:
            self.source.report(node, item, f"names the factor '{excerpt(factor)}', but the topic has no factors section")
            return
        self.source.report(node, item, f"names no factor of this topic: '{excerpt(factor)}'{did_you_mean(factor, sorted(names))}")
