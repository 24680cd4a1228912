"""The example topic, built as the README says: every card, factor and event is on paper."""

from __future__ import annotations


import pytest

from conftest import EXAMPLE, REPO, normalise, pdf_text, printed_in_order
from revisionprint.content import load_topic
from revisionprint.render.markup import plain_text as plain

SLUG = "sino-soviet-relations-1949-1976"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from click.testing import CliRunner

    from revisionprint.cli import cli

    out = tmp_path_factory.mktemp("example")
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, {name: pdf_text(out / f"{SLUG}-{name}.pdf") for name in
                 ("flashcards", "factors", "factors-blank", "timeline", "timeline-answers")}


def words(text: str) -> str:
    return normalise(plain(text))


def test_the_bundled_copy_is_the_example():
    bundled = REPO / "src" / "revisionprint" / "data" / "content" / EXAMPLE.name
    assert bundled.read_bytes() == EXAMPLE.read_bytes()


def test_every_card_is_printed(built):
    _, text = built
    topic = load_topic(EXAMPLE)
    assert len(topic.flashcards) >= 15
    for card in topic.flashcards:
        assert words(card.front) in text["flashcards"], card.front
        for line in card.back:
            assert words(line) in text["flashcards"], line


def test_every_factor_is_in_the_table_and_only_names_in_the_blank(built):
    _, text = built
    topic = load_topic(EXAMPLE)
    assert words(topic.question) in text["factors"] and words(topic.question) in text["factors-blank"]
    for factor in topic.factors:
        assert words(factor.name) in text["factors"] and words(factor.name) in text["factors-blank"]
        answers = [factor.summary, *factor.evidence, *factor.arguments_for, *factor.arguments_against]
        for answer in filter(None, answers):
            assert printed_in_order(words(answer), text["factors"]), answer
            assert words(answer) not in text["factors-blank"], answer


def test_every_event_is_in_the_answer_key_and_none_on_the_worksheet(built):
    _, text = built
    topic = load_topic(EXAMPLE)
    assert len(topic.timeline) >= 20
    for event in topic.timeline:
        assert words(event.event) in text["timeline-answers"], event.event
        assert words(event.event) not in text["timeline"], event.event
        assert event.date.label() in text["timeline"] and event.date.label() in text["timeline-answers"]


def test_day_precision_where_the_notes_give_a_day():
    days = [event for event in load_topic(EXAMPLE).timeline if event.date.day is not None]
    assert any(event.date.year == 1969 and event.date.month == 3 for event in days)
