"""Layouts: listing, merging with extends, and the same file:line errors as content."""

from __future__ import annotations

import pytest

from revisionprint.layouts import load_layout

MM = 72 / 25.4


@pytest.fixture
def in_project(tmp_path, monkeypatch):
    """A teacher's project folder with a layouts/ folder of their own."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    return tmp_path / "layouts"


def test_builtin_layouts_are_listed(run):
    result = run("layouts")
    assert result.exit_code == 0
    assert "default" in result.output and "letter" in result.output and "Letter" in result.output


def test_letter_is_letter_sized():
    layout = load_layout("letter")
    assert (layout.page_width, layout.page_height) == pytest.approx((612, 792))
    assert layout.flashcards.stock.name == "plain-letter-business"
    assert layout.flashcards.stock.card_width == pytest.approx(3.5 * 72)
    assert str(layout.font_family) == "Open Sans"  # inherited from default


def test_extends_overrides_only_what_it_says(in_project, run):
    (in_project / "big.yaml").write_text("extends: letter\nfont:\n  size: 14pt\nfactors:\n  heading_size: 12pt\n")
    layout = load_layout("big")
    assert layout.body_size == 14 and layout.factors.heading_size == 12
    assert layout.page_width == pytest.approx(612) and layout.factors.writing_line_spacing == pytest.approx(8 * MM)
    shown = run("layouts", "show", "big")
    assert shown.exit_code == 0
    assert "size: 14pt" in shown.output and "paper: Letter" in shown.output and "stock: plain-letter-business" in shown.output


def test_layout_errors_name_file_and_line(in_project, run, write_topic):
    (in_project / "bad.yaml").write_text(
        "paper: A44\nmargins:\n  top: 12\nfont:\n  famly: Open Sans\nheader:\n  left: '{titel}'\n"
        "flashcards:\n  columns: 3\n")
    result = run("layouts", "show", "bad")
    assert result.exit_code == 1
    out = result.output
    assert "layouts/bad.yaml:1:8: paper: 'A44' is not a paper size" in out
    assert "layouts/bad.yaml:3:8: margins.top: '12' is not a length" in out
    assert "layouts/bad.yaml:5:3: font.famly: unknown key 'famly'; did you mean 'family'?" in out
    assert "layouts/bad.yaml:7:9: header.left: '{titel}' is not a placeholder; did you mean 'title'?" in out


def test_a_stock_whose_cards_do_not_fit_its_paper_is_reported(in_project, run):
    (in_project / "wide.yaml").write_text(
        "stocks:\n  wide:\n    paper: A4\n    card: 85mm x 55mm\n    columns: 3\n    rows: 5\n    centred: true\n"
        "flashcards:\n  stock: wide\n")
    result = run("layouts", "show", "wide")
    assert result.exit_code == 1
    assert "layouts/wide.yaml:3:5: stocks.wide: 3 x 5 cards do not fit on A4" in result.output


def test_an_unknown_stock_is_reported_with_a_suggestion(in_project, run):
    (in_project / "typo.yaml").write_text("flashcards:\n  stock: averyc32011\n")
    result = run("layouts", "show", "typo")
    assert result.exit_code == 1
    assert "layouts/typo.yaml:2:10: flashcards.stock: there is no stock 'averyc32011'; did you mean 'avery-c32011'?" \
        in result.output


def test_a_wrong_value_and_a_wrong_combination_are_reported_in_one_run(in_project, run):
    (in_project / "both.yaml").write_text("flashcards:\n  stock: averyc32011\n  cut: dashed\n"
                                          "  front_text:\n    smallest: 20pt\n")
    result = run("layouts", "show", "both")
    assert result.exit_code == 1
    assert "both.yaml:2:10: flashcards.stock: there is no stock" in result.output
    assert "both.yaml:3:8: flashcards.cut: 'dashed' is not one of the choices" in result.output
    assert "both.yaml:5:15: flashcards.front_text.smallest: the smallest text size (20pt)" in result.output


def test_extends_cycle_is_an_error(in_project, run):
    (in_project / "a.yaml").write_text("extends: b\n")
    (in_project / "b.yaml").write_text("extends: a\n")
    result = run("layouts", "show", "a")
    assert result.exit_code == 1 and "cycle" in result.output


def test_a_layout_file_can_be_given_by_path(in_project, run, write_topic, tmp_path):
    (tmp_path / "mine.yaml").write_text("extends: letter\n")
    topic = write_topic("title: T\nflashcards:\n  - front: Q\n    back: A\n")
    result = run("flashcards", topic, "--layout", tmp_path / "mine.yaml", "-o", tmp_path / "c.pdf")
    assert result.exit_code == 0, result.output
    assert "Letter portrait" in result.output


def test_problems_in_the_topic_and_the_layout_are_reported_together(in_project, run, write_topic):
    (in_project / "bad.yaml").write_text("paper: A44\n")
    result = run("build", write_topic("title: T\nflashcards: 3\n"), "--layout", "bad")
    assert result.exit_code == 1
    assert "flashcards: should be a list" in result.output and "paper: 'A44' is not a paper size" in result.output
    assert "2 problems found" in result.output


def tiny_stock_layout(card, safe_margin="4mm"):
    return (f"stocks:\n  cc:\n    paper: A4\n    card: \"{card}\"\n    columns: 2\n    rows: 5\n    centred: true\n"
            f"flashcards:\n  stock: cc\n  safe_margin: {safe_margin}\n")


@pytest.mark.parametrize("card, safe_margin, words", [
    ("5mm x 5mm", "4mm", "a card of 5 x 5 mm leaves no room for text inside a 4 mm safe margin on each side; "
                         "use a card of at least 18 mm each way, or a smaller safe_margin"),
    ("9mm x 9mm", "4mm", "a card of 9 x 9 mm leaves no room for text inside a 4 mm safe margin on each side"),
    ("0mm x 50mm", "4mm", "'0mm x 50mm' needs a width and a height of more than 0"),
    ("-85mm x 55mm", "4mm", "'-85mm x 55mm' needs a width and a height of more than 0"),
    ("85mm x 0mm", "4mm", "'85mm x 0mm' needs a width and a height of more than 0"),
    # With no safe margin the card number and the tag band still take about 10 mm of height.
    ("10mm x 10mm", "0mm", "a card of 10 x 10 mm leaves no room for text beside the card number and tag band"),
])
def test_a_card_that_leaves_no_room_for_text_is_reported_at_its_size(in_project, run, write_topic, tmp_path,
                                                                      card, safe_margin, words):
    (in_project / "c.yaml").write_text(tiny_stock_layout(card, safe_margin))
    topic = write_topic("title: T\nflashcards:\n  - front: Q\n    back: A\n    tags: [x]\n")
    result = run("flashcards", topic, "--layout", "c", "-o", tmp_path / "cards.pdf")
    assert result.exit_code == 1, result.output
    assert f"layouts/c.yaml:4:11: stocks.cc.card: {words}" in result.output
    assert "1 problem found" in result.output and "unexpectedly" not in result.output


def test_the_smallest_cards_that_leave_room_for_text_are_printed(in_project, run, write_topic, tmp_path):
    topic = write_topic("title: T\nflashcards:\n  - front: Q\n    back: A\n")
    for card, safe_margin in (("18mm x 18mm", "4mm"), ("12mm x 12mm", "0mm")):
        (in_project / "c.yaml").write_text(tiny_stock_layout(card, safe_margin))
        result = run("flashcards", topic, "--layout", "c", "-o", tmp_path / "cards.pdf", "--keep-going")
        assert result.exit_code == 0, result.output


def test_a_safe_margin_that_leaves_no_room_for_text_is_reported_at_the_margin(in_project, run, write_topic, tmp_path):
    (in_project / "c.yaml").write_text("flashcards:\n  safe_margin: 28mm\n")
    result = run("flashcards", write_topic("title: T\nflashcards:\n  - front: Q\n    back: A\n"),
                 "--layout", "c", "-o", tmp_path / "cards.pdf")
    assert result.exit_code == 1, result.output
    assert ("layouts/c.yaml:2:16: flashcards.safe_margin: a card of 85 x 55 mm leaves no room for text inside a "
            "28 mm safe margin on each side; use a card of at least 66 mm each way, or a smaller safe_margin") \
        in result.output


def test_a_stock_chosen_with_the_stock_option_must_leave_room_for_text(in_project, run, write_topic, tmp_path):
    # 22.5 mm leaves 10 mm of the default stock's 55 mm cards, but nothing of Avery C32011's 54 mm ones.
    (in_project / "wide-margin.yaml").write_text("flashcards:\n  safe_margin: 22.5mm\n")
    topic = write_topic("title: T\nflashcards:\n  - front: Q\n    back: A\n")
    assert run("flashcards", topic, "--layout", "wide-margin", "-o", tmp_path / "a.pdf").exit_code == 0
    for command in (("flashcards", topic, "-o", tmp_path / "b.pdf"), ("calibrate", "-o", tmp_path / "c.pdf")):
        result = run(*command, "--layout", "wide-margin", "--stock", "C32011")
        assert result.exit_code == 2, result.output
        assert "Invalid value for --stock: avery-c32011: a card of 85 x 54 mm leaves no room for text inside a " \
               "22.5 mm safe margin on each side; use a stock with cards of at least 55 mm each way" in result.output


@pytest.mark.parametrize("offset, line, words", [
    ("{x: 500mm, y: 0mm}", "3:9: flashcards.back_offset.x",
     "500mm is more than a printer drifts (a few mm); did you mean 5mm? `revisionprint calibrate` measures it"),
    ("{x: 0mm, y: -500mm}", "3:17: flashcards.back_offset.y", "-500mm is more than a printer drifts (a few mm); "
                                                              "did you mean -5mm?"),
    ("{x: 2cm, y: 0mm}", "3:9: flashcards.back_offset.x", "2cm is more than a printer drifts (a few mm); "
                                                           "did you mean 2mm?"),
])
def test_a_back_offset_beyond_printer_drift_is_refused(in_project, run, offset, line, words):
    (in_project / "drift.yaml").write_text(f"flashcards:\n  back_offset:\n    {offset}\n")
    result = run("layouts", "show", "drift")
    assert result.exit_code == 1
    assert f"layouts/drift.yaml:{line}: {words}" in result.output


def test_a_back_offset_of_a_few_millimetres_either_way_is_kept(in_project):
    (in_project / "drift.yaml").write_text("flashcards:\n  back_offset:\n    x: -10mm\n    y: 1.5mm\n")
    cards = load_layout("drift").flashcards
    assert (cards.back_offset_x, cards.back_offset_y) == pytest.approx((-10 * MM, 1.5 * MM))


def test_a_custom_paper_for_tables_and_timelines_is_turned_by_each_product(in_project):
    (in_project / "wide.yaml").write_text("paper: \"297mm x 210mm\"\n")
    layout = load_layout("wide")
    assert (layout.page_width, layout.page_height) == pytest.approx((210 * MM, 297 * MM))
