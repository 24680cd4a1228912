"""Every built-in stock puts its cards where the maker's published template says, within 0.2 mm."""

from __future__ import annotations

import pdfplumber
import pytest

from revisionprint.layouts import load_layout
from revisionprint.layouts.stocks import builtin_stocks, find_stock, stock_names
from revisionprint.model.card_grid import card_slots

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


def stock_layout(tmp_path, monkeypatch, settings: str):
    """layouts/mine.yaml with one stock of these settings (one per line), used for its flashcards."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir(exist_ok=True)
    lines = "".join(f"    {line.strip()}\n" for line in settings.strip().splitlines())
    (tmp_path / "layouts" / "mine.yaml").write_text(f"stocks:\n  mine:\n{lines}flashcards:\n  stock: mine\n")
    return "mine"


def test_cards_that_overlap_are_reported_at_the_pitch(tmp_path, monkeypatch, run):
    stock_layout(tmp_path, monkeypatch, """
        paper: A4
        card: 90mm x 60mm
        columns: 2
        rows: 4
        left: 10mm
        top: 10mm
        pitch: 80mm x 50mm
    """)
    result = run("layouts", "show", "mine")
    assert result.exit_code == 1
    assert ("layouts/mine.yaml:9:12: stocks.mine.pitch: pitch 80 x 50 mm is smaller than the card (90 x 60 mm), "
            "so the cards overlap") in result.output


def test_one_column_needs_no_pitch_across(tmp_path, monkeypatch):
    stock_layout(tmp_path, monkeypatch, """
        paper: A4
        card: 90mm x 60mm
        columns: 1
        rows: 4
        left: 10mm
        top: 10mm
        pitch: 0.1mm x 62mm
    """)
    assert load_layout("mine").flashcards.stock.pitch_y == pytest.approx(62 * MM)


def test_centred_with_left_and_top_is_a_conflict(tmp_path, monkeypatch, run):
    stock_layout(tmp_path, monkeypatch, """
        paper: A4
        card: 85mm x 55mm
        columns: 2
        rows: 5
        centred: true
        left: 10mm
        top: 10mm
    """)
    result = run("layouts", "show", "mine")
    assert result.exit_code == 1
    assert "layouts/mine.yaml:7:14: stocks.mine.centred: centred: true places the cards in the middle of the sheet, " \
           "so left and top would be ignored; give either centred: true or left, top and pitch, not both" \
           in result.output


def test_a_name_of_a_builtin_stock_in_also_is_reported(tmp_path, monkeypatch, run):
    stock_layout(tmp_path, monkeypatch, """
        also: [school, avery-5371, C32011]
        paper: A4
        card: 85mm x 55mm
        columns: 2
        rows: 5
        centred: true
    """)
    result = run("layouts", "show", "mine")
    assert result.exit_code == 1
    assert "layouts/mine.yaml:3:11: stocks.mine.also: 'avery-5371' already names the built-in stock avery-5371, " \
           "so --stock avery-5371 would still print on that one; take 'avery-5371' out of 'also'" in result.output
    assert "'C32011' already names the built-in stock avery-c32011" in result.output
    assert "'school'" not in result.output and "2 problems found" in result.output


def test_a_stock_named_like_a_builtin_one_replaces_it_with_its_names(tmp_path, monkeypatch):
    stock_layout(tmp_path, monkeypatch, "also: [avery-5376]\npaper: A4\ncard: 85mm x 55mm\ncolumns: 2\nrows: 5\n"
                                        "centred: true")
    (tmp_path / "layouts" / "mine.yaml").write_text(
        (tmp_path / "layouts" / "mine.yaml").read_text().replace("  mine:", "  avery-5371:").replace(
            "stock: mine", "stock: avery-5376"))
    assert load_layout("mine").flashcards.stock.paper_name == "A4"


def test_a_wrong_value_is_not_also_reported_as_missing(tmp_path, monkeypatch, run):
    stock_layout(tmp_path, monkeypatch, """
        paper: A4
        card: 85
        columns: 30
        rows: 5
        left: -5mm
        top: -1mm
        pitch: 90mm x 60mm
    """)
    result = run("layouts", "show", "mine")
    assert result.exit_code == 1
    assert "needs" not in result.output and "4 problems found" in result.output
    assert "stocks.mine.card: '85' is not a size" in result.output and "stocks.mine.left: '-5mm' cannot be negative" \
        in result.output


def test_a_custom_paper_is_used_as_written_unless_an_orientation_is_given(tmp_path, monkeypatch, run):
    settings = "paper: \"297mm x 210mm\"\ncard: 140mm x 100mm\ncolumns: 2\nrows: 2\ncentred: true"
    stock_layout(tmp_path, monkeypatch, settings)
    stock = load_layout("mine").flashcards.stock
    assert (stock.page_width, stock.page_height, stock.orientation) == pytest.approx((297 * MM, 210 * MM, "landscape"))
    stock_layout(tmp_path, monkeypatch, settings + "\norientation: portrait")
    result = run("layouts", "show", "mine")
    assert result.exit_code == 1 and "2 x 2 cards do not fit on 297mm x 210mm portrait" in result.output
    stock_layout(tmp_path, monkeypatch, settings.replace("297mm x 210mm", "210mm x 297mm") + "\norientation: landscape")
    assert load_layout("mine").flashcards.stock.page_width == pytest.approx(297 * MM)
    a6 = builtin_stocks()["plain-a4-a6"]
    assert (a6.page_width, a6.page_height) == pytest.approx((297 * MM, 210 * MM))
