"""Flashcard sheets: every card's text printed, on the card it belongs to, backs behind fronts."""

from __future__ import annotations

import pdfplumber
import pytest

from conftest import pdf_text

MM = 72 / 25.4
# The default layout: 2 x 5 cards of 85 x 55 mm centred on A4 (210 x 297 mm),
# so the grid starts 20 mm from the left and 11 mm from the top.
A4_WIDTH = 210 * MM
CARD_W, CARD_H = 85 * MM, 55 * MM
GRID_LEFT, GRID_TOP = 20 * MM, 11 * MM


def front_box(index: int) -> tuple[float, float, float, float]:
    """(x0, top, x1, bottom) of card `index` on a front page, top-down as pdfplumber measures."""
    row, column = divmod(index, 2)
    x0 = GRID_LEFT + column * CARD_W
    top = GRID_TOP + row * CARD_H
    return x0, top, x0 + CARD_W, top + CARD_H


def mirrored(box):
    x0, top, x1, bottom = box
    return A4_WIDTH - x1, top, A4_WIDTH - x0, bottom


def words_inside(page, box, tolerance=0.1):
    x0, top, x1, bottom = box
    return [w["text"] for w in page.extract_words()
            if w["x0"] >= x0 - tolerance and w["x1"] <= x1 + tolerance
            and w["top"] >= top - tolerance and w["bottom"] <= bottom + tolerance]


def deck(count: int) -> str:
    rows = ["title: Test deck", "flashcards:"]
    for n in range(count):
        rows += [f"  - front: Front{n} question about the topic?",
                 "    back:", f"      - Back{n} first point.", f"      - Back{n} second point."]
    return "\n".join(rows) + "\n"


def test_backs_lie_behind_their_fronts(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    result = run("flashcards", write_topic(deck(13)), "-o", target)
    assert result.exit_code == 0, result.output
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) == 4  # two sheets, each a front page and a back page
        for n in range(13):
            sheet, index = divmod(n, 10)
            front_page, back_page = pdf.pages[2 * sheet], pdf.pages[2 * sheet + 1]
            assert f"Front{n}" in words_inside(front_page, front_box(index))
            back_words = words_inside(back_page, mirrored(front_box(index)))
            assert f"Back{n}" in back_words, (n, back_words)
            # the card number sits in the mirrored corner, so it is behind the front's number
            assert str(n + 1) in words_inside(back_page, mirrored(front_box(index)))


def test_text_keeps_inside_the_safe_zone(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(deck(10)), "-o", target)
    safe = 4 * MM - 0.5
    with pdfplumber.open(target) as pdf:
        for index in range(10):
            x0, top, x1, bottom = front_box(index)
            inner = (x0 + safe, top + safe, x1 - safe, bottom - safe)
            words = words_inside(pdf.pages[0], inner)
            assert f"Front{index}" in words


def test_every_card_of_a_large_deck_is_printed(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    result = run("flashcards", write_topic(deck(57)), "-o", target)
    assert "57 cards on 12 pages" in result.output
    text = pdf_text(target)
    for n in range(57):
        assert f"Front{n} question" in text and f"Back{n} second point" in text


def test_markup_characters_print_literally(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    topic = write_topic('title: T\nflashcards:\n  - front: "Is <b>this</b> & <img src=x> bold?"\n'
                        '    back: "**Really** bold and *italic*, 5 < 6 & 7 > 2"\n')
    assert run("flashcards", topic, "-o", target).exit_code == 0
    text = pdf_text(target)
    assert "Is <b>this</b> & <img src=x> bold?" in text
    assert "Really bold and italic, 5 < 6 & 7 > 2" in text


def test_bold_and_italic_use_their_faces(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic("title: T\nflashcards:\n  - front: Q\n    back: plain **strong** *slanted*\n"),
        "-o", target)
    with pdfplumber.open(target) as pdf:
        fonts = {w["text"]: w["fontname"] for w in pdf.pages[1].extract_words(extra_attrs=["fontname"])}
    assert fonts["plain"].endswith("OpenSans-Regular")
    assert fonts["strong"].endswith("OpenSans-Bold") and fonts["slanted"].endswith("OpenSans-Italic")


def test_greek_and_cyrillic_print(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    result = run("flashcards", write_topic("title: T\nflashcards:\n  - front: Что такое αβγ?\n    back: Ответ\n"),
                 "-o", target)
    assert result.exit_code == 0, result.output
    assert "Что такое αβγ?" in pdf_text(target)


def test_a_character_no_font_can_draw_is_reported_by_card(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    topic = write_topic("title: T\nflashcards:\n  - front: Q\n    back: A\n  - front: Who was 毛泽东?\n    back: Mao\n")
    result = run("flashcards", topic, "-o", target)
    assert result.exit_code == 1
    assert f"{topic}:5:12: flashcards[1].front:" in result.output and "U+6BDB" in result.output
    assert not target.exists()


def test_text_too_long_is_reported_and_not_clipped(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    long_back = " ".join(f"word{n}" for n in range(400))
    topic = write_topic(f"title: T\nflashcards:\n  - front: Q\n    back: {long_back}\n")
    result = run("flashcards", topic, "-o", target)
    assert result.exit_code == 1
    assert "flashcards[0].back: is too long" in result.output and "even at 8pt" in result.output
    assert not target.exists()
    result = run("flashcards", topic, "-o", target, "--keep-going")
    assert result.exit_code == 0
    assert "flashcards[0].back: is too long" in result.output
    assert "word0 word1" in pdf_text(target) and "word399" in pdf_text(target)


def test_long_text_shrinks_but_not_below_the_minimum(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    back = " ".join(f"w{n}" for n in range(120))
    run("flashcards", write_topic(f"title: T\nflashcards:\n  - front: Q\n    back: {back}\n"), "-o", target)
    with pdfplumber.open(target) as pdf:
        sizes = {round(c["size"], 1) for c in pdf.pages[1].chars if c["text"].startswith("w")}
    assert sizes and max(sizes) < 11 and min(sizes) >= 8


def test_tags_are_bands_named_in_words_with_a_legend_on_the_first_page(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    rows = ["title: T", "flashcards:"]
    for n, tag in enumerate(["context", "ideology", "national-interests", "personal-rivalry", "key-terms"] * 3):
        rows += [f"  - front: Front{n}", f"    back: Back{n}", f"    tags: [{tag}]"]
    result = run("flashcards", write_topic("\n".join(rows) + "\n"), "-o", target)
    assert result.exit_code == 0 and "no room on the sheet for the tag legend" not in result.output
    with pdfplumber.open(target) as pdf:
        first = pdf.pages[0]
        legend = [w["text"] for w in first.extract_words() if w["top"] < 11 * MM]
        assert legend[0] == "Tags:" and set(legend[1:]) == {"context", "ideology", "national-interests",
                                                            "personal-rivalry", "key-terms"}
        # each front names its tag in its band, so a greyscale copy still tells them apart
        for index in range(10):
            band = words_inside(first, front_box(index))
            assert band[0] == ["context", "ideology", "national-interests", "personal-rivalry", "key-terms"][index % 5]
        assert "Tags:" not in pdf.pages[1].extract_text() and "Tags:" not in pdf.pages[2].extract_text()


def test_a_word_wider_than_the_card_is_named(run, write_topic, tmp_path):
    topic = write_topic("title: T\nflashcards:\n  - front: Q\n    back: see https://example.org/" + "x" * 80 + "\n")
    result = run("flashcards", topic, "-o", tmp_path / "c.pdf")
    assert result.exit_code == 1
    assert "flashcards[0].back: has a word too wide" in result.output and "https://example.org/" in result.output


def test_with_keep_going_a_word_too_wide_is_shrunk_into_its_own_card(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    word = "Antidisestablishmentarianism" * 3
    topic = write_topic(f"title: T\nflashcards:\n  - front: {word}\n    back: short\n"
                        f"  - front: Neighbour\n    back: {word}x\n")
    result = run("flashcards", topic, "-o", target, "--keep-going")
    assert result.exit_code == 0 and "has a word too wide" in result.output
    with pdfplumber.open(target) as pdf:
        fronts, backs = pdf.pages
        assert word in words_inside(fronts, front_box(0))
        assert f"{word}x" in words_inside(backs, mirrored(front_box(1)))
        assert words_inside(backs, mirrored(front_box(0)))[0] == "short"


def test_a_tag_no_font_can_draw_is_reported_at_its_line(run, write_topic, tmp_path):
    topic = write_topic("title: T\nflashcards:\n  - front: Q\n    back: A\n    tags: [history, \u4e2d\u6587]\n")
    result = run("flashcards", topic, "-o", tmp_path / "c.pdf")
    assert result.exit_code == 1
    assert ":5:" in result.output and "flashcards[0].tags[1]: the font cannot draw" in result.output


def test_a_long_list_of_tags_fits_its_band_and_says_how_many_more(run, write_topic, tmp_path):
    tags = ["a-very-long-tag-name-for-the-first-topic", "another-very-long-tag-name-here", "third-quite-long-tag",
            "fourth-tag-with-long-name", "fifth"]
    target = tmp_path / "c.pdf"
    run("flashcards", write_topic(f"title: T\nflashcards:\n  - front: Q\n    back: A\n    tags: [{', '.join(tags)}]\n"),
        "-o", target)
    with pdfplumber.open(target) as pdf:
        band = words_inside(pdf.pages[0], front_box(0))
    assert band[:6] == [tags[0], "\u00b7", tags[1], "+3", "more", "Q"]


def test_a_legend_with_no_room_on_the_sheet_names_its_colours_in_words(run, write_topic, tmp_path):
    rows = ["title: T", "flashcards:"] + [f"  - front: F{n}\n    back: B{n}\n    tags: [{tag}]"
                                          for n, tag in enumerate(["context", "ideology"])]
    result = run("flashcards", write_topic("\n".join(rows) + "\n"), "--stock", "plain-a4-a7", "-o", tmp_path / "c.pdf")
    assert "no room on the sheet for the tag legend: context green, ideology indigo" in result.output


def test_with_keep_going_a_back_too_long_is_rewrapped_to_fill_its_card(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    back = " ".join(f"Sentence {n} about the causes of the split." for n in range(40))
    run("flashcards", write_topic(f"title: T\nflashcards:\n  - front: Q\n    back: \"{back}\"\n"), "-o", target,
        "--keep-going")
    with pdfplumber.open(target) as pdf:
        back_page = pdf.pages[1]
        words = [w for w in back_page.extract_words() if w["text"].startswith("Sentence")]
        box = mirrored(front_box(0))
        assert len(words) == 40 and all(box[0] <= w["x0"] and w["x1"] <= box[2] for w in words)
        text_width = max(w["x1"] for w in back_page.extract_words()) - min(w["x0"] for w in words)
        assert text_width > (CARD_W - 8 * MM) * 0.9  # filling the card across, not a narrow strip


def test_the_legend_names_only_the_tags_printed_in_their_usual_colours(run, write_topic, tmp_path):
    rows = ["title: T", "flashcards:"] + [f"  - front: F{n}\n    back: B{n}\n    tags: [{tag}]"
                                          for n, tag in enumerate(["context", "ideology", "people"])]
    topic = write_topic("\n".join(rows) + "\n")
    result = run("flashcards", topic, "--tags", "ideology", "--stock", "plain-a4-a7", "-o", tmp_path / "c.pdf")
    assert "tag legend: ideology indigo;" in result.output  # its colour in the whole topic
    run("flashcards", topic, "--tags", "ideology", "-o", tmp_path / "d.pdf")
    with pdfplumber.open(tmp_path / "d.pdf") as pdf:
        legend = [w["text"] for w in pdf.pages[0].extract_words() if w["top"] < 11 * MM]
    assert legend == ["Tags:", "ideology"]


def test_markup_inside_our_bold_prints_literally_and_no_asterisk_leaks(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    topic = write_topic('title: T\nflashcards:\n  - front: Q\n'
                        '    back: "**<b>tag</b> & <img src=x>** then *<i>it</i>* 2 * 3"\n')
    assert run("flashcards", topic, "-o", target).exit_code == 0
    with pdfplumber.open(target) as pdf:
        words = pdf.pages[1].extract_words(extra_attrs=["fontname"])
        chars = "".join(c["text"] for c in pdf.pages[1].chars)
    fonts = {w["text"]: w["fontname"].split("+")[-1] for w in words}
    assert fonts["<b>tag</b>"] == "OpenSans-Bold" and fonts["<img"] == "OpenSans-Bold"
    assert fonts["<i>it</i>"] == "OpenSans-Italic" and fonts["then"] == "OpenSans-Regular"
    assert chars.count("*") == 1  # only the multiplication sign, written with spaces round it


def test_a_front_too_long_is_reported_at_its_line(run, write_topic, tmp_path):
    question = " ".join(f"question{n}" for n in range(150))
    topic = write_topic(f"title: T\nflashcards:\n  - front: Q\n    back: A\n  - front: {question}\n    back: A\n")
    result = run("flashcards", topic, "-o", tmp_path / "c.pdf")
    assert result.exit_code == 1
    assert f"{topic}:5:12: flashcards[1].front: is too long for the front of a 85 x 55 mm card even at 8pt" \
        in result.output


def test_with_keep_going_every_bullet_of_a_back_too_long_stays_on_its_card(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    bullets = "\n".join(f"      - Bullet{n} " + "with words " * 12 for n in range(12))
    topic = write_topic(f"title: T\nflashcards:\n  - front: Q\n    back:\n{bullets}\n")
    result = run("flashcards", topic, "-o", target, "--keep-going")
    assert f"{topic}:5:7: flashcards[0].back: is too long" in result.output
    with pdfplumber.open(target) as pdf:
        # printed small: words are closer than pdfplumber's usual 3 pt gap
        words = [w for w in pdf.pages[1].extract_words(x_tolerance=0.5) if w["text"].startswith("Bullet")]
    assert [w["text"] for w in words] == [f"Bullet{n}" for n in range(12)]
    x0, top, x1, bottom = mirrored(front_box(0))
    assert all(x0 <= w["x0"] and w["x1"] <= x1 and top <= w["top"] and w["bottom"] <= bottom for w in words)


def test_each_tag_band_is_the_colour_its_legend_swatch_shows(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    rows = ["title: T", "flashcards:"] + [f"  - front: F{n}\n    back: B{n}\n    tags: [{tag}]"
                                          for n, tag in enumerate(["context", "ideology", "people", "context"])]
    run("flashcards", write_topic("\n".join(rows) + "\n"), "-o", target)
    with pdfplumber.open(target) as pdf:
        page = pdf.pages[0]
        fills = [r for r in page.rects if r["fill"]]
        swatches = {round(r["x0"]): tuple(r["non_stroking_color"]) for r in fills if r["top"] < 11 * MM}
        labels = {w["text"]: w["x0"] for w in page.extract_words() if w["top"] < 11 * MM}
        legend = {tag: next(colour for x, colour in sorted(swatches.items(), reverse=True) if x < labels[tag])
                  for tag in ("context", "ideology", "people")}
        assert len(set(legend.values())) == 3  # three tags, three colours
        for index, tag in enumerate(["context", "ideology", "people", "context"]):
            x0, top, x1, _ = front_box(index)
            band = next(r for r in fills if x0 - 3 * MM < r["x0"] < x0 + 3 * MM and top - 3 * MM < r["top"] < top + 3 * MM)
            assert tuple(band["non_stroking_color"]) == legend[tag], tag


def test_backs_keep_their_text_inside_the_safe_margin_and_start_at_its_corner_when_top_aligned(
        run, write_topic, tmp_path):
    """Perforations and scissors wander: every word of a back stays 4 mm inside its card,
    and with `vertical_align: top` a back starts top left, where a reader looks first."""
    target = tmp_path / "cards.pdf"
    layout = tmp_path / "top.yaml"
    layout.write_text("flashcards:\n  vertical_align: top\n", encoding="utf-8")
    back = "A long answer that wraps across the card several times, " * 4
    rows = ["title: T", "flashcards:"] + [f"  - front: F{n}\n    back: {back}" for n in range(4)]
    run("flashcards", write_topic("\n".join(rows) + "\n"), "--layout", layout, "-o", target)
    with pdfplumber.open(target) as pdf:
        words = [w for w in pdf.pages[1].extract_words() if w["text"] not in ("T",) and not w["text"].isdigit()]
        for index in range(4):
            x0, top, x1, bottom = mirrored(front_box(index))
            on_card = [w for w in words if x0 <= w["x0"] < x1 and top <= w["top"] < bottom]
            assert len(on_card) > 30
            assert all(w["x0"] >= x0 + 4 * MM - 0.2 and w["x1"] <= x1 - 4 * MM + 0.2 for w in on_card)
            assert min(w["x0"] for w in on_card) == pytest.approx(x0 + 4 * MM, abs=0.3)
            assert min(w["top"] for w in on_card) < top + 4 * MM + 3  # the first line at the top margin


def test_a_back_is_centred_up_and_down_between_its_margin_and_its_number(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic("title: T\nflashcards:\n  - front: Q\n    back: [First point, Second point]\n"),
        "-o", target)
    with pdfplumber.open(target) as pdf:
        x0, top, x1, bottom = mirrored(front_box(0))
        words = [w for w in pdf.pages[1].extract_words() if x0 <= w["x0"] < x1 and top <= w["top"] < bottom]
    text = [w for w in words if w["text"] in ("First", "Second")]
    middle = (min(w["top"] for w in text) + max(w["bottom"] for w in text)) / 2
    assert min(w["top"] for w in text) > top + 15 * MM  # not at the top: two short lines on a 55 mm card
    # The text's box keeps 4 mm from the top and a little more from the bottom, for the card number.
    assert middle == pytest.approx((top + bottom) / 2, abs=1.5 * MM)
