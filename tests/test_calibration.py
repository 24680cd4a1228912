"""The calibration sheet: crosses on the front, rulers behind them, moved by back_offset."""

from __future__ import annotations

import pdfplumber
import pytest

MM = 72 / 25.4


def ruler_centres(page):
    """Centres of the back's rulers: where a horizontal and a vertical ruler line cross."""
    horizontal = [l for l in page.lines if abs(l["top"] - l["bottom"]) < 0.01 and l["x1"] - l["x0"] > 10 * MM]
    return sorted((round((l["x0"] + l["x1"]) / 2, 3), round(l["top"], 3)) for l in horizontal)


def cross_centres(page):
    horizontal = [l for l in page.lines if abs(l["top"] - l["bottom"]) < 0.01
                  and abs(l["x1"] - l["x0"] - 16 * MM) < 0.01]
    return sorted((round((l["x0"] + l["x1"]) / 2, 3), round(l["top"], 3)) for l in horizontal)


def test_rulers_lie_behind_the_crosses(run, tmp_path):
    target = tmp_path / "cal.pdf"
    result = run("calibrate", "--stock", "avery-c32011", "-o", target)
    assert result.exit_code == 0, result.output
    with pdfplumber.open(target) as pdf:
        front, back = pdf.pages
        crosses = cross_centres(front)
        rulers = ruler_centres(back)
        assert len(crosses) == len(rulers) == 10
        mirrored = sorted((round(back.width - x, 3), y) for x, y in crosses)
        for (x0, y0), (x1, y1) in zip(mirrored, rulers):
            assert (x0, y0) == pytest.approx((x1, y1), abs=0.01)


def test_an_offset_round_trips_through_the_sheet(run, tmp_path, monkeypatch):
    """Read 1.5 mm right and 0.5 mm down, put it in back_offset: the rulers move exactly that far."""
    monkeypatch.chdir(tmp_path)
    run("calibrate", "-o", tmp_path / "before.pdf")
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "printer.yaml").write_text("flashcards:\n  back_offset:\n    x: 1.5mm\n    y: -0.5mm\n")
    result = run("calibrate", "--layout", "printer", "-o", tmp_path / "after.pdf")
    assert result.exit_code == 0, result.output
    with pdfplumber.open(tmp_path / "before.pdf") as before, pdfplumber.open(tmp_path / "after.pdf") as after:
        assert "back_offset: x +1.5mm, y -0.5mm" in after.pages[1].extract_text()
        for (x0, y0), (x1, y1) in zip(ruler_centres(before.pages[1]), ruler_centres(after.pages[1])):
            assert x1 - x0 == pytest.approx(1.5 * MM, abs=0.01)
            assert y1 - y0 == pytest.approx(0.5 * MM, abs=0.01)  # y up is pdfplumber's top going down
        assert cross_centres(before.pages[0]) == cross_centres(after.pages[0])


def test_each_way_of_printing_gets_its_own_instructions_kept_on_the_page(run, tmp_path, monkeypatch):
    result = run("calibrate", "--duplex", "none", "-o", tmp_path / "none.pdf")
    assert result.exit_code == 0 and "turn the sheet over on its long edge" in result.output
    assert "double-sided" not in result.output
    with pdfplumber.open(tmp_path / "none.pdf") as pdf:
        page = pdf.pages[0]
        assert "turn the sheet over" in page.extract_text()
        assert all(0 <= c["x0"] and c["x1"] <= page.width for c in page.chars)
    assert "flip on short edge" in run("calibrate", "--duplex", "short-edge", "-o", tmp_path / "s.pdf").output

    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "folded.yaml").write_text("flashcards:\n  duplex: fold\n")
    refused = run("calibrate", "--layout", "folded", "-o", tmp_path / "fold.pdf")
    assert refused.exit_code == 2 and "needs no calibration" in refused.output


def test_the_calibration_sheet_carries_a_100mm_scale_bar(run, tmp_path):
    """The offset means nothing if the sheet was printed scaled: the bar proves it was not."""
    run("calibrate", "-o", tmp_path / "c.pdf")
    with pdfplumber.open(tmp_path / "c.pdf") as pdf:
        page = pdf.pages[0]
        lengths = [max(l["x1"] - l["x0"], l["bottom"] - l["top"]) for l in page.lines]
        assert any(abs(length - 100 * 72 / 25.4) < 0.01 for length in lengths)
        assert "100 mm" in page.extract_text()
