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
    assert layout.font_family == "Open Sans"  # inherited from default


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
