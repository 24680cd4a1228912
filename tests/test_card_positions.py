"""Where the cards really are on the printed sheets, measured in the PDFs to fractions of a millimetre.

A teacher checks a duplex run by holding a sheet to the light: each back's small label ("CP 7")
must sit exactly behind its front's label, and each back's text must lie on its front's card. The
card boxes here come from the stock's own numbers (the data file, or the layout's `stocks:`),
never from where the text happens to be drawn.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
import yaml

import revisionprint

MM = 72 / 25.4
IN = 72.0
LABEL = 0.3 * MM       # a label behind its front's label
GRID = 0.2 * MM        # a cut line on the stock's grid
CODE = "CP"            # the topic code of "Card positions"
STOCKS_YAML = Path(revisionprint.__file__).parent / "data" / "stocks.yaml"
STOCK_DATA = yaml.safe_load(STOCKS_YAML.read_text(encoding="utf-8"))
PAPER = {"A4": (210 * MM, 297 * MM), "Letter": (8.5 * IN, 11 * IN)}  # ISO 216 and ANSI, portrait

# Not centred, and not the same from either side: 10 mm margin on the left, 25 mm on the right,
# 15 mm at the top, 47 mm at the bottom. A mirror about the wrong line shows at once.
ASYMMETRIC = {"paper": "A4", "card": "85mm x 55mm", "columns": 2, "rows": 4, "left": "10mm", "top": "15mm",
              "pitch": "90mm x 60mm"}
# The same on A4 landscape, 3 x 3: 10 mm left, 22 mm right, 15 mm top, 20 mm bottom.
ASYMMETRIC_LANDSCAPE = {**ASYMMETRIC, "orientation": "landscape", "columns": 3, "rows": 3}
LOPSIDED = {"lopsided": ASYMMETRIC, "lopsided-landscape": ASYMMETRIC_LANDSCAPE}


# ---------------------------------------------------------------------------------------------
# The decks, and the stocks' geometry worked out here from their published numbers


def deck(count):
    """Fronts 'Q0'...; each back is twelve words 'A7a A7b ...', long enough to wrap over several
    lines, every word naming its card so each can be found wherever it is printed."""
    rows = ["title: Card positions", "flashcards:"]
    for n in range(count):
        words = " ".join(f"A{n}{letter}" for letter in "abcdefghijkl")
        rows.append(f"  - front: Q{n}\n    back: {words}")
    return "\n".join(rows) + "\n"


def length(text):
    value = str(text).strip()
    for unit, points in (("mm", MM), ("in", IN), ("cm", 10 * MM), ("pt", 1.0)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * points
    raise ValueError(value)


def size(text):
    width, height = str(text).split("x")
    return length(width), length(height)


def grid(settings):
    """Every card's box (x0, top, x1, bottom) in points from the sheet's top left, row by row.
    Centred stocks: the grid in the middle of the sheet, cards touching."""
    page_width, page_height = PAPER[settings["paper"]]
    if settings.get("orientation") == "landscape":
        page_width, page_height = page_height, page_width
    card_width, card_height = size(settings["card"])
    columns, rows = settings["columns"], settings["rows"]
    if settings.get("centred"):
        left = (page_width - columns * card_width) / 2
        top = (page_height - rows * card_height) / 2
        pitch_x, pitch_y = card_width, card_height
    else:
        left, top = length(settings["left"]), length(settings["top"])
        pitch_x, pitch_y = size(settings["pitch"])
    boxes = [(left + c * pitch_x, top + r * pitch_y, left + c * pitch_x + card_width, top + r * pitch_y + card_height)
             for r in range(rows) for c in range(columns)]
    return (page_width, page_height), boxes


def lopsided_layout(tmp_path, monkeypatch, name):
    """layouts/NAME.yaml with the stock LOPSIDED[NAME] of the same name, used for its flashcards."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir(exist_ok=True)
    settings = "".join(f"    {key}: {value}\n" for key, value in LOPSIDED[name].items())
    (tmp_path / "layouts" / f"{name}.yaml").write_text(
        f"stocks:\n  {name}:\n{settings}flashcards:\n  stock: {name}\n")
    return name


# ---------------------------------------------------------------------------------------------
# Measuring a page


def _upside_down(char):
    return char["matrix"][0] < 0


def labels(page):
    """{card number: (x0, top, x1, bottom)} of every 'CP 7' label on the page, the 6.5 pt text
    in the card's corner, upright or drawn upside down (a back folded up from below)."""
    chars = sorted((c for c in page.chars if round(c["size"], 1) == 6.5), key=lambda c: (round(c["top"], 1), c["x0"]))
    runs, run = [], []
    for char in chars:
        if run and (round(char["top"], 1) != round(run[-1]["top"], 1) or char["x0"] - run[-1]["x1"] > 2.5):
            runs.append(run)
            run = []
        run.append(char)
    if run:
        runs.append(run)
    found = {}
    for run in runs:
        text = "".join(c["text"] for c in run)
        if all(_upside_down(c) for c in run):
            text = text[::-1]
        match = re.fullmatch(rf"{CODE} (\d+)", text.strip())
        if match:
            number = int(match.group(1))
            box = (min(c["x0"] for c in run), min(c["top"] for c in run),
                   max(c["x1"] for c in run), max(c["bottom"] for c in run))
            found.setdefault(number, []).append(box)
    return found


def only_labels(page):
    found = labels(page)
    assert all(len(boxes) == 1 for boxes in found.values()), found
    return {number: boxes[0] for number, boxes in found.items()}


def back_words(page):
    """{card number: [word boxes]} of the backs' words 'A7c' (read either way up)."""
    found = {}
    for word in page.extract_words():
        for text in (word["text"], word["text"][::-1]):
            match = re.fullmatch(r"A(\d+)[a-l]", text)
            if match:
                found.setdefault(int(match.group(1)), []).append((word["x0"], word["top"], word["x1"], word["bottom"]))
                break
    return found


def turned_over(box, width, height, axis):
    """Where a box on one side lies, seen from the other, after turning the sheet over.
    'vertical': over its left/right axis (mirrors left to right); 'horizontal': over top/bottom."""
    x0, top, x1, bottom = box
    if axis == "vertical":
        return width - x1, top, width - x0, bottom
    return x0, height - bottom, x1, height - top


def close(a, b, tolerance):
    return all(abs(p - q) <= tolerance for p, q in zip(a, b))


def inside(inner, outer, tolerance=0.0):
    return (inner[0] >= outer[0] - tolerance and inner[2] <= outer[2] + tolerance
            and inner[1] >= outer[1] - tolerance and inner[3] <= outer[3] + tolerance)


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def card_holding(box, cards):
    holding = [card for card in cards if inside(box, card)]
    assert len(holding) == 1, (box, holding)
    return holding[0]


def check_backs_behind_fronts(front, back, cards, axis, back_of=None):
    """Every label on `front` has its back's label behind it (within 0.3 mm) and all its back's words
    inside its card; returns the card numbers checked. `back_of`, for a folded sheet, picks the
    back's label of the two on the one page."""
    width, height = back.width, back.height
    if back_of is None:
        front_labels, back_labels = only_labels(front), only_labels(back)
    else:
        both = labels(front)
        assert all(len(boxes) == 2 for boxes in both.values()), both
        front_labels = {n: next(b for b in boxes if not back_of(b)) for n, boxes in both.items()}
        back_labels = {n: next(b for b in boxes if back_of(b)) for n, boxes in both.items()}
    assert sorted(front_labels) == sorted(back_labels)
    words = back_words(back)
    for number, label in front_labels.items():
        card = card_holding(label, cards)
        behind = turned_over(back_labels[number], width, height, axis)
        assert close(behind, label, LABEL), (number, [round((a - b) / MM, 2) for a, b in zip(behind, label)])
        own = words.get(number - 1, [])
        assert len(own) == 12, (number, own)  # every word of the back, none lost off the card
        for word in own:
            seen = turned_over(word, width, height, axis)
            assert inside(seen, card), (number, seen, card)
            assert not overlap(word, back_labels[number]), (number, word)  # the label stays readable
    return sorted(front_labels)


def make(run, *args):
    result = run("flashcards", *args)
    assert result.exit_code == 0, result.output
    return result


# ---------------------------------------------------------------------------------------------
# 1. Backs behind fronts


@pytest.mark.parametrize("stock, duplex, axis, cards", [
    ("plain-a4-business", "long-edge", "vertical", 13),    # portrait, long edge: mirrored left to right
    ("plain-a4-business", "short-edge", "horizontal", 13),  # portrait, short edge: top to bottom
    ("plain-a4-a6", "long-edge", "horizontal", 6),         # landscape: the long edge is the top one
    ("plain-a4-a6", "short-edge", "vertical", 6),
    ("avery-5388", "short-edge", "horizontal", 5),
])
def test_each_back_label_is_behind_its_front_label_when_printed_double_sided(run, write_topic, tmp_path, stock,
                                                                             duplex, axis, cards):
    target = tmp_path / "cards.pdf"
    make(run, write_topic(deck(cards)), "--stock", stock, "--duplex", duplex, "-o", target)
    _, boxes = grid(STOCK_DATA[stock])
    checked = []
    with pdfplumber.open(target) as pdf:
        pages = pdf.pages
        assert len(pages) == 4  # two sheets, the second part-filled
        for sheet in range(0, len(pages), 2):
            checked += check_backs_behind_fronts(pages[sheet], pages[sheet + 1], boxes, axis)
    assert checked == list(range(1, cards + 1))


def test_with_duplex_none_the_backs_pages_turned_on_the_long_edge_match_the_fronts_pages(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    make(run, write_topic(deck(23)), "--duplex", "none", "-o", target)
    _, boxes = grid(STOCK_DATA["plain-a4-business"])
    checked = []
    with pdfplumber.open(target) as pdf:
        pages = pdf.pages
        assert len(pages) == 6
        for sheet in range(3):
            checked += check_backs_behind_fronts(pages[sheet], pages[sheet + 3], boxes, "vertical")
    assert checked == list(range(1, 24))


@pytest.mark.parametrize("stock, cards, per_sheet, axis", [
    ("plain-a4-business", 7, 5, "vertical"),   # two columns: fronts left, backs right, fold down the middle
    ("avery-5388", 2, 1, "horizontal"),        # one column: front above, back below, fold across
])
def test_folded_sheets_put_each_back_label_behind_its_front_label(run, write_topic, tmp_path, stock, cards,
                                                                  per_sheet, axis):
    target = tmp_path / "cards.pdf"
    make(run, write_topic(deck(cards)), "--stock", stock, "--duplex", "fold", "-o", target)
    (width, height), boxes = grid(STOCK_DATA[stock])
    if axis == "vertical":
        def back_of(box):
            return box[0] > width / 2
    else:
        def back_of(box):
            return box[1] > height / 2
    checked = []
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) == -(-cards // per_sheet)
        for page in pdf.pages:
            checked += check_backs_behind_fronts(page, page, boxes, axis, back_of)
    assert checked == list(range(1, cards + 1))


@pytest.mark.parametrize("duplex, axis", [("long-edge", "vertical"), ("short-edge", "horizontal")])
def test_backs_printed_on_their_own_fit_behind_fronts_printed_on_their_own(run, write_topic, tmp_path, duplex, axis):
    """The fronts' sheets turned over on the edge the build output names, and fed in again."""
    topic = write_topic(deck(13))
    make(run, topic, "--sides", "front", "--duplex", duplex, "-o", tmp_path / "fronts.pdf")
    backs_run = make(run, topic, "--sides", "back", "--duplex", duplex, "-o", tmp_path / "backs.pdf")
    assert f"turn those sheets over on their {duplex.split('-')[0]} edge" in backs_run.output
    _, boxes = grid(STOCK_DATA["plain-a4-business"])
    checked = []
    with pdfplumber.open(tmp_path / "fronts.pdf") as fronts, pdfplumber.open(tmp_path / "backs.pdf") as backs:
        assert len(fronts.pages) == len(backs.pages) == 2
        assert not back_words(fronts.pages[0]) and not any(w["text"].startswith("Q") for w in
                                                          backs.pages[0].extract_words())
        for front, back in zip(fronts.pages, backs.pages):
            checked += check_backs_behind_fronts(front, back, boxes, axis)
    assert checked == list(range(1, 14))


@pytest.mark.parametrize("stock, duplex, axis, cards", [
    ("lopsided", "long-edge", "vertical", 11),
    ("lopsided", "short-edge", "horizontal", 11),
    ("lopsided-landscape", "long-edge", "horizontal", 13),
    ("lopsided-landscape", "short-edge", "vertical", 13),
])
def test_a_lopsided_stock_of_your_own_gets_its_backs_behind_its_fronts(run, write_topic, tmp_path, monkeypatch,
                                                                      stock, duplex, axis, cards):
    """Margins unequal left and right, top and bottom: a back mirrored onto the stock's own grid,
    or about the wrong edge, would miss its front by millimetres."""
    layout = lopsided_layout(tmp_path, monkeypatch, stock)
    target = tmp_path / "cards.pdf"
    make(run, write_topic(deck(cards)), "--layout", layout, "--duplex", duplex, "-o", target)
    _, boxes = grid(LOPSIDED[stock])
    checked = []
    with pdfplumber.open(target) as pdf:
        pages = pdf.pages
        assert len(pages) == 4
        for sheet in range(0, 4, 2):
            checked += check_backs_behind_fronts(pages[sheet], pages[sheet + 1], boxes, axis)
    assert checked == list(range(1, cards + 1))


@pytest.mark.parametrize("stock, duplex, cards", [
    ("plain-a4-business", "long-edge", 13), ("plain-a4-business", "short-edge", 13),
    ("plain-a4-a6", "long-edge", 6), ("avery-5388", "short-edge", 5),
])
def test_fronts_fill_the_stock_slots_in_reading_order(run, write_topic, tmp_path, stock, duplex, cards):
    """Card 1 top left, then along the row: the label in each slot's bottom right corner, 2.2 mm in."""
    target = tmp_path / "cards.pdf"
    make(run, write_topic(deck(cards)), "--stock", stock, "--duplex", duplex, "-o", target)
    _, boxes = grid(STOCK_DATA[stock])
    seen = []
    with pdfplumber.open(target) as pdf:
        for sheet, page in enumerate(pdf.pages[::2]):
            for number, label in only_labels(page).items():
                x0, top, x1, bottom = boxes[(number - 1) % len(boxes)]
                assert sheet * len(boxes) < number <= (sheet + 1) * len(boxes)
                assert label[2] == pytest.approx(x1 - 2.2 * MM, abs=GRID)
                assert inside(label, (x0, top, x1, bottom))
                seen.append(number)
    assert sorted(seen) == list(range(1, cards + 1))


# ---------------------------------------------------------------------------------------------
# 2. back_offset


def drift_layout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir(exist_ok=True)
    (tmp_path / "layouts" / "drift.yaml").write_text("flashcards:\n  back_offset:\n    x: 1.5mm\n    y: -0.8mm\n")
    return "drift"


@pytest.mark.parametrize("stock, duplex, cards", [
    ("plain-a4-business", "long-edge", 13),
    ("plain-a4-business", "short-edge", 13),
    ("plain-a4-a6", "long-edge", 6),
])
def test_back_offset_moves_every_back_label_right_and_down_as_written_and_no_front(run, write_topic, tmp_path,
                                                                                  monkeypatch, stock, duplex, cards):
    """x 1.5mm is right and y -0.8mm is down, as the back page is looked at."""
    layout = drift_layout(tmp_path, monkeypatch)
    topic = write_topic(deck(cards))
    make(run, topic, "--stock", stock, "--duplex", duplex, "-o", tmp_path / "plain.pdf")
    make(run, topic, "--layout", layout, "--stock", stock, "--duplex", duplex, "-o", tmp_path / "moved.pdf")
    moved_backs = 0
    with pdfplumber.open(tmp_path / "plain.pdf") as plain, pdfplumber.open(tmp_path / "moved.pdf") as moved:
        assert len(plain.pages) == len(moved.pages) == 4
        for index, (before_page, after_page) in enumerate(zip(plain.pages, moved.pages)):
            before, after = only_labels(before_page), only_labels(after_page)
            assert sorted(before) == sorted(after) and before
            for number in before:
                if index % 2 == 0:  # fronts stay where they were
                    assert close(after[number], before[number], 0.01), number
                    continue
                (x0, top, x1, bottom), (nx0, ntop, nx1, nbottom) = before[number], after[number]
                assert nx0 - x0 == pytest.approx(1.5 * MM, abs=0.01) and nx1 - x1 == pytest.approx(1.5 * MM, abs=0.01)
                assert ntop - top == pytest.approx(0.8 * MM, abs=0.01)  # pdfplumber's top runs down the page
                assert nbottom - bottom == pytest.approx(0.8 * MM, abs=0.01)
                moved_backs += 1
    assert moved_backs == cards


# ---------------------------------------------------------------------------------------------
# 3. Plain paper: the grid in the middle of the sheet

PLAIN = sorted(name for name, settings in STOCK_DATA.items() if settings.get("centred"))


def test_every_plain_stock_listed_is_checked_below(run):
    listing = run("stocks")
    listed = {match.group(1) for match in re.finditer(r"^(\S+)(?: \(also [^)]*\))?: ", listing.output, re.M)}
    plain = {name for name in listed if name.startswith("plain-")}
    assert {"plain-a4-business", "plain-letter-business", "plain-a4-a7", "plain-letter-index"} <= plain
    assert plain == set(PLAIN)


@pytest.mark.parametrize("stock", PLAIN)
def test_cut_lines_on_plain_paper_form_the_centred_grid(run, write_topic, tmp_path, stock):
    (width, height), boxes = grid(STOCK_DATA[stock])
    target = tmp_path / "cards.pdf"
    make(run, write_topic(deck(len(boxes))), "--stock", stock, "--cut", "lines", "-o", target)
    with pdfplumber.open(target) as pdf:
        page = pdf.pages[0]
        assert (page.width, page.height) == pytest.approx((width, height), abs=GRID)
        drawn = sorted((r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects)
    assert len(drawn) == len(boxes)
    for rect, want in zip(drawn, sorted(boxes)):
        assert close(rect, want, GRID), (stock, [round(v / MM, 2) for v in rect], [round(v / MM, 2) for v in want])


# ---------------------------------------------------------------------------------------------
# 4. Guides only on the fronts; --start-position leaves the used slots blank


@pytest.mark.parametrize("stock, duplex, cut", [
    ("plain-a4-business", "long-edge", "lines"),
    ("plain-a4-business", "short-edge", "lines"),
    ("plain-a4-business", "none", "lines"),
    ("avery-c32011", "long-edge", "crop"),
    ("avery-5388", "short-edge", "crop"),
])
def test_back_pages_carry_no_cut_lines_or_crop_marks(run, write_topic, tmp_path, stock, duplex, cut):
    target = tmp_path / "cards.pdf"
    make(run, write_topic(deck(13)), "--stock", stock, "--duplex", duplex, "--cut", cut, "-o", target)
    with pdfplumber.open(target) as pdf:
        pages = pdf.pages
        half = len(pages) // 2
        fronts = pages[:half] if duplex == "none" else pages[::2]
        backs = pages[half:] if duplex == "none" else pages[1::2]
        for page in fronts:
            assert page.rects if cut == "lines" else page.lines  # the fronts do carry them
        for page in backs:
            assert back_words(page) and not page.rects and not page.lines and not page.curves


def test_backs_printed_on_their_own_carry_no_cut_lines(run, write_topic, tmp_path):
    target = tmp_path / "backs.pdf"
    make(run, write_topic(deck(3)), "--sides", "back", "--cut", "lines", "-o", target)
    with pdfplumber.open(target) as pdf:
        page = pdf.pages[0]
        assert back_words(page) and not page.rects and not page.lines and not page.curves


def printed_in(page, box):
    """Characters, rectangles and lines on the page within the box (shrunk 0.5 mm, so the
    neighbours' cut lines along its edges do not count)."""
    x0, top, x1, bottom = box[0] + 0.5 * MM, box[1] + 0.5 * MM, box[2] - 0.5 * MM, box[3] - 0.5 * MM

    def within(thing):
        return thing["x1"] > x0 and thing["x0"] < x1 and thing["bottom"] > top and thing["top"] < bottom

    return [c["text"] for c in page.chars if within(c)] + [o["object_type"] for o in page.rects + page.lines
                                                          if within(o)]


@pytest.mark.parametrize("duplex, axis", [("long-edge", "vertical"), ("short-edge", "horizontal")])
def test_start_position_4_leaves_the_first_three_slots_blank_front_and_back(run, write_topic, tmp_path, duplex,
                                                                            axis):
    target = tmp_path / "cards.pdf"
    make(run, write_topic(deck(5)), "--duplex", duplex, "--start-position", "4", "--cut", "lines", "-o", target)
    (width, height), boxes = grid(STOCK_DATA["plain-a4-business"])
    with pdfplumber.open(target) as pdf:
        front, back = pdf.pages
        for slot in boxes[:3]:
            assert printed_in(front, slot) == []
            assert printed_in(back, turned_over(slot, width, height, axis)) == []
        # The cards start in slot 4 and carry on from there, each with its cut line and its back.
        drawn = sorted((r["x0"], r["top"], r["x1"], r["bottom"]) for r in front.rects)
        assert len(drawn) == 5
        assert all(close(rect, want, GRID) for rect, want in zip(drawn, sorted(boxes[3:8])))
        assert check_backs_behind_fronts(front, back, boxes[3:8], axis) == [1, 2, 3, 4, 5]
        assert card_holding(only_labels(front)[1], boxes) == boxes[3]


# ---------------------------------------------------------------------------------------------
# 5. The calibration sheet


def ruler_centres(page):
    """Centres of the back's rulers: the middle of each horizontal ruler line (12 mm long)."""
    return [((l["x0"] + l["x1"]) / 2, l["top"]) for l in page.lines
            if abs(l["top"] - l["bottom"]) < 0.01 and abs(l["x1"] - l["x0"] - 12 * MM) < 0.01]


def cross_centres(page):
    return [((l["x0"] + l["x1"]) / 2, l["top"]) for l in page.lines
            if abs(l["top"] - l["bottom"]) < 0.01 and abs(l["x1"] - l["x0"] - 16 * MM) < 0.01]


@pytest.mark.parametrize("args, stock, axis", [
    (("--duplex", "short-edge"), "plain-a4-business", "horizontal"),
    (("--stock", "plain-a4-a6"), "plain-a4-a6", "horizontal"),  # landscape, long edge: top to bottom
    (("--stock", "plain-a4-a6", "--duplex", "short-edge"), "plain-a4-a6", "vertical"),
    # Centred grids look the same mirrored either way; lopsided ones show a wrong turn.
    (("--layout", "lopsided"), "lopsided", "vertical"),
    (("--layout", "lopsided", "--duplex", "short-edge"), "lopsided", "horizontal"),
    (("--layout", "lopsided-landscape"), "lopsided-landscape", "horizontal"),
    (("--layout", "lopsided-landscape", "--duplex", "short-edge"), "lopsided-landscape", "vertical"),
])
def test_calibration_rulers_turned_over_lie_on_the_front_crosses(run, tmp_path, monkeypatch, args, stock, axis):
    if stock in LOPSIDED:
        lopsided_layout(tmp_path, monkeypatch, stock)
    target = tmp_path / "cal.pdf"
    result = run("calibrate", *args, "-o", target)
    assert result.exit_code == 0, result.output
    (width, height), boxes = grid(LOPSIDED[stock] if stock in LOPSIDED else STOCK_DATA[stock])
    with pdfplumber.open(target) as pdf:
        front, back = pdf.pages
        crosses, rulers = cross_centres(front), ruler_centres(back)
        assert len(crosses) == len(rulers) == len(boxes)
        behind = [turned_over((x, y, x, y), width, height, axis)[:2] for x, y in rulers]
        for box in boxes:  # a cross in the middle of every card, and a ruler's centre on it
            middle = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
            assert [c for c in crosses if close(c, middle, LABEL)], (box, crosses)
            on_it = [point for point in behind if close(point, middle, LABEL)]
            assert len(on_it) == 1, ([round(v / MM, 2) for v in middle],
                                     [[round(v / MM, 2) for v in point] for point in behind])
