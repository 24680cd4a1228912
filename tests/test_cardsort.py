"""The card sort: every note on its own numbered strip, a mat per factor, and a key that matches."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader
import pytest

from revisionprint.content import load_topic
from revisionprint.layouts import load_layout
from revisionprint.model import CardSortOptions
from revisionprint.render.factors.cardsort import render, strips

from conftest import EXAMPLE, normalise

TOPIC = """\
title: Causes of the First World War
question: How far was the alliance system the main cause of the First World War?
factors:
  - name: Alliances
    summary: Two armed camps.
    evidence: ["Triple Alliance of 1882.", "Triple Entente by 1907."]
    for: ["Turned a Balkan quarrel into a European war."]
    against: ["Italy changed sides in 1915."]
  - name: Militarism
    evidence: ["The naval race with Dreadnoughts.", "The Schlieffen Plan needed speed."]
    for: ["Mobilisation timetables left no time to talk."]
  - name: Imperialism
    evidence: ["Moroccan crises of 1905 and 1911."]
    against: ["Colonial quarrels were settled by talks."]
"""


@pytest.fixture
def topic(write_topic):
    return load_topic(str(write_topic(TOPIC)))


def texts_by_page(data: bytes) -> list[str]:
    """Each page's text in drawing order (pypdf): a strip's number comes just before its text."""
    return [normalise(page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages]


def all_items(topic) -> list[str]:
    return [text for factor in topic.factors
            for text in (*factor.evidence, *factor.arguments_for, *factor.arguments_against)]


def test_every_strip_is_printed_once_with_its_number(topic):
    rendered = render(topic, load_layout("default"), CardSortOptions(seed=3))
    text = " ".join(texts_by_page(rendered.data))
    numbered = strips(topic, 3)
    assert sorted(strip.text for strip in numbered) == sorted(all_items(topic))
    assert [strip.number for strip in numbered] == list(range(1, len(all_items(topic)) + 1))
    for strip in numbered:
        assert text.count(normalise(strip.text)) == 1, strip.text
        assert f"{strip.number} {normalise(strip.text)}" in text
    assert rendered.problems == ()
    assert rendered.contents.startswith(f"{len(numbered)} strips and 3 sorting mats")


def test_one_sorting_mat_per_factor_with_its_name_and_the_question(topic):
    rendered = render(topic, load_layout("default"), CardSortOptions())
    pages = texts_by_page(rendered.data)
    mats = pages[-3:]
    for mat, factor in zip(mats, topic.factors):
        assert factor.name in mat
        assert normalise(topic.question) in mat
        assert "Evidence" in mat and "Against" in mat


def test_the_answer_key_lists_each_strips_number_under_its_factor(topic):
    layout = load_layout("default")
    key = " ".join(texts_by_page(render(topic, layout, CardSortOptions(seed=7, answers=True)).data))
    assert "ANSWERS" in key
    numbered = strips(topic, 7)
    sections = re.split(r"\b(?=Alliances|Militarism|Imperialism)\b", key.split(normalise(topic.question), 1)[1])
    by_name = {section.split()[0]: section for section in sections if section.strip()}
    for factor in topic.factors:
        own = by_name[factor.name]
        for heading, field in (("Evidence", "evidence"), ("For (main factor)", "for"), ("Against", "against")):
            numbers = [str(s.number) for s in numbered if s.factor.name == factor.name and s.column.key == field]
            if numbers:
                assert f"{heading}: {', '.join(numbers)}" in own
    # The key's numbers are the strips' numbers.
    sheet = " ".join(texts_by_page(render(topic, layout, CardSortOptions(seed=7)).data))
    for strip in numbered:
        assert f"{strip.number} {normalise(strip.text)}" in sheet


def test_the_same_seed_gives_the_same_bytes_and_another_seed_another_order(topic):
    layout = load_layout("default")
    first = render(topic, layout, CardSortOptions(seed=5)).data
    assert render(topic, layout, CardSortOptions(seed=5)).data == first
    assert [s.text for s in strips(topic, 5)] != [s.text for s in strips(topic, 6)]


def test_a_class_set_costs_few_sheets():
    topic = load_topic(str(EXAMPLE))
    rendered = render(topic, load_layout("default"), CardSortOptions())
    count = len(strips(topic, 0))
    strip_pages = rendered.pages - len(topic.factors)
    assert count / strip_pages >= 20  # about two dozen strips a sheet of A4


def test_a_strip_too_long_is_shrunk_and_reported_at_its_line(write_topic):
    long_text = " ".join(["A very long piece of evidence that goes on and on."] * 12)
    path = write_topic(f"title: T\nfactors:\n  - name: A\n    evidence:\n      - Short.\n      - {long_text}\n")
    rendered = render(load_topic(str(path)), load_layout("default"), CardSortOptions())
    assert len(rendered.problems) == 1
    assert ":6:9: factors[0].evidence[1]: is too long for a card-sort strip" in rendered.problems[0]
    # Shrunk, not clipped: every word is still on the page.
    assert normalise(long_text) in " ".join(texts_by_page(rendered.data))


def test_cardsort_command_and_build_make_the_strips_and_the_key(run, tmp_path):
    result = run("cardsort", EXAMPLE, "-o", tmp_path / "sort.pdf", "--seed", "4")
    assert result.exit_code == 0, result.output
    answers = run("cardsort", EXAMPLE, "-o", tmp_path / "key.pdf", "--seed", "4", "--answers")
    assert answers.exit_code == 0, answers.output
    assert "ANSWERS" in " ".join(texts_by_page((tmp_path / "key.pdf").read_bytes()))
    built = run("build", EXAMPLE, "-o", tmp_path / "all", "--only", "cardsort")
    assert built.exit_code == 0, built.output
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == [
        "sino-soviet-relations-1949-1976-cardsort-answers.pdf", "sino-soviet-relations-1949-1976-cardsort.pdf"]


@pytest.mark.parametrize("settings, where, change", [
    # Reproducers from the fuzz tests (issue 14): each crashed inside ReportLab on a negative box.
    ("{padding: 33mm}", "cs.yaml:2:21: cardsort.padding: leaves 0.0mm across a strip", "make the padding smaller"),
    ("{columns: 3, padding: 43mm, strip_height: 168mm}", "cs.yaml:2:33: cardsort.padding: leaves 0.0mm across",
     "make the padding smaller"),
    ("{strip_height: 8mm, padding: 3.5mm}", "cs.yaml:2:40: cardsort.padding: leaves 1.0mm down a strip (8mm tall)",
     "make the padding smaller"),
    ("{columns: 4, number_size: 72pt}", "cs.yaml:2:21: cardsort.columns: with 4 columns",
     "use fewer columns, a smaller padding or a smaller number_size"),
    ("{strip_height: 150mm}", "cs.yaml:2:26: cardsort.strip_height: is more than half the 2",
     "make the strips shorter"),
    ("{orientation: landscape, mat_title_size: 72pt, padding: 26mm, strip_height: 60mm}\nfont: {size: 72pt}",
     "cs.yaml:2:67: cardsort.padding: a sorting mat's title (72pt with the question at 72pt, inside padding 26mm) "
     "takes 151mm of the 180mm down the page", "make the mat_title_size, the font size, the padding or the margins"),
])
def test_strips_with_no_room_for_text_are_reported_at_the_layout_line(run, tmp_path, monkeypatch, settings, where,
                                                                     change):
    monkeypatch.chdir(tmp_path)
    Path("topic.yaml").write_text(TOPIC)
    Path("cs.yaml").write_text(f"extends: default\ncardsort: {settings}\n")
    result = run("cardsort", "topic.yaml", "--layout", "cs.yaml", "-o", "cs.pdf", "--keep-going")
    assert result.exit_code == 1, result.output
    assert where in result.output and change in result.output
    assert not Path("cs.pdf").exists()
    assert run("validate", "topic.yaml", "--layout", "cs.yaml").exit_code == 1


def test_a_wide_padding_and_huge_text_leave_the_number_its_own_room(run, tmp_path, monkeypatch):
    """Fuzz reproducer (issue 14): the number's cell lost the padding from its width, a negative width with
    padding wider than the number; the number now stands in its own width beside the padding."""
    monkeypatch.chdir(tmp_path)
    Path("topic.yaml").write_text(TOPIC)
    Path("cs.yaml").write_text("extends: default\ncardsort: {padding: 8mm, text: {largest: 72pt, smallest: 4pt}}\n")
    result = run("cardsort", "topic.yaml", "--layout", "cs.yaml", "-o", "cs.pdf", "--keep-going")
    assert result.exit_code == 0, result.output
    text = " ".join(texts_by_page(Path("cs.pdf").read_bytes()))
    topic = load_topic("topic.yaml")
    for strip in strips(topic, 0):
        assert f"{strip.number} {normalise(strip.text)}" in text
