"""Printing for a class: the cards a teacher asked for, as many as asked, where asked."""

from __future__ import annotations

import re

import pdfplumber

from conftest import pdf_text
from revisionprint.cardsets import class_sets
from revisionprint.content import load_topic

TAGS = ["ideology", "rivalry", "context"]


def deck(count):
    rows = ["title: Class test", "flashcards:"]
    rows += [f"  - front: Front{n}\n    back: Back{n}\n    tags: [{TAGS[n % 3]}]" for n in range(count)]
    return "\n".join(rows) + "\n"


def fronts_in_order(path):
    with pdfplumber.open(path) as pdf:
        order = []
        for page in pdf.pages:
            words = sorted(page.extract_words(), key=lambda w: (round(w["top"]), w["x0"]))
            order += [int(w["text"][5:]) for w in words if re.fullmatch(r"Front\d+", w["text"])]
        return order


def test_tags_select_cards(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    result = run("flashcards", write_topic(deck(12)), "--tags", "ideology,context", "-o", target)
    assert "8 cards" in result.output
    assert fronts_in_order(target) == [0, 2, 3, 5, 6, 8, 9, 11]


def test_an_unknown_tag_is_a_usage_error_with_a_suggestion(run, write_topic):
    result = run("flashcards", write_topic(deck(3)), "--tags", "idology")
    assert result.exit_code == 2 and "did you mean 'ideology'" in result.output


def test_shuffle_with_a_seed_repeats_and_keeps_every_card(run, write_topic, tmp_path):
    topic = write_topic(deck(30))
    run("flashcards", topic, "--shuffle", "--seed", "7", "-o", tmp_path / "a.pdf")
    run("flashcards", topic, "--shuffle", "--seed", "7", "-o", tmp_path / "b.pdf")
    run("flashcards", topic, "--shuffle", "--seed", "8", "-o", tmp_path / "c.pdf")
    first = fronts_in_order(tmp_path / "a.pdf")
    assert first == fronts_in_order(tmp_path / "b.pdf")
    assert first != list(range(30)) and first != fronts_in_order(tmp_path / "c.pdf")
    assert sorted(first) == list(range(30))


def test_copies_print_whole_sets_each_from_a_fresh_sheet(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    result = run("flashcards", write_topic(deck(12)), "--copies", "3", "-o", target)
    assert "36 cards on 12 pages" in result.output  # 12 cards need 2 sheets; each set starts a new one
    with pdfplumber.open(target) as pdf:
        assert "Front0" in pdf.pages[4].extract_text() and "Front0" in pdf.pages[8].extract_text()
    assert sorted(fronts_in_order(target)) == sorted(list(range(12)) * 3)


def test_start_position_skips_used_cards_and_the_backs_follow(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    result = run("flashcards", write_topic(deck(3)), "--start-position", "4", "-o", target)
    assert result.exit_code == 0, result.output
    mm = 72 / 25.4
    with pdfplumber.open(target) as pdf:
        front, back = pdf.pages[0], pdf.pages[1]
        first = next(w for w in front.extract_words() if w["text"] == "Front0")
        # slot 4 is row 2, right column: 105-190 mm across, 66-121 mm down
        assert 105 * mm < first["x0"] and first["x1"] < 190 * mm and 66 * mm < first["top"] < 121 * mm
        behind = next(w for w in back.extract_words() if w["text"] == "Back0")
        assert 20 * mm < behind["x0"] and behind["x1"] < 105 * mm and 66 * mm < behind["top"] < 121 * mm
        assert len([r for r in front.rects if not r["fill"]]) == 3  # the used slots get no cut lines


def test_start_position_beyond_the_sheet_is_refused(run, write_topic):
    result = run("flashcards", write_topic(deck(3)), "--start-position", "11")
    assert result.exit_code == 2 and "10 cards a sheet" in result.output


def test_class_sets_as_data(write_topic):
    topic = load_topic(write_topic(deck(9)))
    sets = class_sets(topic.flashcards, ("rivalry",), shuffle_seed=3, copies=2)
    assert len(sets) == 2 and sets[0] == sets[1]
    assert sorted(card.number for card in sets[0]) == [2, 5, 8]


def test_overflow_continue_carries_the_back_onto_extra_cards(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    bullets = "\n".join(f"      - Point{n} with a few more words to make the line wrap" for n in range(40))
    topic = write_topic(f"title: Long\nflashcards:\n  - front: Big question\n    back:\n{bullets}\n"
                        "  - front: Next question\n    back: Short\n")
    assert run("flashcards", topic, "-o", target).exit_code == 1
    result = run("flashcards", topic, "--overflow", "continue", "-o", target)
    assert result.exit_code == 0, result.output
    text = pdf_text(target)
    assert "Big question (continued)" in text
    for n in range(40):
        assert f"Point{n} with a few more words" in text
    assert "Next question" in text and "L 1 (1/" in text


JULY_CRISIS = ("title: T\nflashcards:\n"
               "  - front: Front0\n    back: Back0\n    tags: [July Crisis, people]\n"
               "  - front: Front1\n    back: Back1\n    tags: [july crisis]\n"
               "  - front: Front2\n    back: Back2\n    tags: [\"JULY   Crisis\"]\n"
               "  - front: Front3\n    back: Back3\n    tags: [People]\n")


def test_tags_differing_in_case_or_spacing_are_one_tag_spelt_as_first_written(write_topic):
    topic = load_topic(write_topic(JULY_CRISIS))
    assert [card.tags for card in topic.flashcards] == [("July Crisis", "people"), ("July Crisis",),
                                                        ("July Crisis",), ("people",)]
    assert [card.number for card in class_sets(topic.flashcards, ("july  CRISIS",))[0]] == [1, 2, 3]


def test_tags_select_whatever_their_case_and_spacing(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    result = run("flashcards", write_topic(JULY_CRISIS), "--tags", "july  crisis", "-o", target)
    assert result.exit_code == 0 and "3 cards" in result.output, result.output
    assert fronts_in_order(target) == [0, 1, 2]
    # The legend names each tag once, in one colour.
    result = run("flashcards", write_topic(JULY_CRISIS), "--stock", "plain-a4-a7", "-o", tmp_path / "small.pdf")
    assert "no room on the sheet for the tag legend: July Crisis green, people indigo" in result.output


def test_a_tag_repeated_on_a_card_is_printed_once(run, write_topic, tmp_path):
    topic = write_topic("title: T\nflashcards:\n  - front: Q\n    back: A\n    tags: [a, b, a, A, \"B \"]\n")
    card = load_topic(topic).flashcards[0]
    assert card.tags == ("a", "b")
    assert card.origin.position_of("tags[1]") == (5, 15)  # messages about 'b' still point at 'b'
    target = tmp_path / "cards.pdf"
    run("flashcards", topic, "-o", target)
    assert "a b Q" in pdf_text(target)  # each in its own part of the split band, once


def labels_by_page(path, code="CT"):
    """The numbers of the card labels ('CT 7') on each page, in reading order."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = sorted(page.extract_words(), key=lambda w: (round(w["top"]), w["x0"]))
            pages.append([int(after["text"]) for before, after in zip(words, words[1:])
                          if before["text"] == code and after["text"].isdigit()
                          and round(before["top"]) == round(after["top"])])
    return pages


def test_no_card_is_lost_or_doubled_whatever_the_size_of_the_deck(run, write_topic, tmp_path):
    """1 card, a full sheet, a full sheet and one, and several sheets: each card once, back behind front."""
    for count in (1, 10, 11, 21, 57):
        target = tmp_path / f"deck{count}.pdf"
        result = run("flashcards", write_topic(deck(count)), "-o", target)
        sheets = -(-count // 10)
        assert f"{count} card{'s' if count != 1 else ''} on {2 * sheets} pages" in result.output
        pages = labels_by_page(target)
        assert len(pages) == 2 * sheets
        fronts = [n for page in pages[::2] for n in page]
        backs = [n for page in pages[1::2] for n in page]
        assert sorted(fronts) == sorted(backs) == list(range(1, count + 1)), count
        text = pdf_text(target)
        assert all(f"Front{n} " in text + " " and f"Back{n} " in text + " " for n in range(count))


def test_a_card_is_selected_by_any_of_its_tags(run, write_topic, tmp_path):
    topic = write_topic("title: T\nflashcards:\n  - front: Front0\n    back: Back0\n    tags: [context, ideology]\n"
                        "  - front: Front1\n    back: Back1\n    tags: [context]\n")
    result = run("flashcards", topic, "--tags", "ideology", "-o", tmp_path / "c.pdf")
    assert "1 card on 2 pages" in result.output
    assert fronts_in_order(tmp_path / "c.pdf") == [0]


def test_start_position_is_for_the_first_sheet_only_and_empty_slots_are_not_counted(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    result = run("flashcards", write_topic(deck(12)), "--copies", "2", "--start-position", "9", "-o", target)
    # set 1: 2 cards on the used sheet, 10 on the next; set 2 from a fresh sheet: 10 + 2
    assert "24 cards on 8 pages (4 sheets" in result.output
    pages = labels_by_page(target)
    assert [len(page) for page in pages] == [2, 2, 10, 10, 10, 10, 2, 2]
    assert pages[0] == [1, 2] and pages[4][:3] == [1, 2, 3]


def test_a_shuffled_class_set_prints_the_same_order_in_every_copy(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(deck(10)), "--shuffle", "--seed", "5", "--copies", "3", "-o", target)
    pages = labels_by_page(target)
    assert pages[0] == pages[2] == pages[4] and pages[0] != list(range(1, 11))
    assert sorted(pages[0]) == list(range(1, 11))


def test_continued_backs_come_in_order_each_behind_its_continued_front(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    bullets = "\n".join(f"      - Point{n} with a few more words to make the line wrap" for n in range(40))
    topic = write_topic(f"title: Long\nflashcards:\n  - front: Big question\n    back:\n{bullets}\n")
    result = run("flashcards", topic, "--overflow", "continue", "-o", target)
    parts = int(re.search(r"(\d+) cards", result.output).group(1))
    assert parts >= 2
    mm = 72 / 25.4
    with pdfplumber.open(target) as pdf:
        front, back = pdf.pages[0], pdf.pages[1]

        def in_card(page, card, words, mirrored):
            row, column = divmod(card, 2)
            column = 1 - column if mirrored else column
            left, top = (20 + column * 85) * mm, (11 + row * 55) * mm
            return [w for w in words if left <= w["x0"] and w["x1"] <= left + 85 * mm
                    and top <= w["top"] and w["bottom"] <= top + 55 * mm]

        points = [w for w in back.extract_words() if re.fullmatch(r"Point\d+", w["text"])]
        read = []
        for card in range(parts):
            on_card = sorted(in_card(back, card, points, mirrored=True), key=lambda w: round(w["top"]))
            assert on_card, card
            read += [int(w["text"][5:]) for w in on_card]
            words = " ".join(w["text"] for w in in_card(front, card, front.extract_words(), mirrored=False))
            assert ("(continued)" in words) is (card > 0) and f"({card + 1}/{parts})" in words
        assert read == list(range(40))
