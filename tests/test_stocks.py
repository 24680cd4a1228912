"""Every built-in stock puts its cards where the maker's published template says, within 0.2 mm."""

from __future__ import annotations

import pdfplumber
import pytest

from revisionprint.layouts import load_layout
from revisionprint.layouts.stocks import builtin_stocks, find_stock, stock_names
from revisionprint.render.card_geometry import card_slots

MM = 72 / 25.4
IN = 72.0
TOLERANCE = 0.2 * MM

# name: (page width, page height, card width, card height, columns, rows, left, top, pitch x, pitch y),
# in points, copied from the makers' published templates (not from our data file).
PUBLISHED = {
    "avery-5371": (8.5 * IN, 11 * IN, 3.5 * IN, 2 * IN, 2, 5, 0.75 * IN, 0.5 * IN, 3.5 * IN, 2 * IN),
    "avery-8373": (8.5 * IN, 11 * IN, 3.5 * IN, 2 * IN, 2, 4, 0.5 * IN, 0.75 * IN, 4.0 * IN, 2.5 * IN),
    "avery-5388": (8.5 * IN, 11 * IN, 5 * IN, 3 * IN, 1, 3, 1.75 * IN, 1.0 * IN, 5 * IN, 3 * IN),
    "avery-l7413": (210 * MM, 297 * MM, 90 * MM, 50.8 * MM, 2, 5, 15 * MM, 21.5 * MM, 90 * MM, 50.8 * MM),
    "avery-l7414": (210 * MM, 297 * MM, 90 * MM, 52 * MM, 2, 5, 15 * MM, 18.5 * MM, 90 * MM, 52 * MM),
    "avery-l7417": (210 * MM, 297 * MM, 90 * MM, 54 * MM, 2, 5, 15 * MM, 13.5 * MM, 90 * MM, 54 * MM),
    "avery-c32011": (210 * MM, 297 * MM, 85 * MM, 54 * MM, 2, 5, 15 * MM, 13.5 * MM, 95 * MM, 54 * MM),
    "avery-c32015": (210 * MM, 297 * MM, 85 * MM, 54 * MM, 2, 4, 17 * MM, 31.5 * MM, 91 * MM, 60 * MM),
}
ALIASES = {"avery-5376": "avery-5371", "avery-5377": "avery-5371", "avery-8371": "avery-5371",
           "avery-5881": "avery-8373", "avery-8869": "avery-8373", "avery-l7415": "avery-l7414",
           "avery-l7419": "avery-l7417"}


def published_boxes(name):
    """(x0, top, x1, bottom) of each card, measured from the sheet's top-left, row by row."""
    _, _, width, height, columns, rows, left, top, pitch_x, pitch_y = PUBLISHED[name]
    return [(left + c * pitch_x, top + r * pitch_y, left + c * pitch_x + width, top + r * pitch_y + height)
            for r in range(rows) for c in range(columns)]


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_card_slots_match_the_published_template(name):
    stock = builtin_stocks()[name]
    page_width, page_height = PUBLISHED[name][:2]
    assert stock.page_width == pytest.approx(page_width, abs=TOLERANCE)
    assert stock.page_height == pytest.approx(page_height, abs=TOLERANCE)
    slots = card_slots(stock)
    expected = published_boxes(name)
    assert len(slots) == len(expected)
    for slot, (x0, top, x1, bottom) in zip(slots, expected):
        assert slot.x == pytest.approx(x0, abs=TOLERANCE)
        assert slot.right == pytest.approx(x1, abs=TOLERANCE)
        assert page_height - slot.top == pytest.approx(top, abs=TOLERANCE)
        assert page_height - slot.y == pytest.approx(bottom, abs=TOLERANCE)


@pytest.mark.parametrize("alias, name", sorted(ALIASES.items()))
def test_sister_products_share_a_template(alias, name):
    assert stock_names(builtin_stocks())[alias].name == name


@pytest.mark.parametrize("typed, name", [("C32011", "avery-c32011"), ("Avery 5371", "avery-5371"),
                                         ("l7415", "avery-l7414"), ("AVERY_8869", "avery-8373")])
def test_a_stock_is_found_by_the_number_on_the_packet(typed, name):
    assert find_stock(typed, stock_names(builtin_stocks())).name == name


def test_the_stock_typed_on_the_command_line_is_the_one_printed(run, write_topic, tmp_path):
    result = run("flashcards", write_topic(deck(3)), "--stock", "C32011", "-o", tmp_path / "cards.pdf")
    assert result.exit_code == 0, result.output
    assert "avery-c32011" in result.output
    assert find_stock("nothing-like-it", stock_names(builtin_stocks())) is None


def deck(count):
    rows = ["title: Stock test", "flashcards:"]
    rows += [f"  - front: Q{n}\n    back: A{n}" for n in range(count)]
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_cards_are_printed_where_the_template_says(run, write_topic, tmp_path, name):
    """Read back from the PDF: cut-line boxes and card numbers sit on the published positions."""
    target = tmp_path / "cards.pdf"
    per_sheet = PUBLISHED[name][4] * PUBLISHED[name][5]
    result = run("flashcards", write_topic(deck(per_sheet)), "--stock", name, "--cut", "lines", "-o", target)
    assert result.exit_code == 0, result.output
    expected = published_boxes(name)
    with pdfplumber.open(target) as pdf:
        front = pdf.pages[0]
        boxes = sorted((r["x0"], r["top"], r["x1"], r["bottom"]) for r in front.rects)
        assert len(boxes) == per_sheet
        for box, want in zip(boxes, sorted(expected)):
            assert box == pytest.approx(want, abs=TOLERANCE)
        numbers = [w for w in front.extract_words() if w["text"].isdigit()]
        for index, (x0, top, x1, bottom) in enumerate(expected):
            label = next(w for w in numbers if w["text"] == str(index + 1))
            # card numbers sit 2.2 mm inside the card's bottom right corner
            assert label["x1"] == pytest.approx(x1 - 2.2 * MM, abs=TOLERANCE)
            assert x0 < label["x0"] and top < label["top"] < label["bottom"] < bottom


def test_a_layout_may_add_its_own_stock(tmp_path, monkeypatch, run, write_topic):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "mine.yaml").write_text(
        "stocks:\n  school-cards:\n    description: Our office's perforated cards\n    paper: A4\n"
        "    card: 80mm x 50mm\n    columns: 2\n    rows: 5\n    left: 20mm\n    top: 20mm\n    pitch: 90mm x 52mm\n"
        "flashcards:\n  stock: school-cards\n")
    stock = load_layout("mine").flashcards.stock
    assert (stock.card_width, stock.left, stock.pitch_y) == pytest.approx((80 * MM, 20 * MM, 52 * MM))
    listing = run("stocks", "--layout", "mine")
    assert "school-cards: Our office's perforated cards" in listing.output
    assert "avery-c32011" in listing.output
