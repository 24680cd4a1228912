"""Backs land behind their fronts in every duplex mode: turn the back page over as the
printer does, and each back's text must fall inside its front's card."""

from __future__ import annotations

import pdfplumber
import pytest

MM = 72 / 25.4


def deck(count):
    rows = ["title: Duplex test", "flashcards:"]
    rows += [f"  - front: Front{n}\n    back: Back{n}" for n in range(count)]
    return "\n".join(rows) + "\n"


def word_box(page, text):
    word = next(w for w in page.extract_words() if w["text"] == text)
    return word["x0"], word["top"], word["x1"], word["bottom"]


def card_box_around(page, text):
    """The cut-line box (fronts carry them) that holds the word."""
    x0, top, x1, bottom = word_box(page, text)
    for rect in page.rects:
        if rect["x0"] <= x0 and x1 <= rect["x1"] and rect["top"] <= top and bottom <= rect["bottom"]:
            return rect["x0"], rect["top"], rect["x1"], rect["bottom"]
    raise AssertionError(f"{text} is on no card")


def turned_over(box, width, height, edge):
    """Where a box on the back lies, seen from the front, after turning the sheet over that edge."""
    x0, top, x1, bottom = box
    if edge == "vertical":  # turning over the left/right axis mirrors left to right
        return width - x1, top, width - x0, bottom
    return x0, height - bottom, x1, height - top


def inside(inner, outer, tolerance=0.2 * MM):
    return (inner[0] >= outer[0] - tolerance and inner[2] <= outer[2] + tolerance
            and inner[1] >= outer[1] - tolerance and inner[3] <= outer[3] + tolerance)


@pytest.mark.parametrize("stock, duplex, axis", [
    ("plain-a4-business", "long-edge", "vertical"),   # portrait: the long edge is the left/right one
    ("plain-a4-business", "short-edge", "horizontal"),
    ("plain-a4-a6", "long-edge", "horizontal"),      # landscape: the long edge is the top one
    ("plain-a4-a6", "short-edge", "vertical"),
    ("avery-c32011", "long-edge", "vertical"),
    ("avery-5388", "short-edge", "horizontal"),
])
def test_each_back_is_behind_its_front(run, write_topic, tmp_path, stock, duplex, axis):
    target = tmp_path / "cards.pdf"
    result = run("flashcards", write_topic(deck(12)), "--stock", stock, "--duplex", duplex, "--cut", "lines",
                 "-o", target)
    assert result.exit_code == 0, result.output
    with pdfplumber.open(target) as pdf:
        pages = pdf.pages
        for sheet in range(0, len(pages), 2):
            front, back = pages[sheet], pages[sheet + 1]
            for word in front.extract_words():
                if not word["text"].startswith("Front"):
                    continue
                n = word["text"][5:]
                card = card_box_around(front, f"Front{n}")
                seen_from_front = turned_over(word_box(back, f"Back{n}"), back.width, back.height, axis)
                assert inside(seen_from_front, card), (n, seen_from_front, card)


def test_none_prints_all_fronts_then_all_backs_in_the_same_order(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(deck(25)), "--duplex", "none", "-o", target)
    with pdfplumber.open(target) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
    assert len(texts) == 6
    assert all("Front" in text and "Back" not in text for text in texts[:3])
    assert all("Back" in text and "Front" not in text for text in texts[3:])
    assert "Front0" in texts[0] and "Back0" in texts[3] and "Front20" in texts[2] and "Back20" in texts[5]


def test_fold_puts_each_back_beside_its_front_across_the_fold(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    result = run("flashcards", write_topic(deck(7)), "--duplex", "fold", "-o", target)
    assert result.exit_code == 0, result.output
    assert "fold each sheet along the dotted line" in result.output
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) == 2  # 5 cards a sheet: fronts in the left column, backs in the right
        page = pdf.pages[0]
        for n in range(5):
            card = card_box_around(page, f"Front{n}")
            folded = turned_over(word_box(page, f"Back{n}"), page.width, page.height, "vertical")
            assert inside(folded, card)


def test_fold_on_perforated_card_stock_says_to_glue_two_cards_together(run, write_topic, tmp_path):
    result = run("flashcards", write_topic(deck(3)), "--stock", "avery-c32011", "--duplex", "fold",
                 "-o", tmp_path / "cards.pdf")
    assert result.exit_code == 0, result.output
    assert "glue each front card to the back card facing it" in result.output
    assert "fold each sheet" not in result.output
    assert "spaces" not in result.output  # 2 x 5 cards: every space holds a front or a back
    with pdfplumber.open(tmp_path / "cards.pdf") as pdf:
        assert "glue each front to the back facing it" in pdf.pages[0].extract_text()


def test_a_fold_that_leaves_spaces_blank_says_so(run, write_topic, tmp_path):
    """Three index cards down a sheet fold into one card: the middle one is wasted."""
    result = run("flashcards", write_topic(deck(3)), "--stock", "plain-a4-index", "--duplex", "fold",
                 "-o", tmp_path / "cards.pdf")
    assert result.exit_code == 0, result.output
    assert "holds only 1 card (of its 3 spaces, 1 stays blank)" in result.output


@pytest.mark.parametrize("sides, fronts, backs", [("front", True, False), ("back", False, True)])
def test_one_side_only(run, write_topic, tmp_path, sides, fronts, backs):
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(deck(3)), "--sides", sides, "-o", target)
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) == 1
        text = pdf.pages[0].extract_text()
    assert ("Front0" in text) is fronts and ("Back0" in text) is backs


def test_back_offset_moves_every_back_and_only_the_backs(tmp_path, monkeypatch, run, write_topic):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "drift.yaml").write_text("flashcards:\n  back_offset:\n    x: 1.5mm\n    y: -0.8mm\n")
    topic = write_topic(deck(10))
    run("flashcards", topic, "-o", tmp_path / "plain.pdf")
    run("flashcards", topic, "--layout", "drift", "-o", tmp_path / "moved.pdf")
    with pdfplumber.open(tmp_path / "plain.pdf") as plain, pdfplumber.open(tmp_path / "moved.pdf") as moved:
        for n in range(10):
            assert word_box(moved.pages[0], f"Front{n}") == pytest.approx(word_box(plain.pages[0], f"Front{n}"))
            before, after = word_box(plain.pages[1], f"Back{n}"), word_box(moved.pages[1], f"Back{n}")
            assert after[0] - before[0] == pytest.approx(1.5 * MM, abs=0.01)
            assert after[1] - before[1] == pytest.approx(0.8 * MM, abs=0.01)  # y up is 'top' down


def scale_bar_ticks(page):
    """Positions of the scale bar's 11 centimetre ticks, whichever way the bar stands
    (crop marks in the same margin are lines too: the ticks are the run 10 mm apart)."""
    upright = {round(l["top"], 2) for l in page.lines if l["top"] == l["bottom"] and l["x1"] < 20 * MM}
    across = {round(l["x0"], 2) for l in page.lines if l["x0"] == l["x1"] and l["top"] < 11 * MM}
    for positions in (upright, across):
        for start in sorted(positions):
            ticks = [start + step * 10 * MM for step in range(11)]
            if all(any(abs(tick - p) < 0.02 for p in positions) for tick in ticks):
                return ticks
    return []


@pytest.mark.parametrize("stock", ["plain-a4-business", "avery-c32011", "avery-l7413"])
def test_every_sheet_says_how_to_print_and_carries_a_100mm_scale_bar(run, write_topic, tmp_path, stock):
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(deck(12)), "--stock", stock, "-o", target)
    with pdfplumber.open(target) as pdf:
        for page in pdf.pages[::2]:
            text = page.extract_text()
            assert "print double-sided, flip on long edge, at 100% / actual size" in text
            ticks = scale_bar_ticks(page)
            assert len(ticks) == 11 and ticks[-1] - ticks[0] == pytest.approx(100 * MM, abs=0.01)
            bars = [max(l["x1"] - l["x0"], l["bottom"] - l["top"]) for l in page.lines]
            assert any(abs(length - 100 * MM) < 0.01 for length in bars)  # the bar itself, end to end


@pytest.mark.parametrize("stock", ["avery-c32011", "avery-5371"])
def test_the_example_prints_on_card_stock_with_backs_behind_fronts(run, tmp_path, stock):
    from conftest import EXAMPLE

    target = tmp_path / "cards.pdf"
    result = run("flashcards", EXAMPLE, "--stock", stock, "--cut", "lines", "-o", target)
    assert result.exit_code == 0, result.output
    with pdfplumber.open(target) as pdf:
        for sheet in range(0, len(pdf.pages), 2):
            front, back = pdf.pages[sheet], pdf.pages[sheet + 1]
            def card_numbers(page):  # the small labels "SSR 12" in each card's corner
                words = page.extract_words()
                return [number for code, number in zip(words, words[1:]) if code["text"] == "SSR"]

            numbers = card_numbers(front)
            assert numbers
            for number in numbers:
                card = card_box_around(front, number["text"])
                on_back = next(w for w in card_numbers(back) if w["text"] == number["text"])
                seen = turned_over((on_back["x0"], on_back["top"], on_back["x1"], on_back["bottom"]),
                                   back.width, back.height, "vertical")
                assert inside(seen, card), number["text"]


def test_one_side_is_printed_single_sided_and_says_so(run, write_topic, tmp_path):
    topic = write_topic(deck(3))
    fronts = run("flashcards", topic, "--sides", "front", "-o", tmp_path / "fronts.pdf")
    assert "single-sided" in fronts.output and "double-sided" not in fronts.output
    backs = run("flashcards", topic, "--sides", "back", "-o", tmp_path / "backs.pdf")
    assert "on the other side of the fronts" in backs.output and "double-sided" not in backs.output
    with pdfplumber.open(tmp_path / "backs.pdf") as pdf:
        note = pdf.pages[0].extract_text()
    assert "turned over on their long edge" in note and "double-sided" not in note


def test_fold_prints_both_sides_and_counts_positions_in_folded_pairs(run, write_topic, tmp_path):
    topic = write_topic(deck(3))
    one_side = run("flashcards", topic, "--duplex", "fold", "--sides", "front", "-o", tmp_path / "x.pdf")
    assert one_side.exit_code == 2 and "prints both sides" in one_side.output
    too_far = run("flashcards", topic, "--duplex", "fold", "--start-position", "6", "-o", tmp_path / "x.pdf")
    assert too_far.exit_code == 2 and "holds 5 cards a sheet when folded" in too_far.output
    assert not (tmp_path / "x.pdf").exists()


OFFSET_STOCK = ("stocks:\n  offset: {paper: A4, card: 85mm x 55mm, columns: 2, rows: 4, left: 5mm, top: 5mm, "
                "pitch: 90mm x 60mm}\n")


def test_a_stock_that_cannot_fold_is_reported_as_coming_from_duplex_fold(tmp_path, monkeypatch, run, write_topic):
    """Was exit 1 when printing, naming the stock only: the option is what to change, so it is a usage error."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "offset.yaml").write_text(OFFSET_STOCK + "flashcards: {stock: offset}\n")
    result = run("flashcards", write_topic(deck(3)), "--layout", "offset", "--duplex", "fold",
                 "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2, result.output
    assert "--duplex" in result.output and "the cards of offset do not" in result.output
    assert "use duplex long-edge, short-edge or none instead" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.pdf").exists()
    assert run("flashcards", write_topic(deck(3)), "--layout", "offset", "-o", tmp_path / "x.pdf").exit_code == 0


def test_a_stock_that_cannot_fold_is_reported_at_the_layouts_duplex_line(tmp_path, monkeypatch, run, write_topic):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "offset.yaml").write_text(OFFSET_STOCK + "flashcards:\n  stock: offset\n  duplex: fold\n")
    topic = write_topic(deck(3))
    for command in (("validate", topic), ("flashcards", topic, "-o", tmp_path / "x.pdf")):
        result = run(*command, "--layout", "offset")
        assert result.exit_code == 1, result.output
        assert "layouts/offset.yaml:5:11: flashcards.duplex: duplex fold prints each card's front beside its back" \
            in result.output
        assert "the cards of offset do not" in result.output
    assert not (tmp_path / "x.pdf").exists()
    # Printed otherwise, the same stock is fine.
    assert run("flashcards", topic, "--layout", "offset", "--duplex", "none", "-o", tmp_path / "x.pdf").exit_code == 0
    # A folding layout given the stock on the command line: the stock is what to change.
    (tmp_path / "layouts" / "folding.yaml").write_text(OFFSET_STOCK + "flashcards: {duplex: fold}\n")
    assert run("validate", topic, "--layout", "folding").exit_code == 0
    result = run("flashcards", topic, "--layout", "folding", "--stock", "offset", "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2 and "--stock" in result.output and "the cards of offset do not" in result.output


@pytest.mark.parametrize("stock, cut_lines", [("avery-c32011", False), ("plain-a4-business", True)])
def test_cut_guides_suit_the_stock_unless_chosen(run, write_topic, tmp_path, stock, cut_lines):
    """Dashed lines on perforations would show on the cards whenever the printer shifts the page."""
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(deck(4)), "--stock", stock, "-o", target)
    with pdfplumber.open(target) as pdf:
        assert bool(pdf.pages[0].rects) is cut_lines
    run("flashcards", write_topic(deck(4)), "--stock", stock, "--cut", "lines", "-o", target)
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages[0].rects) == 4


def test_a_stock_with_no_room_above_or_below_carries_the_note_upright_at_the_side(run, write_topic, tmp_path):
    """Avery 5371 with crop marks: its 0.5 in top and bottom margins are taken by the marks."""
    from pypdf import PdfReader

    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(deck(12)), "--stock", "avery-5371", "-o", target)
    pages = PdfReader(target).pages
    assert len(pages) == 4
    for number, page in enumerate(pages):
        text = " ".join(page.extract_text().split())
        assert f"Sheet {number // 2 + 1} of 2" in text and "at 100% / actual size" in text
    with pdfplumber.open(target) as pdf:
        note = [c for c in pdf.pages[0].chars if c["size"] < 7 and c["x0"] > pdf.pages[0].width - 19 * MM]
        assert note and all(c["x1"] <= pdf.pages[0].width - 5 * MM for c in note)


def number_box(page, number):
    """The box of a card's small label ('DT 7'), found by its number."""
    words = [w for w in page.extract_words(extra_attrs=["size"]) if round(w["size"], 1) == 6.5]
    digit = next(w for w in words if w["text"] == str(number))
    code = next(w for w in words if w["top"] == digit["top"] and w["x1"] < digit["x0"] and digit["x0"] - w["x1"] < 5)
    return code["x0"], digit["top"], digit["x1"], digit["bottom"]


@pytest.mark.parametrize("stock, duplex, axis", [
    ("plain-a4-business", "long-edge", "vertical"),
    ("plain-a4-business", "short-edge", "horizontal"),
    ("plain-a4-a6", "long-edge", "horizontal"),
    ("avery-5388", "short-edge", "horizontal"),
])
def test_card_numbers_are_back_to_back(run, write_topic, tmp_path, stock, duplex, axis):
    """A loose back is matched to its front by holding them together: the numbers coincide."""
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(deck(3)), "--stock", stock, "--duplex", duplex, "-o", target)
    with pdfplumber.open(target) as pdf:
        fronts, backs = pdf.pages
        for n in (1, 2, 3):
            behind = turned_over(number_box(backs, n), backs.width, backs.height, axis)
            front = number_box(fronts, n)
            assert all(abs(a - b) < 0.3 * MM for a, b in zip(behind, front)), (n, behind, front)
            assert inside(word_box(backs, f"Back{n - 1}"), (0, 0, backs.width, backs.height))


def test_the_fold_line_runs_along_the_cards_only(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(deck(5)), "--duplex", "fold", "-o", target)
    with pdfplumber.open(target) as pdf:
        page = pdf.pages[0]
        middle = [l for l in page.lines if abs(l["x0"] - page.width / 2) < 0.1 and abs(l["x1"] - page.width / 2) < 0.1]
        cards = [r for r in page.rects]
        assert middle and min(l["top"] for l in middle) >= min(r["top"] for r in cards) - 0.1
        assert max(l["bottom"] for l in middle) <= max(r["bottom"] for r in cards) + 0.1


def test_card_stock_with_crop_marks_above_and_below_gets_its_legend_beside_the_note(run, write_topic, tmp_path):
    """Avery 5371's 0.5 in margins above and below hold crop marks; its legend stands in the right margin."""
    target = tmp_path / "cards.pdf"
    rows = ["title: T", "flashcards:"] + [f"  - front: F{n}\n    back: B{n}\n    tags: [{tag}]"
                                          for n, tag in enumerate(["context", "ideology", "national-interests",
                                                                   "personal-rivalry", "key-terms"])]
    result = run("flashcards", write_topic("\n".join(rows) + "\n"), "--stock", "avery-5371", "-o", target)
    assert "no room on the sheet for the tag legend" not in result.output
    with pdfplumber.open(target) as pdf:
        page = pdf.pages[0]
        right_margin = [c for c in page.chars if c["x0"] > page.width - 19 * MM]
        outermost = max(c["x0"] for c in right_margin)
        legend = [c for c in right_margin if c["x0"] > outermost - 2 * MM]  # the line nearest the edge
        text = "".join(c["text"] for c in sorted(legend, key=lambda c: -c["top"]))
        swatches = [r for r in page.rects if r["fill"] and r["x0"] > page.width - 19 * MM]
    assert "Tags:" in text and "personal-rivalry" in text and len(swatches) == 5
    assert all(c["x1"] <= page.width - 5 * MM for c in right_margin)
