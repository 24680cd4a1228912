"""Every mistake a teacher can make in a topic file gives FILE:LINE:COL: item: message, exit 1."""

from __future__ import annotations

import pytest

GOOD_CARD = "flashcards:\n  - front: Q\n    back: A\n"

CASES = [
    # (file text, line, item, words the message must contain)
    ("title: T\nflashcards:\n  - front: Q\n    back: A\n  - front: [a, b]\n    back: A\n",
     5, "flashcards[1].front", "should be text, not a list"),
    ("title: T\nflashcards:\n  - front: Q\n    back: {a: 1}\n", 4, "flashcards[0].back", "should be text"),
    ("title: T\nflashcards: Not a list\n", 2, "flashcards", "should be a list"),
    ("title: T\nflashcards:\n  - back: A\n", 3, "flashcards[0].front", "'front' is missing"),
    ("flashcards:\n  - front: Q\n    back: A\n", 1, "title", "'title' is missing"),
    ("title: T\nflashcard:\n  - front: Q\n    back: A\n", 2, "flashcard", "did you mean 'flashcards'"),
    ("title: T\n" + GOOD_CARD + "factors:\n  - name: A\n    yes: [x]\n", 7, "factors[0].yes",
     "reads the key 'yes' as true/false"),
    ("title: T\ntimeline:\n  - date: March 1969\n    event: E\n", 3, "timeline[0].date", "is not a date"),
    ("title: T\ntimeline:\n  - date: 1969-02-30\n    event: E\n", 3, "timeline[0].date", "not a day of the calendar"),
    ("title: T\ntimeline:\n  - date: 1970\n    until: 1969-05\n    event: E\n", 4, "timeline[0].until",
     "before the event starts"),
    ("title: T\nfactors:\n  - name: Ideology\ntimeline:\n  - date: 1969\n    event: E\n    factor: Ideolgy\n",
     7, "timeline[0].factor", "did you mean 'Ideology'"),
    ("title: T\nfactors:\n  - name: Ideology\n  - name: ideology\n", 4, "factors[1].name", "two factors are called"),
    ("title: T\n", 1, "", "has no flashcards, factors or timeline"),
    ("title: T\nflashcards:\n\t- front: Q\n", 3, "", "indented with a tab"),
    ("title: T\nflashcards:\n  - front: Q\n    back: [A\n", 5, "", "is not valid YAML"),
    ("title: T\n" + GOOD_CARD + "title: Again\n", 5, "title", "given twice"),
    ("title: T\nflashcards:\n  - front: &Co question\n    back: A\n", 3, "", "reads '&Co'"),
    ("title: T\nflashcards:\n  - front: Q\n    back: !Important answer\n", 4, "", "reads '!Important'"),
    ("title: T\nflashcards:\n  - front: Q\n    back: Null\n", 4, "flashcards[0].back",
     "YAML reads 'Null' as 'nothing'; to print the word, put it in quotes: \"Null\""),
    ("title: T\nflashcards:\n  - front: NULL\n    back: A\n", 3, "flashcards[0].front",
     "YAML reads 'NULL' as 'nothing'; to print the word, put it in quotes: \"NULL\""),
    ("title: T\nflashcards:\n  - front: Q\n    back: [Yes, null]\n", 4, "flashcards[0].back[1]",
     "YAML reads 'null' as 'nothing'"),
    ("title: T\nflashcards:\n  - front: ~\n    back: A\n", 3, "flashcards[0].front",
     "YAML reads '~' as 'nothing'; to print it, put it in quotes: \"~\""),
    ("title: T\nflashcards:\n  - front: Q\n    back: A\n    tags: [people, \"Cold War, 1950s\"]\n", 5,
     "flashcards[0].tags[1]", "has a comma, but --tags uses commas to separate tags; write it without one, "
     "such as 'Cold War 1950s'"),
]


@pytest.mark.parametrize("text, line, item, words", CASES)
def test_each_mistake_is_reported_with_its_line(run, write_topic, text, line, item, words):
    path = write_topic(text)
    result = run("validate", path)
    assert result.exit_code == 1
    prefix = f"{path}:{line}:"
    matching = [row for row in result.output.splitlines() if row.startswith(prefix) and words in row]
    assert matching, result.output
    if item:
        assert f": {item}: " in matching[0]
    assert "Traceback" not in result.output


def test_all_problems_of_a_file_are_reported_in_one_run(run, write_topic):
    path = write_topic("title: T\nflashcards:\n  - front: Q\n  - back: A\ntimeline:\n  - date: 19690\n    event: E\n")
    result = run("validate", path)
    assert result.exit_code == 1
    assert "flashcards[0].back" in result.output
    assert "flashcards[1].front" in result.output
    assert "timeline[0].date" in result.output
    assert "3 problems found" in result.output


def test_empty_file(run, write_topic):
    result = run("validate", write_topic("# only a comment\n"))
    assert result.exit_code == 1 and "is empty" in result.output


def test_file_that_is_not_utf8(run, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Caf\u00e9\nflashcards:\n  - front: Q\n    back: A\n".encode("latin-1"))
    result = run("validate", path)
    assert result.exit_code == 1
    assert f"{path}:1:11:" in result.output and "not UTF-8" in result.output


def test_billion_laughs_is_refused_without_expanding(run, write_topic):
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        rows.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    result = run("validate", write_topic("\n".join(rows) + "\n"))
    assert result.exit_code == 1
    assert "aliases" in result.output and "refused" in result.output


def test_text_is_taken_exactly_as_typed(write_topic):
    from revisionprint.content import load_topic

    topic = load_topic(write_topic("title: T\nflashcards:\n  - front: no\n    back: 1950\n"))
    assert topic.flashcards[0].front == "no"
    assert topic.flashcards[0].back == ("1950",)


def test_dates_of_every_precision(write_topic):
    from revisionprint.content import load_topic
    from revisionprint.model import PartialDate

    topic = load_topic(write_topic(
        "title: T\ntimeline:\n  - date: 1969\n    event: A\n  - date: \"1969-03\"\n    event: B\n"
        "  - date: 1969-03-02\n    until: 1969-08-13\n    event: C\n"))
    assert [e.date for e in topic.timeline] == [PartialDate(1969), PartialDate(1969, 3), PartialDate(1969, 3, 2)]
    assert topic.timeline[2].until == PartialDate(1969, 8, 13)


def test_valid_file_says_ok(run, write_topic):
    result = run("validate", write_topic("title: T\n" + GOOD_CARD))
    assert result.exit_code == 0 and "OK (1 flashcards" in result.output


def test_missing_file_is_a_usage_error(run, tmp_path):
    result = run("validate", tmp_path / "nope.yaml")
    assert result.exit_code == 2


def test_early_years_are_dates(write_topic):
    from revisionprint.content import load_topic

    topic = load_topic(write_topic("title: T\ntimeline:\n  - date: 476\n    event: Fall of Rome\n"
                                   "  - date: 1066-10-14\n    event: Hastings\n"))
    assert [event.date.year for event in topic.timeline] == [476, 1066]


def test_an_answer_list_of_pairs_hints_at_quotes_and_is_not_called_empty(run, write_topic):
    path = write_topic("title: T\nflashcards:\n  - front: Q\n    back:\n      - Signed: 1950\n"
                       "      - Aid: $300 million\n  - front: R\n    back:\n      - [a, b]\n")
    result = run("validate", path)
    assert result.exit_code == 1
    assert (f"{path}:5:9: flashcards[0].back[0]: should be text; looks like 'Signed: 1950'; YAML reads 'word: text' "
            "as a pair: put the whole text in quotes") in result.output
    assert f"{path}:6:9: flashcards[0].back[1]: should be text; looks like 'Aid: $300 million'" in result.output
    assert f"{path}:9:9: flashcards[1].back[0]: should be text, not a list" in result.output
    assert "empty list" not in result.output and "3 problems found" in result.output


def test_an_empty_answer_list_is_still_reported(run, write_topic):
    path = write_topic("title: T\nflashcards:\n  - front: Q\n    back: []\n")
    result = run("validate", path)
    assert result.exit_code == 1 and f"{path}:4:11: flashcards[0].back: is an empty list; write the answer" \
        in result.output


def test_a_tag_with_a_comma_is_reported_at_the_tag(run, write_topic):
    path = write_topic("title: T\nflashcards:\n  - front: Q\n    back: A\n    tags:\n      - people\n"
                       "      - Cold War,1950s\n  - front: R\n    back: B\n    tags: Cold War, 1950s\n")
    result = run("validate", path)
    assert result.exit_code == 1
    assert (f"{path}:7:9: flashcards[0].tags[1]: has a comma, but --tags uses commas to separate tags; "
            "write it without one, such as 'Cold War 1950s'") in result.output
    # One text with a comma may have been meant as two tags.
    assert (f"{path}:10:11: flashcards[1].tags: has a comma, but --tags uses commas to separate tags; "
            "write it without one, such as 'Cold War 1950s', or write several tags as a list: "
            "tags: [Cold War, 1950s]") in result.output
    assert "2 problems found" in result.output


def test_null_in_quotes_is_text_and_an_empty_value_is_still_empty(run, write_topic):
    from revisionprint.content import load_topic

    topic = load_topic(write_topic("title: T\nflashcards:\n  - front: \"Null\"\n    back: '~'\n"))
    assert topic.flashcards[0].front == "Null" and topic.flashcards[0].back == ("~",)
    path = write_topic("title: T\nflashcards:\n  - front: Q\n    back:\n", name="empty.yaml")
    result = run("validate", path)
    assert "flashcards[0].back: is empty; write some text here" in result.output and "nothing" not in result.output


def test_a_mistake_on_every_card_of_a_big_deck_shows_the_first_hundred(run, write_topic):
    rows = ["title: Big", "flashcards:"] + [f"  - front: Q{n}\n    back:\n      - Signed: 19{n % 100:02d}"
                                            for n in range(300)]
    result = run("validate", write_topic("\n".join(rows) + "\n"))
    assert result.exit_code == 1
    assert result.output.count("put the whole text in quotes") == 100
    assert "... and 200 more not shown" in result.output and "300 problems found" in result.output


def test_a_text_of_only_invisible_characters_is_empty(run, write_topic):
    result = run("validate", write_topic('title: T\nflashcards:\n  - front: "\\u200b"\n    back: A\n'))
    assert result.exit_code == 1 and ":3:12: flashcards[0].front: has only invisible characters" in result.output
