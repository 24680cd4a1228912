"""Cards that look finished: where the set number, the tag bands and the text's sizes are on the
printed sheets, measured in the PDFs against the stocks' published grids."""

from __future__ import annotations

import colorsys
import itertools

import pdfplumber
import pytest
import yaml

from revisionprint.layouts.loader import builtin_layout_folder

MM = 72 / 25.4
# plain-a4-business: 2 x 5 cards of 85 x 55 mm touching, centred on A4 (20 mm left, 11 mm top).
BUSINESS = dict(left=20 * MM, top=11 * MM, pitch_x=85 * MM, pitch_y=55 * MM, width=85 * MM, height=55 * MM)
# avery-c32011: 2 x 5 cards of 85 x 54 mm, 15 mm left, 13.5 mm top, 95 mm apart across (a 10 mm gutter),
# rows touching.
C32011 = dict(left=15 * MM, top=13.5 * MM, pitch_x=95 * MM, pitch_y=54 * MM, width=85 * MM, height=54 * MM)


def card_box(index: int, grid: dict) -> tuple[float, float, float, float]:
    """(x0, top, x1, bottom) of front `index`, top-down as pdfplumber measures."""
    row, column = divmod(index, 2)
    x0, top = grid["left"] + column * grid["pitch_x"], grid["top"] + row * grid["pitch_y"]
    return x0, top, x0 + grid["width"], top + grid["height"]


def topic(cards: list[tuple[str, str, list[str]]]) -> str:
    rows = ["title: Look test", "flashcards:"]
    for front, back, tags in cards:
        rows += [f"  - front: {front}", f"    back: {back}"] + ([f"    tags: [{', '.join(tags)}]"] if tags else [])
    return "\n".join(rows) + "\n"


def band_rects(page, box):
    """The filled rectangles of a card's tag band: touching the top 8 mm of the card."""
    x0, top, x1, _ = box
    return sorted((r for r in page.rects if r["fill"] and r["x1"] > x0 and r["x0"] < x1
                   and r["bottom"] > top + 2 * MM and r["top"] < top + 8 * MM), key=lambda r: r["x0"])


def test_each_card_of_a_class_set_says_which_set_it_belongs_to(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    result = run("flashcards", write_topic(topic([(f"Q{n}", f"A{n}", []) for n in range(3)])), "--copies", "3",
                 "-o", target)
    assert result.exit_code == 0, result.output
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) == 6  # a front page and a back page for each set
        for set_number in (1, 2, 3):
            front, back = pdf.pages[2 * set_number - 2], pdf.pages[2 * set_number - 1]
            for index in range(3):
                x0, top, x1, bottom = card_box(index, BUSINESS)
                corner = [w["text"] for w in front.extract_words()
                          if w["x0"] > (x0 + x1) / 2 and x1 - 1 > w["x1"] and bottom - 8 * MM < w["top"] < bottom]
                assert corner[-4:] == ["Set", str(set_number), "of", "3"], corner
                # behind it on the back page (mirrored left to right), small, in the same corner
                mirrored_x0, mirrored_x1 = front.width - x1, front.width - x0
                behind = [w for w in back.extract_words() if mirrored_x0 < w["x0"] < (mirrored_x0 + mirrored_x1) / 2
                          and bottom - 8 * MM < w["top"] < bottom]
                assert [w["text"] for w in behind][-4:] == ["Set", str(set_number), "of", "3"]
        sizes = {round(c["size"], 1) for c in pdf.pages[0].chars if c["text"] == "S"}
        assert sizes == {6.5}  # the card number's size, not the text's


def test_a_single_set_prints_no_set_number(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(topic([("Q0", "A0", [])])), "-o", target)
    with pdfplumber.open(target) as pdf:
        assert "Set" not in pdf.pages[0].extract_text()


def test_a_card_with_three_tags_shows_three_colours_in_equal_parts(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    cards = [("Q0", "A0", ["context"]), ("Q1", "A1", ["people"]), ("Q2", "A2", ["ideology"]),
             ("Q3", "A3", ["context", "people", "ideology"])]
    run("flashcards", write_topic(topic(cards)), "-o", target)
    with pdfplumber.open(target) as pdf:
        page = pdf.pages[0]
        single = {tag: band_rects(page, card_box(index, BUSINESS))[0]["non_stroking_color"]
                  for index, tag in enumerate(["context", "people", "ideology"])}
        parts = band_rects(page, card_box(3, BUSINESS))
        words = {w["text"]: w for w in page.extract_words() if w["top"] < card_box(3, BUSINESS)[1] + 5 * MM
                 and w["x0"] > card_box(3, BUSINESS)[0]}
    assert len(set(map(tuple, single.values()))) == 3
    assert [part["non_stroking_color"] for part in parts] == [single[tag] for tag in ("context", "people", "ideology")]
    widths = [part["width"] for part in parts]
    assert max(widths) - min(widths) < 0.01
    for left, right in zip(parts, parts[1:]):
        assert right["x0"] == pytest.approx(left["x1"], abs=0.01)  # no gap, no overlap
    for tag, part in zip(("context", "people", "ideology"), parts):
        assert part["x0"] < words[tag]["x0"] and words[tag]["x1"] < part["x1"], tag  # each part names its tag


def test_a_band_stops_short_of_a_cut_shared_with_the_next_card_and_reaches_a_free_edge(
        run, write_topic, tmp_path):
    """plain-a4-business: the columns and rows touch; the sheet's edge is 20 mm left of the grid."""
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(topic([(f"Q{n}", f"A{n}", ["context"]) for n in range(4)])), "-o", target)
    with pdfplumber.open(target) as pdf:
        page = pdf.pages[0]
        top_left, below = band_rects(page, card_box(0, BUSINESS)), band_rects(page, card_box(2, BUSINESS))
    x0, top, x1, _ = card_box(0, BUSINESS)
    (band,) = top_left
    assert band["x1"] <= x1 - 1 * MM  # the cut shared with the card to its right: a cut 1 mm off shows none
    # No card to the left or above: the band reaches the edge, and leaves the margin to the legend.
    assert band["x0"] == pytest.approx(x0, abs=0.01) and band["top"] == pytest.approx(top, abs=0.01)
    (lower,) = below
    assert lower["top"] >= card_box(2, BUSINESS)[1] + 1 * MM  # the cut shared with the card above


def test_a_band_bleeds_half_way_at_most_into_a_gutter(run, write_topic, tmp_path):
    """avery-c32011: a 10 mm gutter between the columns; rows touch."""
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic(topic([(f"Q{n}", f"A{n}", ["context"]) for n in range(4)])),
        "--stock", "avery-c32011", "-o", target)
    with pdfplumber.open(target) as pdf:
        page = pdf.pages[0]
        left, right = band_rects(page, card_box(0, C32011)), band_rects(page, card_box(1, C32011))
    gutter_left, gutter_right = card_box(0, C32011)[2], card_box(1, C32011)[0]
    assert gutter_left + 1 * MM <= left[0]["x1"] <= (gutter_left + gutter_right) / 2
    assert (gutter_left + gutter_right) / 2 <= right[0]["x0"] <= gutter_right - 1 * MM


def front_sizes(page, box) -> set[float]:
    x0, top, x1, bottom = box
    return {round(c["size"], 1) for c in page.chars if x0 < c["x0"] < x1 and top + 6 * MM < c["top"] < bottom - 6 * MM}


def test_fronts_and_backs_of_a_sheet_share_one_size_where_they_fit(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    long_question = "Why did the long and winding relationship between the two states fall apart in the end " * 2
    long_answer = " ".join(f"Point {n} about the causes of the split between the states." for n in range(10))
    too_long = " ".join(f"word{n}" for n in range(150))
    cards = ([("Short question?", "Short answer.", []), (long_question, long_answer, []),
              (too_long, "Short answer.", [])] + [("Short question?", "Short answer.", [])] * 7
             + [("Next sheet?", "Next answer.", [])] * 2)
    result = run("flashcards", write_topic(topic(cards)), "--keep-going", "-o", target)
    assert "even at 8pt" in result.output  # the card that cannot fit is still reported
    with pdfplumber.open(target) as pdf:
        fronts, backs = pdf.pages[0], pdf.pages[1]
        first_sheet = [front_sizes(fronts, card_box(index, BUSINESS)) for index in range(10)]
        back_sizes = [front_sizes(backs, card_box(index ^ 1, BUSINESS)) for index in range(10)]
        next_sheet = front_sizes(pdf.pages[2], card_box(0, BUSINESS))
    shared = first_sheet[1]
    assert len(shared) == 1 and max(shared) < 16  # the long question needed a smaller size...
    for index, sizes in enumerate(first_sheet):
        if index != 2:
            assert sizes == shared, index  # ...and every front that fits is printed at it
    assert first_sheet[2] != shared  # the one that fits at no size is left as it was
    assert len(set().union(*back_sizes)) == 1 and max(back_sizes[0]) < 11
    assert next_sheet == {16.0}  # each sheet on its own


def test_text_grows_on_big_cards_but_not_on_business_cards(run, write_topic, tmp_path):
    deck = write_topic(topic([("Short question?", "Short answer.", [])]))
    for stock, expected in (("plain-a4-business", {16.0}), ("plain-a4-a6", {24.0}), ("plain-a4-index", {22.0})):
        run("flashcards", deck, "--stock", stock, "-o", tmp_path / f"{stock}.pdf")
        with pdfplumber.open(tmp_path / f"{stock}.pdf") as pdf:
            sizes = {round(c["size"], 1) for c in pdf.pages[0].chars if c["text"] == "S" and c["size"] > 7}  # not the topic code
        assert sizes == expected, stock
    layout = tmp_path / "nogrow.yaml"
    layout.write_text("flashcards:\n  grow: {front_to: 16pt, back_to: 11pt}\n", encoding="utf-8")
    run("flashcards", deck, "--stock", "plain-a4-a6", "--layout", layout, "-o", tmp_path / "still.pdf")
    with pdfplumber.open(tmp_path / "still.pdf") as pdf:
        assert {round(c["size"], 1) for c in pdf.pages[0].chars if c["text"] == "S" and c["size"] > 7}  # not the topic code == {16.0}


def _grey(hex_colour: str) -> float:
    """CIE lightness L* (0 black to 100 white): how light the colour prints on a greyscale copier."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 116 * luminance ** (1 / 3) - 16 if luminance > 0.008856 else 903.3 * luminance


def _hue(hex_colour: str) -> float:
    return colorsys.rgb_to_hsv(*(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))[0] * 360


def test_default_tag_colours_differ_in_grey_from_their_neighbours_and_in_hue_from_all():
    default = yaml.safe_load((builtin_layout_folder() / "default.yaml").read_text(encoding="utf-8"))
    colours = default["flashcards"]["tag_colours"]
    assert len(colours) >= 5
    for before, after in zip(colours, colours[1:]):
        assert abs(_grey(before) - _grey(after)) >= 25, (before, after)  # a clear step on a copier
    for one, other in itertools.combinations(colours, 2):
        apart = abs(_hue(one) - _hue(other))
        assert min(apart, 360 - apart) >= 25, (one, other)  # never two of one hue (the two oranges)


@pytest.mark.parametrize("align", ["middle", "top"])
def test_a_picture_sits_with_its_text_in_the_middle_or_at_the_top(run, write_topic, tmp_path, align):
    from PIL import Image

    Image.new("RGB", (400, 300), "red").save(tmp_path / "wide.png")
    layout = tmp_path / "look.yaml"
    layout.write_text(f"flashcards:\n  vertical_align: {align}\n", encoding="utf-8")
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic("title: T\nflashcards:\n  - front: Heart\n    front_image: wide.png\n    back: A\n"),
        "--layout", layout, "-o", target)
    with pdfplumber.open(target) as pdf:
        page = pdf.pages[0]
        (picture,) = page.images
        word = next(w for w in page.extract_words() if w["text"] == "Heart")
    _, top, _, bottom = card_box(0, BUSINESS)
    if align == "middle":
        assert (picture["top"] + picture["bottom"]) / 2 == pytest.approx((top + bottom) / 2, abs=1.5 * MM)
        assert (word["top"] + word["bottom"]) / 2 == pytest.approx((top + bottom) / 2, abs=1.5 * MM)
    else:
        assert picture["top"] == pytest.approx(top + 4 * MM, abs=0.5)  # the safe margin
        assert word["top"] < top + 4 * MM + 3 * MM


def test_a_band_box_as_data_reads_each_edge_from_the_card_beyond_it():
    """Three cards in a row, 10 pt high bands: touching on the left, a 6 pt gutter on the right."""
    from revisionprint.model.card_grid import CardSlot, band_box

    left, middle, right = CardSlot(0, 0, 100, 50), CardSlot(100, 0, 100, 50), CardSlot(206, 0, 100, 50)
    below = CardSlot(100, -50, 100, 50)
    band = band_box(below, [left, middle, right, below], height=10, inset=4, bleed=5)
    assert (band.left, band.right) == (100, 200)  # no card beside it: to its edges
    assert (band.top, band.bottom) == (-4, -14)  # the cut above is shared: moved down, whole height kept
    band = band_box(middle, [left, middle, right, below], height=10, inset=4, bleed=5)
    assert (band.left, band.right, band.top, band.bottom) == (104, 203, 50, 40)  # 3 pt: half the gutter
