"""The built-in layouts for exam boards, large print, dyslexia and greyscale, a school's own
layouts (layouts new, --set, a logo), read back from the PDFs as a teacher would check them."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
import textwrap
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from conftest import EXAMPLE, REPO, normalise, pdf_text
from revisionprint.build import PRODUCTS as BUILT_PRODUCTS
from revisionprint.cli import cli
from revisionprint.layouts import load_layout
from revisionprint.layouts.loader import builtin_layout_folder

MM = 72 / 25.4
BUILT_IN = sorted(path.stem for path in builtin_layout_folder().glob("*.yaml"))
BOARDS = ("aqa", "edexcel", "ocr", "cambridge", "cambridge-letter", "ib", "ib-letter")
ACCESSIBLE = ("large-print", "large-print-24", "dyslexia", "greyscale")
PRODUCTS = tuple(product.key for product in BUILT_PRODUCTS)

QUESTIONS_TOPIC = """\
title: The Sino-Soviet split
subject: History
questions:
  - text: "'Ideology was the main cause of the Sino-Soviet split.' Assess the validity of this view."
    marks: 25
    board: aqa
  - text: Explain two consequences of the Sino-Soviet split.
    marks: 8
    board: edexcel
  - text: Assess the reasons for the Sino-Soviet split.
    marks: 20
    board: ocr
    extended: true
  - board: cambridge
    parts:
      - text: Describe the clashes on Damansky Island in 1969.
        marks: 4
      - text: Why did relations between China and the USSR worsen after 1956?
        marks: 6
  - text: To what extent was ideology the cause of the Sino-Soviet split?
    marks: 15
    board: ib
    product: factors
factors:
  - name: Ideology
    summary: Mao called Khrushchev a revisionist.
  - name: Borders
    summary: Disputed land along the Ussuri.
timeline:
  - date: 1956
    event: Khrushchev's Secret Speech
    factor: Ideology
  - date: 1969-03-02
    event: Clashes on Damansky Island
    factor: Borders
"""

# Topics of other shapes than the example: one section only, long texts, many tags, *emphasis*.
SHAPES = {
    "only-cards": """\
        title: Cells
        flashcards:
          - front: What does the *nucleus* hold?
            back: The cell's **genetic** material
            tags: [cells]
          - front: Name the parts of a plant cell that an animal cell lacks
            back: [Cell wall, Chloroplasts, A permanent vacuole, Plasmodesmata that join it to its neighbours]
            tags: [cells, plants, structure, comparison]
        """,
    "only-factors": """\
        title: Causes of the First World War
        question: How far was the alliance system the main cause of the First World War?
        factors:
          - name: Alliances
            summary: Two armed camps turned a Balkan crisis into a European war.
            evidence: [The Triple Alliance of 1882, The Triple Entente by 1907]
            for: [Treaty obligations drew in each great power in turn]
            against: [Italy did not join its allies in 1914]
          - name: Militarism
            summary: An arms race and war plans with railway timetables.
        """,
    "long-names": """\
        title: The fall of the Roman Republic
        question: How far was Caesar responsible for the fall of the Republic?
        factors:
          - name: Caesar's ambition and his rivalry with Pompey and the Senate
            summary: He crossed the Rubicon with his army in 49 BC.
            evidence: [Dictator for life in 44 BC]
            rank: 1
          - name: The army's loyalty to its generals
            rank: 2
        timeline:
          - date: -49
            event: Caesar crosses the Rubicon
            factor: Caesar's ambition and his rivalry with Pompey and the Senate
          - date: -44-03-15
            event: Caesar is assassinated
            factor: The army's loyalty to its generals
        """,
    "only-timeline": """\
        title: The Cuban Missile Crisis
        timeline:
          - date: 1962-10-14
            event: A U-2 photographs missile sites in Cuba
          - date: 1962-10-22
            until: 1962-11-20
            event: The naval quarantine of Cuba
          - date: 1962-10-28
            event: Khrushchev agrees to remove the missiles
        """,
}


def build(run, topic: Path, output: Path, layout: str, *args: str):
    result = run("build", topic, "-o", output, "--layout", layout, *args)
    assert result.exit_code == 0, result.output
    return result


def chars_of(pdf: Path) -> list[dict]:
    with pdfplumber.open(pdf) as document:
        return [char for page in document.pages for char in page.chars if char["text"].strip()]


def drawn_size(char: dict) -> float:
    """The size a character is drawn at, turned or not: pdfminer gives the size of a character
    turned a quarter (the scale bar's label) across its box, and its advance as its size."""
    return char["size"] if char["upright"] else char["width"]


# ---------------------------------------------------------------- every built-in layout


def overlapping_text(pdf: Path) -> list[tuple]:
    """Characters drawn over one another or off the page: (page, char, char). Each character's
    box is taken at the middle of its height and width, so lines set close and tight kerning
    never count, but a word run into its neighbour's column does."""
    found = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            boxes = []
            for char in page.chars:
                if not char["text"].strip():
                    continue
                if char["x0"] < -0.5 or char["x1"] > page.width + 0.5 or char["top"] < -0.5 \
                        or char["bottom"] > page.height + 0.5:
                    found.append((number, char["text"], "off the page"))
                width, height = char["x1"] - char["x0"], char["bottom"] - char["top"]
                boxes.append((char["x0"] + 0.1 * width, char["top"] + 0.3 * height, char["x1"] - 0.1 * width,
                              char["bottom"] - 0.3 * height, char["text"]))
            buckets: dict = {}
            for index, box in enumerate(boxes):  # 20 pt squares: each character is compared with its neighbours
                for x in range(int(box[0] // 20), int(box[2] // 20) + 1):
                    for y in range(int(box[1] // 20), int(box[3] // 20) + 1):
                        buckets.setdefault((x, y), []).append(index)
            pairs = {(a, b) for bucket in buckets.values() for a in bucket for b in bucket if a < b}
            for a, b in sorted(pairs):
                one, two = boxes[a], boxes[b]
                if min(one[2], two[2]) - max(one[0], two[0]) > 0.5 and min(one[3], two[3]) - max(one[1], two[1]) > 0.5:
                    found.append((number, one[4], two[4]))
    return found


@pytest.fixture(scope="module")
def example_in():
    """The example built with a layout, once for all the tests that read it: (output, PDFs)."""
    built: dict = {}
    folder = Path(tempfile.mkdtemp(prefix="layout-library-"))

    def build_with(layout: str) -> tuple[str, list[Path]]:
        if layout not in built:
            result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(folder / layout), "--layout", layout],
                                        catch_exceptions=False)
            assert result.exit_code == 0, result.output
            built[layout] = (result.output, sorted((folder / layout).glob("*.pdf")))
        return built[layout]

    yield build_with
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("layout", BUILT_IN)
def test_every_built_in_layout_builds_the_example_without_problems_or_overlaps(example_in, layout):
    output, pdfs = example_in(layout)
    assert "problem" not in output
    assert len(pdfs) == len(PRODUCTS)
    for pdf in pdfs:
        assert overlapping_text(pdf) == [], pdf.name


def test_the_overlap_check_finds_text_run_into_its_neighbour(run, write_topic, tmp_path):
    topic = write_topic("title: T\nfactors:\n  - name: Extraordinarilylongfactorname\n    summary: S\n")
    build(run, topic, tmp_path, "default", "--only", "factors", "--set", "factors.widths=[1, 3, 3, 3, 3, 3]")
    assert overlapping_text(tmp_path / "t-factors.pdf")


@pytest.mark.parametrize("layout", BUILT_IN)
def test_every_built_in_layout_builds_topics_of_other_shapes(run, write_topic, tmp_path, layout):
    for name, text in SHAPES.items():
        topic = write_topic(textwrap.dedent(text), f"{name}.yaml")
        result = build(run, topic, tmp_path / name, layout)
        assert "problem" not in result.output, (name, result.output)
        for pdf in sorted((tmp_path / name).glob("*.pdf")):
            assert overlapping_text(pdf) == [], (name, pdf.name)


def test_the_layouts_list_names_each_with_its_paper_and_where_it_is_from(run, monkeypatch):
    monkeypatch.chdir(REPO)
    listed = {line.split()[0]: line for line in run("layouts").output.splitlines()}
    for name in (*BOARDS, *ACCESSIBLE):
        assert "[built in]" in listed[name]
    assert "Letter" in listed["cambridge-letter"] and "A4" in listed["cambridge"]
    assert "2028" in listed["ib"]
    assert "[layouts/school-house.yaml]" in listed["school-house"]


# ---------------------------------------------------------------- exam boards


@pytest.mark.parametrize("layout, expected", [
    ("aqa", ["'Ideology was the main cause of the Sino-Soviet split.' Assess the validity of this view. [25 marks]"]),
    ("edexcel", ["Explain two consequences of the Sino-Soviet split. (8)"]),
    ("ocr", ["Assess the reasons for the Sino-Soviet split. [20]"]),
    ("cambridge", ["(a) Describe the clashes on Damansky Island in 1969. [4]",
                   "(b) Why did relations between China and the USSR worsen after 1956? [6]"]),
    ("ib", ["To what extent was ideology the cause of the Sino-Soviet split? [15 marks]"]),
])
def test_a_boards_question_prints_with_its_mark_notation(run, write_topic, tmp_path, layout, expected):
    topic = write_topic(QUESTIONS_TOPIC)
    build(run, topic, tmp_path, layout, "--only", "factors")
    with pdfplumber.open(tmp_path / "the-sino-soviet-split-factors.pdf") as pdf:
        raw = pdf.pages[0].extract_text()
        text = normalise(raw)
    for line in expected:
        assert line in text
    if layout == "ocr":  # the asterisk of an extended-response question (normalise leaves stars out)
        assert "* Assess the reasons" in " ".join(raw.split())


def test_the_marks_stand_flush_right_on_the_questions_last_line(run, write_topic, tmp_path):
    build(run, write_topic(QUESTIONS_TOPIC), tmp_path, "aqa", "--only", "factors")
    with pdfplumber.open(tmp_path / "the-sino-soviet-split-factors.pdf") as pdf:
        page = pdf.pages[0]
        marks = [word for word in page.extract_words() if word["text"] == "marks]"][0]
        assert marks["x1"] == pytest.approx(page.width - 12 * MM, abs=1)


def test_a_question_for_one_product_heads_only_that_product(run, write_topic, tmp_path):
    build(run, write_topic(QUESTIONS_TOPIC), tmp_path, "ib", "--only", "factors,timeline")
    assert "To what extent" in pdf_text(tmp_path / "the-sino-soviet-split-factors.pdf")
    assert "To what extent" not in pdf_text(tmp_path / "the-sino-soviet-split-timeline.pdf")


def test_a_question_for_any_board_prints_where_the_board_has_none(run, write_topic, tmp_path):
    topic = write_topic(QUESTIONS_TOPIC.replace("board: ib", "board: any"))
    build(run, topic, tmp_path, "aqa", "--only", "factors")
    assert "[25 marks]" in pdf_text(tmp_path / "the-sino-soviet-split-factors.pdf")  # aqa's own comes first
    build(run, topic, tmp_path, "ib", "--only", "factors")
    assert "To what extent was ideology the cause of the Sino-Soviet split? [15 marks]" in pdf_text(
        tmp_path / "the-sino-soviet-split-factors.pdf")


@pytest.mark.parametrize("product", ["factors", "timeline"])
def test_without_a_question_for_the_board_a_product_prints_as_with_the_default_layout(run, write_topic, tmp_path,
                                                                                      product):
    topic = write_topic(QUESTIONS_TOPIC.replace("board: ocr", "board: cambridge"))
    build(run, topic, tmp_path / "default", "default", "--only", product)
    build(run, topic, tmp_path / "ocr", "ocr", "--only", product)
    name = f"the-sino-soviet-split-{product}.pdf"
    assert pdf_text(tmp_path / "ocr" / name) == pdf_text(tmp_path / "default" / name)
    assert "Assess" not in pdf_text(tmp_path / "ocr" / name)


def test_a_question_with_a_misspelt_board_is_reported_at_its_line(run, write_topic):
    topic = write_topic(QUESTIONS_TOPIC.replace("board: edexcel", "board: edexel"))
    result = run("validate", topic)
    assert result.exit_code == 1
    assert "topic.yaml:9:12: questions[1].board: 'edexel' is not a board; did you mean 'edexcel'?" in result.output


# ---------------------------------------------------------------- large print


@pytest.mark.parametrize("layout, smallest", [("large-print", 18), ("large-print-24", 24)])
def test_large_print_draws_every_text_bold_and_at_least_its_size(run, tmp_path, write_topic, example_in, layout,
                                                                 smallest):
    topic = write_topic(SHAPES["only-cards"].replace("        ", "") + QUESTIONS_TOPIC.split("questions:")[0]
                        .replace("title: The Sino-Soviet split\n", "").replace("subject: History\n", ""))
    build(run, topic, tmp_path / "cards", layout)
    pdfs = sorted(tmp_path.glob("*/*.pdf")) + example_in(layout)[1]
    assert {pdf.stem.split("1976-")[-1] for pdf in pdfs} >= set(PRODUCTS)
    for pdf in pdfs:
        chars = chars_of(pdf)
        assert chars, pdf
        assert min(drawn_size(char) for char in chars) >= smallest - 0.01, pdf.name
        assert all("Bold" in char["fontname"] for char in chars), pdf.name
        assert not any("Italic" in char["fontname"] for char in chars), pdf.name


def test_large_print_refuses_a_smaller_size_at_its_line(in_project, run):
    (in_project / "lp.yaml").write_text("extends: large-print\nfactors:\n  heading_size: 14pt\n")
    result = run("layouts", "show", "lp")
    assert result.exit_code == 1
    assert "layouts/lp.yaml:3:17: factors.heading_size: 14pt is smaller than this layout's minimum text size (18pt" \
        in result.output


def test_large_print_fits_fewer_cards_to_a_sheet_and_carries_long_backs_on(run, tmp_path):
    result = build(run, EXAMPLE, tmp_path, "large-print", "--only", "flashcards")
    assert "plain-a4-large-print" in result.output
    large, default = (load_layout(name).flashcards.stock for name in ("large-print", "default"))
    assert large.cards_per_sheet < default.cards_per_sheet
    assert "(continued)" in pdf_text(next(tmp_path.glob("*flashcards.pdf")))


def test_an_a3_copy_of_large_print_is_one_setting_away(run, tmp_path):
    build(run, EXAMPLE, tmp_path, "large-print", "--only", "timeline", "--set", "paper=A3")
    with pdfplumber.open(next(tmp_path.glob("*-timeline.pdf"))) as pdf:
        assert (pdf.pages[0].width, pdf.pages[0].height) == pytest.approx((420 * MM, 297 * MM), abs=0.5)


# ---------------------------------------------------------------- dyslexia-friendly


def test_dyslexia_prints_atkinson_hyperlegible_with_no_italics_on_tinted_pages(run, tmp_path, write_topic,
                                                                             example_in):
    topic = write_topic(textwrap.dedent(SHAPES["only-cards"]))
    build(run, topic, tmp_path / "cards", "dyslexia")
    tint = load_layout("dyslexia").colours.page_tint
    expected = tuple(int(tint[index:index + 2], 16) / 255 for index in (1, 3, 5))
    for pdf in sorted(tmp_path.glob("*/*.pdf")) + example_in("dyslexia")[1]:
        chars = chars_of(pdf)
        assert all("AtkinsonHyperlegible" in char["fontname"] for char in chars), pdf.name
        assert not any("Italic" in char["fontname"] for char in chars), pdf.name
        with pdfplumber.open(pdf) as document:
            for page in document.pages:
                first = page.rects[0]
                assert (first["width"], first["height"]) == pytest.approx((page.width, page.height))
                assert tuple(first["non_stroking_color"]) == pytest.approx(expected, abs=0.005)
        for char in chars_of(pdf):  # no text in red or green
            red, green, blue = (tuple(char["non_stroking_color"]) * 3)[:3] if char["non_stroking_color"] else (0, 0, 0)
            assert not (red > max(green, blue) + 0.2 or green > max(red, blue) + 0.2), (pdf.name, char["text"])
    nucleus = [char for char in chars_of(next(tmp_path.glob("cards/*flashcards.pdf"))) if char["text"] == "n"]
    assert nucleus and all("Bold" in char["fontname"] for char in nucleus[:1])  # *nucleus* prints bold


def test_dyslexia_spaces_letters_and_words_wider_than_the_face_itself(run, write_topic, tmp_path):
    from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
    from reportlab.pdfbase.ttfonts import TTFont

    from revisionprint.fontfiles import font_family

    registerFont(TTFont("PlainAtkinson", str(font_family("Atkinson Hyperlegible").regular)))
    topic = write_topic("title: Cells\nflashcards:\n  - front: Q\n    back: illicit minimum in a mill\n")
    build(run, topic, tmp_path, "dyslexia", "--only", "flashcards")
    back = [char for char in chars_of(tmp_path / "cells-flashcards.pdf")
            if char["text"] in "ilictmnu" and "Regular" in char["fontname"]]
    assert back
    for char in back:
        plain = stringWidth(char["text"], "PlainAtkinson", char["size"])
        assert char["width"] >= plain + 0.1 * char["size"] * 0.5, char["text"]  # at least 10% of a letter more
    with pdfplumber.open(tmp_path / "cells-flashcards.pdf") as pdf:
        words = [word for word in pdf.pages[1].extract_words() if word["text"] in ("illicit", "minimum")]
    assert len(words) == 2 and words[1]["x0"] - words[0]["x1"] > stringWidth(" ", "PlainAtkinson", 11) * 1.4


def test_dyslexia_spaces_lines_half_as_much_again_and_prints_no_red_or_green_text(tmp_path):
    layout = load_layout("dyslexia")
    assert layout.font_family.leading == 1.5 and 12 <= layout.body_size <= 14
    assert layout.title_size >= 1.2 * layout.body_size
    for colour in (layout.colours.text, layout.colours.muted):
        red, green, blue = (int(colour[index:index + 2], 16) for index in (1, 3, 5))
        assert max(red, green, blue) - min(red, green, blue) < 16, colour  # a grey, not a hue


# ---------------------------------------------------------------- greyscale


def _grey(colour) -> float:
    red, green, blue = colour[:3] if len(colour) >= 3 else (colour[0],) * 3
    return 0.299 * red + 0.587 * green + 0.114 * blue  # as a copier sees it


def test_greyscale_tag_bands_stay_apart_on_a_copier_and_name_their_tags(run, write_topic, tmp_path):
    tags = ["causes", "events", "people", "results", "terms"]
    cards = "".join(f"  - front: Card {index}\n    back: Back {index}\n    tags: [{tag}]\n"
                    for index, tag in enumerate(tags))
    topic = write_topic(f"title: Tags\nflashcards:\n{cards}")
    build(run, topic, tmp_path, "greyscale", "--only", "flashcards")
    band_height = load_layout("greyscale").flashcards.marks.band_height
    with pdfplumber.open(tmp_path / "tags-flashcards.pdf") as pdf:
        page = pdf.pages[0]
        bands = [rect for rect in page.rects if rect["height"] == pytest.approx(band_height, abs=0.1)]
        greys = sorted({round(_grey(rect["non_stroking_color"]), 3) for rect in bands})
        text = normalise(page.extract_text())
    assert len(greys) == len(tags)
    assert min(b - a for a, b in zip(greys, greys[1:])) >= 0.15
    assert all(tag in text for tag in tags)


def test_greyscale_factors_each_keep_a_shape_and_grey_of_their_own():
    key = load_layout("greyscale").factor_key
    names = tuple(f"Factor {index}" for index in range(len(key.shapes)))
    marks = key.marks(names).values()
    assert len({mark.shape for mark in marks}) == len(names)
    greys = sorted(_grey([int(mark.colour[index:index + 2], 16) / 255 for index in (1, 3, 5)]) for mark in marks)
    assert min(b - a for a, b in zip(greys, greys[1:])) >= 0.05


# ---------------------------------------------------------------- a school's own layouts


@pytest.fixture
def in_project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    return tmp_path / "layouts"


def test_layouts_new_writes_an_annotated_copy_that_builds_as_the_layout_it_came_from(in_project, run):
    result = run("layouts", "new", "our-school", "--from", "aqa")
    assert result.exit_code == 0, result.output
    text = (in_project / "our-school.yaml").read_text()
    assert "extends: aqa" in text and "#   top: 15mm" in text and "#   marks: '[{marks} marks]'" in text
    ours, aqa = load_layout("our-school"), load_layout("aqa")
    assert dataclasses.replace(ours, name="aqa", file=aqa.file, extends=aqa.extends, description=aqa.description) == aqa
    # Uncommenting a value and its section changes that value.
    (in_project / "our-school.yaml").write_text(text.replace("# margins:\n#   top: 15mm", "margins:\n  top: 25mm"))
    assert load_layout("our-school").margins.top == pytest.approx(25 * MM)
    again = run("layouts", "new", "our-school", "--from", "aqa")
    assert again.exit_code == 2 and "--force" in again.output


def test_layouts_new_suggests_the_layout_meant(in_project, run):
    result = run("layouts", "new", "ours", "--from", "aqq")
    assert result.exit_code == 2 and "did you mean 'aqa'?" in result.output


def test_a_layout_extending_another_differs_only_in_the_value_it_changes(in_project, run, tmp_path):
    (in_project / "wider.yaml").write_text("extends: edexcel\nfactors:\n  heading_size: 12pt\n")
    wider, edexcel = load_layout("wider"), load_layout("edexcel")
    same = dataclasses.replace(wider, name=edexcel.name, file=edexcel.file, extends=edexcel.extends,
                               factors=dataclasses.replace(wider.factors, heading_size=edexcel.factors.heading_size))
    assert same == edexcel and wider.factors.heading_size == 12


def test_layouts_show_names_the_file_and_line_of_every_value(in_project, run):
    (in_project / "ours.yaml").write_text("extends: ocr\nmargins:\n  top: 20mm\n")
    shown = run("layouts", "show", "ours", "--set", "font.size=12pt").output
    lines = {line.split("#")[0].strip(): line.split("#")[-1].strip() for line in shown.splitlines() if "#" in line}
    assert lines["top: 20mm"] == "layouts/ours.yaml:3"
    ocr_lines = (builtin_layout_folder() / "ocr.yaml").read_text().splitlines()
    marks_line = ocr_lines.index('  marks: "[{marks}]"') + 1
    assert lines["marks: '[{marks}]'"] == f"built-in ocr.yaml:{marks_line}"
    assert lines["family: Open Sans"].startswith("built-in default.yaml:")
    assert lines["size: 12pt"] == "from --set font.size"


def test_set_reaches_the_pdf(run, tmp_path):
    build(run, EXAMPLE, tmp_path, "default", "--only", "timeline", "--set", "paper=A5", "--set", "margins.left=30mm",
          "--set", "font.title_size=20pt")
    with pdfplumber.open(next(tmp_path.glob("*-timeline.pdf"))) as pdf:
        page = pdf.pages[0]
        assert (page.width, page.height) == pytest.approx((210 * MM, 148 * MM), abs=0.5)
        assert min(char["x0"] for char in page.chars) >= 30 * MM - 0.5
        title = [char for char in page.chars if char["text"] == "S" and char["size"] > 19]
        assert title and title[0]["size"] == pytest.approx(20, abs=0.01)


@pytest.mark.parametrize("setting, words", [
    ("font.weigth=bold", "--set font.weigth: unknown key 'weigth'; did you mean 'weight'?"),
    ("margins.top=12", "--set margins.top: '12' is not a length"),
    ("board.name=aqq", "--set board.name: 'aqq' is not one of the choices; did you mean 'aqa'?"),
    ("margins", "'margins' should be KEY=VALUE"),
])
def test_a_wrong_set_is_reported_as_coming_from_the_option(run, tmp_path, setting, words):
    result = run("build", EXAMPLE, "-o", tmp_path, "--set", setting)
    assert result.exit_code == 2
    assert words in " ".join(result.output.split())
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize("yaml_text, words", [
    ("font:\n  weigth: bold\n", "layouts/bad.yaml:2:3: font.weigth: unknown key 'weigth'; did you mean 'weight'?"),
    ("board:\n  name: edexel\n", "layouts/bad.yaml:2:9: board.name: 'edexel' is not one of the choices; "
                                 "did you mean 'edexcel'?"),
    ("board:\n  marks: '[marks]'\n", "layouts/bad.yaml:2:10: board.marks: '[marks]' should say where the marks go"),
    ("font:\n  family: Atkinson Hyperlegibel\n", "layouts/bad.yaml:2:11: font.family: 'Atkinson Hyperlegibel' is not "
                                               "one of the choices; did you mean 'Atkinson Hyperlegible'?"),
    ("school:\n  logo: crest.png\n", "layouts/bad.yaml:2:9: school.logo: there is no file 'crest.png'"),
    ("school:\n  logo: notes.txt\n", "layouts/bad.yaml:2:9: school.logo: 'notes.txt' is not a PNG or JPEG image"),
    ("school:\n  logo: broken.png\n", "layouts/bad.yaml:2:9: school.logo: 'broken.png' cannot be read as an image"),
    ("colours:\n  page_tint: cream\n", "layouts/bad.yaml:2:14: colours.page_tint: 'cream' is not a colour"),
])
def test_a_wrong_layout_value_is_reported_at_its_line(in_project, run, yaml_text, words):
    (in_project / "notes.txt").write_text("not a picture")
    (in_project / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)  # cut short in the copy
    (in_project / "bad.yaml").write_text(yaml_text)
    result = run("layouts", "show", "bad")
    assert result.exit_code == 1
    assert words in result.output


def test_the_repositorys_example_layouts_build_with_the_schools_name_and_crest(run, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    build(run, EXAMPLE, tmp_path / "school", "school-house")
    factors = tmp_path / "school" / "sino-soviet-relations-1949-1976-factors.pdf"
    with pdfplumber.open(factors) as pdf:
        for page in pdf.pages:
            assert "Riverside Academy" in page.extract_text()
            assert len(page.images) == 1 and page.images[0]["top"] >= 5 * MM - 0.5  # clear of the printer's edge
    assert "avery-c32011" in run("build", EXAMPLE, "-o", tmp_path / "s", "--layout", "school-house",
                                 "--only", "flashcards").output
    build(run, EXAMPLE, tmp_path / "printer", "printer-calibration")
    assert load_layout("printer-calibration").flashcards.back_offset_x == pytest.approx(-1.5 * MM)


# ---------------------------------------------------------------- build takes the card options


def test_build_takes_the_card_options(run, tmp_path):
    result = build(run, EXAMPLE, tmp_path, "default", "--only", "flashcards", "--stock", "avery-c32011",
                   "--duplex", "short-edge", "--cut", "none", "--sides", "front")
    assert "avery-c32011" in result.output and "flip on short edge" not in result.output
    with pdfplumber.open(next(tmp_path.glob("*flashcards.pdf"))) as pdf:
        assert len(pdf.pages) == 2  # fronts only: 17 cards, 10 to a sheet
    refused = run("build", EXAMPLE, "-o", tmp_path, "--stock", "avery-c3201")
    assert refused.exit_code == 2 and "did you mean" in refused.output


def test_a_spaced_out_face_leaves_the_plain_face_as_it_is():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from dataclasses import replace

    from revisionprint.fontfiles import font_choice
    from revisionprint.render.fonts import register_family

    atkinson = font_choice("Atkinson Hyperlegible")
    spaced = register_family(replace(atkinson, letter_spacing=0.3))
    plain = register_family(atkinson)
    other = register_family(replace(atkinson, letter_spacing=0.6))
    widths = [stringWidth("i", faces.regular, 10) for faces in (plain, spaced, other)]
    assert widths[0] < widths[1] - 1 < widths[2] - 2


def test_letters_from_the_fallback_font_are_spaced_out_too_and_only_where_asked():
    from dataclasses import replace

    from reportlab.pdfbase.pdfmetrics import stringWidth

    from revisionprint.fontfiles import font_choice
    from revisionprint.render.fonts import font_runs, register_family

    atkinson = font_choice("Atkinson Hyperlegible")
    spaced, plain = register_family(replace(atkinson, letter_spacing=0.3)), register_family(atkinson)

    def greek(faces) -> tuple[str, float]:
        [(text, face)] = font_runs("\u03b1\u03b2\u03b3", faces.regular)  # αβγ: not in Atkinson Hyperlegible
        assert face != faces.regular
        return face, stringWidth(text, face, 10)

    (_, spaced_width), (_, plain_width) = greek(spaced), greek(plain)
    assert spaced_width > plain_width + 3 * 1.0  # three letters, each at least 1pt further on
    assert plain_width == stringWidth("\u03b1\u03b2\u03b3", register_family("DejaVu Sans").regular, 10)


def test_a_question_for_the_product_comes_before_one_for_all(run, write_topic, tmp_path):
    narrative = ("  - text: Write a narrative account analysing the key events of the split.\n    marks: 8\n"
                 "    board: edexcel\n    product: timeline\n")
    topic = write_topic(QUESTIONS_TOPIC.replace("    board: edexcel\n", "    board: edexcel\n" + narrative))
    build(run, topic, tmp_path, "edexcel", "--only", "factors,timeline")
    assert "Explain two consequences" in pdf_text(tmp_path / "the-sino-soviet-split-factors.pdf")
    timeline = pdf_text(tmp_path / "the-sino-soviet-split-timeline.pdf")
    assert "Write a narrative account analysing the key events of the split. (8)" in timeline
    assert "Explain two consequences" not in timeline


@pytest.mark.parametrize("command", [["build"], ["flashcards"], ["factors"], ["cardsort"], ["timeline"],
                                     ["validate"], ["calibrate", "-o", "x.pdf"], ["layouts", "show", "aqa"]])
def test_every_building_command_takes_set(run, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    topic = [] if command[0] in ("calibrate", "layouts") else [EXAMPLE]
    result = run(*command, *topic, "--set", "margins.tpo=20mm")
    assert result.exit_code == 2
    assert "--set margins.tpo: unknown key 'tpo'; did you mean 'top'?" in " ".join(result.output.split())
