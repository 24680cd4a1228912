"""The JSON Schema for editors says what the validator says, and the guide's example is valid."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

from revisionprint.content import load_topic, read_topic
from revisionprint.content.topic import (BOARD_CHOICES, EVENT_KEYS, FACTOR_KEYS, FLASHCARD_KEYS, PART_KEYS,
                                         QUESTION_KEYS, SECTIONS, TOPIC_KEYS)
from revisionprint.model import QUESTION_PRODUCTS

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "content-format.md"
SCHEMA_PATH = Path(str(resources.files("revisionprint") / "data" / "topic.schema.json"))

SMALL_TOPIC = {
    "title": "Cells",
    "subject": "Biology",
    "flashcards": [
        {"front": "What does the nucleus hold?", "back": "The cell's genetic material (DNA)", "tags": "cells"},
        {"front": "Name two parts of a plant cell that an animal cell lacks", "back": ["Cell wall", "Chloroplasts"],
         "tags": ["cells", "plants"]},
    ],
    "factors": [
        {"name": "Light intensity", "summary": "More light, faster photosynthesis, up to a limit",
         "evidence": ["Pondweed gives off more bubbles near a lamp"], "for": "Easy to measure", "against": None},
    ],
    "timeline": [
        {"date": 1665, "event": "Robert Hooke names the *cell*", "factor": "Light intensity"},
        {"date": "1838-10", "until": "1839", "event": "Schleiden and Schwann: all living things are made of cells"},
        {"date": "1953-04-25", "event": "Watson and Crick publish the structure of DNA", "detail": None},
    ],
}


def topic(**changes) -> dict:
    """SMALL_TOPIC with some top-level fields replaced (a value of ... removes the field)."""
    result = json.loads(json.dumps(SMALL_TOPIC))
    for key, value in changes.items():
        if value is ...:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def card(**fields) -> dict:
    return topic(flashcards=[{"front": "Q", "back": "A", **fields}])


VALID = [
    pytest.param(SMALL_TOPIC, id="small topic"),
    pytest.param({"title": "T", "flashcards": [{"front": "Q", "back": "A"}]}, id="only flashcards"),
    pytest.param({"title": "T", "factors": [{"name": "Ideology"}]}, id="only a factor name"),
    pytest.param({"title": "T", "timeline": [{"date": 1969, "event": "E"}]}, id="a year as a number"),
    pytest.param({"title": 1984, "flashcards": [{"front": 42, "back": True}]}, id="numbers and true are text"),
    pytest.param(topic(flashcards=None, factors=..., timeline=...), id="an empty section"),
    pytest.param(card(tags=[1984, "Cold War"]), id="tags as a number and text"),
    pytest.param({"title": "T", "factors": [{"name": "A", "links": ["B"], "rank": 2, "events": ["1969-03"]},
                                            {"name": "B", "links": "A", "rank": "1"}],
                  "timeline": [{"date": "1969-03", "event": "Clashes"}]}, id="links, rank and events"),
    pytest.param(topic(questions=[{"text": "Assess the reasons for the split.", "marks": 20, "board": "OCR",
                                   "product": "factors", "extended": True}]), id="a question"),
    pytest.param(topic(questions=[{"board": "cambridge", "parts": [{"text": "Describe.", "marks": 4},
                                                                   {"text": "Explain why.", "marks": 6}]}]),
                 id="a question in parts"),
]

INVALID = [
    pytest.param(topic(flashcard=[{"front": "Q", "back": "A"}]), id="unknown key"),
    pytest.param(topic(title=...), id="missing title"),
    pytest.param(topic(title=""), id="empty title"),
    pytest.param(topic(flashcards=..., factors=..., timeline=...), id="no sections"),
    pytest.param(card(back={"a": 1}), id="back as a mapping"),
    pytest.param(card(back=[]), id="back as an empty list"),
    pytest.param(card(back=["A", ""]), id="back with an empty item"),
    pytest.param(card(back=None), id="back empty"),
    pytest.param(card(colour="red"), id="unknown card key"),
    pytest.param(card(tags={"a": 1}), id="tags as a mapping"),
    pytest.param(card(tags="Cold War, 1950s"), id="a tag with a comma"),
    pytest.param(card(tags=["Cold War", "1950s, 1960s"]), id="a listed tag with a comma"),
    pytest.param(topic(flashcards={"front": "Q", "back": "A"}), id="flashcards not a list"),
    pytest.param(topic(factors=[{"summary": "S"}]), id="factor without a name"),
    pytest.param(topic(factors=[{"name": "N", "evidence": [["nested"]]}]), id="evidence nested list"),
    pytest.param(topic(factors=[{"name": "N", "rank": 0}]), id="rank 0"),
    pytest.param(topic(factors=[{"name": "N", "rank": "first"}]), id="rank in words"),
    pytest.param(topic(factors=[{"name": "N", "rank": 1.5}]), id="rank not whole"),
    pytest.param(topic(factors=[{"name": "N", "links": [""]}]), id="an empty link"),
    pytest.param(topic(timeline=[{"date": "March 1969", "event": "E"}]), id="date in words"),
    pytest.param(topic(timeline=[{"date": 19690, "event": "E"}]), id="five-digit year"),
    pytest.param(topic(timeline=[{"date": "1969", "until": None, "event": "E"}]), id="until empty"),
    pytest.param(topic(timeline=[{"event": "E"}]), id="event without a date"),
    pytest.param(topic(timeline=[{"date": "1969", "event": "E", "factor": ""}]), id="factor empty text"),
    pytest.param(topic(questions=[{"text": "Q", "marks": 25}]), id="question without a board"),
    pytest.param(topic(questions=[{"text": "Q", "board": "aqq"}]), id="unknown board"),
    pytest.param(topic(questions=[{"text": "Q", "board": "aqa", "marks": "twenty"}]), id="marks in words"),
    pytest.param(topic(questions=[{"text": "Q", "board": "aqa", "product": "cards"}]), id="unknown product"),
    pytest.param(topic(questions=[{"board": "aqa", "marks": 8}]), id="question without text or parts"),
    pytest.param(topic(questions=[{"text": "Q", "board": "aqa", "parts": [{"marks": 4}]}]), id="part without text"),
]


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema):
    """The schema's validator; tests that need it are skipped where jsonschema is not installed."""
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validator_problems(data: dict, tmp_path: Path) -> list:
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return read_topic(str(path))[1]


@pytest.mark.parametrize("data", VALID)
def test_valid_topics_pass_the_schema_and_the_validator(validator, data, tmp_path):
    assert list(validator.iter_errors(data)) == []
    assert validator_problems(data, tmp_path) == []


@pytest.mark.parametrize("data", INVALID)
def test_invalid_topics_fail_the_schema_and_the_validator(validator, data, tmp_path):
    assert list(validator.iter_errors(data)), "the schema accepted it"
    assert validator_problems(data, tmp_path), "the validator accepted it"


def test_schema_keys_are_the_validators_keys(schema):
    definitions = schema["$defs"]
    assert set(schema["properties"]) == set(TOPIC_KEYS)
    assert set(definitions["flashcard"]["properties"]) == set(FLASHCARD_KEYS)
    assert set(definitions["factor"]["properties"]) == set(FACTOR_KEYS)
    assert set(definitions["event"]["properties"]) == set(EVENT_KEYS)
    assert set(definitions["examQuestion"]["properties"]) == set(QUESTION_KEYS)
    assert set(definitions["questionPart"]["properties"]) == set(PART_KEYS)
    boards = definitions["examQuestion"]["properties"]["board"]["enum"]
    assert {board.casefold() for board in boards} == set(BOARD_CHOICES)
    assert set(definitions["examQuestion"]["properties"]["product"]["enum"]) == set(QUESTION_PRODUCTS)
    assert [branch["required"] for branch in schema["anyOf"]] == [[section] for section in SECTIONS]


def test_schema_requires_what_the_validator_requires(schema):
    definitions = schema["$defs"]
    assert schema["required"] == ["title"]
    assert set(definitions["flashcard"]["required"]) == {"front", "back"}
    assert definitions["factor"]["required"] == ["name"]
    assert set(definitions["event"]["required"]) == {"date", "event"}
    assert definitions["examQuestion"]["required"] == ["board"]
    assert definitions["questionPart"]["required"] == ["text"]
    for part in (schema, definitions["flashcard"], definitions["factor"], definitions["event"],
                 definitions["examQuestion"], definitions["questionPart"]):
        assert part["additionalProperties"] is False


def test_every_field_has_a_description(schema):
    for part in (schema, *(schema["$defs"][name] for name in ("flashcard", "factor", "event", "examQuestion",
                                                               "questionPart"))):
        for key, value in part["properties"].items():
            assert value.get("description"), key


# ---------------------------------------------------------------- the guide


def guide_example() -> str:
    match = re.search(r"^```yaml\n(.*?)^```", GUIDE.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    assert match, "docs/content-format.md has no ```yaml block"
    return match.group(1)


def test_the_guides_example_is_a_valid_topic(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(guide_example(), encoding="utf-8")
    topic, problems = read_topic(str(path))
    assert problems == []
    loaded = load_topic(str(path))
    assert loaded.flashcards and loaded.factors and loaded.timeline
    assert any(card.back_is_list for card in loaded.flashcards)
    assert any(not card.back_is_list for card in loaded.flashcards)
    assert any(event.until for event in loaded.timeline) and any(event.factor for event in loaded.timeline)
    precisions = {(event.date.month is None, event.date.day is None) for event in loaded.timeline}
    assert precisions == {(True, True), (False, True), (False, False)}, "a year, a month and a day"


class _Yaml12Loader(yaml.SafeLoader):
    """Reads dates as text, as YAML 1.2 editors do (PyYAML would make 1914-06-28 a date object)."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_the_guides_example_passes_the_schema(validator):
    data = yaml.load(guide_example(), Loader=_Yaml12Loader)
    assert list(validator.iter_errors(data)) == []


def test_the_guides_schema_line_points_at_the_schema():
    match = re.search(r"# yaml-language-server: \$schema=(\S+)", GUIDE.read_text(encoding="utf-8"))
    assert match
    assert (REPO / "content" / match.group(1)).resolve() == (REPO / "src/revisionprint/data/topic.schema.json").resolve()


def test_schema_limits_are_the_validators_limits(schema):
    """docs/limits.md: an editor warns of the same sizes that validate refuses."""
    from revisionprint import limits

    sections = schema["properties"]
    assert [sections[name]["maxItems"] for name in ("flashcards", "factors", "timeline")] == [
        limits.MAX_CARDS, limits.MAX_FACTORS, limits.MAX_EVENTS]
    definitions = schema["$defs"]
    assert definitions["text"]["maxLength"] == definitions["optionalText"]["maxLength"] == limits.MAX_TEXT_CHARACTERS
    assert definitions["textList"]["anyOf"][1]["maxItems"] == limits.MAX_LIST_ITEMS
